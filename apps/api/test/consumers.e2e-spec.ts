// The end user's side: mini-program login, consumer tokens and the end_users rows (contracts.md §6).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { createSimulator, type Simulator } from '@zizhu/payscore-sim';
import { parseConfig } from '../src/config/app-config.js';
import { EndUsersService } from '../src/modules/consumers/end-users.service.js';
import { DEMO_APPID, DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { TokenService } from '../src/platform/auth/token.service.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; messages: string[] }[];
}

interface ConsumerToken {
  consumerToken: string;
  openid: string;
  expiresIn: number;
}

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('consumers: mini-program login, consumer tokens, end users', () => {
  let sim: Simulator;
  let t: TestApp;
  let transactions: Transactions;
  let endUsers: EndUsersService;
  const login = (body: unknown) => t.http('POST', '/v1/consumer/login', { body });
  const inSystem = <T>(fn: (m: EntityManager) => Promise<T>) => transactions.asSystem(fn);
  const faults = (rules: unknown[]) =>
    fetch(`${sim.url}/sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rules }) });

  beforeAll(async () => {
    sim = await createSimulator({ port: 0 });
    const base = parseConfig({ NODE_ENV: 'test' });
    t = await createTestApp({ payscore: { ...base.payscore, apiBaseUrl: sim.url, wechatApiBaseUrl: sim.url, simulated: true } });
    transactions = t.app.get(Transactions);
    endUsers = t.app.get(EndUsersService);
  });
  afterAll(async () => {
    await t?.close();
    await sim?.close();
  });

  describe('POST /v1/consumer/login', () => {
    it('exchanges a wx.login code for a 2-hour consumer token of that appid and openid', async () => {
      const response = await login({ appid: DEMO_APPID, code: 'test:alice' });
      expect(response.statusCode).toBe(200);
      const body = response.json() as ConsumerToken;
      expect(body).toEqual({ consumerToken: expect.any(String), openid: 'alice', expiresIn: 7200 });
      const claims = claimsOf(body.consumerToken);
      expect(claims).toMatchObject({ aud: 'zizhu:consumer', typ: 'consumer', appid: DEMO_APPID, openid: 'alice', iss: 'zizhu' });
      expect(Number(claims['exp']) - Number(claims['iat'])).toBe(7200);

      const me = await t.http('GET', '/v1/consumer/me', { token: body.consumerToken });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toEqual({ appid: DEMO_APPID, openid: 'alice' });
    });

    it('creates no end user at login (the merchant is not known yet)', async () => {
      await login({ appid: DEMO_APPID, code: 'test:login_only' });
      expect(await inSystem((m) => m.query(`SELECT id FROM end_users WHERE openid = 'login_only'`))).toEqual([]);
    });

    it('a code WeChat refuses (errcode 40029) is 401 CONSUMER_CODE_INVALID', async () => {
      const response = await login({ appid: DEMO_APPID, code: '081abcDEFnotAcode' });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((response.json() as Problem).code).toBe('CONSUMER_CODE_INVALID');
    });

    it('an appid no merchant account lists is MERCHANT_APPID_UNKNOWN naming the appid', async () => {
      const response = await login({ appid: 'wx0123456789abcdef', code: 'test:alice' });
      expect(response.statusCode).toBe(422);
      const problem = response.json() as Problem;
      expect(problem.code).toBe('MERCHANT_APPID_UNKNOWN');
      expect(problem.detail).toContain('wx0123456789abcdef');
    });

    it('validates the body: every bad field named, unknown properties refused', async () => {
      const bad = await login({ appid: 'not-an-appid', code: '' });
      expect(bad.statusCode).toBe(400);
      expect(((bad.json() as Problem).errors ?? []).map((e) => e.field).sort()).toEqual(['appid', 'code']);
      const long = await login({ appid: DEMO_APPID, code: 'x'.repeat(129) });
      expect(((long.json() as Problem).errors ?? []).map((e) => e.field)).toEqual(['code']);
      const missing = await login({});
      expect(((missing.json() as Problem).errors ?? []).map((e) => e.field).sort()).toEqual(['appid', 'code']);
      const extra = await login({ appid: DEMO_APPID, code: 'test:alice', openid: 'mallory' });
      expect(extra.statusCode).toBe(400);
      expect(((extra.json() as Problem).errors ?? []).map((e) => e.field)).toEqual(['openid']);
    });

    it('WeChat failing (HTTP 500 from jscode2session) is 502 CONSUMER_WECHAT_UNAVAILABLE', async () => {
      expect((await faults([{ path: '^/sns/', status: 500, rate: 1 }])).status).toBe(200);
      try {
        const response = await login({ appid: DEMO_APPID, code: 'test:alice' });
        expect(response.statusCode).toBe(502);
        expect((response.json() as Problem).code).toBe('CONSUMER_WECHAT_UNAVAILABLE');
      } finally {
        await faults([]);
      }
      expect((await login({ appid: DEMO_APPID, code: 'test:alice' })).statusCode).toBe(200);
    });
  });

  describe('consumer tokens and operator tokens never cross', () => {
    let consumerToken: string;
    let operatorToken: string;
    beforeAll(async () => {
      consumerToken = ((await login({ appid: DEMO_APPID, code: 'test:bob' })).json() as ConsumerToken).consumerToken;
      operatorToken = await t.login('ops@powerbank.demo');
    });

    it('a consumer token is refused on operator routes', async () => {
      for (const url of ['/v1/devices', '/v1/me']) {
        const response = await t.http('GET', url, { token: consumerToken });
        expect(response.statusCode).toBe(401);
        expect((response.json() as Problem).code).toBe('AUTH_TOKEN_INVALID');
      }
      expect((await t.http('GET', '/v1/devices', { token: operatorToken })).statusCode).toBe(200);
    });

    it('an operator token (even a platform admin’s) is refused on consumer routes', async () => {
      for (const token of [operatorToken, await t.login('admin@zizhu.demo')]) {
        const response = await t.http('GET', '/v1/consumer/me', { token });
        expect(response.statusCode).toBe(401);
        expect((response.json() as Problem).code).toBe('AUTH_TOKEN_INVALID');
      }
    });

    it('no token, or a tampered one, is refused', async () => {
      expect(((await t.http('GET', '/v1/consumer/me')).json() as Problem).code).toBe('AUTH_REQUIRED');
      const [header, , signature] = consumerToken.split('.');
      const forged = Buffer.from(JSON.stringify({ ...claimsOf(consumerToken), openid: 'alice' })).toString('base64url');
      const response = await t.http('GET', '/v1/consumer/me', { token: `${header}.${forged}.${signature}` });
      expect(response.statusCode).toBe(401);
      expect((response.json() as Problem).code).toBe('AUTH_TOKEN_INVALID');
    });
  });

  describe('EndUsersService.ensure', () => {
    const powerbank = DEMO_ORGS.powerbank.id;
    const customer = DEMO_ORGS.vendorC1.id;

    it('is idempotent: the same end user, last seen refreshed', async () => {
      const first = await inSystem((m) => endUsers.ensure(m, powerbank, DEMO_APPID, 'carol'));
      const [before] = (await inSystem((m) => m.query(`SELECT last_seen_at FROM end_users WHERE id = $1`, [first]))) as { last_seen_at: Date }[];
      const second = await inSystem((m) => endUsers.ensure(m, powerbank, DEMO_APPID, 'carol'));
      expect(second).toBe(first);
      const rows = (await inSystem((m) =>
        m.query(`SELECT id, last_seen_at FROM end_users WHERE tenant_id = $1 AND openid = 'carol'`, [powerbank]),
      )) as { id: string; last_seen_at: Date }[];
      expect(rows).toHaveLength(1);
      expect(rows[0]!.last_seen_at.getTime()).toBeGreaterThanOrEqual(before!.last_seen_at.getTime());
    });

    it('is safe under concurrent calls: one row, one id', async () => {
      const ids = await Promise.all(Array.from({ length: 6 }, () => inSystem((m) => endUsers.ensure(m, powerbank, DEMO_APPID, 'dave'))));
      expect(new Set(ids).size).toBe(1);
      expect(await inSystem((m) => m.query(`SELECT id FROM end_users WHERE openid = 'dave'`))).toHaveLength(1);
    });

    it('is per merchant of record: the same openid at two merchants is two end users', async () => {
      const atPowerbank = await inSystem((m) => endUsers.ensure(m, powerbank, DEMO_APPID, 'erin'));
      const atCustomer = await inSystem((m) => endUsers.ensure(m, customer, DEMO_APPID, 'erin'));
      expect(atCustomer).not.toBe(atPowerbank);
      const rows = (await inSystem((m) => m.query(`SELECT tenant_id FROM end_users WHERE openid = 'erin' ORDER BY tenant_id`))) as { tenant_id: string }[];
      expect(rows.map((r) => r.tenant_id)).toEqual([powerbank, customer].sort());
    });

    it('an end user is visible to its merchant’s operators only — not to the hardware reseller of that customer', async () => {
      const id = await inSystem((m) => endUsers.ensure(m, customer, DEMO_APPID, 'frank'));
      const tokens = t.app.get(TokenService);
      const seenBy = async (loginName: string) => {
        const principal = tokens.verifyAccess(await t.login(loginName));
        const rows = (await transactions.asTenant(principal, (m) => m.query(`SELECT id FROM end_users WHERE id = $1`, [id]))) as unknown[];
        return rows.length;
      };
      expect(await seenBy('c1@vendor.demo')).toBe(1);
      expect(await seenBy('ops@vendor.demo')).toBe(0);
      expect(await seenBy('c2@vendor.demo')).toBe(0);
      expect(await seenBy('ops@powerbank.demo')).toBe(0);
      // nor can a tenant transaction write one for another merchant
      const principal = tokens.verifyAccess(await t.login('ops@vendor.demo'));
      await expect(transactions.asTenant(principal, (m) => endUsers.ensure(m, customer, DEMO_APPID, 'grace'))).rejects.toThrow(/row-level security/);
    });
  });
});
