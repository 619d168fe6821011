import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { describePlan, type PricingPlan } from '@zizhu/pricing';
import ExcelJS from 'exceljs';
import { DEMO_MERCHANTS, DEMO_ORGS, DEMO_PLANS } from '../src/modules/demo/demo-data.js';
import { systemQuery } from './fleet-support.js';
import { createTestApp, type TestApp } from './support/test-app.js';

interface Pack {
  subjectName: string;
  subjectNameSource: string;
  subjectNameNote: string | null;
  mchid: string;
  systemSoftware: string;
  operatingModel: string;
  sessions: number;
  dailyOrders: number;
  averageTicketFen: number;
  expectedDailyOrders: number | null;
  expectedChannel: string;
  amountDistribution: { range: string; count: number; percent: number }[];
  warnings: string[];
  billingRules: string[];
  sites: { city: string; district: string | null; address: string; place: string; devices: number }[];
  cities: { city: string; sites: number; devices: number }[];
  attachments: { key: string; rule: string; link: string | null }[];
  code?: string;
  errors?: { field: string }[];
}

/** Midnight of a Shanghai day `daysAgo` before today, plus a second, as SQL. */
const shanghaiDay = (daysAgo: number) => `(date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai') - interval '${daysAgo} days' + interval '1 second'`;

/** The plain reference: what §10 says, computed in JS over the seeded amounts, independently of the module. */
function reference(amounts: readonly number[], days: number) {
  const paid = amounts.filter((a) => a > 0);
  const counts = [paid.filter((a) => a <= 1000).length, paid.filter((a) => a > 1000 && a <= 5000).length, paid.filter((a) => a > 5000 && a <= 9900).length, paid.filter((a) => a > 9900).length];
  const n = paid.length;
  const total = paid.reduce((a, b) => a + b, 0);
  // largest remainder by exact fractions: quotas c*100/n, floors first, then remainders largest first (lower range on ties)
  const floors = counts.map((c) => Math.floor((c * 100) / n));
  const order = counts.map((c, i) => ({ i, rem: c * 100 - floors[i]! * n })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  const percents = [...floors];
  for (let k = 0; k < 100 - floors.reduce((a, b) => a + b, 0); k++) percents[order[k]!.i]! += 1;
  return {
    sessions: n,
    dailyOrders: Math.round((n * 10) / days) / 10,
    averageTicketFen: Math.floor((2 * total + n) / (2 * n)),
    amountDistribution: ['0-10', '10-50', '50-99', '99+'].map((range, i) => ({ range, count: counts[i]!, percent: percents[i]! })),
  };
}

describe('GET /v1/merchant-accounts/{id}/application-pack (issue 14, contracts.md §10)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const fridge = DEMO_MERCHANTS.fridge.id;
  const powerbank = DEMO_MERCHANTS.powerbank.id;
  const pack = async (login: string, account: string, query = '') => {
    const r = await t.http('GET', `/v1/merchant-accounts/${account}/application-pack${query}`, { token: tokens[login] });
    return { status: r.statusCode, body: r.json() as Pack };
  };
  const session = async (code: string, daysAgo: number, paidFen: number | null, state = 'PAID') => {
    await systemQuery(
      t,
      `INSERT INTO service_sessions (tenant_id, merchant_tenant_id, merchant_account_id, payscore_service_id, service_id, scenario, service_mode, end_user_id, appid,
                                     device_id, device_type, device_code, slot, plan_id, plan_version, plan, risk_fund_fen, notify_url, out_order_no, state,
                                     total_fen, paid_fen, paid_at, order_completed_at, refunded_fen, created_at)
       SELECT d.tenant_id, ps.tenant_id, ps.merchant_account_id, ps.id, ps.service_id, ps.scenario, ps.mode, eu.id, eu.appid,
              d.id, d.type, d.code, CASE WHEN d.type = 'POWERBANK_CABINET' THEN 1 END, p.id, p.current_version, v.plan, 100000, 'https://example.test/notify',
              'AP' || substr(md5(random()::text), 1, 20), $2, $3, $3, CASE WHEN $3::int IS NOT NULL THEN ${shanghaiDay(daysAgo)} END, ${shanghaiDay(daysAgo)},
              CASE WHEN $3::int > 0 THEN $3::int / 2 ELSE 0 END, ${shanghaiDay(daysAgo)}
         FROM devices d
         JOIN payscore_services ps ON ps.service_id = d.payscore_service_id
         JOIN pricing_plans p ON p.id = d.plan_id
         JOIN pricing_plan_versions v ON v.plan_id = p.id AND v.version = p.current_version
         JOIN LATERAL (SELECT id, appid FROM end_users WHERE tenant_id = ps.tenant_id LIMIT 1) eu ON true
        WHERE d.code = $1`,
      [code, state, paidFen],
    );
  };

  // fridge (brand account; FR-0001 at franchisee 1, FR-0002 at franchisee 2): today three sessions one per lower range (a tie),
  // then the boundaries 10/50/99 元 exactly and just above them, a session 29 days ago (in a 30-day window) and 30 days ago (out)
  const today = [500, 3000, 7000];
  const earlier: [number, number][] = [[1, 1000], [2, 1001], [3, 5000], [4, 5001], [5, 9900], [6, 9901], [29, 1], [29, 333]];
  const outside: [number, number][] = [[30, 2000], [45, 8000]];

  beforeAll(async () => {
    t = await createTestApp();
    for (const login of ['admin@zizhu.demo', 'ops@fridge.demo', 'f1@fridge.demo', 'ops@vendor.demo', 'c1@vendor.demo', 'c2@vendor.demo', 'ops@powerbank.demo']) {
      tokens[login] = await t.login(login);
    }
    await systemQuery(
      t,
      `INSERT INTO end_users (tenant_id, appid, openid) SELECT DISTINCT tenant_id, 'wxd0000000000demo', 'pack-' || tenant_id FROM merchant_accounts ON CONFLICT DO NOTHING`,
    );
    for (const [i, fen] of today.entries()) await session(i % 2 ? 'FR-0002' : 'FR-0001', 0, fen);
    for (const [ago, fen] of [...earlier, ...outside]) await session('FR-0001', ago, fen);
    await session('FR-0002', 2, 0); // paid nothing: not counted
    await session('FR-0002', 1, null, 'AWAITING_PAYMENT'); // not paid: not counted
    await session('PB-0001', 0, 101);
    await session('PB-0001', 3, 102); // average 101.5 → 102 (half up)
  });
  afterAll(() => t.close());

  it('fills the figures by SQL exactly as the plain reference computes them: 30 days, boundaries, the window’s ends', async () => {
    const { status, body } = await pack('ops@fridge.demo', fridge);
    expect(status).toBe(200);
    const amounts = [...today, ...earlier.map(([, f]) => f)];
    expect(body).toMatchObject(reference(amounts, 30));
    expect(body.amountDistribution.map((d) => [d.count, d.percent])).toEqual([[4, 37], [3, 27], [3, 27], [1, 9]]);
    expect(body.amountDistribution.reduce((a, d) => a + d.percent, 0)).toBe(100);
    expect(body.warnings).toHaveLength(1);
    expect(body.warnings[0]).toContain('99 元');
    expect(body).toMatchObject({ subjectName: '鲜柜智能冰柜（加盟）', mchid: DEMO_MERCHANTS.fridge.mchid, operatingModel: '加盟', systemSoftware: 'zizhu (开源)', expectedChannel: '小程序', expectedDailyOrders: null });
  });

  it('breaks a tie of remainders towards the lower range and a shorter window counts today only', async () => {
    const { status, body } = await pack('ops@fridge.demo', fridge, '?days=1&minSessions=3');
    expect(status).toBe(200);
    expect(body).toMatchObject(reference(today, 1));
    expect(body.amountDistribution.map((d) => d.percent)).toEqual([34, 33, 33, 0]);
    expect(body).toMatchObject({ sessions: 3, dailyOrders: 3, averageTicketFen: 3500, warnings: [] });
    const week = await pack('ops@fridge.demo', fridge, '?days=7');
    expect(week.body).toMatchObject(reference([...today, ...earlier.filter(([ago]) => ago < 7).map(([, f]) => f)], 7));
  });

  it('rounds the average ticket half up, and refuses too few sessions with 422 naming minSessions', async () => {
    const ok = await pack('ops@powerbank.demo', powerbank, '?minSessions=2');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ sessions: 2, averageTicketFen: 102, dailyOrders: 0.1, operatingModel: '纯自营' });
    expect(ok.body.amountDistribution.map((d) => d.percent)).toEqual([100, 0, 0, 0]);
    const few = await pack('ops@powerbank.demo', powerbank);
    expect([few.status, few.body.code]).toEqual([422, 'APPLICATION_PACK_TOO_FEW_SESSIONS']);
    expect(few.body.errors!.map((e) => e.field)).toEqual(['minSessions']);
    const empty = await pack('c2@vendor.demo', DEMO_MERCHANTS.vendorC2.id, '?minSessions=1');
    expect([empty.status, empty.body.code]).toEqual([422, 'APPLICATION_PACK_TOO_FEW_SESSIONS']);
    const bad = await pack('ops@fridge.demo', fridge, '?minSessions=0&days=0&format=pdf');
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(bad.body.errors!.map((e) => e.field).sort()).toEqual(['days', 'format', 'minSessions']);
  });

  it('writes one billing rule per distinct plan in use, in describePlan’s words', async () => {
    const f = await pack('ops@fridge.demo', fridge);
    expect([...f.body.billingRules].sort()).toEqual([describePlan(DEMO_PLANS.fridge as unknown as PricingPlan), describePlan(DEMO_PLANS.fridgeSmall as unknown as PricingPlan)].sort());
    const p = await pack('ops@powerbank.demo', powerbank, '?minSessions=1');
    expect(p.body.billingRules).toEqual([describePlan(DEMO_PLANS.powerbank as unknown as PricingPlan)]);
    // the rental plan's line carries the guide's 元/小时, free minutes and caps
    expect(p.body.billingRules[0]).toMatch(/元/);
  });

  it('lists the sites with their devices, totals per city, and the attachments with the licence rule and the complaints link', async () => {
    const { body } = await pack('ops@fridge.demo', fridge);
    expect(body.sites).toEqual([
      { city: '杭州', district: '滨江区', address: '浙江省杭州市滨江区江南大道', place: '滨江星光大道健身房', devices: 1 },
      { city: '杭州', district: '拱墅区', address: '浙江省杭州市拱墅区中山北路', place: '西湖文化广场写字楼大堂', devices: 1 },
    ]);
    expect(body.cities).toEqual([{ city: '杭州', sites: 2, devices: 2 }]);
    const licence = body.attachments.find((a) => a.key === 'business-licence')!;
    expect(licence.rule).toContain('食品');
    expect(body.attachments.find((a) => a.key === 'complaints-cleared')!.link).toBe('/complaints');
    const p = await pack('ops@powerbank.demo', powerbank, '?minSessions=1');
    expect(p.body.attachments.find((a) => a.key === 'business-licence')!.rule).toContain('租赁');
  });

  it('is read by the account’s admins, the platform admin; a franchisee, a reseller and another brand get 404', async () => {
    expect((await pack('admin@zizhu.demo', fridge)).status).toBe(200);
    for (const [login, account] of [
      ['f1@fridge.demo', fridge],
      ['ops@powerbank.demo', fridge],
      ['ops@fridge.demo', powerbank],
      ['ops@vendor.demo', DEMO_MERCHANTS.vendorC1.id],
    ] as const) {
      const r = await pack(login, account, '?minSessions=1');
      expect([login, r.status, r.body.code]).toEqual([login, 404, 'MERCHANT_ACCOUNT_NOT_FOUND']);
    }
    // the reseller's customer reads its own (no sessions yet: refused for that reason, not hidden)
    expect((await pack('c1@vendor.demo', DEMO_MERCHANTS.vendorC1.id, '?minSessions=1')).body.code).toBe('APPLICATION_PACK_TOO_FEW_SESSIONS');
  });

  it('stores the operator’s own rows (validated, audited) and shows them in the pack', async () => {
    const url = `/v1/merchant-accounts/${fridge}/application-pack/settings`;
    const bad = await t.http('PUT', url, { token: tokens['ops@fridge.demo'], body: { systemSoftware: '', expectedDailyOrders: -1, extra: 1 } });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as Pack).errors!.map((e) => e.field).sort()).toEqual(['expectedDailyOrders', 'extra', 'systemSoftware']);
    const other = await t.http('PUT', url, { token: tokens['f1@fridge.demo'], body: { expectedDailyOrders: 5 } });
    expect(other.statusCode).toBe(404);
    const ok = await t.http('PUT', url, { token: tokens['ops@fridge.demo'], body: { systemSoftware: '鲜柜自研系统', expectedDailyOrders: 120, expectedChannel: '小程序、公众号' } });
    expect([ok.statusCode, ok.json()]).toEqual([200, { systemSoftware: '鲜柜自研系统', expectedDailyOrders: 120, expectedChannel: '小程序、公众号' }]);
    const { body } = await pack('ops@fridge.demo', fridge);
    expect(body).toMatchObject({ systemSoftware: '鲜柜自研系统', expectedDailyOrders: 120, expectedChannel: '小程序、公众号' });
    const audit = await systemQuery<{ action: string }>(t, `SELECT action FROM audit_log WHERE resource_id = $1 AND action = 'merchant-account.application-pack.set'`, [fridge]);
    expect(audit).toHaveLength(1);
    const reset = await t.http('PUT', url, { token: tokens['ops@fridge.demo'], body: {} });
    expect(reset.json()).toEqual({ systemSoftware: 'zizhu (开源)', expectedDailyOrders: null, expectedChannel: '小程序' });
  });

  it('gives the same pack as a spreadsheet that exceljs opens', async () => {
    const json = (await pack('ops@fridge.demo', fridge)).body;
    const r = await t.http('GET', `/v1/merchant-accounts/${fridge}/application-pack?format=xlsx`, { token: tokens['ops@fridge.demo'] });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const rows = new Map<string, unknown[]>();
    const all: unknown[][] = [];
    book.getWorksheet('申请表')!.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      all.push(values);
      if (!rows.has(String(values[0]))) rows.set(String(values[0]), values);
    });
    expect(rows.get('商户号')![1]).toBe(json.mchid);
    expect(rows.get('运营方式')![1]).toBe(json.operatingModel);
    expect(rows.get('当前日均笔数')![1]).toBe(json.dailyOrders);
    expect(rows.get('笔单金额（元）')![1]).toBe(json.averageTicketFen / 100);
    for (const d of json.amountDistribution) expect(rows.get(`金额分布 ${d.range} 元`)!.slice(1)).toEqual([`${d.percent}%`, d.count]);
    expect(all.filter((v) => v[0] === '清晰计费规则').map((v) => v[1])).toEqual(json.billingRules);
    expect(all.filter((v) => v[0] === '业务覆盖线下场景').map((v) => v[2])).toEqual(json.sites.map((s) => s.devices));
  });

  it('takes 主体名称 from the organisation’s legal name once entered (validated, audited), and says so while it falls back to the display name', async () => {
    const fallback = (await pack('ops@fridge.demo', fridge)).body;
    expect(fallback).toMatchObject({ subjectName: '鲜柜智能冰柜（加盟）', subjectNameSource: 'DISPLAY_NAME' });
    expect(fallback.subjectNameNote).toContain('主体名称');
    const url = `/v1/organizations/${DEMO_ORGS.fridge.id}`;
    const patch = (body: unknown, login = 'ops@fridge.demo') => t.http('PATCH', url, { token: tokens[login], body });
    for (const body of [{ legalName: '' }, { legalName: '   ' }, { legalName: '鲜'.repeat(101) }, { legalName: 12 }]) {
      const bad = await patch(body);
      expect([JSON.stringify(body), bad.statusCode, (bad.json() as Pack).errors!.map((e) => e.field)]).toEqual([JSON.stringify(body), 400, ['legalName']]);
    }
    const none = await patch({});
    expect([none.statusCode, (none.json() as Pack).errors!.map((e) => e.field)]).toEqual([400, ['name']]);
    // a franchisee cannot set its brand's; another brand does not see it
    expect((await patch({ legalName: '别人的公司' }, 'f1@fridge.demo')).statusCode).toBe(404);
    expect((await patch({ legalName: '别人的公司' }, 'ops@powerbank.demo')).statusCode).toBe(404);

    // a reseller may rename its customer but not enter the customer's 主体名称; the customer may
    const customer = `/v1/organizations/${DEMO_ORGS.vendorC1.id}`;
    const byReseller = await t.http('PATCH', customer, { token: tokens['ops@vendor.demo'], body: { legalName: '城东新能源有限公司' } });
    expect([byReseller.statusCode, (byReseller.json() as { code: string }).code]).toEqual([403, 'ORGANIZATION_LEGAL_NAME_NOT_YOURS']);
    expect((await t.http('PATCH', customer, { token: tokens['c1@vendor.demo'], body: { legalName: '城东新能源有限公司' } })).json()).toMatchObject({ legalName: '城东新能源有限公司' });

    // the console's dialog sends both names: only the one that changed is written and audited
    const set = await patch({ name: '鲜柜智能冰柜（加盟）', legalName: '  杭州鲜柜智能科技有限公司 ' });
    expect([set.statusCode, set.json()]).toEqual([200, expect.objectContaining({ name: '鲜柜智能冰柜（加盟）', legalName: '杭州鲜柜智能科技有限公司' })]);
    expect(await systemQuery(t, `SELECT 1 FROM audit_log WHERE resource_id = $1 AND action = 'organization.rename'`, [DEMO_ORGS.fridge.id])).toEqual([]);
    const named = (await pack('ops@fridge.demo', fridge)).body;
    expect(named).toMatchObject({ subjectName: '杭州鲜柜智能科技有限公司', subjectNameSource: 'LEGAL_NAME', subjectNameNote: null });
    const audit = await systemQuery<{ before: { legalName: string | null }; after: { legalName: string | null } }>(
      t,
      `SELECT before, after FROM audit_log WHERE resource_id = $1 AND action = 'organization.legal-name.set'`,
      [DEMO_ORGS.fridge.id],
    );
    expect(audit.map((a) => [a.before.legalName, a.after.legalName])).toEqual([[null, '杭州鲜柜智能科技有限公司']]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await t.http('GET', `/v1/merchant-accounts/${fridge}/application-pack?format=xlsx`, { token: tokens['ops@fridge.demo'] })).rawPayload as unknown as ArrayBuffer);
    expect((book.getWorksheet('申请表')!.getRow(1).values as unknown[]).slice(1)).toEqual(['主体名称', '杭州鲜柜智能科技有限公司']);

    const cleared = await patch({ legalName: null });
    expect([cleared.statusCode, (cleared.json() as { legalName: string | null }).legalName]).toEqual([200, null]);
    expect((await pack('ops@fridge.demo', fridge)).body).toMatchObject({ subjectName: '鲜柜智能冰柜（加盟）', subjectNameSource: 'DISPLAY_NAME' });
  });
});
