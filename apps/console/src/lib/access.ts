import type { Schemas } from '@zizhu/api-client';

// One access map, default deny: the menu, the route guards and <Can> all ask `can(me, permission)`.
// The API refuses what it refuses regardless; this only keeps people away from buttons they may not use.

export type Me = Schemas['MeDto'];

export const PERMISSIONS = [
  'overview.read',
  'devices.read',
  'devices.write',
  'sites.read',
  'sites.write',
  'plans.read',
  'plans.write',
  'sessions.read',
  'sessions.act',
  'money.read',
  'merchantAccounts.read',
  'merchantAccounts.write',
  'organizations.read',
  'organizations.create',
  'organizations.write',
  'users.read',
  'users.write',
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * The permissions the API grants this login (its `/v1/me`), nothing else — plus `overview.read`, which the
 * API has no code for because every signed-in login has an overview (`GET /v1/overview` answers each with
 * what it may see).
 */
export function permissionsOf(me: Me | undefined): ReadonlySet<Permission> {
  if (!me) return new Set();
  const granted = (me as { permissions?: readonly string[] }).permissions ?? derive(me);
  return new Set<Permission>(['overview.read', ...granted.filter((p): p is Permission => (PERMISSIONS as readonly string[]).includes(p))]);
}

export function can(me: Me | undefined, permission: Permission): boolean {
  return permissionsOf(me).has(permission);
}

// Until /v1/me lists permissions: the same rules the API's role lists encode.
function derive(me: Me): readonly Permission[] {
  const role = me.user.role;
  const reseller = me.operatingModel === 'HARDWARE_SALE' && me.organizationKind === 'OPERATOR';
  const base: Permission[] = ['overview.read', 'devices.read', 'sites.read', 'organizations.read'];
  if (!reseller) base.push('sessions.read', 'money.read', 'plans.read', 'merchantAccounts.read');
  if (role === 'PLATFORM_ADMIN') return [...PERMISSIONS];
  const admin = role === 'OPERATOR_ADMIN' || role === 'FRANCHISEE_ADMIN' || role === 'CUSTOMER_ADMIN';
  if (role !== 'OPERATOR_STAFF' || !reseller) base.push('devices.write', 'sites.write', 'plans.write');
  if (!reseller) base.push('sessions.act');
  if (admin) base.push('users.read', 'users.write', 'audit.read', 'merchantAccounts.write');
  if (role === 'OPERATOR_ADMIN') base.push('organizations.create', 'organizations.write');
  return base;
}
