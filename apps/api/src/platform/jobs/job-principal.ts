import type { Principal } from '../tenancy/request-context.js';

/** The actor recorded for work a job does (audit rows, created_by columns): no user, a fixed nil id. */
export const JOB_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The principal a job handler opens `Transactions.asTenant` with for tenant data. Jobs carry the
 * tenant id in their data; row-level security then limits the handler exactly as it limits a login of
 * that organisation (zizhu_enter_tenant computes visibility from the organisation, not the role).
 *
 * The role is a non-platform one so the transaction never gets cross-tenant visibility. Principal's
 * role union has no value for "a job" yet; OPERATOR_ADMIN is used until it does (see the jobs report).
 */
export function jobPrincipal(tenantId: string): Principal {
  return { userId: JOB_ACTOR_ID, tenantId, role: 'OPERATOR_ADMIN' };
}
