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
  /** A complaint C1's account received about that session (no payer phone). */
  const c1Complaint = randomUUID();
  /** A fridge of C1 (created in beforeAll). */
  let c1Fridge = '';
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
    await systemQuery(
      t,
      `INSERT INTO complaints (id, tenant_id, merchant_account_id, complaint_id, session_id, session_tenant_id, out_order_no, state, complaint_time, reply_due_at, complete_due_at, detail)
       SELECT $1, s.merchant_tenant_id, s.merchant_account_id, $2, s.id, s.tenant_id, s.out_order_no, 'PENDING', now(), now() + interval '24 hours', now() + interval '72 hours', 'probe'
       FROM service_sessions s WHERE s.id = $3`,
      [c1Complaint, `PERMPROBE${randomUUID().replaceAll('-', '').slice(0, 20)}`, c1Session],
    );
    // the reseller's own inventory: a device with a plan of its own (it never sees its customers' plans)
    const reseller = { token: tokens['ops@vendor.demo']! };
    const site = (await t.http('POST', '/v1/sites', { ...reseller, body: { name: '仓库', address: '浙江省杭州市余杭区', city: '杭州' } })).json() as { id: string };
    const plan = { timezone: 'Asia/Shanghai', energy: { bands: [{ from: '00:00', to: '24:00', energyFenPerKwh: 100, serviceFenPerKwh: 0 }] }, totalCapFen: 30000 };
    const stock = await t.http('POST', '/v1/devices', { ...reseller, body: { siteId: site.id, code: 'INV-PLAN-01', type: 'EV_CHARGER', connectors: 1, plan } });
    expect(stock.statusCode).toBe(201);
    // a fridge of C1's own, for the stock probes
    const c1 = { token: tokens['c1@vendor.demo']! };
    const c1Site = (await t.http('POST', '/v1/sites', { ...c1, body: { name: '便利店', address: '浙江省杭州市西湖区', city: '杭州' } })).json() as { id: string };
    const fridgePlan = { timezone: 'Asia/Shanghai', items: { catalog: [{ sku: 'tea-500', name: '茶 500ml', priceFen: 400 }] }, totalCapFen: 10000 };
    const fridge = await t.http('POST', '/v1/devices', { ...c1, body: { siteId: c1Site.id, code: 'C1-FRIDGE-01', type: 'FRIDGE', plan: fridgePlan } });
    expect(fridge.statusCode).toBe(201);
    c1Fridge = (fridge.json() as { device: { id: string } }).device.id;
    // a merchant account of their own for the logins that have none in the seed (a franchisee that collects, the reseller's
    // own inventory), so the onboarding probe reads an account each login administers; no credentials are ever used
    for (const org of [DEMO_ORGS.fridgeF1, DEMO_ORGS.fridgeF2, DEMO_ORGS.vendor]) {
      await systemQuery(
        t,
        `INSERT INTO merchant_accounts (tenant_id, name, mchid, appids, serial_no, credentials_ciphertext, dek_ciphertext, master_key_id)
         SELECT $1, 'probe', $2, '{}', serial_no, credentials_ciphertext, dek_ciphertext, master_key_id FROM merchant_accounts WHERE id = $3`,
        [org.id, `19${randomUUID().replace(/\D/g, '').slice(0, 8)}`, DEMO_MERCHANTS.vendorC1.id],
      );
    }
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
    'devices.read': async (login) => {
      const devices = await t.http('GET', '/v1/devices', as(login));
      // the power banks and a cabinet's inventory open to the same logins (a technician services the cabinets)
      expect(classify(await t.http('GET', '/v1/power-banks', as(login)))).toBe(classify(devices));
      const first = passedAccessRules(devices) ? (devices.json() as { items: { id: string }[] }).items[0] : undefined;
      if (first) expect(classify(await t.http('GET', `/v1/devices/${first.id}/inventory`, as(login)))).toBe(true);
      return classify(devices);
    },
    'devices.write': async (login) => {
      const create = classify(await t.http('POST', '/v1/devices', { ...as(login), body: {} }));
      // no such bank: 404 past the role check, so nothing is ever changed
      expect(classify(await t.http('POST', `/v1/power-banks/${randomUUID()}/clear-flag`, { ...as(login), body: { note: 'probe' } }))).toBe(create);
      return create;
    },
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
    'stock.read': async (login) => {
      const list = await t.http('GET', '/v1/stock/below-par', as(login));
      if (!passedAccessRules(list)) return false;
      // C1's own fridge: its stock is C1's data, never its reseller's
      if (!['admin@zizhu.demo', 'ops@vendor.demo', 'c1@vendor.demo'].includes(login)) return true;
      const stock = await t.http('GET', `/v1/devices/${c1Fridge}/stock`, as(login));
      expect([200, 404]).toContain(stock.statusCode);
      return stock.statusCode === 200;
    },
    'stock.write': async (login) => {
      // a SKU outside the fridge's catalog: refused (422) where the fridge is seen, so nothing is ever changed
      const count = await t.http('POST', `/v1/devices/${c1Fridge}/stock-counts`, { ...as(login), body: { lines: [{ sku: 'probe-sku', counted: 1 }] } });
      if (refusedByRole(count)) return false;
      expect([404, 422]).toContain(count.statusCode);
      if (['admin@zizhu.demo', 'ops@vendor.demo', 'c1@vendor.demo'].includes(login)) return count.statusCode === 422;
      return passedAccessRules(count);
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
    'complaints.read': async (login) => {
      const list = await t.http('GET', '/v1/complaints', as(login));
      if (!passedAccessRules(list)) return false;
      // whoever sees C1's data sees the complaint on its session; the reseller, above C1, must not
      if (!['admin@zizhu.demo', 'ops@vendor.demo', 'c1@vendor.demo'].includes(login)) return true;
      const detail = await t.http('GET', `/v1/complaints/${c1Complaint}`, as(login));
      expect([200, 404]).toContain(detail.statusCode);
      expect(list.body.includes(c1Complaint)).toBe(detail.statusCode === 200);
      return detail.statusCode === 200;
    },
    'complaints.act': async (login) => {
      // the payer's phone, which the merchant of record may read: WeChat sent none for this complaint (COMPLAINT_NO_PHONE)
      const phone = await t.http('GET', `/v1/complaints/${c1Complaint}/payer-phone`, as(login));
      if (refusedByRole(phone)) return false;
      // past the role check: the complaint is hidden from the reseller, and from everybody outside C1's line
      if (['admin@zizhu.demo', 'ops@vendor.demo', 'c1@vendor.demo'].includes(login)) return (phone.json() as { code: string }).code === 'COMPLAINT_NO_PHONE';
      return passedAccessRules(phone);
    },
    'money.read': async (login) => {
      const owed = await t.http('GET', '/v1/receivables', as(login));
      if (!passedAccessRules(owed)) return false;
      if (!['admin@zizhu.demo', 'ops@vendor.demo', 'c1@vendor.demo'].includes(login)) return true;
      return (owed.json() as { items: { id: string }[] }).items.some((i) => i.id === c1Session);
    },
    'merchantAccounts.read': async (login) => classify(await t.http('GET', '/v1/merchant-accounts', as(login))),
    'merchantAccounts.write': async (login) => classify(await t.http('POST', '/v1/merchant-accounts', { ...as(login), body: {} })),
    'reconciliations.read': async (login) => classify(await t.http('GET', '/v1/reconciliations', as(login))),
    'reconciliations.write': async (login) => {
      const run = classify(await t.http('POST', '/v1/reconciliations', { ...as(login), body: {} }));
      const resolve = classify(await t.http('POST', `/v1/reconciliations/${randomUUID()}/differences/${randomUUID()}/resolve`, { ...as(login), body: {} }));
      expect(resolve).toBe(run);
      return run;
    },
    'integrations.manage': async (login) => classify(await t.http('GET', '/v1/api-keys', as(login))),
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
    'profitSharing.write': async (login) => {
      const payee = classify(await t.http('PUT', `/v1/organizations/${DEMO_ORGS.fridgeF1.id}/payout-payee`, { ...as(login), body: {} }));
      const retry = classify(await t.http('POST', `/v1/profit-sharing-orders/${randomUUID()}/retry`, { ...as(login), headers: { 'idempotency-key': randomUUID() } }));
      expect(retry).toBe(payee);
      return payee;
    },
    'onboarding.read': async (login) => {
      // the tracker, pack and compliance of each account it sees: readable where it administers the account, else 404
      const list = await t.http('GET', '/v1/merchant-accounts', as(login));
      if (!classify(list)) return false; // a technician: no merchant account at all
      const accounts = list.json() as { id: string }[];
      let readable = false;
      for (const account of accounts) {
        const tracker = await t.http('GET', `/v1/merchant-accounts/${account.id}/onboarding`, as(login));
        expect([200, 404]).toContain(tracker.statusCode);
        const compliance = await t.http('GET', `/v1/merchant-accounts/${account.id}/compliance`, as(login));
        expect(compliance.statusCode).toBe(tracker.statusCode);
        readable ||= tracker.statusCode === 200;
      }
      return readable;
    },
    'onboarding.write': async (login) => {
      const subject = classify(await t.http('PUT', `/v1/merchant-accounts/${randomUUID()}/onboarding/subject`, { ...as(login), body: {} }));
      const settings = classify(await t.http('PUT', `/v1/merchant-accounts/${randomUUID()}/application-pack/settings`, { ...as(login), body: { extra: 1 } }));
      expect(settings).toBe(subject);
      return subject;
    },
    'support.search': async (login) => {
      const found = await t.http('GET', '/v1/support/lookup?kind=outOrderNo&q=PERMPROBE0001', as(login));
      if (!passedAccessRules(found)) return false;
      expect(found.statusCode).toBe(200);
      // whoever sees C1's data finds its session; the reseller, above C1, finds nothing
      if (!['admin@zizhu.demo', 'ops@vendor.demo', 'c1@vendor.demo'].includes(login)) return true;
      return (found.json() as { sessions: { id: string }[] }).sessions.some((s) => s.id === c1Session);
    },
    'maintenance.read': async (login) => classify(await t.http('GET', '/v1/maintenance/tickets', as(login))),
    // an empty ticket is 422 (no device) past the access rules
    'maintenance.write': async (login) => classify(await t.http('POST', '/v1/maintenance/tickets', { ...as(login), body: {} })),
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
      'ops@vendor.demo': without('sessions.read', 'sessions.act', 'complaints.read', 'complaints.act', 'money.read', 'support.search', 'stock.read', 'stock.write'),
      'c1@vendor.demo': without('organizations.create', 'devices.transfer', 'settlement.write', 'profitSharing.write'),
      'c2@vendor.demo': without('organizations.create', 'devices.transfer', 'settlement.write', 'profitSharing.write'),
      // a technician: the fleet and its tickets, never money, prices, logins or settings (issue 16)
      'tech@fridge.demo': ['sites.read', 'devices.read', 'maintenance.read', 'maintenance.write'],
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
