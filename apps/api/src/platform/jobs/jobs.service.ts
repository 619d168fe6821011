import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, Optional } from '@nestjs/common';
import { PgBoss, type JobWithMetadata, type SendOptions } from 'pg-boss';
import { DataSource } from 'typeorm';
import { afterCommit } from '../database/after-commit.js';
import { contextStorage } from '../tenancy/context-storage.js';
import { RequestContext } from '../tenancy/request-context.js';
import type { JobDefinition, PeriodicTick } from './job-definition.js';
import { jobIdFor } from './job-keys.js';
import { jobsErrors } from './jobs.errors.js';
import { poolDatabase, transactionDatabase } from './pg-boss-database.js';

/** Where pg-boss's own errors and failed attempts are reported (pino-shaped: details first). */
export interface JobsLogger {
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface JobsOptions {
  /** How often an idle worker looks for jobs (pg-boss minimum 0.5). Default 2. */
  readonly pollingIntervalSeconds?: number;
  /** How long stop() waits for running handlers before failing their jobs (they are retried). Default 30 000. */
  readonly stopTimeoutMs?: number;
  /** Run pg-boss maintenance (expiring stuck attempts, deleting old rows). Default true; every process may. */
  readonly supervise?: boolean;
  readonly logger?: JobsLogger;
}

export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

/** The pg-boss schema, installed by migration 1764302000000. */
export const JOBS_SCHEMA = 'pgboss';

export interface JobContext {
  readonly id: string;
  readonly name: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** True when a failure now ends the job `failed` instead of retrying it. */
  readonly isLastAttempt: boolean;
  /** Aborted when the attempt expires or the process stops without waiting any longer. */
  readonly signal: AbortSignal;
}

export type JobHandler<T extends object> = (data: T, job: JobContext) => Promise<unknown>;

export interface WorkerOptions {
  /** Jobs this process runs at once for this name (fetched together by one poller). Default 1. */
  readonly concurrency?: number;
  readonly pollingIntervalSeconds?: number;
}

export interface EnqueueOptions {
  /**
   * Idempotency key (e.g. the `out_order_no`): the job id is derived from it, so the same name and key
   * are queued at most once — however often, from however many processes — while the job row is kept.
   */
  readonly key?: string;
  /** Run no earlier than this (a Date) or this many seconds from now. */
  readonly startAfter?: Date | number;
  readonly priority?: number;
}

export interface Enqueued {
  /** The job's id; with a key, the derived id whether or not this call created the job. */
  readonly id: string | null;
  /** False when a job with the same key (or, for an exclusive job, a pending one) already existed. */
  readonly created: boolean;
}

export interface PeriodicOptions {
  readonly intervalSeconds: number;
}

interface WorkerEntry {
  readonly definition: JobDefinition<object>;
  readonly handler: JobHandler<object>;
  readonly options: WorkerOptions;
}

const PERIODIC_KEY = 'periodic';

/** A job definition's retry and retention settings, as pg-boss takes them for a queue and for each job. */
function retentionAndRetry(definition: JobDefinition<object>) {
  const { retry } = definition;
  return {
    retryLimit: retry.limit,
    retryDelay: retry.delaySeconds,
    retryBackoff: retry.backoff,
    ...(retry.backoff && retry.maxDelaySeconds !== undefined ? { retryDelayMax: retry.maxDelaySeconds } : {}),
    expireInSeconds: definition.expireInSeconds,
    deleteAfterSeconds: definition.keepFinishedSeconds,
  };
}

/**
 * Durable jobs on pg-boss, in the application's own database and through TypeORM's pool (see
 * pg-boss-database.ts). `enqueue` joins the current request/tenant/system transaction when there is
 * one, so a job exists exactly when the work that asked for it commits (the outbox guarantee).
 * Workers claim jobs with SELECT … FOR UPDATE SKIP LOCKED, so any number of API processes share the
 * queue without running a job twice; a handler that throws is retried with backoff, and an attempt
 * that outlives expireInSeconds (a crashed process) is retried by whichever process supervises next.
 * Handlers are at-least-once: they must be idempotent (keys derived from the business object).
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnModuleDestroy {
  private boss: PgBoss | undefined;
  private starting: Promise<void> | undefined;
  private readonly declared = new Map<string, JobDefinition<object>>();
  private readonly created = new Set<string>();
  private readonly workers = new Map<string, WorkerEntry>();
  private readonly workerIds = new Map<string, string[]>();
  private readonly periodic = new Map<string, { definition: JobDefinition<PeriodicTick>; intervalSeconds: number; timer?: NodeJS.Timeout }>();
  private readonly ticks = new Set<Promise<void>>();
  private readonly logger: JobsLogger;

  constructor(
    private readonly dataSource: DataSource,
    private readonly context: RequestContext,
    @Optional() @Inject(JOBS_OPTIONS) private readonly options: JobsOptions = {},
  ) {
    this.logger = options.logger ?? nestLogger();
  }

  get isStarted(): boolean {
    return this.boss !== undefined && this.starting === undefined;
  }

  onApplicationBootstrap(): Promise<void> {
    return this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  /**
   * Makes a job known, so it can be queued inside transactions: its queue is created at start (or now,
   * when already started — then outside any transaction). register() and every() declare their job.
   */
  async declare(definition: JobDefinition<object>): Promise<void> {
    this.remember(definition);
    if (this.boss && !this.starting) await this.createQueue(this.boss, definition);
  }

  /**
   * Runs pg-boss maintenance now (every process also runs it on its own timer when `supervise` is on):
   * attempts active past their expireInSeconds — a worker that crashed or hangs — are failed and
   * retried, and finished jobs past keepFinishedSeconds are deleted.
   */
  async maintain(definition?: JobDefinition<object>): Promise<void> {
    const boss = this.boss;
    if (!boss || this.starting) throw jobsErrors.JOBS_NOT_STARTED();
    await boss.supervise(definition?.name);
  }

  private remember(definition: JobDefinition<object>): void {
    const known = this.declared.get(definition.name);
    if (known && known !== definition) throw new Error(`two different job definitions are named ${definition.name}`);
    this.declared.set(definition.name, definition);
  }

  async start(): Promise<void> {
    if (this.boss) return this.starting;
    const boss = new PgBoss({
      db: poolDatabase(this.dataSource),
      schema: JOBS_SCHEMA,
      migrate: false, // the schema is installed by a migration; pg-boss checks its version and refuses to start on a mismatch
      createSchema: false,
      schedule: false, // periodic work is every(), slot-keyed jobs: pg-boss cron has one-minute slots
      supervise: this.options.supervise ?? true,
      reindex: false, // REINDEX needs the table owner; the application role is not
      registerInstance: false,
    });
    boss.on('error', (error: unknown) => this.logger.error({ err: error }, 'pg-boss error'));
    boss.on('warning', (warning: unknown) => this.logger.warn({ warning }, 'pg-boss warning'));
    this.boss = boss;
    this.starting = (async () => {
      await boss.start();
      for (const definition of this.declared.values()) await this.createQueue(boss, definition);
      for (const entry of this.workers.values()) await this.work(boss, entry);
    })();
    try {
      await this.starting;
    } catch (error) {
      this.boss = undefined;
      this.created.clear();
      await boss.stop({ graceful: false, close: false }).catch(() => undefined);
      throw error;
    } finally {
      this.starting = undefined;
    }
    // only now: a timer's first tick enqueues at once, and send() refuses while the queue is still starting
    if (this.boss === boss) for (const name of this.periodic.keys()) this.startTimer(name);
  }

  /** Stops polling and periodic ticks, then waits (up to stopTimeoutMs) for running handlers to finish. */
  async stop(): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    await this.starting?.catch(() => undefined);
    for (const entry of this.periodic.values()) {
      clearInterval(entry.timer);
      entry.timer = undefined;
    }
    await Promise.allSettled([...this.ticks]);
    await boss.stop({ graceful: true, close: false, timeout: this.options.stopTimeoutMs ?? 30_000 });
    this.boss = undefined;
    this.created.clear();
    this.workerIds.clear();
  }

  /**
   * Queues a job. Inside a transaction (the request's, a tenant's or a system one) the job is written
   * by that transaction; otherwise on its own.
   */
  async enqueue<T extends object>(definition: JobDefinition<T>, data: T, options: EnqueueOptions = {}): Promise<Enqueued> {
    const id = options.key === undefined ? undefined : jobIdFor(definition.name, options.key);
    const sent = await this.send(definition, data, {
      ...(id === undefined ? {} : { id }),
      ...(options.key === undefined ? {} : { singletonKey: options.key }),
      ...(options.startAfter === undefined ? {} : { startAfter: options.startAfter }),
      ...(options.priority === undefined ? {} : { priority: options.priority }),
    });
    return { id: sent ?? id ?? null, created: sent !== null };
  }

  /**
   * Registers the worker of a job in this process (before or after start). The handler runs in a
   * context of its own — no principal, no transaction — and opens what it needs: tenant data through
   * `transactions.asTenant(jobPrincipal(data.tenantId), …)`. A thrown error fails the attempt.
   */
  async register<T extends object>(definition: JobDefinition<T>, handler: JobHandler<T>, options: WorkerOptions = {}): Promise<void> {
    if (this.workers.has(definition.name)) throw jobsErrors.JOBS_ALREADY_REGISTERED(`A worker for ${definition.name} is already registered.`);
    this.remember(definition as JobDefinition<object>);
    const entry: WorkerEntry = { definition: definition as JobDefinition<object>, handler: handler as JobHandler<object>, options };
    this.workers.set(definition.name, entry);
    if (this.boss && !this.starting) {
      await this.createQueue(this.boss, entry.definition);
      await this.work(this.boss, entry);
    }
  }

  /**
   * Runs a job every `intervalSeconds`, once per interval across all API processes: every process
   * ticks (twice per interval, so no slot is missed) and enqueues the job keyed by its time slot, and
   * the derived id lets only the first enqueue of a slot through. The definition must be `exclusive`,
   * so a run that outlasts its interval is never overlapped by the next one (that slot is skipped) —
   * which is also why a periodic job should retry little or not at all: the next slot is its retry.
   * Slots come from each process's clock. Register the worker separately; processes that only tick are fine.
   */
  async every(definition: JobDefinition<PeriodicTick>, options: PeriodicOptions): Promise<void> {
    if (!definition.exclusive) throw new Error(`periodic job ${definition.name} must be defined with exclusive: true`);
    if (!Number.isInteger(options.intervalSeconds) || options.intervalSeconds < 1) throw new Error('intervalSeconds must be an integer >= 1');
    if (this.periodic.has(definition.name)) throw new Error(`periodic job ${definition.name} is already scheduled`);
    this.remember(definition as JobDefinition<object>);
    this.periodic.set(definition.name, { definition, intervalSeconds: options.intervalSeconds });
    if (this.boss && !this.starting) {
      await this.createQueue(this.boss, definition as JobDefinition<object>);
      this.startTimer(definition.name);
    }
  }

  private async send(definition: JobDefinition<object>, data: object, extra: SendOptions): Promise<string | null> {
    const boss = this.boss;
    if (!boss || this.starting) throw jobsErrors.JOBS_NOT_STARTED();
    const inTransaction = this.context.hasTransaction;
    if (!this.created.has(definition.name)) {
      // creating a queue takes a pooled client: inside a transaction on the embedded database that would never come
      if (inTransaction) throw jobsErrors.JOBS_QUEUE_NOT_DECLARED(`Job ${definition.name} was not declared (register, declare or every) before the job queue started.`);
      this.remember(definition);
      await this.createQueue(boss, definition);
    }
    const options: SendOptions = {
      ...retentionAndRetry(definition),
      ...extra,
      ...(inTransaction ? { db: transactionDatabase(this.context.manager) } : {}),
    };
    const id = await boss.send(definition.name, data, options);
    if (id !== null && this.workerIds.has(definition.name)) {
      // queued in a still-open transaction: this process's workers of it are woken once it commits
      afterCommit(inTransaction ? this.context.manager.queryRunner : undefined, this, definition.name, () => this.wake(definition.name));
    }
    return id;
  }

  private async createQueue(boss: PgBoss, definition: JobDefinition<object>): Promise<void> {
    if (this.created.has(definition.name)) return;
    await boss.createQueue(definition.name, { policy: definition.exclusive ? 'exclusive' : 'standard', ...retentionAndRetry(definition) });
    this.created.add(definition.name);
  }

  /**
   * One pg-boss worker per job name in this process: it fetches up to `concurrency` jobs at a time and
   * runs them together, each settled on its own (`perJobResults`: one that throws is retried by its own
   * policy, the others complete). One poller per queue, not one per unit of concurrency, keeps an idle
   * process's polling to one query per queue per interval. A worker that has just run a full batch looks
   * for the next one at once instead of sleeping a polling interval, so a backlog drains at full speed; after
   * a batch that was not full the queue had nothing more when it was fetched, so it sleeps (jobs queued by this
   * process meanwhile wake it, those of other processes are found by its next poll) — one empty fetch less per
   * batch, which was one transaction in every job's cost (issue 15, lifecycles).
   */
  private async work(boss: PgBoss, entry: WorkerEntry): Promise<void> {
    const { definition, handler, options } = entry;
    const ids: string[] = [];
    this.workerIds.set(definition.name, ids);
    const self: { id?: string } = {};
    self.id = await boss.work(
      definition.name,
      {
        batchSize: Math.max(1, options.concurrency ?? 1),
        includeMetadata: true,
        perJobResults: true,
        pollingIntervalSeconds: options.pollingIntervalSeconds ?? this.options.pollingIntervalSeconds ?? 2,
      },
      async (jobs: JobWithMetadata<object>[]) => {
        try {
          const settled = await Promise.allSettled(jobs.map((job) => this.run(handler, job)));
          return settled.map((outcome, i) => {
            const id = jobs[i]!.id;
            if (outcome.status === 'fulfilled') return { id, status: 'completed' as const, output: outcome.value };
            const error = outcome.reason as Error | undefined;
            return { id, status: 'failed' as const, output: { message: error?.message ?? String(outcome.reason), name: error?.name } };
          });
        } finally {
          if (self.id && jobs.length >= Math.max(1, options.concurrency ?? 1)) boss.notifyWorker(self.id);
        }
      },
    );
    ids.push(self.id);
  }

  private run(handler: JobHandler<object>, job: JobWithMetadata<object>): Promise<unknown> {
    const context: JobContext = {
      id: job.id,
      name: job.name,
      attempt: job.retryCount + 1,
      isLastAttempt: job.retryCount >= job.retryLimit,
      signal: job.signal,
    };
    // a fresh context: never the one the polling timer happened to be created in
    return contextStorage.run({ requestId: `job:${job.name}:${job.id}` }, async () => {
      try {
        return await handler(job.data, context);
      } catch (error) {
        this.logger.warn({ err: error, job: job.name, jobId: job.id, attempt: context.attempt, final: context.isLastAttempt }, 'job attempt failed');
        throw error;
      }
    });
  }

  /** Wakes this process's idle workers of a job (just queued, or just committed), instead of waiting for their next poll. */
  private wake(name: string): void {
    const boss = this.boss;
    if (!boss) return;
    for (const id of this.workerIds.get(name) ?? []) boss.notifyWorker(id);
  }

  private startTimer(name: string): void {
    const entry = this.periodic.get(name);
    if (!entry || entry.timer) return;
    const tick = (): void => {
      const slot = Math.floor(Date.now() / 1000 / entry.intervalSeconds);
      const sending = contextStorage
        .run({ requestId: `periodic:${name}:${slot}` }, () =>
          this.send(entry.definition as JobDefinition<object>, { slot, intervalSeconds: entry.intervalSeconds } satisfies PeriodicTick, {
            id: jobIdFor(name, `slot:${slot}`),
            singletonKey: PERIODIC_KEY,
          }),
        )
        .then(
          () => undefined,
          (error: unknown) => this.logger.error({ err: error, job: name, slot }, 'periodic enqueue failed'),
        )
        .finally(() => this.ticks.delete(sending));
      this.ticks.add(sending);
    };
    entry.timer = setInterval(tick, (entry.intervalSeconds * 1000) / 2);
    entry.timer.unref();
    tick();
  }
}

function nestLogger(): JobsLogger {
  const logger = new Logger('Jobs');
  return {
    warn: (details, message) => logger.warn(details, message),
    error: (details, message) => logger.error(details, message),
  };
}
