import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { auth, authFetch } from './auth';

type Handler = (request: Request) => Response | Promise<Response>;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('authFetch: one place adds the token, refreshes once and replays once', () => {
  const realFetch = globalThis.fetch;
  let calls: { url: string; authorization: string | null; body: string }[];
  let refreshes: number;

  function serve(handler: Handler): void {
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      calls.push({ url: new URL(request.url).pathname, authorization: request.headers.get('authorization'), body: await request.clone().text() });
      return handler(request);
    }) as typeof fetch;
  }

  beforeEach(() => {
    calls = [];
    refreshes = 0;
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    auth.signedIn({ accessToken: 'old', expiresIn: 900 });
  });
  afterEach(() => {
    auth.expire();
    globalThis.fetch = realFetch;
    jest.useRealTimers();
  });

  it('sends the bearer token of the session', async () => {
    serve(() => json(200, { ok: true }));
    const response = await authFetch(new Request('http://localhost/v1/devices'));
    expect(response.status).toBe(200);
    expect(calls).toEqual([{ url: '/v1/devices', authorization: 'Bearer old', body: '' }]);
  });

  it('on concurrent 401s refreshes once, then replays each request once with the new token and its body', async () => {
    serve(async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/v1/auth/refresh') {
        refreshes += 1;
        return json(200, { accessToken: 'new', expiresIn: 900 });
      }
      return request.headers.get('authorization') === 'Bearer new' ? json(200, { path }) : json(401, { code: 'AUTH_TOKEN_INVALID' });
    });
    const posts = await Promise.all([
      authFetch(new Request('http://localhost/v1/sessions/1/refunds', { method: 'POST', body: '{"amountFen":100}' })),
      authFetch(new Request('http://localhost/v1/devices')),
      authFetch(new Request('http://localhost/v1/sites')),
    ]);
    expect(posts.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(refreshes).toBe(1);
    const replayed = calls.filter((c) => c.url === '/v1/sessions/1/refunds');
    expect(replayed.map((c) => [c.authorization, c.body])).toEqual([
      ['Bearer old', '{"amountFen":100}'],
      ['Bearer new', '{"amountFen":100}'],
    ]);
    expect(auth.snapshot().status).toBe('signed-in');
  });

  it('ends the session when the refresh is refused, without retrying again', async () => {
    serve((request) => (new URL(request.url).pathname === '/v1/auth/refresh' ? json(401, { code: 'AUTH_REFRESH_INVALID' }) : json(401, { code: 'AUTH_TOKEN_REVOKED' })));
    const response = await authFetch(new Request('http://localhost/v1/devices'));
    expect(response.status).toBe(401);
    expect(calls.map((c) => c.url)).toEqual(['/v1/devices', '/v1/auth/refresh']);
    expect(auth.snapshot()).toEqual({ status: 'expired', accessToken: null });
  });

  it('never refreshes for a 401 of the auth endpoints themselves (a wrong password is not an expired session)', async () => {
    serve(() => json(401, { code: 'AUTH_INVALID_CREDENTIALS' }));
    const response = await authFetch(new Request('http://localhost/v1/auth/login', { method: 'POST', body: '{}' }));
    expect(response.status).toBe(401);
    expect(calls.map((c) => c.url)).toEqual(['/v1/auth/login']);
  });

  it('refreshes a minute before the access token expires', async () => {
    serve((request) => {
      if (new URL(request.url).pathname === '/v1/auth/refresh') {
        refreshes += 1;
        return json(200, { accessToken: 'rotated', expiresIn: 900 });
      }
      return json(200, {});
    });
    auth.signedIn({ accessToken: 'first', expiresIn: 120 });
    await jest.advanceTimersByTimeAsync(59_000);
    expect(refreshes).toBe(0);
    await jest.advanceTimersByTimeAsync(1_500);
    expect(refreshes).toBe(1);
    expect(auth.accessToken).toBe('rotated');
  });
});
