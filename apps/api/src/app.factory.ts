import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { LogController } from 'fastify';
import type { Logger } from 'pino';
import { AppModule, requestIdOf } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { DemoSeedService } from './modules/demo/demo-seed.service.js';
import { SettlementJobs } from './modules/settlement/settlement.jobs.js';
import { installConsole } from './modules/home/console-static.js';
import { CommandSignal } from './modules/fleet/command-signal.service.js';
import { captureDeviceRawBody } from './modules/device-api/device-signature.guard.js';
import { deviceDirectHandlers } from './modules/device-api/heartbeat.route.js';
import type { Clock } from './platform/clock/clock.js';
import { installComplaintImageBody } from './modules/complaints/complaint-image-body.js';
import { installEvidenceBody } from './modules/onboarding/evidence-body.js';
import { installBackupControl } from './platform/backup/backup-control.js';
import { installTicketPhotoBody } from './modules/maintenance/photo-body.js';
import { openDatabase, type OpenDatabase } from './platform/database/database.js';
import { contextStorage } from './platform/tenancy/context-storage.js';
import { Transactions } from './platform/database/transactions.js';
import { installInputGuards } from './platform/errors/request-input.js';
import { installDirectHandlers } from './platform/http/direct-handlers.js';
import { directTenantReadHandlers } from './platform/tenancy/direct-tenant-reads.js';
import { createValidationPipe } from './platform/errors/validation.js';
import { createRootLogger, PinoNestLogger } from './platform/observability/logger.js';
import { MetricsService } from './platform/observability/metrics.service.js';
import { buildOpenApiDocument } from './platform/observability/openapi.js';

export interface ZizhuApp {
  readonly app: NestFastifyApplication;
  readonly database: OpenDatabase;
  readonly seeded: boolean;
  close(): Promise<void>;
}

/** The embedded setup keeps a generated signing secret under DATA_DIR, so logins survive a restart. */
function resolveJwtSecret(config: AppConfig): string {
  if (config.jwtSecret) return config.jwtSecret;
  if (config.database.kind !== 'embedded' || config.database.dataDir === null) return randomBytes(32).toString('base64url');
  const file = join(config.database.dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.database.dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const BODY_LIMIT = 1_048_576;

/** How long a shutdown waits for in-flight requests before cutting their connections (then jobs get JOBS_STOP_TIMEOUT_MS). */
export const HTTP_DRAIN_MS = 4000;

/**
 * The first step of a graceful shutdown: no new connections, idle keep-alive ones closed now and busy ones
 * right after their answer (`Connection: close`), long polls answered empty at once; resolves when every
 * connection is gone, or after HTTP_DRAIN_MS by cutting the stragglers. Nothing to do when not listening.
 */
async function drainHttp(app: NestFastifyApplication, draining: { on: boolean }): Promise<void> {
  if (draining.on) return;
  draining.on = true;
  app.get(CommandSignal).drain();
  const server = app.getHttpServer();
  if (!server.listening) return;
  await new Promise<void>((resolve) => {
    // a connection that finished its answer between the checks is idle now: close it (Node closes idle ones only at close())
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const cut = setTimeout(() => server.closeAllConnections(), HTTP_DRAIN_MS);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(cut);
      resolve();
    });
  });
}

export interface CreateAppOptions {
  readonly logger?: Logger;
  /** Tests only (main.ts never passes one): the clock business decisions read "now" from; default the system clock. */
  readonly clock?: Clock;
}

/** Builds the whole API (database migrated, demo seeded when asked), ready to listen or to be injected into. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<ZizhuApp> {
  const logger = options.logger ?? createRootLogger(config.logLevel);
  const database = await openDatabase(config.database);
  let app: NestFastifyApplication | undefined;
  const draining = { on: false };
  try {
    const adapter = new FastifyAdapter({
      loggerInstance: logger,
      logController: new LogController({ requestIdLogLabel: 'requestId' }),
      genReqId: (req: IncomingMessage) => requestIdOf(req),
      bodyLimit: BODY_LIMIT,
      // the client address (the login limiter's key) comes from X-Forwarded-For only through trusted proxies
      // (a hop count is valid for Fastify; the adapter's option type leaves it out)
      trustProxy: (typeof config.trustProxy === 'object' ? [...config.trustProxy] : config.trustProxy) as boolean | string[],
    });
    app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, database, resolveJwtSecret(config), options.clock), adapter, {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    });
    const validation = createValidationPipe();
    app.useGlobalPipes(validation);
    const fastify = app.getHttpAdapter().getInstance();
    // every request runs in its own context, keyed by the request id that every log line carries
    app.getHttpAdapter().getInstance().addHook('onRequest', (request, reply, done) => {
      void reply.header('x-request-id', request.id);
      contextStorage.run({ requestId: request.id }, done);
    });
    // while shutting down, every answer closes its connection: a keep-alive client cannot hold the process
    fastify.addHook('onSend', (_request, reply, _payload, done) => {
      if (draining.on) void reply.header('connection', 'close');
      done();
    });
    // request latency per route pattern and heartbeat counts (platform/observability/README.md)
    app.get(MetricsService).installHttpHooks(app.getHttpAdapter().getInstance());
    // after the context hook, so a refusal carries the request id like any other answer
    installInputGuards(app, BODY_LIMIT);
    // device requests are signed over their exact body bytes
    captureDeviceRawBody(fastify);
    // the heartbeat and the hottest tenant reads run as plain Fastify handlers (declared by their Nest controllers,
    // handed over as Nest registers them; platform/http/direct-handlers.ts): the same admission, context and validation
    installDirectHandlers(fastify, { ...deviceDirectHandlers(app), ...directTenantReadHandlers(app, validation) });
    // complaint images are posted as raw bytes (image/jpeg|png|bmp, at most 2 MiB)
    installComplaintImageBody(app.getHttpAdapter().getInstance());
    // onboarding evidence files are posted as raw bytes (images, video, PDF, XLSX, text; at most 10 MiB)
    installEvidenceBody(app.getHttpAdapter().getInstance());
    // maintenance ticket photos likewise (image/jpeg|png|webp; at most 5 MiB)
    installTicketPhotoBody(app.getHttpAdapter().getInstance());
    SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app!), { jsonDocumentUrl: 'docs/openapi.json' });
    // the merchant console at / (when built), beside the API's routes
    installConsole(app, config);
    // embedded: the running API makes `npm run backup`'s consistent copy (platform/backup/README.md)
    const removeBackupControl = installBackupControl(app, config, database);
    await app.init();
    const seeded = config.seedDemo ? await app.get(DemoSeedService).seedIfEmpty(app.get(Transactions)) : false;
    // the demo's agreements call for statements of the current period: open them now, not at the job's next tick
    if (seeded) await app.get(SettlementJobs).openNow();
    const nest = app;
    return {
      app: nest,
      database,
      seeded,
      close: async () => {
        // graceful shutdown (ARCHITECTURE.md): requests first, then jobs (JobsModule's stop timeout), then the database
        removeBackupControl();
        await drainHttp(nest, draining);
        await nest.close();
        await database.close();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.close();
    throw error;
  }
}
