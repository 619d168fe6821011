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
  it('gives a technician no overview (figures and money): its console is devices, sites and maintenance', () => {
    const tech = { ...me(['sites.read', 'devices.read', 'maintenance.read', 'maintenance.write']), user: { id: 'u', role: 'TECHNICIAN' } as unknown as Me['user'] } as Me;
    expect([...permissionsOf(tech)].sort()).toEqual(['devices.read', 'maintenance.read', 'maintenance.write', 'sites.read']);
    expect(can(tech, 'overview.read')).toBe(false);
    expect(can(tech, 'money.read')).toBe(false);
  });
  it('derives nothing from the role: an admin without the API’s codes gets no reconciliation, complaint or split actions', () => {
    const admin = me(['merchantAccounts.read', 'merchantAccounts.write', 'settlement.read', 'sessions.act']);
    for (const code of ['reconciliations.read', 'reconciliations.write', 'complaints.read', 'complaints.act', 'profitSharing.write'] as const) {
      expect(can(admin, code)).toBe(false);
      expect(can(me([code]), code)).toBe(true);
    }
  });
});
