import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseConfig } from '../src/config/app-config.js';
import type { EntitySubscriberInterface } from 'typeorm';
import { createApp, type ZizhuApp } from '../src/app.factory.js';
import { roundTripProbes } from '../src/platform/database/pipeline.js';
import { contextStorage } from '../src/platform/tenancy/context-storage.js';
import { createTestApp, freshDatabaseConfig, testConfig, type TestApp } from './support/test-app.js';

describe('logins (contracts.md §2)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // the default limits, but a first back-off of a minute so the parallel-guess count cannot race the clock
    t = await createTestApp({ login: { ...parseConfig({}).login, backoffBaseSeconds: 60 } });
  });
  afterAll(() => t.close());

  it('signs a demo login in and answers the contract shape', async () => {
    const response = await t.http('POST', '/v1/auth/login', { body: { login: 'OPS@powerbank.demo ', password: 'zizhu-demo' } });
    expect(response.statusCode).toBe(200);
    const body = response.json() as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken']);
    expect(body.expiresIn).toBe(900);
    const me = await t.http('GET', '/v1/me', { token: body.accessToken as string });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ organizationKind: 'OPERATOR', operatingModel: 'SELF_RUN', user: { email: 'ops@powerbank.demo', role: 'OPERATOR_ADMIN' } });
  });

  it('refuses a wrong password with problem+json and no hint which part was wrong', async () => {
    const wrongPassword = await t.http('POST', '/v1/auth/login', { body: { login: 'f1@fridge.demo', password: 'nope' } });
    const unknownLogin = await t.http('POST', '/v1/auth/login', { body: { login: 'ghost@fridge.demo', password: 'nope' } });
    for (const response of [wrongPassword, unknownLogin]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 401, code: 'AUTH_INVALID_CREDENTIALS', requestId: expect.any(String) });
    }
  });

  const signIn = (app: TestApp, login: string, password: string, from: { address?: string; forwardedFor?: string } = {}) =>
    app.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      headers: { 'content-type': 'application/json', ...(from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {}) },
      payload: JSON.stringify({ login, password }),
      ...(from.address ? { remoteAddress: from.address } : {}),
    });

  function expectRetryAfter(response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }): number {
    expect(response.statusCode).toBe(429);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json() as { code: string; retryAfterSeconds: number; detail: string };
    expect(problem.code).toBe('AUTH_RATE_LIMITED');
    // the user is told when to retry, in the header and in the body alike
    expect(Number(response.headers['retry-after'])).toBe(problem.retryAfterSeconds);
    expect(problem.detail).toContain(`${problem.retryAfterSeconds} s`);
    return problem.retryAfterSeconds;
  }

  it('an attacker\'s wrong passwords at one address do not lock the login out at another (issue 10 item 4)', async () => {
    const attacker = { address: '203.0.113.9' };
    for (let i = 0; i < 5; i++) expect((await signIn(t, 'c2@vendor.demo', `wrong-${i}`, attacker)).statusCode).toBe(401);
    // the attacker's address waits, even with the right password …
    const wait = expectRetryAfter(await signIn(t, 'c2@vendor.demo', 'zizhu-demo', attacker));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    // … the real user at their own address signs in at once (the old limiter locked them out for 15 minutes)
    expect((await signIn(t, 'c2@vendor.demo', 'zizhu-demo', { address: '198.51.100.7' })).statusCode).toBe(200);
    // and other logins at the attacker's address are not affected
    expect((await signIn(t, 'c1@vendor.demo', 'zizhu-demo', attacker)).statusCode).toBe(200);
  });

  it('counts an IPv6 client by its /64: hopping addresses inside its own network buys no fresh guesses', async () => {
    const hop = (i: number) => ({ address: `2001:db8:77:1::${(i + 1).toString(16)}` });
    for (let i = 0; i < 5; i++) expect((await signIn(t, 'f1@fridge.demo', `wrong-${i}`, hop(i))).statusCode).toBe(401);
    // a sixth address of the same /64 waits like the first five, even with the right password
    expectRetryAfter(await signIn(t, 'f1@fridge.demo', 'zizhu-demo', hop(40)));
    // another /64 is another client
    expect((await signIn(t, 'f1@fridge.demo', 'zizhu-demo', { address: '2001:db8:77:2::1' })).statusCode).toBe(200);
  });

  it('counts parallel guesses against the budget as they arrive', async () => {
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(t, 'admin@zizhu.demo', `guess-${i}`, { address: '203.0.113.10' })));
    const statuses = guesses.map((g) => g.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  describe('back-off, the per-address ceiling and TRUST_PROXY', () => {
    let s: TestApp;

    beforeAll(async () => {
      // 2 free failures, then 1 s doubling up to 4 s; 10 failures per address per minute; 127.0.0.1 is a trusted proxy
      s = await createTestApp({
        login: { freeFailures: 2, backoffBaseSeconds: 1, backoffMaxSeconds: 4, addressMaxFailures: 10, addressWindowSeconds: 60 },
        trustProxy: ['127.0.0.1'],
      });
    });
    afterAll(() => s.close());

    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    it('doubles the wait after the free failures, caps it, and a success clears the pair', async () => {
      const from = { address: '192.0.2.1' };
      expect((await signIn(s, 'f1@fridge.demo', 'wrong', from)).statusCode).toBe(401);
      expect((await signIn(s, 'f1@fridge.demo', 'wrong', from)).statusCode).toBe(401);
      const waits: number[] = [];
      for (let round = 0; round < 4; round++) {
        const wait = expectRetryAfter(await signIn(s, 'f1@fridge.demo', 'zizhu-demo', from));
        waits.push(wait);
        await sleep(wait * 1000 + 150);
        expect((await signIn(s, 'f1@fridge.demo', 'wrong', from)).statusCode).toBe(401);
      }
      expect(waits).toEqual([1, 2, 4, 4]);
      expect(expectRetryAfter(await signIn(s, 'f1@fridge.demo', 'zizhu-demo', from))).toBe(4);
      await sleep(4150);
      expect((await signIn(s, 'f1@fridge.demo', 'zizhu-demo', from)).statusCode).toBe(200);
      // cleared: the free failures are free again
      expect((await signIn(s, 'f1@fridge.demo', 'wrong', from)).statusCode).toBe(401);
      expect((await signIn(s, 'f1@fridge.demo', 'wrong', from)).statusCode).toBe(401);
    });

    it('closes an address after its ceiling of failures across logins, except to logins known there', async () => {
      const campus = { address: '192.0.2.50' };
      // a user who signed in from the campus before (a success does not count against the address)
      expect((await signIn(s, 'c1@vendor.demo', 'zizhu-demo', campus)).statusCode).toBe(200);
      // an attacker on the same address sprays one guess at each of ten logins: no pair reaches its back-off
      for (let i = 0; i < 10; i++) expect((await signIn(s, `victim-${i}@spray.demo`, 'guess', campus)).statusCode).toBe(401);
      const wait = expectRetryAfter(await signIn(s, 'f2@fridge.demo', 'zizhu-demo', campus));
      expect(wait).toBeGreaterThan(50);
      expect(wait).toBeLessThanOrEqual(60);
      // the known user still gets in from the campus, and the closed address blocks nobody elsewhere
      expect((await signIn(s, 'c1@vendor.demo', 'zizhu-demo', campus)).statusCode).toBe(200);
      expect((await signIn(s, 'f2@fridge.demo', 'zizhu-demo', { address: '192.0.2.51' })).statusCode).toBe(200);
    });

    it('takes the client address from X-Forwarded-For only through a trusted proxy (TRUST_PROXY)', async () => {
      // behind the trusted proxy (127.0.0.1), each client is its own address: one client's failures block only itself
      const proxy = '127.0.0.1';
      expect((await signIn(s, 'ops@fridge.demo', 'wrong', { address: proxy, forwardedFor: '203.0.113.20' })).statusCode).toBe(401);
      expect((await signIn(s, 'ops@fridge.demo', 'wrong', { address: proxy, forwardedFor: '203.0.113.20' })).statusCode).toBe(401);
      expectRetryAfter(await signIn(s, 'ops@fridge.demo', 'zizhu-demo', { address: proxy, forwardedFor: '203.0.113.20' }));
      expect((await signIn(s, 'ops@fridge.demo', 'zizhu-demo', { address: proxy, forwardedFor: '198.51.100.20' })).statusCode).toBe(200);
      // a peer that is not a trusted proxy cannot pick its address with the header
      const direct = '192.0.2.99';
      expect((await signIn(s, 'ops@powerbank.demo', 'wrong', { address: direct, forwardedFor: '203.0.113.21' })).statusCode).toBe(401);
      expect((await signIn(s, 'ops@powerbank.demo', 'wrong', { address: direct, forwardedFor: '203.0.113.22' })).statusCode).toBe(401);
      expectRetryAfter(await signIn(s, 'ops@powerbank.demo', 'zizhu-demo', { address: direct, forwardedFor: '203.0.113.23' }));
    });
  });

  it('rotates refresh tokens, and a reused one revokes the whole family', async () => {
    const first = (await t.http('POST', '/v1/auth/login', { body: { login: 'f2@fridge.demo', password: 'zizhu-demo' } })).json() as { refreshToken: string };
    const rotated = await t.http('POST', '/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(rotated.statusCode).toBe(200);
    const second = rotated.json() as { refreshToken: string; accessToken: string };
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await t.http('GET', '/v1/me', { token: second.accessToken })).statusCode).toBe(200);

    const replay = await t.http('POST', '/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'AUTH_REFRESH_REUSED' });
    // the legitimate holder's newer token died with the family, and so did the access tokens of the family
    const afterTheft = await t.http('POST', '/v1/auth/refresh', { body: { refreshToken: second.refreshToken } });
    expect(afterTheft.statusCode).toBe(401);
    expect(afterTheft.json()).toMatchObject({ code: 'AUTH_REFRESH_INVALID' });
    expect((await t.http('GET', '/v1/me', { token: second.accessToken })).json()).toMatchObject({ status: 401, code: 'AUTH_TOKEN_REVOKED' });
  });

  it('logs out by revoking the session', async () => {
    const tokens = (await t.http('POST', '/v1/auth/login', { body: { login: 'ops@vendor.demo', password: 'zizhu-demo' } })).json() as { refreshToken: string };
    expect((await t.http('POST', '/v1/auth/logout', { body: { refreshToken: tokens.refreshToken } })).statusCode).toBe(204);
    const refresh = await t.http('POST', '/v1/auth/refresh', { body: { refreshToken: tokens.refreshToken } });
    expect(refresh.statusCode).toBe(401);
    expect(refresh.json()).toMatchObject({ code: 'AUTH_REFRESH_INVALID' });
  });

  it('logout refuses the session\'s access tokens at once, and only that session\'s (issue 10 item 8)', async () => {
    type Pair = { accessToken: string; refreshToken: string };
    const signInPair = async () => (await t.http('POST', '/v1/auth/login', { body: { login: 'ops@powerbank.demo', password: 'zizhu-demo' } })).json() as Pair;
    const me = (token: string) => t.http('GET', '/v1/me', { token });
    const laptop = await signInPair();
    const phone = await signInPair();
    // the laptop's session refreshed once: both its access tokens belong to the session
    const laptopLater = (await t.http('POST', '/v1/auth/refresh', { body: { refreshToken: laptop.refreshToken } })).json() as Pair;
    expect((await me(laptop.accessToken)).statusCode).toBe(200);
    expect((await me(laptopLater.accessToken)).statusCode).toBe(200);

    expect((await t.http('POST', '/v1/auth/logout', { body: { refreshToken: laptopLater.refreshToken } })).statusCode).toBe(204);
    for (const token of [laptop.accessToken, laptopLater.accessToken]) {
      const refused = await me(token);
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.json()).toMatchObject({ code: 'AUTH_TOKEN_REVOKED' });
    }
    // on writes too, not only reads
    const write = await t.http('POST', '/v1/sites', { token: laptop.accessToken, body: { name: 'after logout', address: 'x' } });
    expect(write.json()).toMatchObject({ status: 401, code: 'AUTH_TOKEN_REVOKED' });
    // the user's other session is untouched
    expect((await me(phone.accessToken)).statusCode).toBe(200);
    expect((await t.http('POST', '/v1/auth/refresh', { body: { refreshToken: phone.refreshToken } })).statusCode).toBe(200);
  });

  it('refuses missing, forged and malformed access tokens', async () => {
    expect((await t.http('GET', '/v1/me')).json()).toMatchObject({ status: 401, code: 'AUTH_REQUIRED' });
    const token = await t.login('ops@fridge.demo');
    const [header, payload] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'x', org: '00000000-0000-4000-8000-000000000001', role: 'PLATFORM_ADMIN', iss: 'zizhu' })).toString('base64url');
    const forged = `${header}.${forgedPayload}.${token.split('.')[2]}`;
    expect(payload).toBeDefined();
    expect((await t.http('GET', '/v1/me', { token: forged })).json()).toMatchObject({ status: 401, code: 'AUTH_TOKEN_INVALID' });
    expect((await t.http('GET', '/v1/me', { token: 'garbage' })).json()).toMatchObject({ status: 401, code: 'AUTH_TOKEN_INVALID' });
  });

  it('lists every field error and rejects unknown properties', async () => {
    const response = await t.http('POST', '/v1/auth/login', { body: { login: 1, extra: true } });
    expect(response.statusCode).toBe(400);
    const problem = response.json() as { code: string; errors: { field: string }[] };
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['extra', 'login', 'password']);
  });

  it('answers malformed JSON as problem+json', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"login":' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });
});

describe('revoking access tokens on logout and disable, in every API process, with no extra query (issue 10 item 8)', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabaseConfig>>;
  let one: ZizhuApp;
  let two: ZizhuApp;
  const server = () => fresh.database.kind === 'server';

  beforeAll(async () => {
    fresh = await freshDatabaseConfig();
    const config = testConfig(fresh.database);
    one = await createApp(config);
    // on a server: a second API instance over the same database, sharing the signing key as deployments do;
    // the embedded database is one process by design (pid lock), so there the "other" instance is the same one
    two = server() ? await createApp({ ...config, seedDemo: false }) : one;
  });
  afterAll(async () => {
    if (two !== one) await two.close();
    await one.close();
    await fresh.drop();
  });

  const call = (app: ZizhuApp, method: 'GET' | 'POST', url: string, token?: string, body?: unknown) =>
    app.app.inject({
      method,
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const signIn = async (app: ZizhuApp, login: string) => {
    const response = await call(app, 'POST', '/v1/auth/login', undefined, { login, password: 'zizhu-demo' });
    expect(response.statusCode).toBe(200);
    return response.json() as { accessToken: string; refreshToken: string };
  };

  it('a disabled user\'s tokens answer 401 at once, in the other instance too; it cannot sign in again until enabled', async () => {
    const admin = await signIn(one, 'ops@fridge.demo');
    const f1 = await signIn(two, 'f1@fridge.demo');
    const f1Id = ((await call(two, 'GET', '/v1/me', f1.accessToken)).json() as { user: { id: string } }).user.id;
    expect((await call(one, 'GET', '/v1/me', f1.accessToken)).statusCode).toBe(200);
    expect((await call(two, 'GET', '/v1/me', f1.accessToken)).statusCode).toBe(200);

    const disabled = await call(one, 'POST', `/v1/users/${f1Id}/disable`, admin.accessToken);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ id: f1Id, disabledAt: expect.any(String) });
    // immediately, in both instances: no wait, no cache to expire
    for (const app of [two, one]) {
      expect((await call(app, 'GET', '/v1/me', f1.accessToken)).json()).toMatchObject({ status: 401, code: 'AUTH_TOKEN_REVOKED' });
      expect((await call(app, 'GET', '/v1/sessions', f1.accessToken)).json()).toMatchObject({ status: 401, code: 'AUTH_TOKEN_REVOKED' });
    }
    expect((await call(two, 'POST', '/v1/auth/refresh', undefined, { refreshToken: f1.refreshToken })).json()).toMatchObject({ status: 401, code: 'AUTH_REFRESH_INVALID' });
    expect((await call(two, 'POST', '/v1/auth/login', undefined, { login: 'f1@fridge.demo', password: 'zizhu-demo' })).statusCode).toBe(401);
    // the admin's own session is untouched, the action is audited
    const audit = (await call(one, 'GET', '/v1/audit-log?limit=5', admin.accessToken)).json() as { items: { action: string; resourceId: string }[] };
    expect(audit.items).toContainEqual(expect.objectContaining({ action: 'user.disable', resourceId: f1Id }));

    expect((await call(two, 'POST', `/v1/users/${f1Id}/enable`, admin.accessToken)).json()).toMatchObject({ id: f1Id, disabledAt: null });
    const again = await signIn(one, 'f1@fridge.demo');
    expect((await call(two, 'GET', '/v1/me', again.accessToken)).statusCode).toBe(200);
    // the tokens held when disabled stay revoked
    expect((await call(two, 'GET', '/v1/me', f1.accessToken)).json()).toMatchObject({ code: 'AUTH_TOKEN_REVOKED' });
  });

  it('logout in one instance is refused by the other at once', async () => {
    const session = await signIn(one, 'c1@vendor.demo');
    expect((await call(two, 'GET', '/v1/me', session.accessToken)).statusCode).toBe(200);
    expect((await call(one, 'POST', '/v1/auth/logout', undefined, { refreshToken: session.refreshToken })).statusCode).toBe(204);
    expect((await call(two, 'GET', '/v1/me', session.accessToken)).json()).toMatchObject({ status: 401, code: 'AUTH_TOKEN_REVOKED' });
  });

  it('only an admin of the login\'s organisation or the one above may disable it, never itself', async () => {
    const vendor = await signIn(one, 'ops@vendor.demo');
    const c2 = await signIn(one, 'c2@vendor.demo');
    const c2Id = ((await call(one, 'GET', '/v1/me', c2.accessToken)).json() as { user: { id: string } }).user.id;
    // a hardware reseller does not manage its customers' logins: it does not even see them
    expect((await call(one, 'POST', `/v1/users/${c2Id}/disable`, vendor.accessToken)).json()).toMatchObject({ status: 404, code: 'USER_NOT_FOUND' });
    expect((await call(one, 'POST', `/v1/users/${c2Id}/disable`, c2.accessToken)).json()).toMatchObject({ status: 422, code: 'USER_CANNOT_DISABLE_SELF' });
    expect((await call(one, 'POST', '/v1/users/not-a-uuid/disable', c2.accessToken)).json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect((await call(one, 'GET', '/v1/me', c2.accessToken)).statusCode).toBe(200);
  });

  it('checks revocation inside the statement that enters the tenant: no extra query per request (measured)', async () => {
    const session = await signIn(one, 'ops@powerbank.demo');
    // each round trip with the request that sent it: a pipeline (BEGIN and the tenant entry travel together) or one
    // statement; a background job (the alerts evaluation, the complaints catch-up) has another request id
    const trips: { requestId: string | undefined; statements: string[] }[] = [];
    const probe = (event: { statements: readonly string[] }) => void trips.push({ requestId: contextStorage.getStore()?.requestId, statements: [...event.statements] });
    const counter: EntitySubscriberInterface = { beforeQuery: (event) => void trips.push({ requestId: contextStorage.getStore()?.requestId, statements: [event.query] }) };
    const subscribers = one.database.dataSource.subscribers;
    const perRequest: string[][][] = [];
    roundTripProbes.add(probe);
    subscribers.push(counter);
    try {
      for (let i = 0; i < 20; i++) {
        const response = await call(one, 'GET', '/v1/me', session.accessToken);
        expect(response.statusCode).toBe(200);
        const requestId = response.headers['x-request-id'];
        perRequest.push(trips.filter((t) => t.requestId === requestId).map((t) => t.statements));
      }
    } finally {
      roundTripProbes.delete(probe);
      subscribers.splice(subscribers.indexOf(counter), 1);
    }
    // every request runs the same statements: the transaction, one tenant entry that checks the token, the handler's reads
    const first = perRequest[0]!;
    for (const request of perRequest) expect(request).toEqual(first);
    const statements = first.flat();
    const entries = statements.filter((q) => /zizhu_enter_(session|tenant)/.test(q));
    expect(entries).toEqual(['SELECT zizhu_enter_session($1, $2, $3, $4, $5) AS kind']);
    // no statement of its own looks up sessions or token versions (the handler's user read merely lists the column)
    expect(statements.filter((q) => /refresh_tokens|token_version\s*=/.test(q))).toEqual([]);
    // /v1/me: BEGIN with the entry (+ check) in one round trip, before the handler runs; the user, the organisation, commit
    expect(first[0]).toEqual(['BEGIN', entries[0]]);
    expect(first).toHaveLength(4);
    expect(first[first.length - 1]).toEqual(['COMMIT']);
  });
});
