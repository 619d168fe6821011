import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Transactions } from '../../platform/database/transactions.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { COMPLAINT_RATE_WINDOW_DAYS, complaintRateByLegalEntitySql, rateAboveThresholdSql } from '../complaints/complaint-rate.js';
import { ALERT_KIND_SPECS, DEVICE_START_FAILED_REASON, type AlertKind } from './alert-kinds.js';
import { effectiveRulesSql } from './alert-rules.service.js';
import { AlertsService } from './alerts.service.js';
import { evaluateAlertsJob } from './alerts.jobs.js';

const epochMs = (column: string) => `floor(extract(epoch FROM ${column}) * 1000)::bigint`;

/**
 * For each rule evaluated from stored data: one SELECT of what fires now, one row per (organisation, subject,
 * episode), with its dedupe key `KIND:subjectType:subjectId:episode`. The episode makes a new occurrence a new
 * alert: the device's last heartbeat before it went quiet, the first failed start after its last good one, the
 * order's completion, the refund's state. `rules` is the CTE of the rule in force per organisation.
 */
const FIRING: Partial<Record<AlertKind, string>> = {
  DEVICE_OFFLINE: `
    SELECT d.tenant_id, 'device' AS subject_type, d.id::text AS subject_id,
           'DEVICE_OFFLINE:device:' || d.id || ':' || ${epochMs('d.last_seen_at')} AS dedupe_key,
           jsonb_build_object('deviceCode', d.code, 'deviceType', d.type, 'lastSeenAt', d.last_seen_at, 'thresholdMinutes', r.threshold) AS facts
      FROM devices d JOIN rules r ON r.org_id = d.tenant_id
     WHERE r.enabled AND d.revoked_at IS NULL AND d.last_seen_at IS NOT NULL
       AND d.last_seen_at < now() - make_interval(mins => r.threshold::int)
       AND d.last_seen_at < now() - make_interval(secs => 3 * d.heartbeat_interval_seconds)`,
  DEVICE_START_FAILURES: `
    SELECT f.tenant_id, 'device' AS subject_type, f.device_id::text AS subject_id,
           'DEVICE_START_FAILURES:device:' || f.device_id || ':' || f.first_id AS dedupe_key,
           jsonb_build_object('deviceCode', f.device_code, 'failures', f.failures, 'threshold', r.threshold, 'firstFailedAt', f.first_at) AS facts
      FROM (SELECT s.tenant_id, s.device_id, min(s.device_code) AS device_code, count(*)::int AS failures, min(s.starting_at) AS first_at,
                   (array_agg(s.id ORDER BY s.starting_at, s.id))[1] AS first_id
              FROM service_sessions s
             WHERE s.cancel_reason = '${DEVICE_START_FAILED_REASON}' AND s.in_use_at IS NULL AND s.starting_at IS NOT NULL
               AND s.starting_at > coalesce((SELECT max(o.starting_at) FROM service_sessions o WHERE o.device_id = s.device_id AND o.in_use_at IS NOT NULL), '-infinity')
             GROUP BY s.tenant_id, s.device_id) f
      JOIN rules r ON r.org_id = f.tenant_id
     WHERE r.enabled AND f.failures >= r.threshold`,
  COLLECTION_FAILING: `
    SELECT s.tenant_id, 'session' AS subject_type, s.id::text AS subject_id,
           'COLLECTION_FAILING:session:' || s.id || ':' || ${epochMs('s.order_completed_at')} AS dedupe_key,
           jsonb_build_object('outOrderNo', s.out_order_no, 'deviceCode', s.device_code, 'totalFen', s.total_fen, 'collectionState', s.collection_state,
                              'orderCompletedAt', s.order_completed_at, 'thresholdDays', r.threshold) AS facts
      FROM service_sessions s JOIN rules r ON r.org_id = s.tenant_id
     WHERE s.state = 'AWAITING_PAYMENT' AND s.order_completed_at IS NOT NULL AND r.enabled
       AND s.order_completed_at < now() - make_interval(days => r.threshold::int)`,
  REFUND_STUCK: `
    SELECT a.tenant_id, 'refund' AS subject_type, a.id::text AS subject_id,
           'REFUND_STUCK:refund:' || a.id || ':' || CASE WHEN a.state IN ('ABNORMAL', 'HELD') THEN a.state ELSE 'STUCK' END
             -- a held refund sent again (resends) and held or stuck again is a new episode
             || CASE WHEN a.resends > 0 THEN ':' || a.resends ELSE '' END AS dedupe_key,
           jsonb_build_object('outRefundNo', a.out_refund_no, 'outOrderNo', s.out_order_no, 'sessionId', s.id, 'amountFen', a.amount_fen,
                              'refundState', a.state, 'requestedAt', a.created_at, 'thresholdHours', r.threshold) AS facts
      FROM session_actions a JOIN service_sessions s ON s.id = a.session_id JOIN rules r ON r.org_id = a.tenant_id
     WHERE a.kind = 'REFUND' AND a.state IN ('PENDING', 'PROCESSING', 'ABNORMAL', 'HELD') AND r.enabled
       -- ABNORMAL (WeChat holds it) and HELD (refused for lack of money after a split, issue 12) wait for an operator: at once
       AND (a.state IN ('ABNORMAL', 'HELD') OR coalesce(a.resent_at, a.created_at) < now() - make_interval(hours => r.threshold::int))`,
  // a complaint whose reply (PENDING) or completion (PENDING, PROCESSING) is due within the threshold, or overdue; the
  // organisation is the session's owner when the complaint names one (its brand sees it too), else the merchant of record
  COMPLAINT_DEADLINE: `
    SELECT coalesce(c.session_tenant_id, c.tenant_id) AS tenant_id, 'complaint' AS subject_type, c.id::text AS subject_id,
           'COMPLAINT_DEADLINE:complaint:' || c.id || ':' || d.step AS dedupe_key,
           jsonb_build_object('complaintId', c.complaint_id, 'outOrderNo', c.out_order_no, 'sessionId', c.session_id, 'state', c.state,
                              'step', d.step, 'dueAt', d.due_at, 'thresholdHours', r.threshold) AS facts
      FROM complaints c
      CROSS JOIN LATERAL (SELECT CASE WHEN c.state = 'PENDING' THEN 'REPLY' ELSE 'COMPLETE' END AS step,
                                 CASE WHEN c.state = 'PENDING' THEN c.reply_due_at ELSE c.complete_due_at END AS due_at) d
      JOIN rules r ON r.org_id = coalesce(c.session_tenant_id, c.tenant_id)
     WHERE c.state <> 'PROCESSED' AND r.enabled AND d.due_at < now() + make_interval(hours => r.threshold::int)`,
  // a legal entity (the merchant-of-record organisation) whose rolling 30-day complaint rate — the overview's, one
  // definition — is above its rule's threshold (percent). While it stays above, the open alert's key is kept; once
  // resolved, the next excursion is a new episode (the Beijing day it starts, so at most one a day)
  COMPLAINT_RATE: `
    SELECT e.tenant_id, 'organization' AS subject_type, e.tenant_id::text AS subject_id,
           coalesce((SELECT a.dedupe_key FROM alerts a
                      WHERE a.tenant_id = e.tenant_id AND a.kind = 'COMPLAINT_RATE' AND a.subject_type = 'organization' AND a.subject_id = e.tenant_id::text AND a.state <> 'RESOLVED'
                      ORDER BY a.raised_at DESC LIMIT 1),
                    'COMPLAINT_RATE:organization:' || e.tenant_id || ':' || to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD')) AS dedupe_key,
           jsonb_build_object('organizationName', e.organization_name, 'complaints', e.complaints, 'paidOrders', e.paid_orders,
                              'ratePercent', round(e.rate * 100, 4), 'thresholdPercent', r.threshold, 'windowDays', ${COMPLAINT_RATE_WINDOW_DAYS}) AS facts
      FROM (${complaintRateByLegalEntitySql(() => 'true')}) e
      JOIN rules r ON r.org_id = e.tenant_id
     WHERE r.enabled AND ${rateAboveThresholdSql('e.rate', 'r.threshold')}`,
  // a fridge SKU whose book is below the threshold's share (percent) of its par level (the sum over its planogram slots).
  // While it stays low the open alert's key is kept (a partial restock that leaves it low is the same shortage); once
  // resolved, the next shortage is a new episode keyed on the book's last replenishment and the Beijing day, so a SKU
  // that goes low again without a restock (after par or the rule changed) still raises, at most once a day (modules/stock).
  // Amounts in numeric: a book may hold more than int4 / 100 (a restock adds up to 10,000 per request)
  FRIDGE_LOW_STOCK: `
    SELECT s.tenant_id, 'device' AS subject_type, s.device_id::text AS subject_id,
           coalesce((SELECT a.dedupe_key FROM alerts a
                      WHERE a.tenant_id = s.tenant_id AND a.kind = 'FRIDGE_LOW_STOCK' AND a.subject_type = 'device' AND a.subject_id = s.device_id::text
                        AND a.facts->>'sku' = s.sku AND a.state <> 'RESOLVED'
                      ORDER BY a.raised_at DESC LIMIT 1),
                    'FRIDGE_LOW_STOCK:device:' || s.device_id || ':' || s.sku || ':' || ${epochMs('s.replenished_at')} || ':' ||
                    to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD')) AS dedupe_key,
           jsonb_build_object('deviceCode', d.code, 'sku', s.sku, 'onHand', s.on_hand, 'parLevel', p.par, 'thresholdPercent', r.threshold) AS facts
      FROM fridge_stock s
      JOIN (SELECT device_id, sku, sum(par_level)::int AS par FROM fridge_planogram_slots GROUP BY device_id, sku) p ON p.device_id = s.device_id AND p.sku = s.sku
      JOIN devices d ON d.id = s.device_id
      JOIN rules r ON r.org_id = s.tenant_id
     WHERE r.enabled AND p.par > 0 AND s.on_hand::numeric * 100 < p.par::numeric * r.threshold`,
  // a power bank with any operator flag (modules/fleet power-banks.ts: RETURNED_AFTER_BUYOUT, FOREIGN_RETURN, EJECT_CONFLICT, STALE_RETURN), raised for
  // the organisation holding it; the episode is when it was flagged, so flagging it again is a new alert, and clearing
  // the flag (POST /v1/power-banks/{id}/clear-flag) resolves it
  POWERBANK_FLAGGED: `
    SELECT p.tenant_id, 'power-bank' AS subject_type, p.id::text AS subject_id,
           'POWERBANK_FLAGGED:power-bank:' || p.id || ':' || ${epochMs('p.flagged_at')} AS dedupe_key,
           jsonb_build_object('bankId', p.bank_id, 'flag', p.flag, 'flagDetail', p.flag_detail, 'flaggedAt', p.flagged_at, 'deviceCode', d.code, 'state', p.state) AS facts
      FROM power_banks p
      LEFT JOIN devices d ON d.id = p.device_id
      JOIN rules r ON r.org_id = p.tenant_id
     WHERE r.enabled AND p.flag IS NOT NULL AND p.flagged_at IS NOT NULL`,
};

export const EVALUATED_KINDS = Object.keys(FIRING) as AlertKind[];

export interface EvaluationResult {
  readonly raised: Record<string, number>;
  readonly resolved: Record<string, number>;
}

/**
 * Evaluates the rules that stored data can answer (device offline, start failures, collections, refunds) as
 * the periodic job `alerts.evaluate`. Each rule is one statement in its own system transaction (evaluation is
 * cross-tenant by nature, like the fleet sweep): it inserts what fires — `ON CONFLICT DO NOTHING` on the
 * episode key, so an alert is raised once however many evaluations run at once — queues the new alerts'
 * webhook fan-out in the same transaction, and resolves this rule's open alerts whose condition no longer
 * holds (or whose rule was switched off). Nothing is loaded into the process but the new alerts' ids.
 */
@Injectable()
export class AlertsEvaluator implements OnModuleInit {
  private readonly logger = new Logger('AlertsEvaluator');

  constructor(
    private readonly transactions: Transactions,
    private readonly jobs: JobsService,
    private readonly alerts: AlertsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(evaluateAlertsJob, () => this.evaluate());
    await this.jobs.every(evaluateAlertsJob, { intervalSeconds: this.config.alerts.evaluateIntervalSeconds });
  }

  async evaluate(): Promise<EvaluationResult> {
    const raised: Record<string, number> = {};
    const resolved: Record<string, number> = {};
    let failed: unknown;
    for (const kind of EVALUATED_KINDS) {
      // one kind's failure (a bad row, a bug) never stops the others' evaluation; the job still fails and is retried
      try {
        const outcome = await this.evaluateKind(kind);
        raised[kind] = outcome.raised;
        resolved[kind] = outcome.resolved;
      } catch (error) {
        this.logger.error({ kind, err: error }, 'an alert kind could not be evaluated');
        failed ??= error;
      }
    }
    if (failed) throw failed;
    return { raised, resolved };
  }

  async evaluateKind(kind: AlertKind): Promise<{ raised: number; resolved: number }> {
    const firing = FIRING[kind];
    if (!firing) throw new Error(`${kind} is not evaluated from stored data`);
    const spec = ALERT_KIND_SPECS[kind];
    return this.transactions.asSystem(async (m) => {
      const [row] = (await m.query(
        `WITH rules AS (${effectiveRulesSql('$1', '$2', '$3')}),
              firing AS (${firing}),
              ins AS (
                INSERT INTO alerts (tenant_id, kind, category, severity, subject_type, subject_id, dedupe_key, facts)
                SELECT tenant_id, $1, $4, $5, subject_type, subject_id, dedupe_key, facts FROM firing
                ON CONFLICT (tenant_id, dedupe_key) DO NOTHING RETURNING id),
              res AS (
                UPDATE alerts a SET state = 'RESOLVED', resolved_at = now()
                 WHERE a.kind = $1 AND a.state <> 'RESOLVED'
                   AND NOT EXISTS (SELECT 1 FROM firing f WHERE f.tenant_id = a.tenant_id AND f.dedupe_key = a.dedupe_key)
                RETURNING a.id)
         SELECT coalesce((SELECT json_agg(id) FROM ins), '[]'::json) AS raised, (SELECT count(*)::int FROM res) AS resolved`,
        [kind, spec.enabledByDefault, spec.threshold?.default ?? null, spec.category, spec.severity],
      )) as { raised: string[]; resolved: number }[];
      const ids = row?.raised ?? [];
      await this.alerts.queueFanOut(ids);
      return { raised: ids.length, resolved: Number(row?.resolved ?? 0) };
    });
  }
}
