import { SETTLEMENT_TIMEZONE } from './settlement-math.js';
import { commissionSql, franchiseSpansSql, inForceWhenStarted } from './settlement-sql.js';

/**
 * The figures of a franchise statement, one aggregate query (never session by session).
 * $1 organisation, $2 period start (instant), $3 the instant after the period's last day, $4 the statement id.
 *
 * Refunds: a successful refund belongs to the statement it was marked to at that statement's close
 * (`statement_refunds`); an unmarked one belongs to this statement (it is marked when this one closes). Of the
 * sessions paid in the period, `refunded` are their refunds known at the close; the refunds of sessions of earlier
 * periods learnt since are the adjustment, with the commission they give back (per order: commission on the net
 * before them − commission on the net after them, rounding COMMISSION_FLOOR_PER_ORDER).
 */
export const FRANCHISE_FIGURES_SQL = `
  WITH spans AS (${franchiseSpansSql('a.tenant_id = $1')}),
  first_period AS (
    SELECT (min(period_start)::timestamp AT TIME ZONE '${SETTLEMENT_TIMEZONE}') AS since FROM statements WHERE tenant_id = $1
  ),
  known AS (
    SELECT r.session_id, r.amount_fen, r.statement_id = $4 AS is_new FROM statement_refunds r WHERE r.tenant_id = $1
    UNION ALL
    SELECT a.session_id, a.amount_fen, true
      FROM session_actions a JOIN service_sessions s ON s.id = a.session_id, first_period f
     WHERE a.tenant_id = $1 AND a.kind = 'REFUND' AND a.state = 'SUCCEEDED' AND s.paid_at < $3 AND s.paid_at >= f.since
       AND NOT EXISTS (SELECT 1 FROM statement_refunds x WHERE x.action_id = a.id)
  ),
  refunds AS (
    SELECT session_id, coalesce(sum(amount_fen) FILTER (WHERE is_new), 0)::bigint AS new_fen,
           coalesce(sum(amount_fen) FILTER (WHERE NOT is_new), 0)::bigint AS prior_fen
      FROM known GROUP BY session_id
  ),
  current_period AS (
    SELECT count(*)::int AS sessions, coalesce(sum(s.paid_fen), 0)::bigint AS paid_fen,
           coalesce(sum(coalesce(r.new_fen, 0)), 0)::bigint AS refunded_fen,
           coalesce(sum(${commissionSql('s.paid_fen - coalesce(r.new_fen, 0)', 'f.commission_basis_points')}), 0)::bigint AS commission_fen
      FROM service_sessions s
      LEFT JOIN refunds r ON r.session_id = s.id
      LEFT JOIN spans f ON ${inForceWhenStarted('f', 's')}
     WHERE s.tenant_id = $1 AND s.paid_fen > 0 AND s.paid_at >= $2 AND s.paid_at < $3
  ),
  adjustments AS (
    SELECT count(*)::int AS sessions, coalesce(sum(r.new_fen), 0)::bigint AS refunded_fen,
           coalesce(sum(${commissionSql('s.paid_fen - r.prior_fen', 'f.commission_basis_points')}
                      - ${commissionSql('s.paid_fen - r.prior_fen - r.new_fen', 'f.commission_basis_points')}), 0)::bigint AS commission_back_fen
      FROM refunds r
      JOIN service_sessions s ON s.id = r.session_id
      LEFT JOIN spans f ON ${inForceWhenStarted('f', 's')}
     WHERE r.new_fen > 0 AND s.paid_at < $2
  )
  SELECT c.sessions, c.paid_fen, c.refunded_fen, c.commission_fen,
         a.sessions AS adjusted_sessions, a.refunded_fen AS adjusted_refunded_fen, a.commission_back_fen
    FROM current_period c, adjustments a`;

/** Marks the refunds the statement accounts for (at its close, before the figures are taken): $1 organisation, $2 the instant after the period's last day, $3 the statement. */
export const MARK_REFUNDS_SQL = `
  INSERT INTO statement_refunds (action_id, statement_id, tenant_id, session_id, amount_fen)
  SELECT a.id, $3, a.tenant_id, a.session_id, a.amount_fen
    FROM session_actions a JOIN service_sessions s ON s.id = a.session_id,
         (SELECT (min(period_start)::timestamp AT TIME ZONE '${SETTLEMENT_TIMEZONE}') AS since FROM statements WHERE tenant_id = $1) f
   WHERE a.tenant_id = $1 AND a.kind = 'REFUND' AND a.state = 'SUCCEEDED' AND s.paid_at < $2 AND s.paid_at >= f.since
     AND NOT EXISTS (SELECT 1 FROM statement_refunds x WHERE x.action_id = a.id)
  ON CONFLICT (action_id) DO NOTHING`;

/**
 * Devices a franchisee held during a month ($1 organisation, $2 month start instant, $3 the instant after it).
 */
export const HELD_DEVICES_SQL = `
  SELECT count(*)::int AS n FROM devices d
   WHERE d.tenant_id = $1 AND d.created_at < $3 AND (d.revoked_at IS NULL OR d.revoked_at >= $2)`;

/**
 * Active devices of a reseller's customer in a month: a device that sent a heartbeat in it. Heartbeats are
 * coalesced into `devices` (the current online stretch: online_at … last_seen_at), sampled into
 * `device_telemetry`, and a device coming online is a `device.online` event at its first heartbeat; a device's own
 * events prove it was talking too. Any of these inside the month counts.
 */
export const ACTIVE_DEVICES_SQL = `
  SELECT count(*)::int AS n FROM devices d
   WHERE d.tenant_id = $1
     AND ((d.online_at < $3 AND d.last_seen_at >= $2)
          OR EXISTS (SELECT 1 FROM device_telemetry t WHERE t.device_id = d.id AND t.recorded_at >= $2 AND t.recorded_at < $3)
          OR EXISTS (SELECT 1 FROM device_events e WHERE e.device_id = d.id AND e.occurred_at >= $2 AND e.occurred_at < $3
                                                 AND (e.type = 'device.online' OR e.source = 'DEVICE')))`;

/**
 * The orders of a franchise statement whose commission in the ledger differs from the statement's (an agreement
 * version set later from a day on or before their start): $1 organisation, $2 period start, $3 the instant after
 * its last day. Set-based, and narrowed to the orders that can have drifted, so a month of a million sessions
 * closes without walking them one by one. Per order: ⌊(paid − refunds so far) × bp⌋ under the agreement in force when it started, less what
 * COMMISSION_INCOME holds for it.
 */
export const COMMISSION_DRIFT_SQL = `
  WITH spans AS (${franchiseSpansSql('a.tenant_id = $1')}),
  -- only an order paid before the newest agreement version was set can have drifted, and only one the ledger holds
  -- (a session paid before the ledger existed, or written behind it, has no posting to correct)
  orders AS (
    SELECT s.id, s.merchant_tenant_id, f.parent_tenant_id AS brand_tenant_id,
           ${commissionSql('s.paid_fen - s.refunded_fen', 'f.commission_basis_points')} AS due_fen
      FROM service_sessions s
      LEFT JOIN spans f ON ${inForceWhenStarted('f', 's')}
     WHERE s.tenant_id = $1 AND s.paid_fen > 0 AND s.paid_at >= $2 AND s.paid_at < $3
       AND s.paid_at < (SELECT max(a.created_at) FROM agreements a WHERE a.tenant_id = $1)
       AND EXISTS (SELECT 1 FROM ledger_entries p WHERE p.source_kind = 'SESSION_PAID' AND p.source_id = s.id::text AND p.line_no = 1)
  ),
  posted AS (
    SELECT e.session_id, e.counterparty_tenant_id AS owner_tenant_id, e.tenant_id AS brand_tenant_id, sum(e.credit_fen - e.debit_fen)::bigint AS fen
      FROM ledger_entries e
     WHERE e.account = 'COMMISSION_INCOME' AND e.session_id IN (SELECT id FROM orders)
     GROUP BY e.session_id, e.counterparty_tenant_id, e.tenant_id
  )
  SELECT o.id, o.merchant_tenant_id, o.brand_tenant_id, p.brand_tenant_id AS posted_brand_tenant_id, o.due_fen, coalesce(p.fen, 0)::bigint AS posted_fen
    FROM orders o LEFT JOIN posted p ON p.session_id = o.id
   WHERE o.due_fen <> coalesce(p.fen, 0)`;

/**
 * WeChat's channel fees of an organisation for a franchise statement, from the ledger (CHANNEL_FEE on its
 * FEE_EXPENSE), per posting source (merchant account and bill date): `own` — its own fee as merchant of record
 * (counterparty none); otherwise the share its brand, the merchant of record, passed on to it (counterparty the brand).
 * A fee belongs to the statement it was marked to at that statement's close (`statement_channel_fees`); an unmarked one
 * posted on or before the period's last day (by the ledger's effective date, the day it became known; never before the
 * organisation's first statement) belongs to the next statement to close, so a fee posted after the statement of its
 * day closed lands on the next one and a closed statement never changes. $1 organisation, $2 the period's last day.
 */
const channelFeesSql = (which: string) => `
  WITH fees AS (
    SELECT e.source_id, e.counterparty_tenant_id IS NULL AS own, sum(e.debit_fen - e.credit_fen)::bigint AS fen, max(e.effective_date) AS effective_date
      FROM ledger_entries e
     WHERE e.tenant_id = $1 AND e.kind = 'CHANNEL_FEE' AND e.account = 'FEE_EXPENSE' AND e.effective_date <= $2::date
       AND e.effective_date >= (SELECT min(s.period_start) FROM statements s WHERE s.tenant_id = $1)
     GROUP BY e.source_id, e.counterparty_tenant_id IS NULL
  )
  SELECT f.source_id, f.own, f.fen
    FROM fees f
    LEFT JOIN statement_channel_fees c ON c.tenant_id = $1 AND c.source_id = f.source_id AND c.own = f.own
   WHERE ${which}`;

/**
 * The fees a statement shows: $3 the statement; marked to it, or (an open one's preview, $4 false) not marked yet and
 * known after the end of any earlier statement still open — that one closes first and takes them, so a fee is never
 * previewed on two open statements at once.
 */
export const CHANNEL_FEES_SQL = channelFeesSql(`c.statement_id = $3 OR (c.statement_id IS NULL AND NOT $4::boolean AND f.effective_date > coalesce(
    (SELECT max(o.period_end) FROM statements o WHERE o.tenant_id = $1 AND o.status = 'OPEN' AND o.period_end < (SELECT t.period_start FROM statements t WHERE t.id = $3)),
    '-infinity'::date))`);

/** Marks the unmarked fees to a statement at its close (before its figures are taken, which then read the marked ones only): $3 the statement. */
export const MARK_CHANNEL_FEES_SQL = `
  INSERT INTO statement_channel_fees (tenant_id, source_id, own, statement_id, amount_fen)
  SELECT $1::uuid, f.source_id, f.own, $3::uuid, f.fen FROM (${channelFeesSql('c.statement_id IS NULL')}) f
  ON CONFLICT DO NOTHING`;
