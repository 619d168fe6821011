import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import type { EntitySubscriberInterface } from 'typeorm';
import { pipeline, roundTripProbes } from '../src/platform/database/pipeline.js';
import { contextStorage } from '../src/platform/tenancy/context-storage.js';
import { TenantReads } from '../src/platform/tenancy/tenant-reads.js';
import { DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 15, tenant reads: a hot read is one round trip (the tenant entry that checks the token, then its queries,
 * as one pipeline), counted per request so the number cannot silently grow back. Counts, not timings.
 */
describe('tenant reads: one round trip, fail-closed', () => {
  let t: TestApp;
  let brand: { accessToken: string; refreshToken: string };

  const signIn = async (login: string) => (await t.http('POST', '/v1/auth/login', { body: { login, password: 'zizhu-demo' } })).json() as { accessToken: string; refreshToken: string };

  beforeAll(async () => {
    t = await createTestApp();
    brand = await signIn('ops@fridge.demo'); // a franchise brand admin: the row
  });
  afterAll(() => t.close());

  /**
   * The round trips of one request, each with its statements: a pipeline is one round trip whatever its length, any
   * other statement (TypeORM's, a transaction's BEGIN and COMMIT included) one each. Only the request's own: a job
   * that runs meanwhile (alerts, complaint catch-up) has another async context, so another request id.
   */
  async function roundTrips(url: string, token = brand.accessToken): Promise<{ status: number; trips: string[][] }> {
    const trips: { requestId: string | undefined; statements: string[] }[] = [];
    const probe = (event: { statements: readonly string[] }) => void trips.push({ requestId: contextStorage.getStore()?.requestId, statements: [...event.statements] });
    const counter: EntitySubscriberInterface = { beforeQuery: (event) => void trips.push({ requestId: contextStorage.getStore()?.requestId, statements: [event.query] }) };
    const subscribers = t.database.dataSource.subscribers;
    roundTripProbes.add(probe);
    subscribers.push(counter);
    try {
      const response = await t.http('GET', url, { token });
      const requestId = response.headers['x-request-id'];
      expect(typeof requestId).toBe('string');
      return { status: response.statusCode, trips: trips.filter((trip) => trip.requestId === requestId).map((trip) => trip.statements) };
    } finally {
      roundTripProbes.delete(probe);
      subscribers.splice(subscribers.indexOf(counter), 1);
    }
  }

  it('GET /v1/organizations is one round trip: the tenant entry (with the revocation check) and the query, no BEGIN or COMMIT', async () => {
    for (let i = 0; i < 5; i++) {
      const { status, trips } = await roundTrips('/v1/organizations');
      expect(status).toBe(200);
      expect(trips).toHaveLength(1);
      expect(trips[0]).toHaveLength(2);
      expect(trips[0]![0]).toBe('SELECT zizhu_enter_session($1, $2, $3, $4, $5) AS kind');
      expect(trips[0]![1]).toMatch(/FROM organizations ORDER BY/);
    }
    // and it still answers what row-level security lets the brand see: itself and its franchisees
    const orgs = (await t.http('GET', '/v1/organizations', { token: brand.accessToken })).json() as { kind: string }[];
    expect(orgs.map((o) => o.kind).sort()).toEqual(['FRANCHISEE', 'FRANCHISEE', 'OPERATOR']);
  });

  it('the devices, sessions and sites lists, the organisation tree and an organisation are one round trip each', async () => {
    for (const url of ['/v1/devices?limit=20', '/v1/sessions?limit=20']) {
      const { status, trips } = await roundTrips(url);
      expect(status).toBe(200);
      // the sessions list reads meter readings in a second round trip only when its page holds metered sessions in use (none here)
      expect(trips.map((trip) => trip.length)).toEqual([3]);
      expect(trips[0]![0]).toMatch(/^SELECT zizhu_enter_session/);
      expect(trips[0]![2]).toMatch(/^SELECT count\(\*\)::int AS total/);
    }
    // the sites list (count and page) and the organisation tree (organisations and their logins) likewise
    for (const url of ['/v1/sites', '/v1/organizations/tree']) {
      const { status, trips } = await roundTrips(url);
      expect(status).toBe(200);
      expect(trips.map((trip) => trip.length)).toEqual([3]);
    }
    const organization = ((await t.http('GET', '/v1/organizations', { token: brand.accessToken })).json() as { id: string }[])[0]!.id;
    const { status, trips } = await roundTrips(`/v1/organizations/${organization}`);
    expect(status).toBe(200);
    expect(trips.map((trip) => trip.length)).toEqual([2]);
  });

  it('a route that is not a tenant read still runs in one transaction: BEGIN with the entry (the token checked before the handler), its statements, then COMMIT', async () => {
    const { status, trips } = await roundTrips('/v1/me');
    expect(status).toBe(200);
    expect(trips[0]).toEqual(['BEGIN', expect.stringMatching(/^SELECT zizhu_enter_session/)]);
    expect(trips.slice(1).every((trip) => trip.length === 1)).toBe(true);
    expect(trips.length).toBeGreaterThan(2);
    expect(trips[trips.length - 1]).toEqual(['COMMIT']);
  });

  it('another tenant\'s organisation answers 404 through the fast path too', async () => {
    const powerbank = await signIn('ops@powerbank.demo');
    const own = ((await t.http('GET', '/v1/organizations', { token: powerbank.accessToken })).json() as { id: string }[])[0]!.id;
    const response = await t.http('GET', `/v1/organizations/${own}`, { token: brand.accessToken });
    expect(response.json()).toMatchObject({ status: 404, code: 'ORGANIZATION_NOT_FOUND' });
  });

  it('a revoked token is refused at once although its signature was verified (and remembered) before', async () => {
    const session = await signIn('ops@fridge.demo');
    expect((await t.http('GET', '/v1/organizations', { token: session.accessToken })).statusCode).toBe(200);
    expect((await t.http('POST', '/v1/auth/logout', { body: { refreshToken: session.refreshToken } })).statusCode).toBe(204);
    // a bad query too: the revocation answers first, as it did when the transaction was opened before the handler
    for (const url of ['/v1/organizations', '/v1/devices', '/v1/sessions', '/v1/sessions?limit=0']) {
      expect((await t.http('GET', url, { token: session.accessToken })).json()).toMatchObject({ status: 401, code: 'AUTH_TOKEN_REVOKED' });
    }
  });

  it('fails closed: no read without a tenant in the context, and a statement without the entry sees no row', async () => {
    const reads = t.app.get(TenantReads);
    await expect(reads.rows('SELECT id FROM organizations')).rejects.toMatchObject({ code: 'TENANT_CONTEXT_MISSING' });
    await expect(contextStorage.run({ requestId: 'no-principal' }, () => reads.rows('SELECT id FROM organizations'))).rejects.toMatchObject({ code: 'TENANT_CONTEXT_MISSING' });
    // right after a tenant read, on the pool's connection (the one the read just gave back): nothing of its tenant is left set
    expect((await t.http('GET', '/v1/organizations', { token: brand.accessToken })).statusCode).toBe(200);
    const pool = (t.database.dataSource.driver as unknown as { master: pg.Pool }).master;
    const client = await pool.connect();
    try {
      expect(await pipeline(client, [{ text: 'SELECT count(*)::int AS n FROM organizations' }])).toEqual([[{ n: 0 }]]);
      // a pipeline's statements share one transaction: what the first sets locally the next one reads, and the Sync ends it
      expect(await pipeline(client, [{ text: `SELECT set_config('zizhu.probe', 'set', true) AS v` }, { text: `SELECT current_setting('zizhu.probe', true) AS v` }])).toEqual([[{ v: 'set' }], [{ v: 'set' }]]);
      expect(await pipeline(client, [{ text: `SELECT coalesce(current_setting('zizhu.probe', true), '') AS v` }])).toEqual([[{ v: '' }]]);
      // an error anywhere in a pipeline rolls all of it back and leaves the connection usable
      await expect(pipeline(client, [{ text: `SELECT set_config('app.all_tenants', 'on', true)` }, { text: 'SELECT 1/0' }])).rejects.toMatchObject({ code: '22012' });
      expect(await pipeline(client, [{ text: 'SELECT count(*)::int AS n FROM organizations' }])).toEqual([[{ n: 0 }]]);
      // statements are prepared by name once per connection: the same text twice in one pipeline, then again, then after an error
      const named = { text: 'SELECT $1::int + 1 AS n', values: [1] };
      expect(await pipeline(client, [named, named])).toEqual([[{ n: 2 }], [{ n: 2 }]]);
      expect(await pipeline(client, [named])).toEqual([[{ n: 2 }]]);
      await expect(pipeline(client, [{ text: 'SELECT $1::int / 0 AS n', values: [1] }])).rejects.toMatchObject({ code: '22012' });
      expect(await pipeline(client, [{ text: 'SELECT $1::int / 0 AS n', values: [0] }, named]).catch((e: { code: string }) => e.code)).toBe('22012');
      expect(await pipeline(client, [named, { text: 'SELECT $1::int * 3 AS n', values: [2] }])).toEqual([[{ n: 2 }], [{ n: 6 }]]);
    } finally {
      client.release();
    }
  });
  it('a connection given back inside a transaction is rolled back before a tenant read runs on it: the read sees its own tenant and leaves nothing open', async () => {
    const pool = (t.database.dataSource.driver as unknown as { master: pg.Pool }).master;
    const status = (c: pg.PoolClient) => (c as unknown as { getTransactionStatus(): string | null }).getTransactionStatus();
    // a bug elsewhere: a transaction that sees every tenant, neither committed nor rolled back, and its connection given back
    const leaked = await pool.connect();
    await leaked.query('BEGIN');
    await leaked.query(`SELECT set_config('app.all_tenants', 'on', true)`);
    expect(status(leaked)).toBe('T');
    const everyone = (await leaked.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations')).rows[0]!.n;
    leaked.release();
    // the next tenant read takes that connection (the pool hands out the one given back last; the embedded pool has one)
    const principal = { userId: '00000000-0000-4000-8000-0000000000f1', tenantId: DEMO_ORGS.fridgeF1.id, role: 'FRANCHISEE_ADMIN' as const };
    const reads = t.app.get(TenantReads);
    const seen = await contextStorage.run({ requestId: 'leaked-transaction', scope: 'tenant', principal, tenantRead: { entered: false } }, () =>
      reads.rows<{ id: string }>('SELECT id FROM organizations'),
    );
    expect(seen.map((r) => r.id)).toEqual([DEMO_ORGS.fridgeF1.id]);
    expect(everyone).toBeGreaterThan(1);
    expect(status(leaked)).toBe('I');
    const again = await pool.connect();
    try {
      expect(await pipeline(again, [{ text: `SELECT coalesce(current_setting('app.all_tenants', true), '') AS v` }])).toEqual([[{ v: '' }]]);
    } finally {
      again.release();
    }
  });

  it('a statement prepared before another process changed the table is prepared again (DEALLOCATE ALL, sent once more), not a 500', async () => {
    const list = () => t.http('GET', '/v1/sessions?limit=5', { token: brand.accessToken });
    expect((await list()).statusCode).toBe(200); // the page's SELECT * is now prepared on the pool's idle connection
    // a migration elsewhere adds a column: that prepared plan no longer fits (0A000 "cached plan must not change result type")
    const pool = (t.database.dataSource.driver as unknown as { master: pg.Pool }).master;
    const client = await pool.connect();
    try {
      // the application's connections log in as the schema's owner and act as zizhu_app (server: -c role, embedded: SET ROLE)
      const [{ owner }] = (await client.query<{ owner: string }>('SELECT session_user AS owner')).rows as [{ owner: string }];
      await client.query(`SET ROLE "${owner}"`);
      await client.query('ALTER TABLE service_sessions ADD COLUMN zz_probe int');
      await client.query('SET ROLE zizhu_app');
    } finally {
      client.release();
    }
    for (let i = 0; i < 3; i++) expect((await list()).statusCode).toBe(200);
  });
});
