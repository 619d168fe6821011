import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Transactions } from '../../platform/database/transactions.js';
import { defineJob, type PeriodicTick } from '../../platform/jobs/job-definition.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';

/** Expired `Idempotency-Key` answers (platform/idempotency: `expires_at` passed) deleted, once per interval across all processes. */
export const idempotencyKeysRetentionJob = defineJob<PeriodicTick>('retention.idempotency-keys', { exclusive: true, retry: { limit: 0 }, expireInSeconds: 900, keepFinishedSeconds: 86_400 });
/** Telemetry samples older than TELEMETRY_RETENTION_DAYS deleted, once per interval across all processes. */
export const telemetryRetentionJob = defineJob<PeriodicTick>('retention.telemetry', { exclusive: true, retry: { limit: 0 }, expireInSeconds: 900, keepFinishedSeconds: 86_400 });

/** Business-event webhook deliveries, attempts and events older than WEBHOOK_RETENTION_DAYS deleted, once per interval across all processes. */
export const webhookRetentionJob = defineJob<PeriodicTick>('retention.webhooks', { exclusive: true, retry: { limit: 0 }, expireInSeconds: 900, keepFinishedSeconds: 86_400 });

/** Pay Score callbacks applied more than PAYSCORE_NOTIFICATION_RETENTION_DAYS ago deleted, once per interval across all processes. */
export const notificationRetentionJob = defineJob<PeriodicTick>('retention.payscore-notifications', { exclusive: true, retry: { limit: 0 }, expireInSeconds: 900, keepFinishedSeconds: 86_400 });

export const RETENTION_DEFAULTS = { telemetryDays: 90, webhookDays: 30, notificationDays: 180, intervalSeconds: 3600, batchSize: 1000, maxBatches: 200 } as const;

export interface WebhookRetentionRun {
  /** Finished deliveries deleted (their attempts go with them). */
  readonly deliveries: RetentionRun;
  /** Older attempts of deliveries still kept (a delivery replayed, or still pending). */
  readonly attempts: RetentionRun;
  /** Dispatched events no delivery refers to any more. */
  readonly events: RetentionRun;
}

export interface RetentionRun {
  /** Rows deleted. */
  readonly deleted: number;
  /** Transactions used (one per batch). */
  readonly batches: number;
  /** Whether the run stopped at `maxBatches` with more rows left (the next interval goes on). */
  readonly more: boolean;
}

export interface BatchOptions {
  /** Rows per batch, each batch its own short transaction (default 1000). */
  readonly batchSize?: number;
  /** Batches per run at most (default 200): a run is bounded, the backlog of a first run spreads over intervals. */
  readonly maxBatches?: number;
}

/**
 * Deleting what has expired (issue 15), in bounded batches: each batch is one short system transaction deleting at most
 * `batchSize` rows chosen oldest first (idempotency keys `FOR UPDATE SKIP LOCKED`: a key another transaction holds — one
 * being claimed again — is left for the next run; telemetry rows are never updated), so neither a large backlog nor the embedded database's single
 * session is held for long. Device nonces are not here (modules/device-api owns them).
 */
@Injectable()
export class RetentionJobs implements OnModuleInit {
  private readonly logger = new Logger('Retention');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly jobs: JobsService,
  ) {}

  async onModuleInit(): Promise<void> {
    const intervalSeconds = this.config.retention?.intervalSeconds ?? RETENTION_DEFAULTS.intervalSeconds;
    await this.jobs.register(idempotencyKeysRetentionJob, async () => void (await this.deleteExpiredIdempotencyKeys()));
    await this.jobs.every(idempotencyKeysRetentionJob, { intervalSeconds });
    if (this.telemetryDays() > 0) {
      await this.jobs.register(telemetryRetentionJob, async () => void (await this.deleteOldTelemetry()));
      await this.jobs.every(telemetryRetentionJob, { intervalSeconds });
    }
    if (this.webhookDays() > 0) {
      await this.jobs.register(webhookRetentionJob, async () => void (await this.deleteOldWebhooks()));
      await this.jobs.every(webhookRetentionJob, { intervalSeconds });
    }
    if (this.notificationDays() > 0) {
      await this.jobs.register(notificationRetentionJob, async () => void (await this.deleteOldNotifications()));
      await this.jobs.every(notificationRetentionJob, { intervalSeconds });
    }
  }

  /** PAYSCORE_NOTIFICATION_RETENTION_DAYS (0: keep forever). */
  notificationDays(): number {
    return this.config.retention?.notificationDays ?? RETENTION_DEFAULTS.notificationDays;
  }

  /** WEBHOOK_RETENTION_DAYS (0: keep forever). */
  webhookDays(): number {
    return this.config.retention?.webhookDays ?? RETENTION_DEFAULTS.webhookDays;
  }

  /** TELEMETRY_RETENTION_DAYS (0: keep forever). */
  telemetryDays(): number {
    return this.config.retention?.telemetryDays ?? RETENTION_DEFAULTS.telemetryDays;
  }

  /** Deletes the idempotency keys whose `expires_at` has passed (the database's clock, as the store judges expiry). */
  async deleteExpiredIdempotencyKeys(options: BatchOptions = {}): Promise<RetentionRun> {
    const run = await this.inBatches(options, (limit) => [
      `WITH doomed AS (
         SELECT tenant_id, scope, key FROM idempotency_keys WHERE expires_at <= now() ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ), gone AS (
         DELETE FROM idempotency_keys k USING doomed
          WHERE k.tenant_id = doomed.tenant_id AND k.scope = doomed.scope AND k.key = doomed.key AND k.expires_at <= now()
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM gone`,
      [limit],
    ]);
    if (run.deleted > 0) this.logger.log({ ...run }, 'expired idempotency keys deleted');
    return run;
  }

  /** Deletes telemetry samples recorded more than TELEMETRY_RETENTION_DAYS ago; nothing when it is 0. */
  async deleteOldTelemetry(options: BatchOptions = {}): Promise<RetentionRun> {
    const days = this.telemetryDays();
    if (days <= 0) return { deleted: 0, batches: 0, more: false };
    const run = await this.inBatches(options, (limit) => [
      `WITH doomed AS (
         SELECT id FROM device_telemetry WHERE recorded_at < now() - make_interval(days => $2) ORDER BY recorded_at LIMIT $1
       ), gone AS (
         DELETE FROM device_telemetry t USING doomed WHERE t.id = doomed.id RETURNING 1
       )
       SELECT count(*)::int AS n FROM gone`,
      [limit, days],
    ]);
    if (run.deleted > 0) this.logger.log({ ...run, days }, 'telemetry older than the retention deleted');
    return run;
  }

  /**
   * Business-event webhooks older than WEBHOOK_RETENTION_DAYS (modules/integrations), in three bounded passes: deliveries
   * finished (DELIVERED, FAILED) before the cut-off, with their attempts (ON DELETE CASCADE); attempts started before it
   * of the deliveries kept (replayed or still pending: the delivery itself and its newer attempts stay); then events
   * dispatched and created before it that no delivery refers to any more (`webhook_deliveries.event_id` has no cascade;
   * an event not yet dispatched is never touched). A replay makes a delivery PENDING again, so it is kept until it
   * finishes anew. Nothing when the setting is 0.
   */
  async deleteOldWebhooks(options: BatchOptions = {}): Promise<WebhookRetentionRun> {
    const days = this.webhookDays();
    const none: RetentionRun = { deleted: 0, batches: 0, more: false };
    if (days <= 0) return { deliveries: none, attempts: none, events: none };
    const cutoff = `now() - make_interval(days => $2)`;
    const deliveries = await this.inBatches(options, (limit) => [
      `WITH doomed AS (
         SELECT id FROM webhook_deliveries
          WHERE state IN ('DELIVERED', 'FAILED') AND coalesce(delivered_at, failed_at) < ${cutoff}
          ORDER BY coalesce(delivered_at, failed_at) LIMIT $1 FOR UPDATE SKIP LOCKED
       ), gone AS (
         DELETE FROM webhook_deliveries d USING doomed WHERE d.id = doomed.id AND d.state IN ('DELIVERED', 'FAILED') RETURNING 1
       )
       SELECT count(*)::int AS n FROM gone`,
      [limit, days],
    ]);
    const attempts = await this.inBatches(options, (limit) => [
      `WITH doomed AS (
         SELECT id FROM webhook_attempts WHERE started_at < ${cutoff} ORDER BY started_at LIMIT $1
       ), gone AS (
         DELETE FROM webhook_attempts a USING doomed WHERE a.id = doomed.id RETURNING 1
       )
       SELECT count(*)::int AS n FROM gone`,
      [limit, days],
    ]);
    const events = await this.inBatches(options, (limit) => [
      `WITH doomed AS (
         SELECT e.id FROM webhook_events e
          WHERE e.dispatched_at IS NOT NULL AND e.created_at < ${cutoff}
            AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id)
          ORDER BY e.created_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ), gone AS (
         DELETE FROM webhook_events e USING doomed WHERE e.id = doomed.id AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id) RETURNING 1
       )
       SELECT count(*)::int AS n FROM gone`,
      [limit, days],
    ]);
    const run = { deliveries, attempts, events };
    if (deliveries.deleted + attempts.deleted + events.deleted > 0) this.logger.log({ deliveries: deliveries.deleted, attempts: attempts.deleted, events: events.deleted, days }, 'webhook deliveries older than the retention deleted');
    return run;
  }

  /**
   * Verified Pay Score callbacks (`payscore_notifications`, the archive and the dedupe of WeChat's retries) applied more
   * than PAYSCORE_NOTIFICATION_RETENTION_DAYS ago. WeChat stops retrying a callback within about 25 hours, and the
   * session, its actions and the ledger keep what the callback changed, so an applied callback that old decides nothing
   * any more. One not yet applied (applied_at null: its job is still to run) is never deleted, whatever its age; a row
   * the apply job holds is skipped (`FOR UPDATE SKIP LOCKED`). Nothing when the setting is 0.
   */
  async deleteOldNotifications(options: BatchOptions = {}): Promise<RetentionRun> {
    const days = this.notificationDays();
    if (days <= 0) return { deleted: 0, batches: 0, more: false };
    const run = await this.inBatches(options, (limit) => [
      `WITH doomed AS (
         SELECT id FROM payscore_notifications
          WHERE applied_at IS NOT NULL AND applied_at < now() - make_interval(days => $2)
          ORDER BY applied_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ), gone AS (
         DELETE FROM payscore_notifications n USING doomed WHERE n.id = doomed.id AND n.applied_at IS NOT NULL RETURNING 1
       )
       SELECT count(*)::int AS n FROM gone`,
      [limit, days],
    ]);
    if (run.deleted > 0) this.logger.log({ ...run, days }, 'Pay Score callbacks applied before the retention deleted');
    return run;
  }

  private async inBatches(options: BatchOptions, statement: (limit: number) => [string, unknown[]]): Promise<RetentionRun> {
    const batchSize = options.batchSize ?? RETENTION_DEFAULTS.batchSize;
    const maxBatches = options.maxBatches ?? RETENTION_DEFAULTS.maxBatches;
    let deleted = 0;
    let batches = 0;
    while (batches < maxBatches) {
      const [sql, params] = statement(batchSize);
      const [row] = (await this.transactions.asSystem((m) => m.query(sql, params))) as { n: number }[];
      batches += 1;
      const n = row?.n ?? 0;
      deleted += n;
      if (n < batchSize) return { deleted, batches, more: false };
    }
    return { deleted, batches, more: true };
  }
}
