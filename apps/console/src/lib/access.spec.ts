import { describe, expect, it } from '@jest/globals';
import { can, permissionsOf, type Me } from './access';

function me(permissions: Me['permissions']): Me {
  return {
    user: { id: 'u', email: 'x@y', phone: null, role: 'OPERATOR_ADMIN', organizationId: 'o' } as unknown as Me['user'],
    organizationId: 'o',
    organizationName: 'org',
    organizationKind: 'OPERATOR',
    operatingModel: 'SELF_RUN',
    permissions,
  } as Me;
}

describe('the access map', () => {
  it('denies everything without a login', () => {
    expect(permissionsOf(undefined).size).toBe(0);
    expect(can(undefined, 'overview.read')).toBe(false);
    expect(can(undefined, 'devices.read')).toBe(false);
  });
  it('grants exactly what /v1/me lists, plus the overview', () => {
    const staff = me(['devices.read']);
    expect([...permissionsOf(staff)].sort()).toEqual(['devices.read', 'overview.read']);
    expect(can(staff, 'devices.write')).toBe(false);
    expect(can(staff, 'sessions.read')).toBe(false);
  });
});
