import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Transactions } from '../../platform/database/transactions.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { jobPrincipal } from '../../platform/jobs/job-principal.js';
import { type JobContext, JobsService } from '../../platform/jobs/jobs.service.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { answerError, postWebhook } from '../alerts/webhook-post.js';
import { checkUrlSyntax, URL_REFUSALS } from '../alerts/webhook-url.js';
import { AuditService } from '../audit/audit.service.js';
import { returnedRows } from '../device-api/system-db.js';
import { DEVICE_SECRET_BOX, type DeviceSecretBox } from '../fleet/device-secrets.js';
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, newEndpointSecret, SIGNATURE_HEADER, signatureHeader } from './event-signature.js';
import { integrationErrors } from './integrations.errors.js';
import { deliverWebhookJob } from './integrations.jobs.js';

export interface EndpointView {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  /** Only in the answer that created it or rotated it: shown once, stored encrypted. */
  secret?: string;
}

export interface AttemptView {
  startedAt: string;
  durationMs: number;
  status: number | null;
  error: string | null;
  replay: boolean;
}

export interface WebhookDeliveryView {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  state: 'PENDING' | 'DELIVERED' | 'FAILED';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  attemptLog: AttemptView[];
}

export interface SendOutcome {
  ok: boolean;
  status: number | null;
  error: string | null;
}

interface EndpointRow {
  id: string;
  tenant_id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  secret_ciphertext: string;
  created_at: Date;
  updated_at: Date;
}

interface EventRow {
  id: string;
  tenant_id: string;
  type: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
  created_at: Date;
}

const sealId = (endpointId: string) => `webhook-endpoint:${endpointId}`;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const TIMEOUT_MS = 10_000;
const TEST_TIMEOUT_MS = 5_000;
/** How often each process looks for outbox events to fan out. */
const DISPATCH_EVERY_MS = 1_000;
const DISPATCH_BATCH = 100;

const toView = (r: EndpointRow, secret?: string): EndpointView => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: r.events,
  enabled: r.enabled,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
  ...(secret ? { secret } : {}),
});

/** The body every endpoint receives: the event's id (the same on every retry and replay: deduplicate on it), type, time and data. */
export function eventBody(event: Pick<EventRow, 'id' | 'type' | 'payload' | 'occurred_at' | 'created_at'>): string {
  return JSON.stringify({ id: event.id, type: event.type, occurredAt: iso(event.occurred_at), createdAt: iso(event.created_at), data: event.payload });
}

/**
 * Business-event webhooks of an organisation (issue 16). The outbox rows (`webhook_events`) are written by triggers in
 * the transaction of the change itself (migration 1764334000000); each process fans the undispatched ones out every
 * second (`FOR UPDATE SKIP LOCKED`: once across processes) to one `webhook_deliveries` row per event × endpoint that may
 * receive it, and queues one `integrations.deliver` job each. A delivery is signed `Zizhu-Signature: t=…,v1=…`, retried
 * with back-off until a 2xx, every attempt logged; a replay queues it again under the same event id.
 */
@Injectable()
export class WebhookEndpointsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Webhooks');
  private timer: NodeJS.Timeout | null = null;
  private dispatching: Promise<unknown> | null = null;

  constructor(
    private readonly context: RequestContext,
    private readonly transactions: Transactions,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    @Inject(DEVICE_SECRET_BOX) private readonly box: DeviceSecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(deliverWebhookJob, (data, job) => this.deliver(data.tenantId, data.deliveryId, job, data.replay), { concurrency: 4 });
    this.timer = setInterval(() => {
      if (this.dispatching) return;
      this.dispatching = this.dispatch()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'webhook dispatch failed'))
        .finally(() => (this.dispatching = null));
    }, DISPATCH_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.dispatching;
  }

  // ------------------------------------------------------------------ endpoints

  private refuseUrl(url: string): void {
    const refusal = checkUrlSyntax(url, this.config.alerts.webhookAllowPrivate);
    if (refusal) throw platformErrors.VALIDATION_FAILED('Invalid fields: url', { errors: [{ field: 'url', messages: [URL_REFUSALS[refusal]] }] });
  }

  private async endpoint(id: string): Promise<EndpointRow> {
    const [row] = (await this.context.manager.query(`SELECT * FROM webhook_endpoints WHERE id = $1 AND tenant_id = $2`, [id, this.context.tenantId])) as EndpointRow[];
    if (!row) throw integrationErrors.WEBHOOK_ENDPOINT_NOT_FOUND();
    return row;
  }

  async list(): Promise<EndpointView[]> {
    const rows = (await this.context.manager.query(`SELECT * FROM webhook_endpoints WHERE tenant_id = $1 ORDER BY created_at, id`, [this.context.tenantId])) as EndpointRow[];
    return rows.map((r) => toView(r));
  }

  async create(input: { url: string; events: string[]; description?: string; enabled?: boolean }): Promise<EndpointView> {
    const { tenantId, userId, role } = this.context.principal;
    if (role === 'PLATFORM_ADMIN') throw integrationErrors.API_KEY_PLATFORM_REFUSED();
    this.refuseUrl(input.url);
    const id = randomUUID();
    const secret = newEndpointSecret();
    const [row] = (await this.context.manager.query(
      `INSERT INTO webhook_endpoints (id, tenant_id, url, description, events, enabled, secret_ciphertext, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [id, tenantId, input.url, input.description ?? null, [...new Set(input.events)], input.enabled ?? true, this.box.seal(sealId(id), 1, secret), userId],
    )) as [EndpointRow];
    await this.audit.record({ action: 'webhook-endpoint.create', resourceType: 'webhook-endpoint', resourceId: id, subjectTenantId: null, after: { url: row.url, events: row.events, enabled: row.enabled } });
    return toView(row, secret);
  }

  async update(id: string, input: { url?: string; events?: string[]; description?: string | null; enabled?: boolean; rotateSecret?: boolean }): Promise<EndpointView> {
    const existing = await this.endpoint(id);
    if (input.url !== undefined) this.refuseUrl(input.url);
    const secret = input.rotateSecret ? newEndpointSecret() : undefined;
    const [saved] = returnedRows<EndpointRow>(await this.context.manager.query(
      `UPDATE webhook_endpoints SET url = $2, events = $3, description = $4, enabled = $5, secret_ciphertext = coalesce($6, secret_ciphertext), updated_at = now()
        WHERE id = $1 RETURNING *`,
      [
        id,
        input.url ?? existing.url,
        input.events ? [...new Set(input.events)] : existing.events,
        input.description === undefined ? existing.description : input.description,
        input.enabled ?? existing.enabled,
        secret ? this.box.seal(sealId(id), 1, secret) : null,
      ],
    ));
    const shown = (r: EndpointRow) => ({ url: r.url, events: r.events, enabled: r.enabled });
    await this.audit.record({ action: 'webhook-endpoint.update', resourceType: 'webhook-endpoint', resourceId: id, subjectTenantId: null, before: shown(existing), after: { ...shown(saved!), secretRotated: Boolean(secret) } });
    return toView(saved!, secret);
  }

  async remove(id: string): Promise<void> {
    const existing = await this.endpoint(id);
    await this.context.manager.query(`DELETE FROM webhook_endpoints WHERE id = $1`, [id]);
    await this.audit.record({ action: 'webhook-endpoint.delete', resourceType: 'webhook-endpoint', resourceId: id, subjectTenantId: null, before: { url: existing.url, events: existing.events } });
  }

  /** Sends a signed `test` event to the endpoint now and answers what the receiver said (not stored, not retried). */
  async test(id: string): Promise<SendOutcome> {
    const row = await this.endpoint(id);
    const now = new Date();
    const body = eventBody({ id: `test-${randomUUID()}`, type: 'test', payload: { organizationId: row.tenant_id, message: 'A test event from zizhu.' }, occurred_at: now, created_at: now });
    return this.send(row, 'test', `test`, body, TEST_TIMEOUT_MS);
  }

  async deliveries(query: { endpointId?: string; limit: number; offset: number }): Promise<{ items: WebhookDeliveryView[]; total: number }> {
    const m = this.context.manager;
    const params: unknown[] = [this.context.tenantId];
    let where = 'd.tenant_id = $1';
    if (query.endpointId) {
      params.push(query.endpointId);
      where += ` AND d.endpoint_id = $2`;
    }
    const [count] = (await m.query(`SELECT count(*)::int AS n FROM webhook_deliveries d WHERE ${where}`, params)) as { n: number }[];
    const rows = (await m.query(
      `SELECT d.*, e.type AS event_type,
              coalesce((SELECT jsonb_agg(jsonb_build_object('startedAt', a.started_at, 'durationMs', a.duration_ms, 'status', a.status, 'error', a.error, 'replay', a.replay) ORDER BY a.started_at)
                          FROM webhook_attempts a WHERE a.delivery_id = d.id), '[]'::jsonb) AS attempt_log
         FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
        WHERE ${where} ORDER BY d.created_at DESC, d.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    )) as Record<string, unknown>[];
    return { total: Number(count?.n ?? 0), items: rows.map(toDeliveryView) };
  }

  /** Sends a delivery again (whatever its state) under the same event id: a new job, its attempts logged as replays. */
  async replay(deliveryId: string): Promise<WebhookDeliveryView> {
    const m = this.context.manager;
    const [row] = returnedRows<{ id: string; tenant_id: string; replays: number }>(await m.query(
      `UPDATE webhook_deliveries SET state = 'PENDING', replays = replays + 1, delivered_at = NULL, failed_at = NULL WHERE id = $1 AND tenant_id = $2 RETURNING id, tenant_id, replays`,
      [deliveryId, this.context.tenantId],
    ));
    if (!row) throw integrationErrors.WEBHOOK_DELIVERY_NOT_FOUND();
    await this.jobs.enqueue(deliverWebhookJob, { tenantId: row.tenant_id, deliveryId, replay: row.replays }, { key: `${deliveryId}:${row.replays}` });
    await this.audit.record({ action: 'webhook-delivery.replay', resourceType: 'webhook-delivery', resourceId: deliveryId, subjectTenantId: null });
    const page = await this.deliveriesById(deliveryId);
    return page!;
  }

  private async deliveriesById(id: string): Promise<WebhookDeliveryView | undefined> {
    const rows = (await this.context.manager.query(
      `SELECT d.*, e.type AS event_type, '[]'::jsonb AS attempt_log FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE d.id = $1`,
      [id],
    )) as Record<string, unknown>[];
    return rows.map(toDeliveryView)[0];
  }

  // ------------------------------------------------------------------ outbox and jobs

  /**
   * Fans the undispatched outbox events out: one delivery per event × endpoint that may receive it (its own
   * organisation's and those above it, a hardware reseller only FLEET events; enabled and subscribed), one job each.
   * Idempotent and safe in several processes at once.
   */
  async dispatch(): Promise<number> {
    return this.transactions.asSystem(async (m) => {
      const events = (await m.query(
        `SELECT id FROM webhook_events WHERE dispatched_at IS NULL ORDER BY created_at LIMIT ${DISPATCH_BATCH} FOR UPDATE SKIP LOCKED`,
      )) as { id: string }[];
      if (events.length === 0) return 0;
      const ids = events.map((e) => e.id);
      const created = (await m.query(
        `INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_id)
         SELECT w.tenant_id, w.id, e.id
           FROM webhook_events e
           JOIN organizations o ON o.id = e.tenant_id
           JOIN webhook_endpoints w ON w.enabled AND e.type = ANY (w.events) AND w.tenant_id = ANY (o.path)
           JOIN organizations wo ON wo.id = w.tenant_id
          WHERE e.id = ANY ($1::uuid[])
            -- a hardware reseller sees its customers' fleet, never their sessions, money or complaints (the data policies)
            AND (w.tenant_id = e.tenant_id OR e.category = 'FLEET' OR wo.operating_model IS DISTINCT FROM 'HARDWARE_SALE')
         ON CONFLICT (event_id, endpoint_id) DO NOTHING
         RETURNING id, tenant_id`,
        [ids],
      )) as { id: string; tenant_id: string }[];
      await m.query(`UPDATE webhook_events SET dispatched_at = now() WHERE id = ANY ($1::uuid[])`, [ids]);
      for (const d of created) await this.jobs.enqueue(deliverWebhookJob, { tenantId: d.tenant_id, deliveryId: d.id, replay: 0 }, { key: `${d.id}:0` });
      return created.length;
    });
  }

  /**
   * One attempt of one delivery: read under the endpoint owner's visibility, send outside any transaction, log the attempt.
   * `replayNumber` is the job's replay number (0: the first delivery). Only the job of the latest replay sends: an older job
   * (a retry of the first delivery, or of a replay since replayed again) stops, and the state is settled only by an
   * attempt of the latest replay — so a replay asked for while an earlier attempt is in flight always sends once, even
   * if that attempt then succeeds.
   */
  async deliver(tenantId: string, deliveryId: string, job?: Pick<JobContext, 'isLastAttempt'>, replayNumber = 0): Promise<SendOutcome | null> {
    const loaded = await this.transactions.asTenant(jobPrincipal(tenantId), async (m) => {
      const [delivery] = (await m.query(`SELECT * FROM webhook_deliveries WHERE id = $1`, [deliveryId])) as { state: string; endpoint_id: string; event_id: string; replays: number }[];
      if (!delivery || delivery.state !== 'PENDING') return null; // delivered already (a retry after a lost completion), or gone
      if (delivery.replays !== replayNumber) return null; // superseded: the job of the latest replay sends
      const [endpoint] = (await m.query(`SELECT * FROM webhook_endpoints WHERE id = $1`, [delivery.endpoint_id])) as EndpointRow[];
      const [event] = (await m.query(`SELECT * FROM webhook_events WHERE id = $1`, [delivery.event_id])) as EventRow[];
      return { endpoint, event, replay: replayNumber > 0 };
    });
    if (!loaded) return null;
    const { endpoint, event, replay } = loaded;
    const started = new Date();
    let outcome: SendOutcome;
    if (!endpoint || !endpoint.enabled) outcome = { ok: false, status: null, error: 'the endpoint was removed or disabled' };
    else if (!event) outcome = { ok: false, status: null, error: 'the event is not visible to this organisation' };
    else outcome = await this.send(endpoint, event.type, event.id, eventBody(event));
    const durationMs = Date.now() - started.getTime();
    const final = outcome.ok || !endpoint || !endpoint.enabled || !event || (job?.isLastAttempt ?? false);
    await this.transactions.asTenant(jobPrincipal(tenantId), async (m) => {
      await m.query(
        `INSERT INTO webhook_attempts (tenant_id, delivery_id, replay, started_at, duration_ms, status, error) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [tenantId, deliveryId, replay, started, durationMs, outcome.status, outcome.error?.slice(0, 500) ?? null],
      );
      await m.query(
        // an attempt of a job since superseded by a replay is counted but settles nothing: the replay's job still sends
        `UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = $2, last_error = $3, last_attempt_at = now(),
                state = CASE WHEN replays <> $6 THEN state WHEN $4 THEN 'DELIVERED' WHEN $5 THEN 'FAILED' ELSE state END,
                delivered_at = CASE WHEN replays <> $6 THEN delivered_at WHEN $4 THEN now() ELSE delivered_at END,
                failed_at = CASE WHEN replays <> $6 THEN failed_at WHEN NOT $4 AND $5 THEN now() ELSE failed_at END
          WHERE id = $1 AND state = 'PENDING'`,
        [deliveryId, outcome.status, outcome.error?.slice(0, 500) ?? null, outcome.ok, final, replayNumber],
      );
    });
    if (!outcome.ok && !final) throw new Error(`webhook delivery ${deliveryId} failed: ${outcome.error ?? outcome.status}`);
    return outcome;
  }

  /** POSTs the signed body without following redirects, to the checked address only (postWebhook, as the alert webhooks). */
  private async send(endpoint: EndpointRow, type: string, eventId: string, body: string, timeoutMs = TIMEOUT_MS): Promise<SendOutcome> {
    const secret = this.box.open(sealId(endpoint.id), 1, endpoint.secret_ciphertext);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'zizhu-webhooks/1',
      [SIGNATURE_HEADER]: signatureHeader(secret, Math.floor(Date.now() / 1000), body),
      [EVENT_ID_HEADER]: eventId,
      [EVENT_TYPE_HEADER]: type,
    };
    const result = await postWebhook(endpoint.url, { headers, body, timeoutMs, allowPrivate: this.config.alerts.webhookAllowPrivate });
    if (result.kind === 'refused') return { ok: false, status: null, error: URL_REFUSALS[result.refusal] };
    if (result.kind === 'failed') {
      this.logger.warn({ endpointId: endpoint.id, error: result.error }, 'webhook call failed');
      return { ok: false, status: null, error: result.error };
    }
    if (result.status < 200 || result.status >= 300) return { ok: false, status: result.status, error: answerError(result.status, result.body) };
    return { ok: true, status: result.status, error: null };
  }
}

function toDeliveryView(r: Record<string, unknown>): WebhookDeliveryView {
  return {
    id: r.id as string,
    endpointId: r.endpoint_id as string,
    eventId: r.event_id as string,
    eventType: r.event_type as string,
    state: r.state as WebhookDeliveryView['state'],
    attempts: Number(r.attempts),
    lastStatus: r.last_status === null ? null : Number(r.last_status),
    lastError: (r.last_error as string | null) ?? null,
    createdAt: iso(r.created_at as Date)!,
    deliveredAt: iso(r.delivered_at as Date | null),
    attemptLog: ((r.attempt_log as Record<string, unknown>[] | null) ?? []).map((a) => ({
      startedAt: iso(a.startedAt as string)!,
      durationMs: Number(a.durationMs),
      status: a.status === null ? null : Number(a.status),
      error: (a.error as string | null) ?? null,
      replay: Boolean(a.replay),
    })),
  };
}
