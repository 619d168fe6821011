import { describe, expect, it } from '@jest/globals';
import { can, permissionsOf, type Me } from './access';

function me(role: Me['user']['role'], organizationKind: string, operatingModel: string | null): Me {
  return {
    user: { id: 'u', email: 'x@y', phone: null, role, organizationId: 'o' } as unknown as Me['user'],
    organizationId: 'o',
    organizationName: 'org',
    organizationKind,
    operatingModel,
  } as Me;
}

describe('the access map', () => {
  it('denies everything without a login', () => {
    expect(permissionsOf(undefined).size).toBe(0);
    expect(can(undefined, 'overview.read')).toBe(false);
  });
  it('never shows a reseller its customers’ sessions or money', () => {
    const reseller = me('OPERATOR_ADMIN', 'OPERATOR', 'HARDWARE_SALE');
    expect(can(reseller, 'devices.read')).toBe(true);
    expect(can(reseller, 'sessions.read')).toBe(false);
    expect(can(reseller, 'money.read')).toBe(false);
  });
  it('lets a franchisee act on its own sessions but not create organisations', () => {
    const franchisee = me('FRANCHISEE_ADMIN', 'FRANCHISEE', null);
    expect(can(franchisee, 'sessions.act')).toBe(true);
    expect(can(franchisee, 'organizations.write')).toBe(false);
  });
  it('gives every signed-in login its overview, which the API lists no code for', () => {
    const withList = { ...me('OPERATOR_STAFF', 'OPERATOR', 'SELF_RUN'), permissions: ['organizations.create'] } as Me;
    expect(can(withList, 'overview.read')).toBe(true);
    expect(can(withList, 'organizations.create')).toBe(true);
    expect(can(withList, 'organizations.write')).toBe(false);
  });
  it('takes the API’s own list when /v1/me carries one, and ignores codes it does not know', () => {
    const withList = { ...me('OPERATOR_STAFF', 'OPERATOR', 'SELF_RUN'), permissions: ['devices.read', 'made.up'] } as Me;
    expect([...permissionsOf(withList)]).toEqual(['overview.read', 'devices.read']);
  });
});
