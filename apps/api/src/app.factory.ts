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
import { captureDeviceRawBody } from './modules/device-api/device-signature.guard.js';
import { openDatabase, type OpenDatabase } from './platform/database/database.js';
import { contextStorage } from './platform/tenancy/context-storage.js';
import { Transactions } from './platform/database/transactions.js';
import { installInputGuards } from './platform/errors/request-input.js';
import { createValidationPipe } from './platform/errors/validation.js';
import { createRootLogger, PinoNestLogger } from './platform/observability/logger.js';
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

/** Builds the whole API (database migrated, demo seeded when asked), ready to listen or to be injected into. */
export async function createApp(config: AppConfig, options: { logger?: Logger } = {}): Promise<ZizhuApp> {
  const logger = options.logger ?? createRootLogger(config.logLevel);
  const database = await openDatabase(config.database);
  let app: NestFastifyApplication | undefined;
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
    app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, database, resolveJwtSecret(config)), adapter, {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    });
    app.useGlobalPipes(createValidationPipe());
    // every request runs in its own context, keyed by the request id that every log line carries
    app.getHttpAdapter().getInstance().addHook('onRequest', (request, reply, done) => {
      void reply.header('x-request-id', request.id);
      contextStorage.run({ requestId: request.id }, done);
    });
    // after the context hook, so a refusal carries the request id like any other answer
    installInputGuards(app, BODY_LIMIT);
    // device requests are signed over their exact body bytes
    captureDeviceRawBody(app.getHttpAdapter().getInstance());
    SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app!), { jsonDocumentUrl: 'docs/openapi.json' });
    // the merchant console at / (when built), beside the API's routes
    installConsole(app, config);
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
