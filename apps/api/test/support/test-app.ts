import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Response as InjectResponse } from 'light-my-request';
import { createApp, type CreateAppOptions, type ZizhuApp } from '../../src/app.factory.js';
import { parseConfig, type AppConfig } from '../../src/config/app-config.js';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-data.js';

/**
 * A fresh database per test file: an in-memory embedded PostgreSQL by default, or, when DATABASE_URL
 * is set (CI's second run), a new database of its own on that server, dropped afterwards.
 */
export async function freshDatabaseConfig(): Promise<{ database: AppConfig['database']; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { database: { kind: 'embedded', dataDir: null }, drop: async () => undefined };
  const name = `${process.env.ZIZHU_TEST_DB_PREFIX ?? 'zizhu_test_'}${randomBytes(6).toString('hex')}`;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad test database name ${name}`);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    database: { kind: 'server', url: url.toString(), migrationUrl: url.toString(), poolSize: 5 },
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export function testConfig(database: AppConfig['database'], overrides: Partial<AppConfig> = {}): AppConfig {
  const base = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: randomBytes(32).toString('hex'), SEED_DEMO: 'true' });
  // A server database needs MASTER_KEY in production (app-config): every process of one configuration shares it.
  // Without it each process would seal with a random key of its own, and a job retried by another process
  // (a webhook secret, a device secret) could not open what the first one sealed.
  const masterKey = database.kind === 'server' ? randomBytes(32).toString('hex') : base.masterKey;
  // an in-memory database starts from the run's migrated copy (global-setup.mjs) rather than initdb and every migration
  const template = process.env.ZIZHU_TEST_PGLITE_TEMPLATE;
  if (template && database.kind === 'embedded' && database.dataDir === null) database = { ...database, initialDataDir: template };
  // no test depends on whether the console was built in this checkout: those that serve one pass consoleDir
  return { ...base, database, masterKey, consoleDir: '/nonexistent/zizhu-console', ...overrides };
}

export interface HttpOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestApp extends ZizhuApp {
  http(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, options?: HttpOptions): Promise<InjectResponse>;
  /** Signs in with a demo login (password zizhu-demo) and returns the access token. */
  login(login: string, password?: string): Promise<string>;
}

/** `options.clock`: the business clock (default the system clock), e.g. a `TestClock` pinned to a day so calendar figures do not move with the real date. */
export async function createTestApp(overrides: Partial<AppConfig> = {}, options: CreateAppOptions = {}): Promise<TestApp> {
  const fresh = await freshDatabaseConfig();
  const zizhu = await createApp(testConfig(fresh.database, overrides), options);
  await zizhu.app.getHttpAdapter().getInstance().ready();
  const http: TestApp['http'] = (method, url, options = {}) =>
    zizhu.app.inject({
      method,
      url,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
    });
  return {
    ...zizhu,
    http,
    async login(login, password = DEMO_PASSWORD) {
      const response = await http('POST', '/v1/auth/login', { body: { login, password } });
      if (response.statusCode !== 200) throw new Error(`login ${login} failed: ${response.statusCode} ${response.body}`);
      return (response.json() as { accessToken: string }).accessToken;
    },
    close: async () => {
      await zizhu.close();
      await fresh.drop();
    },
  };
}
