// Retention (issue 15): the periodic jobs deleting expired idempotency keys, telemetry older than
// TELEMETRY_RETENTION_DAYS and finished webhook deliveries older than WEBHOOK_RETENTION_DAYS, in bounded batches, run here through their handlers directly.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { APP_CONFIG, type AppConfig } from '../src/config/app-config.js';
import { DEMO_DEVICES, DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { idempotencyKeysRetentionJob, notificationRetentionJob, RetentionJobs, telemetryRetentionJob, webhookRetentionJob } from '../src/modules/retention/retention.jobs.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { JobsService } from '../src/platform/jobs/jobs.service.js';
import { eventually, systemQuery } from './fleet-support.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const O = DEMO_ORGS;
const FR1 = DEMO_DEVICES.find((d) => d.code === 'FR-0001')!.id;
const PB1 = DEMO_DEVICES.find((d) => d.code === 'PB-0001')!.id;

describe('retention jobs', () => {
  let t: TestApp;
  let jobs: RetentionJobs;

  beforeAll(async () => {
    t = await createTestApp({
      retention: { telemetryDays: 30, intervalSeconds: 3600 },
    });
    jobs = t.app.get(RetentionJobs);
    // the first tick of each periodic job runs at start: let it finish, so only the handlers called below delete rows
    await eventually(
      () => systemQuery<{ n: number }>(t, `SELECT count(*)::int AS n FROM pgboss.job WHERE name LIKE 'retention.%' AND state = 'completed'`),
      (rows) => rows[0]!.n === 4,
      60_000,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('schedules the four jobs', async () => {
    const queues = await systemQuery<{ name: string }>(t, `SELECT name FROM pgboss.queue WHERE name LIKE 'retention.%' ORDER BY name`);
    expect(queues.map((q) => q.name)).toEqual([idempotencyKeysRetentionJob.name, notificationRetentionJob.name, telemetryRetentionJob.name, webhookRetentionJob.name]);
  });

  it('deletes exactly the expired idempotency keys, in bounded batches, and keeps every key still in force', async () => {
    const row = (tenant: string, key: string, expires: string) =>
      systemQuery(
        t,
        `INSERT INTO idempotency_keys (tenant_id, key, scope, request_hash, status_code, response, created_at, expires_at)
         VALUES ($1, $2, 'POST /v1/sessions/:id/refunds', 'h', 201, '{}', now() - interval '2 days', now() + $3::interval)`,
        [tenant, key, expires],
      );
    for (let i = 0; i < 5; i += 1) await row(i % 2 ? O.fridgeF1.id : O.vendorC1.id, `expired-${i}`, `-${i + 1} hours`);
    await row(O.fridgeF1.id, 'expired-just-now', '-1 second');
    await row(O.fridgeF1.id, 'in-force-1', '1 hour');
    await row(O.vendorC1.id, 'in-force-2', '23 hours');
    await row(O.powerbank.id, 'in-force-3', '10 seconds');
    const before = await systemQuery<{ n: number }>(t, `SELECT count(*)::int AS n FROM idempotency_keys WHERE expires_at > now()`);

    // bounded: two batches of two, then stop (more left)
    const first = await jobs.deleteExpiredIdempotencyKeys({
      batchSize: 2,
      maxBatches: 2,
    });
    expect(first).toEqual({ deleted: 4, batches: 2, more: true });
    // the rest: 2 left, batches of 2 → 2, then an empty batch ends the run
    const second = await jobs.deleteExpiredIdempotencyKeys({ batchSize: 2 });
    expect(second).toEqual({ deleted: 2, batches: 2, more: false });

    const left = await systemQuery<{ key: string }>(t, `SELECT key FROM idempotency_keys ORDER BY key`);
    expect(left.map((r) => r.key).filter((k) => k.startsWith('expired'))).toEqual([]);
    expect(left.map((r) => r.key)).toEqual(expect.arrayContaining(['in-force-1', 'in-force-2', 'in-force-3']));
    const after = await systemQuery<{ n: number }>(t, `SELECT count(*)::int AS n FROM idempotency_keys WHERE expires_at > now()`);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(await jobs.deleteExpiredIdempotencyKeys()).toEqual({
      deleted: 0,
      batches: 1,
      more: false,
    });
  });

  it('deletes exactly the telemetry older than TELEMETRY_RETENTION_DAYS, in bounded batches', async () => {
    const insert = (tenant: string, device: string, age: string, tag: string) =>
      systemQuery(
        t,
        `INSERT INTO device_telemetry (tenant_id, device_id, recorded_at, firmware, telemetry) VALUES ($1, $2, now() - $3::interval, 'fw', jsonb_build_object('tag', $4::text))`,
        [tenant, device, age, tag],
      );
    for (let i = 0; i < 3; i += 1) await insert(O.fridgeF1.id, FR1, `${31 + i * 10} days`, `old-fr-${i}`);
    await insert(O.powerbank.id, PB1, '400 days', 'old-pb');
    await insert(O.powerbank.id, PB1, '30 days 1 hour', 'old-pb-edge');
    await insert(O.fridgeF1.id, FR1, '29 days 23 hours', 'fresh-edge');
    await insert(O.fridgeF1.id, FR1, '1 day', 'fresh-1');
    await insert(O.powerbank.id, PB1, '5 minutes', 'fresh-2');
    const all = await systemQuery<{ id: string; old: boolean }>(t, `SELECT id::text, recorded_at < now() - interval '30 days' AS old FROM device_telemetry`);
    const oldIds = all.filter((r) => r.old).map((r) => r.id);
    expect(oldIds).toHaveLength(5);

    const run = await jobs.deleteOldTelemetry({ batchSize: 2 });
    expect(run).toEqual({ deleted: 5, batches: 3, more: false });

    const left = await systemQuery<{ id: string }>(t, `SELECT id::text FROM device_telemetry`);
    expect(left.map((r) => r.id).sort()).toEqual(
      all
        .filter((r) => !r.old)
        .map((r) => r.id)
        .sort(),
    );
    const tags = await systemQuery<{ tag: string }>(t, `SELECT telemetry->>'tag' AS tag FROM device_telemetry WHERE telemetry ? 'tag' ORDER BY tag`);
    expect(tags.map((r) => r.tag)).toEqual(['fresh-1', 'fresh-2', 'fresh-edge']);
  });

  describe('business-event webhooks older than WEBHOOK_RETENTION_DAYS (30 by default)', () => {
    const endpoint = (tenant: string) =>
      systemQuery<{ id: string }>(
        t,
        `INSERT INTO webhook_endpoints (id, tenant_id, url, events, secret_ciphertext) VALUES (gen_random_uuid(), $1, 'https://erp.example.com/hook', '{session.paid}', 'x') RETURNING id`,
        [tenant],
      ).then((rows) => rows[0]!.id);
    /** An event created `age` ago (dispatched unless told otherwise). */
    const event = (tenant: string, tag: string, age: string, dispatched = true) =>
      systemQuery<{ id: string }>(
        t,
        `INSERT INTO webhook_events (tenant_id, type, category, dedupe_key, payload, occurred_at, created_at, dispatched_at)
         VALUES ($1, 'session.paid', 'DATA', $2, jsonb_build_object('tag', $2::text), now() - $3::interval, now() - $3::interval, CASE WHEN $4 THEN now() - $3::interval END) RETURNING id`,
        [tenant, `retention-${tag}`, age, dispatched],
      ).then((rows) => rows[0]!.id);
    /** A delivery in `state`, finished `age` ago (PENDING: never finished), with attempts started at the given ages. */
    const delivery = async (tenant: string, endpointId: string, eventId: string, state: 'DELIVERED' | 'FAILED' | 'PENDING', age: string, attempts: string[]) => {
      const [row] = await systemQuery<{ id: string }>(
        t,
        `INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_id, state, attempts, created_at, delivered_at, failed_at)
         VALUES ($1, $2, $3, $4, $5, now() - $6::interval - interval '1 hour',
                 CASE WHEN $4 = 'DELIVERED' THEN now() - $6::interval END, CASE WHEN $4 = 'FAILED' THEN now() - $6::interval END) RETURNING id`,
        [tenant, endpointId, eventId, state, attempts.length, age],
      );
      for (const started of attempts) {
        await systemQuery(t, `INSERT INTO webhook_attempts (tenant_id, delivery_id, started_at, duration_ms, status) VALUES ($1, $2, now() - $3::interval, 12, 200)`, [
          tenant,
          row!.id,
          started,
        ]);
      }
      return row!.id;
    };

    it('deletes finished deliveries with their attempts, older attempts of kept deliveries, then the events left without deliveries', async () => {
      const [f1, f1b, pb] = [await endpoint(O.fridgeF1.id), await endpoint(O.fridgeF1.id), await endpoint(O.powerbank.id)];
      // delivered 35 days ago: gone with its attempts, and its event with it
      const e1 = await event(O.fridgeF1.id, 'delivered-old', '40 days');
      const d1 = await delivery(O.fridgeF1.id, f1, e1, 'DELIVERED', '35 days', ['36 days', '35 days']);
      // failed 31 days ago: gone; but the same event's delivery to another endpoint finished 10 days ago keeps the event
      const e2 = await event(O.fridgeF1.id, 'failed-old', '40 days');
      const d2 = await delivery(O.fridgeF1.id, f1, e2, 'FAILED', '31 days', ['31 days']);
      const d2b = await delivery(O.fridgeF1.id, f1b, e2, 'DELIVERED', '10 days', ['10 days']);
      // replayed (PENDING again): the delivery stays, only its attempt older than the cut-off goes
      const e3 = await event(O.powerbank.id, 'replayed', '45 days');
      const d3 = await delivery(O.powerbank.id, pb, e3, 'PENDING', '0 days', ['44 days', '1 day']);
      // old but never dispatched: never touched; dispatched long ago with no delivery at all: gone
      const e4 = await event(O.powerbank.id, 'undispatched', '60 days', false);
      const e5 = await event(O.powerbank.id, 'no-delivery', '60 days');
      // finished at the edge and fresh: kept
      const e6 = await event(O.fridgeF1.id, 'fresh', '29 days 23 hours');
      const d6 = await delivery(O.fridgeF1.id, f1, e6, 'DELIVERED', '29 days 23 hours', ['29 days 23 hours']);

      const run = await jobs.deleteOldWebhooks({ batchSize: 1 });
      expect(run).toEqual({
        deliveries: { deleted: 2, batches: 3, more: false },
        attempts: { deleted: 1, batches: 2, more: false },
        events: { deleted: 2, batches: 3, more: false },
      });
      const ids = async (table: string) => (await systemQuery<{ id: string }>(t, `SELECT id FROM ${table}`)).map((r) => r.id).sort();
      expect(await ids('webhook_deliveries')).toEqual([d2b, d3, d6].sort());
      expect(await ids('webhook_events')).toEqual([e2, e3, e4, e6].sort());
      expect(await ids('webhook_events')).not.toContain(e5);
      const attempts = await systemQuery<{ delivery_id: string; days: number }>(
        t,
        `SELECT delivery_id, floor(extract(epoch FROM now() - started_at) / 86400)::int AS days FROM webhook_attempts ORDER BY delivery_id, started_at`,
      );
      expect(attempts.filter((a) => [d1, d2].includes(a.delivery_id))).toEqual([]);
      expect(attempts.filter((a) => a.delivery_id === d3).map((a) => a.days)).toEqual([1]);
      expect(attempts.filter((a) => [d2b, d6].includes(a.delivery_id))).toHaveLength(2);
      // nothing left to do
      const again = await jobs.deleteOldWebhooks();
      expect([again.deliveries.deleted, again.attempts.deleted, again.events.deleted]).toEqual([0, 0, 0]);
    });

    it('only the system deletes deliveries and attempts; an organisation deleting its endpoint still removes them', async () => {
      const f1 = await endpoint(O.fridgeF1.id);
      const e = await event(O.fridgeF1.id, 'tenant-delete', '1 day');
      const d = await delivery(O.fridgeF1.id, f1, e, 'DELIVERED', '1 day', ['1 day']);
      const principal = { userId: randomUUID(), tenantId: O.fridgeF1.id, role: 'FRANCHISEE_ADMIN' as const };
      const transactions = t.app.get(Transactions);
      // the franchisee sees its delivery, but a delete from its transaction reaches no row
      const gone = await transactions.asTenant(principal, async (m) => {
        expect(await m.query(`SELECT 1 FROM webhook_deliveries WHERE id = $1`, [d])).toHaveLength(1);
        const [, deliveries] = (await m.query(`DELETE FROM webhook_deliveries WHERE id = $1`, [d])) as [unknown, number];
        const [, attempts] = (await m.query(`DELETE FROM webhook_attempts WHERE delivery_id = $1`, [d])) as [unknown, number];
        return [deliveries, attempts];
      });
      expect(gone).toEqual([0, 0]);
      expect(await systemQuery(t, `SELECT 1 FROM webhook_attempts WHERE delivery_id = $1`, [d])).toHaveLength(1);
      // its endpoint deleted (as DELETE /v1/webhook-endpoints/{id} does): the deliveries and attempts go with it
      await transactions.asTenant(principal, (m) => m.query(`DELETE FROM webhook_endpoints WHERE id = $1`, [f1]));
      expect(await systemQuery(t, `SELECT 1 FROM webhook_deliveries WHERE id = $1`, [d])).toHaveLength(0);
      expect(await systemQuery(t, `SELECT 1 FROM webhook_attempts WHERE delivery_id = $1`, [d])).toHaveLength(0);
    });

    it('keeps them forever with WEBHOOK_RETENTION_DAYS=0', async () => {
      const config = t.app.get<AppConfig>(APP_CONFIG);
      const forever = new RetentionJobs({ ...config, retention: { telemetryDays: 30, webhookDays: 0, intervalSeconds: 3600 } }, t.app.get(Transactions), t.app.get(JobsService));
      const e = await event(O.fridgeF1.id, 'ancient', '10 years');
      const d = await delivery(O.fridgeF1.id, await endpoint(O.fridgeF1.id), e, 'DELIVERED', '10 years', ['10 years']);
      const none = { deleted: 0, batches: 0, more: false };
      expect(await forever.deleteOldWebhooks()).toEqual({ deliveries: none, attempts: none, events: none });
      expect(await systemQuery(t, `SELECT 1 FROM webhook_deliveries WHERE id = $1`, [d])).toHaveLength(1);
      expect(await systemQuery(t, `SELECT 1 FROM webhook_attempts WHERE delivery_id = $1`, [d])).toHaveLength(1);
    });
  });

  describe('Pay Score callbacks applied more than PAYSCORE_NOTIFICATION_RETENTION_DAYS ago (180 by default)', () => {
    const account = async (tenant: string) =>
      (await systemQuery<{ id: string }>(t, `SELECT id FROM merchant_accounts WHERE tenant_id = $1 ORDER BY created_at LIMIT 1`, [tenant]))[0]?.id ?? randomUUID();
    /** A stored callback received and (unless appliedAgo is null) applied that long ago. */
    const callback = async (tenant: string, tag: string, receivedAgo: string, appliedAgo: string | null) => {
      const id = `test-${tag}-${randomUUID()}`;
      await systemQuery(
        t,
        `INSERT INTO payscore_notifications (id, tenant_id, merchant_account_id, event_type, business_key, resource, received_at, applied_at, outcome)
         VALUES ($1, $2, $3, 'PAYSCORE.USER_PAID', $4, '{}', now() - $5::interval, now() - $6::interval, CASE WHEN $6::interval IS NULL THEN NULL ELSE 'APPLIED' END)`,
        [id, tenant, await account(tenant), `OUT-${tag}-${randomUUID().slice(0, 8)}`, receivedAgo, appliedAgo],
      );
      return id;
    };
    const kept = async (ids: string[]) => (await systemQuery<{ id: string }>(t, `SELECT id FROM payscore_notifications WHERE id = ANY($1)`, [ids])).map((r) => r.id).sort();

    it('deletes exactly the callbacks applied before the cut-off, in bounded batches; one never applied stays whatever its age', async () => {
      const old = [
        await callback(O.fridgeF1.id, 'old-1', '400 days', '400 days'),
        await callback(O.vendorC1.id, 'old-2', '200 days', '181 days'),
        await callback(O.powerbank.id, 'old-3', '181 days', '180 days 1 hour'),
      ];
      const young = [
        await callback(O.fridgeF1.id, 'young-1', '179 days', '179 days'),
        // received long ago, applied recently (its job ran late): the cut-off is from the application
        await callback(O.vendorC1.id, 'young-2', '300 days', '10 days'),
        await callback(O.powerbank.id, 'young-3', '1 hour', '1 hour'),
      ];
      const pending = await callback(O.fridgeF1.id, 'never-applied', '3 years', null);

      expect(await jobs.deleteOldNotifications({ batchSize: 2, maxBatches: 1 })).toEqual({ deleted: 2, batches: 1, more: true });
      expect(await jobs.deleteOldNotifications({ batchSize: 2 })).toEqual({ deleted: 1, batches: 1, more: false });
      expect(await kept([...old, ...young, pending])).toEqual([...young, pending].sort());
      expect(await jobs.deleteOldNotifications()).toEqual({ deleted: 0, batches: 1, more: false });
    });

    it('a tenant transaction never deletes a callback, however old', async () => {
      const id = await callback(O.fridgeF1.id, 'tenant-delete', '2 years', '2 years');
      const principal = { userId: randomUUID(), tenantId: O.fridgeF1.id, role: 'FRANCHISEE_ADMIN' as const };
      // the franchisee sees its callback, but a delete from its transaction reaches no row
      const gone = await t.app.get(Transactions).asTenant(principal, async (m) => {
        expect(await m.query(`SELECT 1 FROM payscore_notifications WHERE id = $1`, [id])).toHaveLength(1);
        const [, deleted] = (await m.query(`DELETE FROM payscore_notifications WHERE id = $1`, [id])) as [unknown, number];
        return deleted;
      });
      expect(gone).toBe(0);
      expect(await kept([id])).toEqual([id]);
      await jobs.deleteOldNotifications();
      expect(await kept([id])).toEqual([]);
    });

    it('keeps them forever with PAYSCORE_NOTIFICATION_RETENTION_DAYS=0', async () => {
      const config = t.app.get<AppConfig>(APP_CONFIG);
      const forever = new RetentionJobs({ ...config, retention: { ...config.retention, notificationDays: 0 } }, t.app.get(Transactions), t.app.get(JobsService));
      const id = await callback(O.fridgeF1.id, 'ancient', '10 years', '10 years');
      expect(await forever.deleteOldNotifications()).toEqual({ deleted: 0, batches: 0, more: false });
      expect(await kept([id])).toEqual([id]);
      await jobs.deleteOldNotifications();
    });
  });

  it('keeps telemetry forever with TELEMETRY_RETENTION_DAYS=0', async () => {
    const config = t.app.get<AppConfig>(APP_CONFIG);
    const forever = new RetentionJobs({ ...config, retention: { telemetryDays: 0, intervalSeconds: 3600 } }, t.app.get(Transactions), t.app.get(JobsService));
    await systemQuery(t, `INSERT INTO device_telemetry (tenant_id, device_id, recorded_at, telemetry) VALUES ($1, $2, now() - interval '10 years', '{"tag":"ancient"}')`, [
      O.fridgeF1.id,
      FR1,
    ]);
    expect(await forever.deleteOldTelemetry()).toEqual({
      deleted: 0,
      batches: 0,
      more: false,
    });
    expect(await systemQuery(t, `SELECT 1 FROM device_telemetry WHERE telemetry->>'tag' = 'ancient'`)).toHaveLength(1);
  });
});
