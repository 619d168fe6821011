import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response as InjectResponse } from 'light-my-request';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The refresh token in an HttpOnly cookie for the console (issue 11); the JSON form stays for API clients. */
describe('the refresh-token cookie', () => {
  let t: TestApp;
  let proxied: TestApp;

  beforeAll(async () => {
    [t, proxied] = await Promise.all([createTestApp(), createTestApp({ trustProxy: true })]);
  });
  afterAll(async () => {
    await Promise.all([t?.close(), proxied?.close()]);
  });

  const setCookie = (response: InjectResponse): string => {
    const header = response.headers['set-cookie'];
    expect(typeof header).toBe('string');
    return header as string;
  };
  const cookieValue = (response: InjectResponse) => /^zizhu_refresh=([^;]*)/.exec(setCookie(response))?.[1];
  const login = (app: TestApp, headers: Record<string, string> = {}) =>
    app.http('POST', '/v1/auth/login', { body: { login: 'ops@powerbank.demo', password: 'zizhu-demo' }, headers });
  const asConsole = (cookie: string) => ({ cookie: `other=1; zizhu_refresh=${cookie}`, 'x-zizhu-console': '1' });

  it('login sets the refresh token in an HttpOnly, SameSite=Strict cookie scoped to /v1/auth, living as long as the token, and answers the same JSON', async () => {
    const response = await login(t, { host: 'localhost:3000' });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { refreshToken: string };
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken']);
    expect(setCookie(response)).toBe(`zizhu_refresh=${body.refreshToken}; Path=/v1/auth; Max-Age=${30 * 86_400}; HttpOnly; SameSite=Strict`);
  });

  it('marks the cookie Secure except over plain http to a loopback host', async () => {
    const secure = async (app: TestApp, headers: Record<string, string>) => / Secure;/.test(setCookie(await login(app, headers)));
    expect(await secure(t, { host: '127.0.0.1:3000' })).toBe(false);
    expect(await secure(t, { host: '[::1]:3000' })).toBe(false);
    expect(await secure(t, { host: 'console.example.com' })).toBe(true);
    expect(await secure(t, { host: '10.0.0.5:3000' })).toBe(true);
    // X-Forwarded-Proto counts only through a trusted proxy (TRUST_PROXY)
    expect(await secure(t, { host: 'localhost', 'x-forwarded-proto': 'https' })).toBe(false);
    expect(await secure(proxied, { host: 'localhost', 'x-forwarded-proto': 'https' })).toBe(true);
    expect(await secure(proxied, { host: 'localhost', 'x-forwarded-proto': 'http' })).toBe(false);
  });

  it('refreshes from the cookie with an empty JSON body and the console header, rotating the cookie', async () => {
    const first = await login(t);
    const response = await t.http('POST', '/v1/auth/refresh', { body: {}, headers: asConsole(cookieValue(first)!) });
    expect(response.statusCode).toBe(200);
    const tokens = response.json() as { accessToken: string; refreshToken: string };
    expect(cookieValue(response)).toBe(tokens.refreshToken);
    expect(tokens.refreshToken).not.toBe(cookieValue(first));
    expect((await t.http('GET', '/v1/me', { token: tokens.accessToken })).statusCode).toBe(200);
    // the spent cookie is a reuse: the family is revoked and the dead cookie cleared
    const replay = await t.http('POST', '/v1/auth/refresh', { body: {}, headers: asConsole(cookieValue(first)!) });
    expect(replay.json()).toMatchObject({ status: 401, code: 'AUTH_REFRESH_REUSED' });
    expect(setCookie(replay)).toMatch(/^zizhu_refresh=; Path=\/v1\/auth; Max-Age=0;/);
  });

  it('also refreshes from the cookie with no body at all', async () => {
    const first = await login(t);
    const response = await t.app.inject({ method: 'POST', url: '/v1/auth/refresh', headers: asConsole(cookieValue(first)!) });
    expect(response.statusCode).toBe(200);
  });

  it('lets the body win over the cookie', async () => {
    const [a, b] = [await login(t), await login(t)];
    const fromBody = (b.json() as { refreshToken: string }).refreshToken;
    const response = await t.http('POST', '/v1/auth/refresh', { body: { refreshToken: fromBody }, headers: asConsole(cookieValue(a)!) });
    expect(response.statusCode).toBe(200);
    // the body's token was spent, the cookie's was not
    expect((await t.http('POST', '/v1/auth/refresh', { body: { refreshToken: fromBody } })).json()).toMatchObject({ code: 'AUTH_REFRESH_REUSED' });
    expect((await t.http('POST', '/v1/auth/refresh', { body: {}, headers: asConsole(cookieValue(a)!) })).statusCode).toBe(200);
  });

  it('answers 401 AUTH_REFRESH_MISSING problem+json when there is neither a body token nor a cookie', async () => {
    for (const path of ['/v1/auth/refresh', '/v1/auth/logout']) {
      const response = await t.http('POST', path, { body: {}, headers: { 'x-zizhu-console': '1' } });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 401, code: 'AUTH_REFRESH_MISSING' });
    }
  });

  it('refuses a cookie token without the X-Zizhu-Console header (cross-site request forgery), spending nothing', async () => {
    const first = await login(t);
    const cookie = cookieValue(first)!;
    for (const headers of [{ cookie: `zizhu_refresh=${cookie}` } as Record<string, string>, { cookie: `zizhu_refresh=${cookie}`, 'x-zizhu-console': 'yes' }]) {
      for (const path of ['/v1/auth/refresh', '/v1/auth/logout']) {
        const response = await t.http('POST', path, { body: {}, headers });
        expect(response.json()).toMatchObject({ status: 403, code: 'AUTH_CONSOLE_HEADER_REQUIRED' });
      }
    }
    expect((await t.http('POST', '/v1/auth/refresh', { body: {}, headers: asConsole(cookie) })).statusCode).toBe(200);
  });

  it('still validates a body token the old way', async () => {
    const response = await t.http('POST', '/v1/auth/refresh', { body: { refreshToken: 'short' } });
    expect(response.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'refreshToken' }] });
  });

  it('logs out from the cookie: the session is revoked and the cookie cleared', async () => {
    const first = await login(t);
    const { accessToken } = first.json() as { accessToken: string };
    const cookie = cookieValue(first)!;
    const out = await t.http('POST', '/v1/auth/logout', { body: {}, headers: asConsole(cookie) });
    expect(out.statusCode).toBe(204);
    expect(setCookie(out)).toMatch(/^zizhu_refresh=; Path=\/v1\/auth; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict$/);
    expect((await t.http('POST', '/v1/auth/refresh', { body: {}, headers: asConsole(cookie) })).json()).toMatchObject({ code: 'AUTH_REFRESH_INVALID' });
    expect((await t.http('GET', '/v1/me', { token: accessToken })).json()).toMatchObject({ code: 'AUTH_TOKEN_REVOKED' });
  });

  it('logs out with a body token as before, clearing the cookie too', async () => {
    const first = await login(t);
    const out = await t.http('POST', '/v1/auth/logout', { body: { refreshToken: cookieValue(first) } });
    expect(out.statusCode).toBe(204);
    expect(setCookie(out)).toMatch(/Max-Age=0/);
  });
});
