import { Injectable } from '@nestjs/common';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { ALERT_KIND_SPECS, type AlertCategory, type AlertKind, type AlertSeverity, type AlertState } from './alert-kinds.js';
import { AlertRulesService } from './alert-rules.service.js';
import { alertErrors } from './alerts.errors.js';
import { fanOutAlertJob } from './alerts.jobs.js';

/** What another module tells the alerts module (reconciliation, complaints, settlement). */
export interface RaiseAlert {
  /** The organisation the subject belongs to (a session's or device's owner, a merchant account's organisation): who sees the alert. */
  readonly organizationId: string;
  readonly kind: AlertKind;
  /** `device`, `session`, `refund`, `reconciliation`, `complaint`, `payout`, `merchant-account`… */
  readonly subjectType: string;
  readonly subjectId: string;
  /**
   * Which occurrence of the condition this is (a reconciliation run id, a complaint's deadline, a payout attempt):
   * the alert fires once per (kind, subject, episode), however often and from however many processes it is raised.
   */
  readonly episode: string;
  readonly severity?: AlertSeverity;
  /** Plain values shown in the inbox and the webhook payloads (no secrets, no other tenant's data). */
  readonly facts?: Record<string, string | number | boolean | null>;
}

export interface Raised {
  readonly alertId: string | null;
  /** False when this episode was already raised, or the organisation's rule for the kind is disabled (`alertId` null then). */
  readonly created: boolean;
}

export interface AlertView {
  id: string;
  kind: string;
  category: AlertCategory;
  severity: AlertSeverity;
  state: AlertState;
  organizationId: string;
  organizationName: string;
  subjectType: string;
  subjectId: string;
  facts: Record<string, unknown>;
  raisedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  read: boolean;
}

export interface AlertListQuery {
  readonly state?: AlertState;
  readonly kind?: string;
  readonly unread?: boolean;
  readonly limit: number;
  readonly offset: number;
}

export const dedupeKeyOf = (kind: string, subjectType: string, subjectId: string, episode: string) => `${kind}:${subjectType}:${subjectId}:${episode}`;

interface AlertRow {
  id: string;
  tenant_id: string;
  kind: string;
  category: AlertCategory;
  severity: AlertSeverity;
  state: AlertState;
  subject_type: string;
  subject_id: string;
  facts: Record<string, unknown>;
  raised_at: Date;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
  organization_name: string | null;
  read: boolean;
}

/** Rows of an UPDATE … RETURNING through TypeORM's postgres driver, which answers [rows, count] for UPDATE and DELETE. */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toAlertView(r: AlertRow): AlertView {
  return {
    id: r.id,
    kind: r.kind,
    category: r.category,
    severity: r.severity,
    state: r.state,
    organizationId: r.tenant_id,
    organizationName: r.organization_name ?? '',
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    facts: r.facts,
    raisedAt: iso(r.raised_at)!,
    acknowledgedAt: iso(r.acknowledged_at),
    resolvedAt: iso(r.resolved_at),
    read: Boolean(r.read),
  };
}

/**
 * The alert inbox and the one way other modules raise alerts. Every method runs in the caller's transaction
 * (a request's tenant transaction, a job's `asTenant`, or a system one), so row-level security decides what
 * is seen: a franchisee its own alerts, its brand all of its franchisees', a hardware reseller its customers'
 * device-health (FLEET) alerts only.
 */
@Injectable()
export class AlertsService {
  constructor(
    private readonly context: RequestContext,
    private readonly jobs: JobsService,
    private readonly rules: AlertRulesService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Raises an alert once per (kind, subject, episode): the unique key in the database makes a second raise —
   * a retried job, another API process — a no-op. Skipped when the organisation's rule for the kind is off.
   * The webhook deliveries are queued in the same transaction (they exist iff the alert does).
   */
  async raise(input: RaiseAlert): Promise<Raised> {
    const m = this.context.manager;
    const rule = await this.rules.ruleFor(input.organizationId, input.kind, m);
    if (!rule.enabled) return { alertId: null, created: false };
    const spec = ALERT_KIND_SPECS[input.kind];
    const key = dedupeKeyOf(input.kind, input.subjectType, input.subjectId, input.episode);
    const inserted = (await m.query(
      `INSERT INTO alerts (tenant_id, kind, category, severity, subject_type, subject_id, dedupe_key, facts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) ON CONFLICT (tenant_id, dedupe_key) DO NOTHING RETURNING id`,
      [input.organizationId, input.kind, spec.category, input.severity ?? spec.severity, input.subjectType, input.subjectId, key, JSON.stringify(input.facts ?? {})],
    )) as { id: string }[];
    if (inserted[0]) {
      await this.jobs.enqueue(fanOutAlertJob, { alertId: inserted[0].id }, { key: inserted[0].id });
      return { alertId: inserted[0].id, created: true };
    }
    const [existing] = (await m.query(`SELECT id FROM alerts WHERE tenant_id = $1 AND dedupe_key = $2`, [input.organizationId, key])) as { id: string }[];
    return { alertId: existing?.id ?? null, created: false };
  }

  /** Marks an episode's alert resolved (its condition cleared); a later episode raises a new one. Returns whether one was open. */
  async resolve(input: Pick<RaiseAlert, 'organizationId' | 'kind' | 'subjectType' | 'subjectId' | 'episode'>): Promise<boolean> {
    const key = dedupeKeyOf(input.kind, input.subjectType, input.subjectId, input.episode);
    const rows = returnedRows(
      await this.context.manager.query(
        `UPDATE alerts SET state = 'RESOLVED', resolved_at = now() WHERE tenant_id = $1 AND dedupe_key = $2 AND state <> 'RESOLVED' RETURNING id`,
        [input.organizationId, key],
      ),
    );
    return rows.length > 0;
  }

  /** Queues the fan-out of alerts just raised by a statement (the evaluator's), in the current transaction. */
  async queueFanOut(alertIds: readonly string[]): Promise<void> {
    for (const alertId of alertIds) await this.jobs.enqueue(fanOutAlertJob, { alertId }, { key: alertId });
  }

  async list(query: AlertListQuery): Promise<{ items: AlertView[]; total: number }> {
    const params: unknown[] = [this.context.principal.userId];
    const where: string[] = [];
    if (query.state) {
      params.push(query.state);
      where.push(`a.state = $${params.length}`);
    }
    if (query.kind) {
      params.push(query.kind);
      where.push(`a.kind = $${params.length}`);
    }
    if (query.unread === true) where.push(`r.alert_id IS NULL`);
    if (query.unread === false) where.push(`r.alert_id IS NOT NULL`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const from = `FROM alerts a LEFT JOIN alert_reads r ON r.alert_id = a.id AND r.user_id = $1`;
    const [count] = (await this.context.manager.query(`SELECT count(*)::int AS n ${from} ${filter}`, params)) as { n: number }[];
    params.push(query.limit, query.offset);
    const rows = (await this.context.manager.query(
      `SELECT a.*, o.name AS organization_name, (r.alert_id IS NOT NULL) AS read ${from} LEFT JOIN organizations o ON o.id = a.tenant_id
        ${filter} ORDER BY a.raised_at DESC, a.id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as AlertRow[];
    return { items: rows.map(toAlertView), total: Number(count?.n ?? 0) };
  }

  async unreadCount(): Promise<number> {
    const [row] = (await this.context.manager.query(
      `SELECT count(*)::int AS n FROM alerts a WHERE NOT EXISTS (SELECT 1 FROM alert_reads r WHERE r.alert_id = a.id AND r.user_id = $1)`,
      [this.context.principal.userId],
    )) as { n: number }[];
    return Number(row?.n ?? 0);
  }

  async get(id: string): Promise<AlertView> {
    const [row] = (await this.context.manager.query(
      `SELECT a.*, o.name AS organization_name, EXISTS (SELECT 1 FROM alert_reads r WHERE r.alert_id = a.id AND r.user_id = $2) AS read
         FROM alerts a LEFT JOIN organizations o ON o.id = a.tenant_id WHERE a.id = $1`,
      [id, this.context.principal.userId],
    )) as AlertRow[];
    if (!row) throw alertErrors.ALERT_NOT_FOUND();
    return toAlertView(row);
  }

  /** Marks an alert read for the calling login (another login of the same organisation still sees it unread). */
  async markRead(id: string): Promise<AlertView> {
    await this.get(id); // 404 for an alert the caller may not see
    const { tenantId, userId } = this.context.principal;
    await this.context.manager.query(`INSERT INTO alert_reads (tenant_id, alert_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [tenantId, id, userId]);
    return this.get(id);
  }

  /** Someone is on it: OPEN → ACKNOWLEDGED for everyone who sees the alert (and read for the caller). A resolved alert stays resolved. */
  async acknowledge(id: string): Promise<AlertView> {
    await this.get(id);
    const { userId } = this.context.principal;
    const changed = returnedRows<{ tenant_id: string }>(
      await this.context.manager.query(
        `UPDATE alerts SET state = 'ACKNOWLEDGED', acknowledged_at = now(), acknowledged_by = $2 WHERE id = $1 AND state = 'OPEN' RETURNING tenant_id`,
        [id, userId],
      ),
    );
    if (changed[0]) {
      await this.audit.record({ action: 'alert.acknowledge', resourceType: 'alert', resourceId: id, subjectTenantId: changed[0].tenant_id, before: { state: 'OPEN' }, after: { state: 'ACKNOWLEDGED' } });
    }
    return this.markRead(id);
  }
}

