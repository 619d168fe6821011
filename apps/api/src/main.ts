import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { ConfigError, parseConfig } from './config/app-config.js';
import { processEnv } from './config/env.js';
import { DEMO_LOGINS, DEMO_PASSWORD } from './modules/demo/demo-data.js';
import { DataDirError } from './platform/database/data-dir.js';
import { DataDirLockedError } from './platform/database/embedded-lock.js';
import { createRootLogger } from './platform/observability/logger.js';

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(processEnv());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createRootLogger(config.logLevel);
  const zizhu = await createApp(config, { logger });
  await zizhu.app.listen({ port: config.port, host: config.host });
  const address = zizhu.app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://localhost:${port}`;
  const where = config.database.kind === 'embedded' ? `embedded PostgreSQL in ${config.database.dataDir}` : 'PostgreSQL server (DATABASE_URL)';
  const lines = [
    '',
    `zizhu API ready on ${base}  (${where})`,
    `  OpenAPI docs   ${base}/docs`,
    `  health         ${base}/health/ready`,
    `  Pay Score sim  http://localhost:${config.payscoreSimPort}  (phone page: /sim/phone)`,
  ];
  if (config.seedDemo) {
    lines.push(`  demo logins (password "${DEMO_PASSWORD}")${zizhu.seeded ? ', seeded just now' : ''}:`);
    for (const login of DEMO_LOGINS) lines.push(`    ${login.email.padEnd(22)} ${login.who}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    zizhu
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  // a DATA_DIR the process may not use is the operator's to fix: the message says how, a stack trace would not
  console.error(error instanceof DataDirError || error instanceof DataDirLockedError ? `zizhu API cannot start: ${error.message}` : error);
  process.exit(1);
});
