import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { JOBS_SCHEMA } from '../jobs/jobs.service.js';

/** How long one set of database figures (sessions, commands, queues, reconciler lag) serves scrapes. */
const SNAPSHOT_TTL_MS = 5000;

/** The device heartbeat route (counted by the HTTP hook, whichever way the route is registered). */
const HEARTBEAT_ROUTE = '/device/v1/heartbeat';

interface Snapshot {
  readonly sessions: { scenario: string; state: string; count: number }[];
  readonly commands: { state: string; count: number }[];
  readonly queues: { name: string; queued: number; oldestSeconds: number }[];
  readonly reconcilerLagSeconds: number;
}

/**
 * The process's Prometheus metrics (prom-client, one registry per application: tests build several apps in
 * one process). Request figures are counted per process; the database figures are read on scrape by a few
 * aggregate queries, shared by the scrapes of the next 5 s. With several API processes each is scraped on
 * its own (Prometheus sums the counters; the database gauges are the same in every process: take max()).
 */
@Injectable()
export class MetricsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Metrics');
  readonly registry = new Registry();
  private snapshot: { at: number; value: Promise<Snapshot> } | null = null;
  private internal: Server | null = null;

  readonly httpDuration = new Histogram({
    name: 'zizhu_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern, method and status class.',
    labelNames: ['route', 'method', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly heartbeats = new Counter({
    name: 'zizhu_device_heartbeats_total',
    help: 'Device heartbeats answered, by result (accepted: 2xx; refused: anything else).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly wechatDuration = new Histogram({
    name: 'zizhu_wechat_call_duration_seconds',
    help: 'Calls to WeChat Pay (each attempt) by API (method and path pattern) and result code (OK, WeChat error code, or transport failure).',
    labelNames: ['api', 'code'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers: [this.registry],
  });

  readonly callbackFailures = new Counter({
    name: 'zizhu_callback_verification_failures_total',
    help: 'WeChat callbacks refused because they did not verify, by kind (payscore, complaint) and reason.',
    labelNames: ['kind', 'reason'] as const,
    registers: [this.registry],
  });

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'zizhu_' });
    const snapshot = () => this.read();
    new Gauge({
      name: 'zizhu_sessions',
      help: 'Service sessions by state and vertical (scenario), all tenants.',
      labelNames: ['state', 'vertical'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const row of (await snapshot()).sessions) this.set({ state: row.state, vertical: row.scenario }, row.count);
      },
    });
    new Gauge({
      name: 'zizhu_device_commands',
      help: 'Device commands by state, all tenants.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const row of (await snapshot()).commands) this.set({ state: row.state }, row.count);
      },
    });
    new Gauge({
      name: 'zizhu_job_queue_depth',
      help: 'pg-boss jobs waiting to run (created or retry, start time reached), per queue.',
      labelNames: ['queue'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const row of (await snapshot()).queues) this.set({ queue: row.name }, row.queued);
      },
    });
    new Gauge({
      name: 'zizhu_job_queue_oldest_seconds',
      help: 'Age of the oldest job waiting to run, per queue (since it could have started).',
      labelNames: ['queue'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const row of (await snapshot()).queues) this.set({ queue: row.name }, row.oldestSeconds);
      },
    });
    new Gauge({
      name: 'zizhu_reconciler_lag_seconds',
      help: 'How long the session most overdue for the session reconciler has waited past its reconcile time (0: none overdue).',
      registers: [this.registry],
      async collect() {
        this.set((await snapshot()).reconcilerLagSeconds);
      },
    });
  }

  /** GET /metrics on the API's port: only with a token configured (METRICS_TOKEN). */
  get isServedOnApiPort(): boolean {
    return Boolean(this.config.metrics?.token);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The text exposition (format 0.0.4). */
  exposition(): Promise<string> {
    return this.registry.metrics();
  }

  /** True when the Authorization header carries the configured token (constant time). */
  authorised(header: string | undefined): boolean {
    const token = this.config.metrics?.token;
    if (!token) return false;
    const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '');
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** Times every request (route pattern, never the raw URL) and counts heartbeats, for any route of the instance. */
  installHttpHooks(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      const status = reply.statusCode;
      this.httpDuration.observe({ route, method: request.method, status_class: `${Math.floor(status / 100)}xx` }, reply.elapsedTime / 1000);
      if (route === HEARTBEAT_ROUTE) this.heartbeats.inc({ result: status < 300 ? 'accepted' : 'refused' });
      done();
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.metrics?.port;
    if (port === null || port === undefined) return;
    const server = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (req.method !== 'GET' || path !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
        return;
      }
      if (this.config.metrics?.token && !this.authorised(req.headers.authorization)) {
        res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('unauthorised\n');
        return;
      }
      this.exposition().then(
        (text) => res.writeHead(200, { 'content-type': this.contentType }).end(text),
        (error: unknown) => {
          this.logger.error({ err: error }, 'metrics collection failed');
          res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics collection failed\n');
        },
      );
    });
    // the scraper's connections do not hold a shutdown
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.config.metrics?.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.internal = server;
  }

  /** The internal listener's port (METRICS_PORT, or the one chosen for 0); null without one. */
  get internalPort(): number | null {
    const address = this.internal?.address();
    return typeof address === 'object' && address ? address.port : null;
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.internal;
    this.internal = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private read(): Promise<Snapshot> {
    const now = Date.now();
    if (this.snapshot && now - this.snapshot.at < SNAPSHOT_TTL_MS) return this.snapshot.value;
    const value = this.query();
    this.snapshot = { at: now, value };
    value.catch(() => {
      if (this.snapshot?.value === value) this.snapshot = null; // the next scrape tries again
    });
    return value;
  }

  /** One read-only transaction across all tenants: four aggregate queries. */
  private query(): Promise<Snapshot> {
    const after = this.config.sessions.reconcileAfterSeconds;
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      await m.query(`SELECT set_config('app.all_tenants', 'on', true)`);
      const sessions = (await m.query(`SELECT scenario, state, count(*)::int AS count FROM service_sessions GROUP BY scenario, state`)) as Snapshot['sessions'];
      const commands = (await m.query(`SELECT state, count(*)::int AS count FROM device_commands GROUP BY state`)) as Snapshot['commands'];
      const queues = (
        (await m.query(
          `SELECT name, count(*)::int AS queued, coalesce(extract(epoch FROM now() - min(start_after)), 0)::float8 AS oldest
           FROM ${JOBS_SCHEMA}.job WHERE state IN ('created', 'retry') AND start_after <= now() GROUP BY name`,
        )) as { name: string; queued: number; oldest: number }[]
      ).map((r) => ({ name: r.name, queued: r.queued, oldestSeconds: Math.max(0, r.oldest) }));
      // the session reconciler's own choice (SessionEngine.reconcileTick): how long past its check time the most overdue one is
      const [lag] = (await m.query(
        `SELECT coalesce(max(extract(epoch FROM now() - s.updated_at - greatest(make_interval(secs => $1), least((now() - s.created_at) / 10, interval '6 hours')))), 0)::float8 AS lag
         FROM service_sessions s
         WHERE s.updated_at < now() - greatest(make_interval(secs => $1), least((now() - s.created_at) / 10, interval '6 hours'))
           AND (s.state NOT IN ('PAID', 'CANCELLED')
                OR EXISTS (SELECT 1 FROM session_actions a WHERE a.session_id = s.id AND a.state IN ('PENDING', 'PROCESSING', 'ABNORMAL'))
                OR EXISTS (SELECT 1 FROM session_order_attempts o WHERE o.session_id = s.id AND o.state = 'SUPERSEDED'))`,
        [after],
      )) as { lag: number }[];
      return { sessions, commands, queues, reconcilerLagSeconds: Math.max(0, lag?.lag ?? 0) };
    });
  }
}
