import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { AppConfig } from '../src/config/app-config.js';
import { openDatabase, type OpenDatabase } from '../src/platform/database/database.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { DomainError } from '../src/platform/errors/domain-error.js';
import { defineJob, type PeriodicTick } from '../src/platform/jobs/job-definition.js';
import { jobIdFor } from '../src/platform/jobs/job-keys.js';
import { JOB_ACTOR_ID, jobPrincipal } from '../src/platform/jobs/job-principal.js';
import { type JobsLogger, JobsService } from '../src/platform/jobs/jobs.service.js';
import { RequestContext } from '../src/platform/tenancy/request-context.js';
import { freshDatabaseConfig } from './support/test-app.js';
import { waitUntil, type WaitCondition } from './support/wait.js';

/** Polls until the condition holds (or fails the test with what it was waiting for). */
const waitFor = (what: string, condition: WaitCondition, timeoutMs = 10_000) => waitUntil(what, condition, timeoutMs);

/** Longer than a polling interval (0.5 s): a job that could still run twice would have by then. */
const QUIET = 700;

let sequence = 0;
const uniqueName = (what: string): string => `test.${what}-${++sequence}-${randomUUID().slice(0, 8)}`;

describe('durable jobs (pg-boss over the application pool)', () => {
  let database: AppConfig['database'];
  let drop: () => Promise<void>;
  let db: OpenDatabase;
  /** A second "API process": its own pool on a server; on the embedded database (one session) the same one. */
  let db2: OpenDatabase;
  const context = new RequestContext();
  let transactions: Transactions;
  let jobsA: JobsService;
  let jobsB: JobsService;
  const reported: { level: 'warn' | 'error'; message: string; details: Record<string, unknown> }[] = [];
  const logger: JobsLogger = {
    warn: (details, message) => reported.push({ level: 'warn', message, details }),
    error: (details, message) => reported.push({ level: 'error', message, details }),
  };
  const options = { pollingIntervalSeconds: 0.5, stopTimeoutMs: 5_000, logger };

  const jobRow = async (id: string): Promise<{ state: string; retry_count: number; output: unknown } | undefined> => {
    const rows = (await db.dataSource.query('SELECT state, retry_count, output FROM pgboss.job WHERE id = $1', [id])) as { state: string; retry_count: number; output: unknown }[];
    return rows[0];
  };

  beforeAll(async () => {
    const fresh = await freshDatabaseConfig();
    database = fresh.database;
    drop = fresh.drop;
    db = await openDatabase(database);
    db2 = database.kind === 'server' ? await openDatabase(database) : db;
    transactions = new Transactions(db.dataSource, context);
    jobsA = new JobsService(db.dataSource, context, options);
    jobsB = new JobsService(db2.dataSource, context, options);
    await jobsA.start();
    await jobsB.start();
  });

  afterEach(() => {
    // pg-boss's own errors (a missing grant in maintenance, a broken adapter) would show up here
    expect(reported.filter((r) => r.level === 'error')).toEqual([]);
    reported.length = 0;
  });

  afterAll(async () => {
    await jobsA?.stop();
    await jobsB?.stop();
    if (db2 !== db) await db2?.close();
    await db?.close();
    await drop?.();
  });

  it('derives one stable job id per name and key', () => {
    expect(jobIdFor('payscore.create-order', 'OUT-1')).toBe(jobIdFor('payscore.create-order', 'OUT-1'));
    expect(jobIdFor('payscore.create-order', 'OUT-1')).not.toBe(jobIdFor('payscore.create-order', 'OUT-2'));
    expect(jobIdFor('payscore.create-order', 'OUT-1')).not.toBe(jobIdFor('payscore.cancel-order', 'OUT-1'));
    expect(jobIdFor('a', 'b')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('a job queued in a transaction that rolls back never exists; one that commits runs exactly once', async () => {
    const job = defineJob<{ n: number }>(uniqueName('outbox'));
    const runs: number[] = [];
    await jobsA.register(job, async ({ n }) => {
      runs.push(n);
    });

    let rolledBack: string | null = null;
    await expect(
      transactions.asSystem(async () => {
        rolledBack = (await jobsA.enqueue(job, { n: 1 }, { key: 'rolled-back' })).id;
        throw new Error('the request failed after queueing');
      }),
    ).rejects.toThrow('the request failed after queueing');
    expect(rolledBack).toBe(jobIdFor(job.name, 'rolled-back'));
    expect(await jobRow(rolledBack!)).toBeUndefined();

    const committed = await transactions.asSystem(() => jobsA.enqueue(job, { n: 2 }));
    expect(committed.created).toBe(true);
    await waitFor('the committed job to run', () => runs.includes(2));
    await waitFor('the committed job to be completed', async () => (await jobRow(committed.id!))?.state === 'completed');
    await sleep(QUIET); // more fetches by both workers: nothing runs again, and the rolled-back job never appears
    expect(runs).toEqual([2]);
  });

  it('queues a keyed job once, whoever asks how often (a retried create is a safe re-entry)', async () => {
    const job = defineJob<{ outOrderNo: string }>(uniqueName('create-order'));
    const runs: string[] = [];
    await jobsA.register(job, async ({ outOrderNo }) => {
      runs.push(outOrderNo);
    });
    await jobsB.declare(job);
    const outOrderNo = `ZZ${Date.now()}`;
    const results = await Promise.all([
      jobsA.enqueue(job, { outOrderNo }, { key: outOrderNo }),
      jobsA.enqueue(job, { outOrderNo }, { key: outOrderNo }),
      jobsB.enqueue(job, { outOrderNo }, { key: outOrderNo }),
      new Transactions(db2.dataSource, context).asSystem(() => jobsB.enqueue(job, { outOrderNo }, { key: outOrderNo })),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id))).toEqual(new Set([jobIdFor(job.name, outOrderNo)]));
    await waitFor('the job to run', () => runs.length === 1);
    // even after it has completed, the same key queues nothing
    await waitFor('completion', async () => (await jobRow(jobIdFor(job.name, outOrderNo)))?.state === 'completed');
    expect((await jobsB.enqueue(job, { outOrderNo }, { key: outOrderNo })).created).toBe(false);
    await sleep(QUIET);
    expect(runs).toEqual([outOrderNo]);
    const [count] = (await db.dataSource.query('SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1', [job.name])) as [{ n: number }];
    expect(count.n).toBe(1);
  });

  it('retries a failing job with exponential backoff until it succeeds', async () => {
    const job = defineJob<{ failures: number }>(uniqueName('flaky'), { retry: { limit: 3, delaySeconds: 1, backoff: true } });
    const attempts: { attempt: number; at: number; last: boolean }[] = [];
    await jobsA.register(job, async ({ failures }, { attempt, isLastAttempt }) => {
      attempts.push({ attempt, at: Date.now(), last: isLastAttempt });
      if (attempt <= failures) throw new Error(`attempt ${attempt} failed`);
    });
    const { id } = await jobsA.enqueue(job, { failures: 2 });
    await waitFor('the job to complete', async () => (await jobRow(id!))?.state === 'completed', 15_000);
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    expect(attempts.some((a) => a.last)).toBe(false); // the limit of 3 retries was never reached
    const [first, second, third] = attempts as [(typeof attempts)[0], (typeof attempts)[0], (typeof attempts)[0]];
    // backoff: first retry after 1–2 s, the second after 2–4 s (a fixed 1 s delay would fail the second bound)
    expect(second.at - first.at).toBeGreaterThanOrEqual(900);
    expect(third.at - second.at).toBeGreaterThanOrEqual(1_900);
    expect((await jobRow(id!))?.retry_count).toBe(2);
    expect(reported.filter((r) => r.message === 'job attempt failed')).toHaveLength(2);
  });

  it('ends a job that keeps failing as failed after its retry limit', async () => {
    const job = defineJob<{ what: string }>(uniqueName('doomed'), { retry: { limit: 2, delaySeconds: 0, backoff: false } });
    const attempts: { attempt: number; last: boolean }[] = [];
    await jobsA.register(job, async (_data, { attempt, isLastAttempt }) => {
      attempts.push({ attempt, last: isLastAttempt });
      throw new Error('WeChat says no');
    });
    const { id } = await jobsA.enqueue(job, { what: 'x' });
    await waitFor('the job to fail for good', async () => (await jobRow(id!))?.state === 'failed');
    await sleep(QUIET);
    expect(attempts).toEqual([
      { attempt: 1, last: false },
      { attempt: 2, last: false },
      { attempt: 3, last: true },
    ]);
    const row = await jobRow(id!);
    expect(row).toMatchObject({ state: 'failed', retry_count: 2 });
    expect(JSON.stringify(row?.output)).toContain('WeChat says no');
  });

  it('two API processes working one queue never run a job twice', async () => {
    const job = defineJob<{ i: number }>(uniqueName('shared'));
    const ran: { id: string; by: 'A' | 'B' }[] = [];
    const handler = (by: 'A' | 'B') => async (_data: { i: number }, { id }: { id: string }) => {
      ran.push({ id, by });
      await sleep(40);
    };
    await jobsA.register(job, handler('A'), { concurrency: 3 });
    await jobsB.register(job, handler('B'), { concurrency: 3 });
    const n = 60;
    const ids = await transactions.asSystem(async () => {
      const queued: string[] = [];
      for (let i = 0; i < n; i++) queued.push((await jobsA.enqueue(job, { i })).id!);
      return queued;
    });
    await waitFor(`${n} jobs to run`, () => ran.length >= n, 20_000);
    await sleep(QUIET);
    expect(ran).toHaveLength(n);
    expect(new Set(ran.map((r) => r.id))).toEqual(new Set(ids));
    expect(ran.some((r) => r.by === 'A')).toBe(true);
    expect(ran.some((r) => r.by === 'B')).toBe(true);
    await waitFor('every job to be completed', async () => {
      const [row] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [job.name])) as [{ n: number }];
      return row.n === n;
    });
  });

  it('20 parallel locked debits of 10 from 100 leave exactly 0 and refuse the rest, with the job workers polling the same pool', async () => {
    // a scratch table: temporary on the embedded database (one session), a real one on a server (each pooled connection is a session)
    const table = `jobs_debit_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    let owner: pg.Client | undefined;
    if (database.kind === 'server') {
      owner = new pg.Client({ connectionString: database.migrationUrl });
      await owner.connect();
      await owner.query(`CREATE TABLE ${table} (id int PRIMARY KEY, balance_fen int NOT NULL)`);
      await owner.query(`GRANT SELECT, INSERT, UPDATE ON ${table} TO zizhu_app`);
    } else {
      await db.dataSource.query(`CREATE TEMPORARY TABLE ${table} (id int PRIMARY KEY, balance_fen int NOT NULL)`);
    }
    try {
      await db.dataSource.query(`INSERT INTO ${table} VALUES (1, 100)`);
      const busy = defineJob<{ i: number }>(uniqueName('busy'));
      await jobsA.register(busy, () => sleep(5));
      for (let i = 0; i < 10; i++) await jobsA.enqueue(busy, { i });
      const debits = Array.from({ length: 20 }, () =>
        db.dataSource.transaction(async (m) => {
          const [row] = (await m.query(`SELECT balance_fen FROM ${table} WHERE id = 1 FOR UPDATE`)) as [{ balance_fen: number }];
          await m.query('SELECT pg_sleep(0.002)');
          if (row.balance_fen < 10) return 'refused';
          await m.query(`UPDATE ${table} SET balance_fen = balance_fen - 10 WHERE id = 1`);
          return 'debited';
        }),
      );
      const outcomes = await Promise.all(debits);
      expect(outcomes.filter((o) => o === 'debited')).toHaveLength(10);
      expect(outcomes.filter((o) => o === 'refused')).toHaveLength(10);
      const [row] = (await db.dataSource.query(`SELECT balance_fen FROM ${table} WHERE id = 1`)) as [{ balance_fen: number }];
      expect(row.balance_fen).toBe(0);
    } finally {
      if (owner) {
        await owner.query(`DROP TABLE ${table}`);
        await owner.end();
      } else {
        await db.dataSource.query(`DROP TABLE ${table}`);
      }
    }
  });

  it('queues from inside a tenant transaction (as the zizhu_app role, under row-level security), and the handler reads that tenant through row-level security', async () => {
    const [platformId, tenantId, otherId] = [randomUUID(), randomUUID(), randomUUID()];
    await transactions.asSystem(async (m) => {
      await m.query(`INSERT INTO organizations (id, parent_id, path, kind, name) VALUES ($1, NULL, ARRAY[$1::uuid], 'PLATFORM', 'jobs test platform')`, [platformId]);
      for (const id of [tenantId, otherId]) {
        await m.query(`INSERT INTO organizations (id, parent_id, path, kind, operating_model, name) VALUES ($1, $2, ARRAY[$2::uuid, $1::uuid], 'OPERATOR', 'SELF_RUN', 'jobs test operator')`, [id, platformId]);
      }
    });
    const job = defineJob<{ tenantId: string }>(uniqueName('tenant-work'));
    const seen: { visible: string[]; requestId: string | undefined; hadTransaction: boolean; actor: string }[] = [];
    await jobsA.register(job, async (data) => {
      const hadTransaction = context.hasTransaction;
      const requestId = context.requestId;
      const visible = await transactions.asTenant(jobPrincipal(data.tenantId), async (m) =>
        ((await m.query('SELECT id FROM organizations ORDER BY id')) as { id: string }[]).map((r) => r.id),
      );
      seen.push({ visible, requestId, hadTransaction, actor: jobPrincipal(data.tenantId).userId });
    });

    const queued = await transactions.asTenant(jobPrincipal(tenantId), async (m) => {
      const [who] = (await m.query('SELECT current_user AS role')) as [{ role: string }];
      expect(who.role).toBe('zizhu_app');
      return jobsA.enqueue(job, { tenantId }, { key: `tenant:${tenantId}` });
    });
    expect(queued.created).toBe(true);
    await waitFor('the tenant job to run', () => seen.length === 1);
    expect(seen[0]).toEqual({ visible: [tenantId], requestId: `job:${job.name}:${queued.id}`, hadTransaction: false, actor: JOB_ACTOR_ID });

    // a tenant transaction that rolls back takes its job with it
    const undone = defineJob<{ tenantId: string }>(uniqueName('tenant-undone'));
    await jobsA.declare(undone);
    await jobsA.enqueue(undone, { tenantId }, { key: 'warm-up' }); // creates the queue outside any transaction
    await expect(
      transactions.asTenant(jobPrincipal(tenantId), async () => {
        await jobsA.enqueue(undone, { tenantId }, { key: 'undone' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await jobRow(jobIdFor(undone.name, 'undone'))).toBeUndefined();
    expect(await jobRow(jobIdFor(undone.name, 'warm-up'))).toMatchObject({ state: 'created' });
  });

  it('refuses to queue, inside a transaction, a job whose queue was never declared (instead of waiting for a pooled client forever)', async () => {
    const job = defineJob<{ x: number }>(uniqueName('undeclared'));
    const attempt = transactions.asSystem(() => jobsA.enqueue(job, { x: 1 }));
    await expect(attempt).rejects.toThrow(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: 'JOBS_QUEUE_NOT_DECLARED' });
  });

  it('retries a job whose worker died mid-attempt once it has been active past its expiry (maintenance as the app role)', async () => {
    const job = defineJob<{ what: string }>(uniqueName('orphan'), { expireInSeconds: 1, retry: { limit: 2, delaySeconds: 0, backoff: false } });
    await jobsB.declare(job);
    const { id } = await jobsB.enqueue(job, { what: 'left behind' });
    // what a process killed after claiming the job leaves behind: an active attempt nobody will finish
    await db.dataSource.query(`UPDATE pgboss.job SET state = 'active', started_on = now() - interval '5 seconds' WHERE name = $1 AND id = $2`, [job.name, id]);
    await jobsB.maintain(job);
    expect((await jobRow(id!))?.state).toBe('retry');
    const attempts: number[] = [];
    await jobsB.register(job, async (_data, { attempt }) => {
      attempts.push(attempt);
    });
    await waitFor('the orphaned job to complete', async () => (await jobRow(id!))?.state === 'completed');
    expect(attempts).toEqual([2]);
  });

  it('deletes finished jobs after keepFinishedSeconds (which is also how long a key deduplicates)', async () => {
    const job = defineJob<{ n: number }>(uniqueName('short-lived'), { keepFinishedSeconds: 1 });
    await jobsA.register(job, async () => undefined);
    const { id } = await jobsA.enqueue(job, { n: 1 }, { key: 'k' });
    await waitFor('completion', async () => (await jobRow(id!))?.state === 'completed');
    expect((await jobsA.enqueue(job, { n: 1 }, { key: 'k' })).created).toBe(false);
    await sleep(1_100);
    await jobsA.maintain(job);
    expect(await jobRow(id!)).toBeUndefined();
    expect((await jobsA.enqueue(job, { n: 2 }, { key: 'k' })).created).toBe(true);
  });

  it('runs a periodic job once per interval across two processes, never overlapping', async () => {
    const tick = defineJob<PeriodicTick>(uniqueName('reconcile'), { exclusive: true, retry: { limit: 0 } });
    const slots: number[] = [];
    let running = 0;
    let maxRunning = 0;
    const handler = async ({ slot }: PeriodicTick) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      slots.push(slot);
      await sleep(150);
      running--;
    };
    await jobsA.register(tick, handler);
    await jobsB.register(tick, handler);
    const started = Math.floor(Date.now() / 1000);
    await jobsA.every(tick, { intervalSeconds: 1 });
    await jobsB.every(tick, { intervalSeconds: 1 });
    await waitFor('three periodic runs', () => slots.length >= 3, 10_000);
    await sleep(500);
    const ended = Math.floor(Date.now() / 1000);
    expect(new Set(slots).size).toBe(slots.length); // both processes tick twice a slot: one run per slot
    expect(slots.length).toBeLessThanOrEqual(ended - started + 1);
    expect(maxRunning).toBe(1);
    const [rows] = (await db.dataSource.query('SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1', [tick.name])) as [{ n: number }];
    expect(rows.n).toBeLessThanOrEqual(ended - started + 1);
  });

  it('a periodic job scheduled before start (as modules do in onModuleInit) enqueues its first slot at start, with no error logged', async () => {
    const jobsE = new JobsService(db.dataSource, context, options);
    const tick = defineJob<PeriodicTick>(uniqueName('boot-tick'), { exclusive: true, retry: { limit: 0 } });
    const slots: number[] = [];
    await jobsE.register(tick, async ({ slot }) => {
      slots.push(slot);
    });
    await jobsE.every(tick, { intervalSeconds: 60 }); // the next tick is 30 s away: only the first one can run here
    await jobsE.start();
    try {
      await waitFor('the first slot, queued at start', () => slots.length === 1, 5_000);
      expect(reported.filter((r) => r.level === 'error')).toEqual([]); // was: 'periodic enqueue failed' JOBS_NOT_STARTED
    } finally {
      await jobsE.stop();
    }
  });

  it('wakes its idle workers when a job is queued, or when the transaction that queued it commits, instead of waiting for the next poll', async () => {
    const jobsD = new JobsService(db.dataSource, context, { ...options, pollingIntervalSeconds: 20 });
    const job = defineJob<{ at: number }>(uniqueName('prompt'));
    const latencies: number[] = [];
    await jobsD.register(job, async ({ at }) => {
      latencies.push(Date.now() - at);
    });
    await jobsD.start();
    try {
      await sleep(300); // the worker's first fetch found nothing: it now sleeps for 20 s
      await jobsD.enqueue(job, { at: Date.now() });
      await waitFor('the job queued outside a transaction', () => latencies.length === 1, 3_000);
      await sleep(300);
      await transactions.asSystem(async () => {
        await jobsD.enqueue(job, { at: Date.now() });
        await sleep(400); // not before the commit
      });
      await waitFor('the job queued in a transaction', () => latencies.length === 2, 3_000);
      expect(latencies[1]).toBeGreaterThanOrEqual(400);
    } finally {
      await jobsD.stop();
    }
  });

  it('stops gracefully: a running handler finishes and its job completes before stop() returns', async () => {
    const jobsC = new JobsService(db.dataSource, context, options);
    const job = defineJob<{ ms: number }>(uniqueName('slow'));
    let started = false;
    let finished = false;
    await jobsC.register(job, async ({ ms }) => {
      started = true;
      await sleep(ms);
      finished = true;
    });
    await jobsC.start();
    const { id } = await jobsC.enqueue(job, { ms: 1_000 });
    await waitFor('the slow handler to start', () => started);
    await jobsC.stop();
    expect(finished).toBe(true);
    expect((await jobRow(id!))?.state).toBe('completed');
    await expect(jobsC.enqueue(job, { ms: 1 })).rejects.toMatchObject({ code: 'JOBS_NOT_STARTED' });
  });
});
