import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Transactions } from '../../platform/database/transactions.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { jobPrincipal } from '../../platform/jobs/job-principal.js';
import { type JobContext, JobsService } from '../../platform/jobs/jobs.service.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { DEVICE_SECRET_BOX, type DeviceSecretBox } from '../fleet/device-secrets.js';
import { alertErrors } from './alerts.errors.js';
import { returnedRows } from './alerts.service.js';
import { deliverAlertJob, fanOutAlertJob } from './alerts.jobs.js';
import { type AlertPayloadAlert, jsonRequest, newWebhookSecret, type OutgoingRequest, wecomRequest } from './webhook-payload.js';
import { answerError, postWebhook, sanitiseEcho } from './webhook-post.js';
import { checkUrlSyntax, URL_REFUSALS } from './webhook-url.js';

export type WebhookFormat = 'JSON' | 'WECOM';

export interface WebhookView {
  id: string;
  url: string;
  format: WebhookFormat;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  secretRotatedAt: string;
  /** Only in the answer that created or rotated it: shown once, stored encrypted. */
  secret?: string;
}

export interface DeliveryView {
  id: string;
  alertId: string;
  alertKind: string | null;
  state: 'PENDING' | 'DELIVERED' | 'FAILED';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
}

export interface SendOutcome {
  ok: boolean;
  status: number | null;
  error: string | null;
}

interface WebhookRow {
  id: string;
  tenant_id: string;
  url: string;
  format: WebhookFormat;
  enabled: boolean;
  secret_ciphertext: string;
  created_at: Date;
  updated_at: Date;
  secret_rotated_at: Date;
}

/** The secret box's associated data names the webhook, so a secret copied onto another row does not open. */
const sealId = (webhookId: string) => `alert-webhook:${webhookId}`;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const TIMEOUT_MS = 10_000;
/** The test send runs inside the request's transaction: keep it short. */
const TEST_TIMEOUT_MS = 5_000;

const toView = (r: WebhookRow, secret?: string): WebhookView => ({
  id: r.id,
  url: r.url,
  format: r.format,
  enabled: r.enabled,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
  secretRotatedAt: iso(r.secret_rotated_at)!,
  ...(secret ? { secret } : {}),
});

/**
 * One alert webhook per organisation and the durable deliveries to it. A raised alert is fanned out (job
 * `alerts.fan-out`) to the webhooks of the organisations that may see it — its own organisation and those
 * above it, but a hardware reseller only for FLEET alerts — one `alert_deliveries` row and one
 * `alerts.deliver` job per alert × webhook (unique in the database, keyed in the queue). A delivery reads the
 * alert under the webhook owner's own row-level security, so a payload cannot carry what that organisation
 * may not see; it is retried with back-off until the receiver answers 2xx (WeCom: `errcode` 0).
 */
@Injectable()
export class AlertWebhooksService implements OnModuleInit {
  private readonly logger = new Logger('AlertWebhooks');

  constructor(
    private readonly context: RequestContext,
    private readonly transactions: Transactions,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    @Inject(DEVICE_SECRET_BOX) private readonly box: DeviceSecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(fanOutAlertJob, ({ alertId }) => this.fanOut(alertId), { concurrency: 2 });
    await this.jobs.register(deliverAlertJob, (data, job) => this.deliver(data.tenantId, data.deliveryId, job), { concurrency: 4 });
  }

  private async row(): Promise<WebhookRow | undefined> {
    const [row] = (await this.context.manager.query(`SELECT * FROM alert_webhooks WHERE tenant_id = $1`, [this.context.tenantId])) as WebhookRow[];
    return row;
  }

  async get(): Promise<WebhookView | null> {
    const row = await this.row();
    return row ? toView(row) : null;
  }

  /** Creates or changes the caller's webhook. A new webhook, or `rotateSecret`, answers its secret once. Audited (never the secret). */
  async put(input: { url: string; format: WebhookFormat; enabled?: boolean; rotateSecret?: boolean }): Promise<WebhookView> {
    const refusal = checkUrlSyntax(input.url, this.config.alerts.webhookAllowPrivate);
    if (refusal) throw platformErrors.VALIDATION_FAILED(`Invalid fields: url`, { errors: [{ field: 'url', messages: [URL_REFUSALS[refusal]] }] });
    const m = this.context.manager;
    const { tenantId, userId } = this.context.principal;
    const existing = await this.row();
    let secret: string | undefined;
    let saved: WebhookRow;
    if (!existing) {
      const id = randomUUID();
      secret = newWebhookSecret();
      [saved] = (await m.query(
        `INSERT INTO alert_webhooks (id, tenant_id, url, format, enabled, secret_ciphertext, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [id, tenantId, input.url, input.format, input.enabled ?? true, this.box.seal(sealId(id), 1, secret), userId],
      )) as [WebhookRow];
    } else {
      if (input.rotateSecret) secret = newWebhookSecret();
      [saved] = returnedRows<WebhookRow>(await m.query(
        `UPDATE alert_webhooks SET url = $2, format = $3, enabled = $4, updated_by = $5, updated_at = now(),
                secret_ciphertext = coalesce($6, secret_ciphertext), secret_rotated_at = CASE WHEN $6::text IS NULL THEN secret_rotated_at ELSE now() END
          WHERE id = $1 RETURNING *`,
        [existing.id, input.url, input.format, input.enabled ?? existing.enabled, userId, secret ? this.box.seal(sealId(existing.id), 1, secret) : null],
      )) as [WebhookRow];
    }
    const shown = (r: WebhookRow | undefined) => (r ? { url: r.url, format: r.format, enabled: r.enabled } : null);
    await this.audit.record({
      action: existing ? 'alert-webhook.update' : 'alert-webhook.create',
      resourceType: 'alert-webhook',
      resourceId: saved.id,
      subjectTenantId: null,
      before: shown(existing),
      after: { ...shown(saved), secretRotated: Boolean(secret) },
    });
    return toView(saved, secret);
  }

  async remove(): Promise<void> {
    const existing = await this.row();
    if (!existing) throw alertErrors.ALERT_WEBHOOK_NOT_FOUND();
    await this.context.manager.query(`DELETE FROM alert_webhooks WHERE id = $1`, [existing.id]);
    await this.audit.record({ action: 'alert-webhook.delete', resourceType: 'alert-webhook', resourceId: existing.id, subjectTenantId: null, before: { url: existing.url, format: existing.format } });
  }

  /** Sends a sample alert to the caller's webhook now and answers what the receiver said (nothing is stored). */
  async test(): Promise<SendOutcome> {
    const row = await this.row();
    if (!row) throw alertErrors.ALERT_WEBHOOK_NOT_FOUND();
    const [org] = (await this.context.manager.query(`SELECT name FROM organizations WHERE id = $1`, [row.tenant_id])) as { name: string }[];
    const alert: AlertPayloadAlert = {
      id: '00000000-0000-0000-0000-000000000000',
      kind: 'DEVICE_OFFLINE',
      category: 'FLEET',
      severity: 'WARNING',
      state: 'OPEN',
      organizationId: row.tenant_id,
      organizationName: org?.name ?? '',
      subjectType: 'device',
      subjectId: 'TEST-DEVICE',
      facts: { deviceCode: 'TEST-DEVICE', thresholdMinutes: 30 },
      raisedAt: new Date().toISOString(),
    };
    return this.send(row, this.requestFor(row, alert, `test-${randomUUID()}`, true), TEST_TIMEOUT_MS);
  }

  async deliveries(query: { limit: number; offset: number }): Promise<{ items: DeliveryView[]; total: number }> {
    const m = this.context.manager;
    const tenantId = this.context.tenantId;
    const [count] = (await m.query(`SELECT count(*)::int AS n FROM alert_deliveries WHERE tenant_id = $1`, [tenantId])) as { n: number }[];
    const rows = (await m.query(
      `SELECT d.*, a.kind AS alert_kind FROM alert_deliveries d LEFT JOIN alerts a ON a.id = d.alert_id
        WHERE d.tenant_id = $1 ORDER BY d.created_at DESC, d.id DESC LIMIT $2 OFFSET $3`,
      [tenantId, query.limit, query.offset],
    )) as Record<string, unknown>[];
    return {
      total: Number(count?.n ?? 0),
      items: rows.map((r) => ({
        id: r.id as string,
        alertId: r.alert_id as string,
        alertKind: (r.alert_kind as string | null) ?? null,
        state: r.state as DeliveryView['state'],
        attempts: Number(r.attempts),
        lastStatus: r.last_status === null ? null : Number(r.last_status),
        lastError: (r.last_error as string | null) ?? null,
        createdAt: iso(r.created_at as Date)!,
        lastAttemptAt: iso(r.last_attempt_at as Date | null),
        deliveredAt: iso(r.delivered_at as Date | null),
      })),
    };
  }

  // ------------------------------------------------------------------ jobs

  /** Finds the webhooks that may receive an alert and queues one delivery each (idempotent: unique per alert × webhook). */
  async fanOut(alertId: string): Promise<number> {
    return this.transactions.asSystem(async (m) => {
      const created = (await m.query(
        `INSERT INTO alert_deliveries (tenant_id, webhook_id, alert_id)
         SELECT w.tenant_id, w.id, a.id
           FROM alerts a
           JOIN organizations o ON o.id = a.tenant_id
           JOIN alert_webhooks w ON w.enabled AND w.tenant_id = ANY (o.path)
           JOIN organizations wo ON wo.id = w.tenant_id
          WHERE a.id = $1
            -- a hardware reseller sees its customers' fleet, never their money (as the alerts' read policy)
            AND (w.tenant_id = a.tenant_id OR a.category = 'FLEET' OR wo.operating_model IS DISTINCT FROM 'HARDWARE_SALE')
         ON CONFLICT (alert_id, webhook_id) DO NOTHING
         RETURNING id, tenant_id`,
        [alertId],
      )) as { id: string; tenant_id: string }[];
      for (const d of created) await this.jobs.enqueue(deliverAlertJob, { tenantId: d.tenant_id, deliveryId: d.id }, { key: d.id });
      return created.length;
    });
  }

  /** One attempt of one delivery: read under the webhook owner's visibility, send outside any transaction, record. */
  async deliver(tenantId: string, deliveryId: string, job?: Pick<JobContext, 'isLastAttempt'>): Promise<SendOutcome | null> {
    const loaded = await this.transactions.asTenant(jobPrincipal(tenantId), async (m) => {
      const [delivery] = (await m.query(`SELECT * FROM alert_deliveries WHERE id = $1`, [deliveryId])) as { state: string; webhook_id: string; alert_id: string }[];
      if (!delivery || delivery.state !== 'PENDING') return null; // delivered already (a retry after a lost completion), or gone
      const [webhook] = (await m.query(`SELECT * FROM alert_webhooks WHERE id = $1`, [delivery.webhook_id])) as WebhookRow[];
      const [alert] = (await m.query(
        `SELECT a.*, o.name AS organization_name FROM alerts a LEFT JOIN organizations o ON o.id = a.tenant_id WHERE a.id = $1`,
        [delivery.alert_id],
      )) as Record<string, unknown>[];
      return { webhook, alert };
    });
    if (!loaded) return null;
    const { webhook, alert } = loaded;
    let outcome: SendOutcome;
    if (!webhook || !webhook.enabled) outcome = { ok: false, status: null, error: 'the webhook was removed or disabled' };
    else if (!alert) outcome = { ok: false, status: null, error: 'the alert is not visible to this organisation' };
    else {
      const payload: AlertPayloadAlert = {
        id: alert.id as string,
        kind: alert.kind as string,
        category: alert.category as string,
        severity: alert.severity as string,
        state: alert.state as string,
        organizationId: alert.tenant_id as string,
        organizationName: (alert.organization_name as string | null) ?? '',
        subjectType: alert.subject_type as string,
        subjectId: alert.subject_id as string,
        facts: alert.facts as Record<string, unknown>,
        raisedAt: iso(alert.raised_at as Date)!,
      };
      outcome = await this.send(webhook, this.requestFor(webhook, payload, deliveryId, false));
    }
    const final = outcome.ok || !webhook || !webhook.enabled || !alert || (job?.isLastAttempt ?? false);
    await this.transactions.asTenant(jobPrincipal(tenantId), (m) =>
      m.query(
        `UPDATE alert_deliveries SET attempts = attempts + 1, last_status = $2, last_error = $3, last_attempt_at = now(),
                state = CASE WHEN $4 THEN 'DELIVERED' WHEN $5 THEN 'FAILED' ELSE state END,
                delivered_at = CASE WHEN $4 THEN now() ELSE delivered_at END,
                failed_at = CASE WHEN NOT $4 AND $5 THEN now() ELSE failed_at END
          WHERE id = $1 AND state = 'PENDING'`,
        [deliveryId, outcome.status, outcome.error?.slice(0, 500) ?? null, outcome.ok, final],
      ),
    );
    if (!outcome.ok && !final) throw new Error(`alert delivery ${deliveryId} failed: ${outcome.error ?? outcome.status}`);
    return outcome;
  }

  private requestFor(webhook: WebhookRow, alert: AlertPayloadAlert, deliveryId: string, test: boolean): OutgoingRequest {
    if (webhook.format === 'WECOM') return wecomRequest(alert, test);
    const secret = this.box.open(sealId(webhook.id), 1, webhook.secret_ciphertext);
    return jsonRequest({ secret, deliveryId, alert, event: test ? 'test' : 'alert.raised' });
  }

  /** POSTs without following redirects (a redirect could lead anywhere), to the checked address only (postWebhook). */
  private async send(webhook: WebhookRow, request: OutgoingRequest, timeoutMs = TIMEOUT_MS): Promise<SendOutcome> {
    const result = await postWebhook(webhook.url, { headers: request.headers, body: request.body, timeoutMs, allowPrivate: this.config.alerts.webhookAllowPrivate });
    if (result.kind === 'refused') return { ok: false, status: null, error: URL_REFUSALS[result.refusal] };
    if (result.kind === 'failed') {
      this.logger.warn({ webhookId: webhook.id, error: result.error }, 'alert webhook call failed');
      return { ok: false, status: null, error: result.error };
    }
    if (result.status < 200 || result.status >= 300) return { ok: false, status: result.status, error: answerError(result.status, result.body) };
    if (webhook.format === 'WECOM') {
      // the robot answers 200 with {"errcode": 0, "errmsg": "ok"}, or an errcode (bad key, rate limit 20/min)
      let answer: { errcode?: unknown; errmsg?: unknown } = {};
      try {
        const parsed = JSON.parse(result.body) as unknown;
        if (parsed && typeof parsed === 'object') answer = parsed as typeof answer;
      } catch {
        answer = {};
      }
      const errcode = answer.errcode ?? 0;
      if (errcode !== 0) return { ok: false, status: result.status, error: `WeCom errcode ${sanitiseEcho(String(errcode), 20)}: ${sanitiseEcho(String(answer.errmsg ?? ''))}`.trim() };
    }
    return { ok: true, status: result.status, error: null };
  }
}
