import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseConfig } from '../src/config/app-config.js';
import { createTestApp, type TestApp } from './support/test-app.js';

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
    }, 30_000);

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
    // the legitimate holder's newer token died with the family
    const afterTheft = await t.http('POST', '/v1/auth/refresh', { body: { refreshToken: second.refreshToken } });
    expect(afterTheft.statusCode).toBe(401);
    expect(afterTheft.json()).toMatchObject({ code: 'AUTH_REFRESH_INVALID' });
  });

  it('logs out by revoking the session', async () => {
    const tokens = (await t.http('POST', '/v1/auth/login', { body: { login: 'ops@vendor.demo', password: 'zizhu-demo' } })).json() as { refreshToken: string };
    expect((await t.http('POST', '/v1/auth/logout', { body: { refreshToken: tokens.refreshToken } })).statusCode).toBe(204);
    const refresh = await t.http('POST', '/v1/auth/refresh', { body: { refreshToken: tokens.refreshToken } });
    expect(refresh.statusCode).toBe(401);
    expect(refresh.json()).toMatchObject({ code: 'AUTH_REFRESH_INVALID' });
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
