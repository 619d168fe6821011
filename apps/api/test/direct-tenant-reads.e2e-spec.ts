import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { NestApplication } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Response as InjectResponse } from 'light-my-request';
import { createApp } from '../src/app.factory.js';
import { DEMO_APPID, DEMO_DEVICES, DEMO_MERCHANTS, DEMO_ORGS as O } from '../src/modules/demo/demo-data.js';
import { AccessAdmission } from '../src/platform/auth/access-admission.js';
import { AccessGuard } from '../src/platform/auth/access.guard.js';
import { JWT_SECRET } from '../src/platform/auth/token.service.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { TenantTransactionInterceptor } from '../src/platform/tenancy/tenant-transaction.interceptor.js';
import { systemQuery } from './fleet-support.js';
import { createTestApp, freshDatabaseConfig, testConfig, type TestApp } from './support/test-app.js';

/**
 * Issue 15: the hottest tenant reads are answered by plain Fastify handlers (`@DirectTenantRead()`,
 * platform/tenancy/direct-tenant-reads.ts), not through Nest's pipeline. Every rule holds for them alike: each refusal
 * is compared with the same refusal of a route of the same controller (same policy, same API-key scope) that Nest's
 * AccessGuard answers.
 */
describe('direct tenant reads: the organisation, device and session lists keep every rule of the Nest routes', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const someId = randomUUID();
  /** Each direct route, and a route of its controller that still runs through Nest (its refusals are the reference). */
  const ROUTES = [
    { direct: '/v1/organizations', nest: '/v1/organizations/tree', scope: 'organizations.read' },
    { direct: '/v1/devices', nest: `/v1/devices/${someId}`, scope: 'devices.read' },
    { direct: '/v1/sessions', nest: `/v1/sessions/${someId}`, scope: 'sessions.read' },
  ] as const;

  const get = (url: string, token?: string) => t.http('GET', url, token === undefined ? {} : { token });
  /** The problem+json of a refusal without its request id (which differs per request), after checking it carries the answer's. */
  const problemOf = (r: InjectResponse) => {
    expect(r.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const { requestId, ...rest } = r.json() as Record<string, unknown>;
    expect(requestId).toBe(r.headers['x-request-id']);
    return { statusCode: r.statusCode, ...rest } as { statusCode: number } & Record<string, unknown>;
  };
  /** The refusal of each direct route, equal to its Nest counterpart's; answers `<status> <code>` per route. */
  const refusals = async (send: (url: string) => Promise<InjectResponse>): Promise<string[]> => {
    const out: string[] = [];
    for (const route of ROUTES) {
      const direct = problemOf(await send(route.direct));
      expect({ route: route.direct, ...direct }).toEqual({ route: route.direct, ...problemOf(await send(route.nest)) });
      out.push(`${direct.statusCode} ${direct.code as string}`);
    }
    return out;
  };
  const apiKey = async (scopes: string[]) =>
    ((await t.http('POST', '/v1/api-keys', { token: tokens.brand!, body: { name: `direct ${randomUUID().slice(0, 6)}`, scopes } })).json() as { id: string; key: string });

  const FR1 = DEMO_DEVICES.find((d) => d.code === 'FR-0001')!; // franchisee 1
  const FR2 = DEMO_DEVICES.find((d) => d.code === 'FR-0002')!; // franchisee 2
  /** One paid session on a device of each franchisee of the fridge brand. */
  const seedSessions = () =>
    t.app.get(Transactions).asSystem(async (m) => {
      const [user] = (await m.query(`INSERT INTO end_users (tenant_id, appid, openid) VALUES ($1, $2, $3) RETURNING id`, [O.fridge.id, DEMO_APPID, `direct-${randomUUID()}`])) as [{ id: string }];
      for (const [device, tenant] of [
        [FR1, O.fridgeF1.id],
        [FR2, O.fridgeF2.id],
      ] as const) {
        const outOrderNo = `D${randomUUID().replace(/-/g, '').slice(0, 20)}`;
        await m.query(
          `INSERT INTO service_sessions (tenant_id, merchant_tenant_id, merchant_account_id, payscore_service_id, service_id, scenario, service_mode, end_user_id, appid,
             device_id, device_type, device_code, plan_id, plan_version, plan, risk_fund_fen, notify_url, out_order_no, state, total_fen, paid_fen, refunded_fen,
             created_at, order_completed_at, paid_at, transaction_id)
           VALUES ($1, $2, $3, $4, $5, 'VENDING', 'USE_FIRST', $6, $7, $8, 'FRIDGE', $9, gen_random_uuid(), 1, '{}', 20000, 'https://x', $10, 'PAID', 1200, 1200, 0,
             now(), now(), now(), 'T' || $10)`,
          [tenant, O.fridge.id, DEMO_MERCHANTS.fridge.id, DEMO_MERCHANTS.fridge.services[0].id, DEMO_MERCHANTS.fridge.services[0].serviceId, user.id, DEMO_APPID, device.id, device.code, outOrderNo],
        );
      }
    });

  beforeAll(async () => {
    t = await createTestApp();
    for (const [name, login] of Object.entries({ brand: 'ops@fridge.demo', f1: 'f1@fridge.demo', tech: 'tech@fridge.demo', admin: 'admin@zizhu.demo' })) {
      tokens[name] = await t.login(login);
    }
    await seedSessions();
  });
  afterAll(() => t.close());

  it('is answered by its Fastify handler: neither AccessGuard nor the interceptor runs for it, AccessAdmission does', async () => {
    const canActivate = jest.spyOn(AccessGuard.prototype, 'canActivate');
    const intercept = jest.spyOn(TenantTransactionInterceptor.prototype, 'intercept');
    const admit = jest.spyOn(AccessAdmission.prototype, 'admit');
    try {
      for (const route of ROUTES) {
        const response = await get(route.direct, tokens.brand);
        expect({ route: route.direct, status: response.statusCode }).toEqual({ route: route.direct, status: 200 });
        expect(response.headers['x-request-id']).toEqual(expect.any(String));
        expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      }
      expect(canActivate).not.toHaveBeenCalled();
      expect(intercept).not.toHaveBeenCalled();
      expect(admit).toHaveBeenCalledTimes(3);
      // the tree (a tenant read too, left on Nest) goes through both, and through the same admission
      const tree = await get('/v1/organizations/tree', tokens.brand);
      expect(tree.statusCode).toBe(200);
      expect(tree.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(canActivate).toHaveBeenCalledTimes(1);
      expect(intercept).toHaveBeenCalledTimes(1);
      expect(admit).toHaveBeenCalledTimes(4);
    } finally {
      canActivate.mockRestore();
      intercept.mockRestore();
      admit.mockRestore();
    }
  });

  it('refuses a missing, malformed, forged or expired token with the guard’s problems', async () => {
    expect(await refusals((url) => get(url))).toEqual(Array(3).fill('401 AUTH_REQUIRED'));
    expect(await refusals((url) => t.http('GET', url, { headers: { authorization: `Basic ${tokens.brand!}` } }))).toEqual(Array(3).fill('401 AUTH_REQUIRED'));
    expect(await refusals((url) => get(url, 'garbage'))).toEqual(Array(3).fill('401 AUTH_TOKEN_INVALID'));
    // signed with the app's secret, every claim right, but expired a minute ago
    const { iss: _iss, iat: _iat, exp: _exp, ...claims } = JSON.parse(Buffer.from(tokens.brand!.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    const now = Math.floor(Date.now() / 1000);
    const expired = new JwtService({ secret: t.app.get<string>(JWT_SECRET) }).sign({ ...claims, iat: now - 3600, exp: now - 60 }, { algorithm: 'HS256', issuer: 'zizhu' });
    expect(await refusals((url) => get(url, expired))).toEqual(Array(3).fill('401 AUTH_TOKEN_INVALID'));
    // a token whose signature does not match
    const forged = `${tokens.brand!.split('.').slice(0, 2).join('.')}.${tokens.f1!.split('.')[2]!}`;
    expect(await refusals((url) => get(url, forged))).toEqual(Array(3).fill('401 AUTH_TOKEN_INVALID'));
  });

  it('a role the route does not name is refused: a technician reads devices (named), not organisations or sessions (not named)', async () => {
    for (const route of [ROUTES[0], ROUTES[2]]) {
      const direct = problemOf(await get(route.direct, tokens.tech));
      expect(direct).toEqual(problemOf(await get(route.nest, tokens.tech)));
      expect(direct).toMatchObject({ statusCode: 403, code: 'AUTH_FORBIDDEN' });
    }
    const devices = await get('/v1/devices', tokens.tech);
    expect(devices.statusCode).toBe(200);
    // the brand's devices, read as the technician: without the plans' names (prices are not a technician's)
    const ids = (r: InjectResponse) => (r.json() as { items: { id: string }[] }).items.map((d) => d.id);
    expect(ids(devices)).toEqual(ids(await get('/v1/devices', tokens.brand)));
    expect((devices.json() as { items: { planName: string | null }[] }).items.map((d) => d.planName)).toEqual([null, null]);
  });

  it('an API key needs the route’s scope; with it the key reads as its organisation', async () => {
    const without = await apiKey(['users.read']);
    const problems = await refusals((url) => get(url, without.key));
    expect(problems).toEqual(Array(3).fill('403 AUTH_API_KEY_SCOPE_MISSING'));
    const direct = problemOf(await get('/v1/devices', without.key));
    expect(direct.detail).toBe('This API key lacks the scope devices.read.');
    const withScopes = await apiKey(ROUTES.map((r) => r.scope));
    for (const route of ROUTES) {
      const answer = await get(route.direct, withScopes.key);
      expect({ route: route.direct, status: answer.statusCode }).toEqual({ route: route.direct, status: 200 });
      expect(answer.json()).toEqual((await get(route.direct, tokens.brand)).json());
    }
    // a revoked key is refused at once
    expect((await t.http('DELETE', `/v1/api-keys/${withScopes.id}`, { token: tokens.brand })).statusCode).toBe(200);
    expect(await refusals((url) => get(url, withScopes.key))).toEqual(Array(3).fill('401 AUTH_TOKEN_REVOKED'));
  });

  it('a signed-out token answers 401 AUTH_TOKEN_REVOKED, before a bad query’s 400', async () => {
    const session = (await t.http('POST', '/v1/auth/login', { body: { login: 'f1@fridge.demo', password: 'zizhu-demo' } })).json() as { accessToken: string; refreshToken: string };
    for (const route of ROUTES) expect((await get(route.direct, session.accessToken)).statusCode).toBe(200);
    expect((await t.http('POST', '/v1/auth/logout', { body: { refreshToken: session.refreshToken } })).statusCode).toBe(204);
    expect(await refusals((url) => get(url, session.accessToken))).toEqual(Array(3).fill('401 AUTH_TOKEN_REVOKED'));
    for (const url of ['/v1/devices?limit=0', '/v1/sessions?bogus=1']) {
      expect(problemOf(await get(url, session.accessToken))).toMatchObject({ statusCode: 401, code: 'AUTH_TOKEN_REVOKED' });
    }
  });

  it('a platform admin reads everything, and each access is audited, a refused one too', async () => {
    const admin = await get('/v1/organizations', tokens.admin);
    expect(admin.statusCode).toBe(200);
    expect((admin.json() as unknown[]).length).toBeGreaterThan(3);
    const marker = randomUUID().slice(0, 8);
    for (const url of [`/v1/organizations?m=${marker}`, `/v1/devices?code=${marker}`, `/v1/sessions?q=${marker}`, `/v1/sessions?bogus=${marker}`]) {
      const response = await get(url, tokens.admin);
      expect({ url, status: response.statusCode }).toEqual({ url, status: url.includes('bogus') ? 400 : 200 });
      const rows = await systemQuery<{ action: string; request_id: string }>(t, `SELECT action, request_id FROM audit_log WHERE resource_type = 'route' AND resource_id = $1`, [`GET ${url}`]);
      expect(rows).toEqual([{ action: 'platform.access', request_id: response.headers['x-request-id'] }]);
    }
  });

  it('row-level security decides: a franchisee sees only its own organisation, devices and sessions', async () => {
    const orgs = (await get('/v1/organizations', tokens.f1)).json() as { id: string }[];
    expect(orgs.map((o) => o.id)).toEqual([O.fridgeF1.id]);
    const brandOrgs = (await get('/v1/organizations', tokens.brand)).json() as { id: string }[];
    expect(brandOrgs.map((o) => o.id).sort()).toEqual([O.fridge.id, O.fridgeF1.id, O.fridgeF2.id].sort());
    for (const url of ['/v1/devices', '/v1/sessions']) {
      const own = (await get(url, tokens.f1)).json() as { items: { organizationId: string }[]; total: number };
      expect({ url, organizations: [...new Set(own.items.map((i) => i.organizationId))] }).toEqual({ url, organizations: [O.fridgeF1.id] });
      const brand = (await get(url, tokens.brand)).json() as { items: { organizationId: string }[]; total: number };
      expect({ url, organizations: [...new Set(brand.items.map((i) => i.organizationId))].sort() }).toEqual({ url, organizations: [O.fridgeF1.id, O.fridgeF2.id].sort() });
      expect(own.total).toBeLessThan(brand.total);
    }
  });

  it('validates the query with the app’s ValidationPipe: every field named, unknown ones refused, values transformed', async () => {
    const devices = problemOf(await get('/v1/devices?limit=0&bogus=1', tokens.brand));
    expect(devices).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', detail: 'Invalid fields: bogus, limit' });
    expect((devices.errors as { field: string }[]).map((e) => e.field)).toEqual(['bogus', 'limit']);
    const sessions = problemOf(await get('/v1/sessions?state=NOPE&limit=x', tokens.brand));
    expect(sessions).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((sessions.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['limit', 'state']);
    // a valid query is transformed (limit as a number) and applied
    const page = (await get('/v1/devices?limit=1', tokens.brand)).json() as { items: unknown[]; total: number };
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(2);
    // organisations take no query: Nest ignored one, and so does the direct route
    expect((await get('/v1/organizations?anything=1', tokens.f1)).statusCode).toBe(200);
  });

  it('HEAD is answered by the direct handler too, admitted the same way', async () => {
    const canActivate = jest.spyOn(AccessGuard.prototype, 'canActivate');
    const intercept = jest.spyOn(TenantTransactionInterceptor.prototype, 'intercept');
    const admit = jest.spyOn(AccessAdmission.prototype, 'admit');
    try {
      const refused = await t.app.inject({ method: 'HEAD', url: '/v1/organizations' });
      expect(refused.statusCode).toBe(401);
      const ok = await t.app.inject({ method: 'HEAD', url: '/v1/sessions', headers: { authorization: `Bearer ${tokens.f1!}` } });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toBe('');
      expect(canActivate).not.toHaveBeenCalled();
      expect(intercept).not.toHaveBeenCalled();
      expect(admit).toHaveBeenCalledTimes(2);
    } finally {
      canActivate.mockRestore();
      intercept.mockRestore();
      admit.mockRestore();
    }
  });
});

describe('direct tenant reads: the start', () => {
  it('fails, saying why, when the app gets a global interceptor the direct reads do not stand in for (added just before app.init())', async () => {
    class TimingInterceptor implements NestInterceptor {
      intercept(_execution: ExecutionContext, next: CallHandler) {
        return next.handle();
      }
    }
    const init = NestApplication.prototype.init;
    const spy = jest.spyOn(NestApplication.prototype, 'init').mockImplementation(function (this: NestApplication) {
      this.useGlobalInterceptors(new TimingInterceptor());
      return init.call(this);
    });
    const fresh = await freshDatabaseConfig();
    try {
      await expect(createApp(testConfig(fresh.database))).rejects.toThrow(
        /^direct tenant reads stand in for the global AccessGuard, TenantTransactionInterceptor and the app's ValidationPipe only, but the app has guards \[AccessGuard\], interceptors \[TenantTransactionInterceptor, TimingInterceptor\]/,
      );
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
      await fresh.drop();
    }
  });
});
