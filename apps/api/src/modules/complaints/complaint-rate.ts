/**
 * The complaint rate (wechatpay-bills-sharing-complaints.md §3.5: «一个月内整体的投诉率…包括同一主体下的所有商户»), one
 * definition for the overview's figures and the COMPLAINT_RATE alert: complaints received in the last 30 days ÷ orders
 * paid (more than 0 fen) in the last 30 days, per merchant account, and per legal entity — the merchant-of-record
 * organisation, summing all its accounts. SQL fragments, read under whatever row-level security the caller's
 * transaction has; `scope(column)` filters by an organisation column (`'true'` for everything).
 */
export const COMPLAINT_RATE_WINDOW_DAYS = 30;

export const COMPLAINT_RATE_FORMULA =
  'complaint rate = complaints received in the last 30 days ÷ orders paid (more than 0 fen) in the last 30 days; per merchant account (mchid), and per legal entity (the merchant-of-record organisation, summing all its accounts); above the threshold when rate × 100 > the COMPLAINT_RATE alert rule’s threshold (percent) in force for the legal entity';

export type ScopeSql = (organizationColumn: string) => string;

/** One row per merchant account: `id, name, mchid, tenant_id, organization_name, complaints, paid_orders, created_at`. */
export function complaintCountsByAccountSql(scope: ScopeSql): string {
  return `
  WITH paid AS (
    SELECT s.merchant_account_id, count(*)::int AS n FROM service_sessions s
     WHERE s.paid_at >= now() - interval '${COMPLAINT_RATE_WINDOW_DAYS} days' AND s.paid_fen > 0 AND ${scope('s.merchant_tenant_id')} GROUP BY 1
  ),
  filed AS (
    SELECT c.merchant_account_id, count(*)::int AS n FROM complaints c
     WHERE c.complaint_time >= now() - interval '${COMPLAINT_RATE_WINDOW_DAYS} days' AND ${scope('c.tenant_id')} GROUP BY 1
  )
  SELECT a.id, a.name, a.mchid, a.tenant_id, coalesce(o.legal_name, o.name) AS organization_name, coalesce(filed.n, 0)::int AS complaints, coalesce(paid.n, 0)::int AS paid_orders, a.created_at
    FROM merchant_accounts a JOIN organizations o ON o.id = a.tenant_id
    LEFT JOIN paid ON paid.merchant_account_id = a.id LEFT JOIN filed ON filed.merchant_account_id = a.id
   WHERE ${scope('a.tenant_id')}`;
}

/**
 * One row per legal entity of `accounts` (a relation with complaintCountsByAccountSql's columns): `tenant_id,
 * organization_name, complaints, paid_orders, rate` (rate null without paid orders).
 */
export function legalEntityRollupSql(accounts: string): string {
  return `
  SELECT x.tenant_id, min(x.organization_name) AS organization_name, sum(x.complaints)::int AS complaints, sum(x.paid_orders)::int AS paid_orders,
         CASE WHEN sum(x.paid_orders) > 0 THEN sum(x.complaints)::numeric / sum(x.paid_orders) END AS rate
    FROM ${accounts} x
   GROUP BY x.tenant_id`;
}

/** One row per legal entity: `tenant_id, organization_name, complaints, paid_orders, rate` (rate null without paid orders). */
export function complaintRateByLegalEntitySql(scope: ScopeSql): string {
  return legalEntityRollupSql(`(${complaintCountsByAccountSql(scope)})`);
}

/** The rate of one merchant account's row (numeric, null without paid orders): the legal entity's arithmetic over one account. */
export const accountRateSql = (row: string): string => `CASE WHEN ${row}.paid_orders > 0 THEN ${row}.complaints::numeric / ${row}.paid_orders END`;

/**
 * Whether a rate (numeric, null without paid orders) is above a threshold in percent: the COMPLAINT_RATE alert's
 * comparison, in the database's exact numeric arithmetic, so the overview and the alert agree at the boundary.
 */
export const rateAboveThresholdSql = (rate: string, thresholdPercent: string): string => `(${rate} IS NOT NULL AND ${rate} * 100 > ${thresholdPercent})`;

/** The same rate in the process: complaints ÷ paid orders, null without paid orders. */
export const complaintRate = (complaints: number, paidOrders: number): number | null => (paidOrders > 0 ? complaints / paidOrders : null);
