import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response as InjectResponse } from 'light-my-request';
import { DEMO_LOGINS, DEMO_MERCHANTS, DEMO_ORGS, DEMO_SITES } from '../src/modules/demo/demo-data.js';
import { PERMISSIONS, type Permission } from '../src/modules/identity/permissions.js';
import { systemQuery } from './fleet-support.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * `GET /v1/me` lists what a login may do (the console's access map); the API decides the same by itself.
 * For every demo login and every code, a probe calls the API: a granted code must get past the access rules
 * (anything but 401/403 and a hidden resource), a withheld one must be refused (403, or 404 / an empty view
 * where the rule is row-level security, never a success). A drift between permissions.ts and the controllers'
 * role lists or the organisation-kind rules fails here.
 */
describe('permissions in /v1/me match what the API allows', () => {
  let t: TestApp;
  const me: Record<string, { permissions: Permission[]; organizationId: string; user: { id: string } }> = {};
  const tokens: Record<string, string> = {};
  /** A completed, unpaid session of the reseller's customer C1 (EV-0001). */
  const c1Session = randomUUID();
  const name = () => `probe ${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    t = await createTestApp();
    for (const login of DEMO_LOGINS) {
      tokens[login.email] = await t.login(login.email);
      me[login.email] = (await t.http('GET', '/v1/me', { token: tokens[login.email] })).json() as never;
    }
    const service = DEMO_MERCHANTS.vendorC1.services[0];
    await systemQuery(
      t,
      `WITH d AS (SELECT id, tenant_id, type, code, plan_id FROM devices WHERE code = 'EV-0001'),
            u AS (INSERT INTO end_users (tenant_id, appid, openid) SELECT tenant_id, 'wxd0000000000demo', 'permission-probe' FROM d RETURNING id)
       INSERT INTO service_sessions (id, tenant_id, merchant_tenant_id, merchant_account_id, payscore_service_id, service_id, scenario, service_mode, end_user_id, appid,
                                     device_id, device_type, device_code, plan_id, plan_version, plan, risk_fund_fen, notify_url, out_order_no, state, total_fen,
                                     ended_at, awaiting_payment_at, order_completed_at)
       SELECT $1, d.tenant_id, d.tenant_id, $2, $3, $4, $5, $6, u.id, 'wxd0000000000demo', d.id, d.type, d.code, d.plan_id, 1, '{}'::jsonb, 1000,
              'http://127.0.0.1/notify', 'PERMPROBE0001', 'AWAITING_PAYMENT', 500, now(), now(), now()
       FROM d, u`,
      [c1Session, DEMO_MERCHANTS.vendorC1.id, service.id, service.serviceId, service.scenario, service.mode],
    );
    // the reseller's own inventory: a device with a plan of its own (it never sees its customers' plans)
    const reseller = { token: tokens['ops@vendor.demo']! };
    const site = (await t.http('POST', '/v1/sites', { ...reseller, body: { name: '仓库', address: '浙江省杭州市余杭区', city: '杭州' } })).json() as { id: string };
    const plan = { timezone: 'Asia/Shanghai', energy: { bands: [{ from: '00:00', to: '24:00', energyFenPerKwh: 100, serviceFenPerKwh: 0 }] }, totalCapFen: 30000 };
    const stock = await t.http('POST', '/v1/devices', { ...reseller, body: { siteId: site.id, code: 'INV-PLAN-01', type: 'EV_CHARGER', connectors: 1, plan } });
    expect(stock.statusCode).toBe(201);
  });
  afterAll(() => t?.close());

  const as = (login: string) => ({ token: tokens[login]! });
  const passedAccessRules = (r: InjectResponse) => r.statusCode !== 401 && r.statusCode !== 403;
  const refusedByRole = (r: InjectResponse) => r.statusCode === 403 && ['AUTH_FORBIDDEN', 'AUTH_READ_ONLY'].includes((r.json() as { code: string }).code);

  /** Each probe answers true (allowed) or false (refused); anything it cannot classify fails the test. */
  const probes: Record<Permission, (login: string) => Promise<boolean>> = {
    'organizations.read': async (login) => classify(await t.http('GET', '/v1/organizations', as(login))),
    'organizations.create': async (login) => {
      // whichever child kind its organisation may have: 201 for one of them is allowed; 403 or 422 for all is refused
      const answers = [];
      for (const body of [{ kind: 'OPERATOR', operatingModel: 'SELF_RUN' }, { kind: 'FRANCHISEE' }, { kind: 'CUSTOMER' }]) {
        answers.push(await t.http('POST', '/v1/organizations', { ...as(login), body: { name: name(), ...body } }));
      }
      if (answers.some((r) => r.statusCode === 201)) return true;
      expect(answers.every((r) => r.statusCode === 403 || (r.json() as { code: string }).code === 'ORGANIZATION_KIND_NOT_ALLOWED')).toBe(true);
      return false;
    },
    'organizations.write': async (login) => classify(await t.http('PATCH', `/v1/organizations/${me[login]!.organizationId}`, { ...as(login), body: {} })),
    'users.read': async (login) => classify(await t.http('GET', '/v1/users', as(login))),
    'users.write': async (login) => classify(await t.http('POST', `/v1/users/${me[login]!.user.id}/disable`, as(login))), // 422: not yourself
    'audit.read': async (login) => classify(await t.http('GET', '/v1/audit-log', as(login))),
    'sites.read': async (login) => classify(await t.http('GET', '/v1/sites', as(login))),
    'sites.write': async (login) => classify(await t.http('POST', '/v1/sites', { ...as(login), body: {} })),
    'devices.read': async (login) => classify(await t.http('GET', '/v1/devices', as(login))),
    'devices.write': async (login) => classify(await t.http('POST', '/v1/devices', { ...as(login), body: {} })),
    'devices.transfer': async (login) => {
      // a device of the reseller's inventory, sold to its customer C1: only the reseller (and the platform) may
      const reseller = as('ops@vendor.demo');
      const site = (await t.http('POST', '/v1/sites', { ...reseller, body: { name: name(), address: '仓库', city: '杭州' } })).json() as { id: string };
      const code = `INV-${randomUUID().slice(0, 8)}`;
      const created = await t.http('POST', '/v1/devices', { ...reseller, body: { siteId: site.id, code, type: 'EV_CHARGER', connectors: 1 } });
      expect(created.statusCode).toBe(201);
      const { device } = created.json() as { device: { id: string } };
      const sold = await t.http('POST', `/v1/devices/${device.id}/transfer`, { ...as(login), body: { organizationId: DEMO_ORGS.vendorC1.id, siteId: DEMO_SITES.chargingEast.id } });
      if (sold.statusCode === 200) return true;
      expect([403, 404]).toContain(sold.statusCode);
      return false;
    },
    'plans.read': async (login) => {
      // the plan of some device the login sees (the reseller: of its own inventory, made above)
      const devices = (await t.http('GET', '/v1/devices?limit=200', as(login))).json() as { items: { id: string; planId: string | null }[] };
      for (const device of devices.items.filter((d) => d.planId)) {
        if (((await t.http('GET', `/v1/devices/${device.id}`, as(login))).json() as { plan: unknown }).plan !== null) return true;
      }
      return false;
    },
    'plans.write': async (login) => classify(await t.http('PUT', `/v1/devices/${randomUUID()}/plan`, { ...as(login), body: {} })),
    'sessions.read': async (login) => {
      const list = await t.http('GET', '/v1/sessions', as(login));
      if (!passedAccessRules(list)) return false;
      // whoever sees C1's data sees its session; the reseller, above C1, must not
      const aboveOrAtC1 = ['admin@zizhu.demo', 'ops@vendor.demo', 'c1@vendor.demo'].includes(login);
      if (!aboveOrAtC1) return true;
      const detail = await t.http('GET', `/v1/sessions/${c1Session}`, as(login));
      expect([200, 404]).toContain(detail.statusCode);
      expect(list.body.includes(c1Session)).toBe(detail.statusCode === 200);
      return detail.statusCode === 200;
    },
    'sessions.act': async (login) => {
      // nothing was paid, so where the session is visible the refund is refused for its state, never carried out
      const refund = await t.http('POST', `/v1/sessions/${c1Session}/refunds`, { ...as(login), body: { amountFen: 1, reason: 'probe' }, headers: { 'idempotency-key': randomUUID() } });
      if (refusedByRole(refund)) return false;
      expect(refund.statusCode).not.toBe(202);
      // past the role check: the session is hidden (404) from the reseller, and from everybody outside C1's line
      if (['admin@zizhu.demo', 'ops@vendor.demo', 'c1@vendor.demo'].includes(login)) return refund.statusCode !== 404;
      return passedAccessRules(refund);
    },
    'money.read': async (login) => {
      const owed = await t.http('GET', '/v1/receivables', as(login));
      if (!passedAccessRules(owed)) return false;
      if (!['admin@zizhu.demo', 'ops@vendor.demo', 'c1@vendor.demo'].includes(login)) return true;
      return (owed.json() as { items: { id: string }[] }).items.some((i) => i.id === c1Session);
    },
    'merchantAccounts.read': async (login) => classify(await t.http('GET', '/v1/merchant-accounts', as(login))),
    'merchantAccounts.write': async (login) => classify(await t.http('POST', '/v1/merchant-accounts', { ...as(login), body: {} })),
    'alerts.read': async (login) => classify(await t.http('GET', '/v1/alerts', as(login))),
    'alerts.write': async (login) => classify(await t.http('PUT', '/v1/alert-rules', { ...as(login), body: { rules: [] } })),
    'settlement.read': async (login) => classify(await t.http('GET', '/v1/statements', as(login))),
    'settlement.write': async (login) => {
      // an agreement set for one of the franchisees or customers (200) is allowed; 403 or 404 for every one is refused
      const answers = [
        await t.http('PUT', `/v1/organizations/${DEMO_ORGS.fridgeF1.id}/agreement`, { ...as(login), body: { commissionBasisPoints: 1000, effectiveFrom: '2027-01-01' } }),
        await t.http('PUT', `/v1/organizations/${DEMO_ORGS.vendorC1.id}/agreement`, { ...as(login), body: { platformFeePerActiveDeviceMonthFen: 500, effectiveFrom: '2027-01-01' } }),
      ];
      for (const r of answers) expect([200, 403, 404]).toContain(r.statusCode);
      return answers.some((r) => r.statusCode === 200);
    },
  };

  function classify(response: InjectResponse): boolean {
    if (passedAccessRules(response)) return true;
    expect(refusedByRole(response)).toBe(true);
    return false;
  }

  it('lists the expected codes for each demo login', () => {
    const all = [...PERMISSIONS];
    const without = (...codes: Permission[]) => all.filter((p) => !codes.includes(p));
    const got = Object.fromEntries(DEMO_LOGINS.map((l) => [l.email, me[l.email]!.permissions]));
    expect(got).toEqual({
      'admin@zizhu.demo': all,
      'ops@powerbank.demo': without('organizations.create', 'devices.transfer', 'settlement.write'),
      'ops@fridge.demo': without('devices.transfer'),
      'f1@fridge.demo': without('organizations.create', 'devices.transfer', 'settlement.write'),
      'f2@fridge.demo': without('organizations.create', 'devices.transfer', 'settlement.write'),
      'ops@vendor.demo': without('sessions.read', 'sessions.act', 'money.read'),
      'c1@vendor.demo': without('organizations.create', 'devices.transfer', 'settlement.write'),
      'c2@vendor.demo': without('organizations.create', 'devices.transfer', 'settlement.write'),
    });
  });

  it('every code granted is allowed by the API and every code withheld is refused', async () => {
    const mismatches: string[] = [];
    for (const login of DEMO_LOGINS.map((l) => l.email)) {
      for (const code of PERMISSIONS) {
        const allowed = await probes[code](login);
        if (allowed !== me[login]!.permissions.includes(code)) mismatches.push(`${login} ${code}: the API ${allowed ? 'allows' : 'refuses'} it`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
