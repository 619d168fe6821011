import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('logins (contracts.md §2)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(); // the defaults: 5 failures per 15 minutes
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

  it('rate-limits a login after five wrong passwords with a clear 429 and Retry-After, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await t.http('POST', '/v1/auth/login', { body: { login: 'c2@vendor.demo', password: `wrong-${i}` } });
      expect(response.statusCode).toBe(401);
    }
    const limited = await t.http('POST', '/v1/auth/login', { body: { login: 'c2@vendor.demo', password: 'zizhu-demo' } });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'AUTH_RATE_LIMITED', status: 429 });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    // other logins are not affected
    expect((await t.http('POST', '/v1/auth/login', { body: { login: 'c1@vendor.demo', password: 'zizhu-demo' } })).statusCode).toBe(200);
  });

  it('counts parallel guesses against the budget as they arrive', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => t.http('POST', '/v1/auth/login', { body: { login: 'admin@zizhu.demo', password: `guess-${i}` } })),
    );
    const statuses = guesses.map((g) => g.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
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
