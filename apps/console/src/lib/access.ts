import type { Schemas } from '@zizhu/api-client';

// One access map, default deny: the menu, the route guards and <Can> all ask `can(me, permission)`.
// The API refuses what it refuses regardless; this only keeps people away from buttons they may not use.

export type Me = Schemas['MeDto'];

/** The codes of the API's `modules/identity/permissions.ts`, typed from the generated client, and the console's own overview. */
export type Permission = Me['permissions'][number] | 'overview.read';

/**
 * The permissions the API grants this login (its `/v1/me`), and the overview every login has but a technician (the
 * overview is figures and money; a technician's console is devices, sites and maintenance); nothing else.
 */
export function permissionsOf(me: Me | undefined): ReadonlySet<Permission> {
  if (!me) return new Set();
  return new Set<Permission>([...(me.user.role === 'TECHNICIAN' ? [] : (['overview.read'] as const)), ...me.permissions]);
}

export function can(me: Me | undefined, permission: Permission): boolean {
  return permissionsOf(me).has(permission);
}
