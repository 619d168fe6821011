import { SETTLEMENT_TIMEZONE } from './settlement-math.js';

/**
 * SQL shared by earnings, statements and the ledger: the same definitions as settlement-math.ts, applied in
 * the database so that nothing is loaded session by session.
 */

/** A session's start as an Asia/Shanghai calendar day (the day whose agreement applies to it). */
export const sessionStartDay = (s: string) => `(${s}.created_at AT TIME ZONE '${SETTLEMENT_TIMEZONE}')::date`;

/**
 * The span of days each franchise agreement version is in force: from its `effective_from` until the earliest
 * `effective_from` of any later version (the newest version set on or before a day wins). A version fully
 * replaced by a later one from an earlier day has no span. `$scope` limits the organisations.
 */
export const franchiseSpansSql = (scope: string) => `
  SELECT v.tenant_id, v.parent_tenant_id, v.commission_basis_points, v.collection, v.effective_from AS valid_from, v.superseded_from
    FROM (SELECT a.tenant_id, a.parent_tenant_id, a.commission_basis_points, a.collection, a.effective_from,
                 min(a.effective_from) OVER (PARTITION BY a.tenant_id ORDER BY a.version DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS superseded_from
            FROM agreements a
           WHERE a.kind = 'FRANCHISE' AND ${scope}) v
   WHERE v.superseded_from IS NULL OR v.superseded_from > v.effective_from`;

/** Joins a session (alias `s`) to the franchise agreement span (alias `f`) in force when it started. */
export const inForceWhenStarted = (f: string, s: string) =>
  `${f}.tenant_id = ${s}.tenant_id AND ${sessionStartDay(s)} >= ${f}.valid_from AND (${f}.superseded_from IS NULL OR ${sessionStartDay(s)} < ${f}.superseded_from)`;

/** Rounding COMMISSION_FLOOR_PER_ORDER: integer division of non-negative bigints is the floor. */
export const commissionSql = (netFen: string, basisPoints: string) => `((${netFen})::bigint * coalesce(${basisPoints}, 0)) / 10000`;

/** Organisations at or under `$param` (organisations.path holds every ancestor). */
export const subtreeSql = (param: string) => `(SELECT o.id FROM organizations o WHERE ${param}::uuid = ANY (o.path))`;
