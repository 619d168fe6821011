import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { systemQuery } from './fleet-support.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const O = DEMO_ORGS;

interface Overview {
  scope: string;
  organizationId: string | null;
  devices: { total: number; online: number; offline: number; faulted: number; revoked: number };
  revenue: { todayFen: number; last7DaysFen: number; last30DaysFen: number; byDay: { day: string; paidFen: number; refundedFen: number; netFen: number }[] } | null;
  sessionsByState: Record<string, number> | null;
  openAnomalies: number | null;
  receivables: { count: number; owedFen: number } | null;
}

/** Midnight of today in Asia/Shanghai plus an offset, as SQL: stays "today" whenever the test runs. */
const shanghaiDay = (daysAgo: number) => `(date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai') - interval '${daysAgo} days' + interval '1 second'`;

describe('GET /v1/overview aggregates what the caller may see (issue 11)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const overview = async (login: string, query = '') => {
    const r = await t.http('GET', `/v1/overview${query}`, { token: tokens[login] });
    return { status: r.statusCode, body: r.json() as Overview & { code?: string; errors?: { field: string }[] } };
  };

  /** A session on a demo device, charged through the device's Pay Score service, written behind the API. */
  const session = async (code: string, fields: { state: string; at: string; totalFen?: number; paidFen?: number; completed?: boolean; anomaly?: string; slot?: number }) => {
    const [row] = await systemQuery<{ id: string; tenant_id: string }>(
      t,
      `INSERT INTO service_sessions (tenant_id, merchant_tenant_id, merchant_account_id, payscore_service_id, service_id, scenario, service_mode, end_user_id, appid,
                                     device_id, device_type, device_code, slot, plan_id, plan_version, plan, risk_fund_fen, notify_url, out_order_no, state,
                                     total_fen, paid_fen, paid_at, order_completed_at, anomaly, created_at)
       SELECT d.tenant_id, ps.tenant_id, ps.merchant_account_id, ps.id, ps.service_id, ps.scenario, ps.mode, eu.id, eu.appid,
              d.id, d.type, d.code, $2, p.id, p.current_version, v.plan, 100000, 'https://example.test/notify', 'OV' || substr(md5(random()::text), 1, 20), $3,
              $4, $5, CASE WHEN $5::int IS NOT NULL THEN ${fields.at} END, CASE WHEN $6 THEN ${fields.at} END, $7, ${fields.at}
         FROM devices d
         JOIN payscore_services ps ON ps.service_id = d.payscore_service_id
         JOIN pricing_plans p ON p.id = d.plan_id
         JOIN pricing_plan_versions v ON v.plan_id = p.id AND v.version = p.current_version
         JOIN LATERAL (SELECT id, appid FROM end_users WHERE tenant_id = ps.tenant_id LIMIT 1) eu ON true
        WHERE d.code = $1
       RETURNING id, tenant_id`,
      [code, fields.slot ?? null, fields.state, fields.totalFen ?? null, fields.paidFen ?? null, fields.completed ?? false, fields.anomaly ?? null],
    );
    return row!;
  };

  beforeAll(async () => {
    t = await createTestApp();
    for (const login of ['admin@zizhu.demo', 'ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'ops@vendor.demo', 'c1@vendor.demo', 'ops@powerbank.demo']) {
      tokens[login] = await t.login(login);
    }
    // one end user per merchant of record, so sessions can point at one
    await systemQuery(
      t,
      `INSERT INTO end_users (tenant_id, appid, openid) SELECT DISTINCT tenant_id, 'wxd0000000000demo', 'overview-' || tenant_id FROM merchant_accounts ON CONFLICT DO NOTHING`,
    );
    const paidToday = await session('FR-0001', { state: 'PAID', at: shanghaiDay(0), totalFen: 1000, paidFen: 1000, completed: true });
    await systemQuery(
      t,
      `INSERT INTO session_actions (tenant_id, session_id, kind, state, amount_fen, reason, finished_at) VALUES ($1, $2, 'REFUND', 'SUCCEEDED', 300, '退一部分', ${shanghaiDay(0)}),
                                                                                                         ($1, $2, 'REFUND', 'FAILED', 200, '失败的不算', ${shanghaiDay(0)})`,
      [paidToday.tenant_id, paidToday.id],
    );
    await systemQuery(t, `UPDATE service_sessions SET refunded_fen = 300 WHERE id = $1`, [paidToday.id]);
    await session('FR-0001', { state: 'PAID', at: shanghaiDay(3), totalFen: 2000, paidFen: 2000, completed: true });
    await session('FR-0001', { state: 'AWAITING_PAYMENT', at: shanghaiDay(2), totalFen: 400, completed: true });
    await session('FR-0002', { state: 'PAID', at: shanghaiDay(10), totalFen: 500, paidFen: 500, completed: true });
    await session('FR-0002', { state: 'PAID', at: shanghaiDay(40), totalFen: 700, paidFen: 700, completed: true });
    await session('FR-0002', { state: 'IN_USE', at: shanghaiDay(0) });
    await session('FR-0002', { state: 'CANCELLED', at: shanghaiDay(1), anomaly: 'ORDER_VANISHED: test' });
    await session('PB-0001', { state: 'PAID', at: shanghaiDay(0), totalFen: 9999, paidFen: 9999, completed: true, slot: 1 });
    // fleet health as the device list computes it: FR-0002 and EV-0001 heartbeating, FR-0001 heartbeating with a
    // fault in its telemetry, every other device silent for longer than 3 heartbeat intervals
    await systemQuery(
      t,
      `UPDATE devices SET last_seen_at = CASE WHEN code IN ('FR-0001', 'FR-0002', 'EV-0001') THEN now() ELSE now() - interval '1 day' END,
                          telemetry = CASE code WHEN 'FR-0001' THEN '{"fault": "E12 compressor"}'::jsonb ELSE '{}'::jsonb END`,
    );
  });
  afterAll(() => t.close());

  it('gives a franchise brand its franchisees’ revenue (paid − refunded by Shanghai day), sessions by state, fleet health, anomalies and receivables', async () => {
    const { status, body } = await overview('ops@fridge.demo');
    expect(status).toBe(200);
    expect(body.scope).toBe('FULL');
    expect(body.devices).toEqual({ total: 2, online: 1, offline: 0, faulted: 1, revoked: 0 });
    expect(body.revenue).toMatchObject({ todayFen: 700, last7DaysFen: 2700, last30DaysFen: 3200 });
    expect(body.revenue!.byDay).toHaveLength(30);
    expect(body.revenue!.byDay.at(-1)).toMatchObject({ paidFen: 1000, refundedFen: 300, netFen: 700 });
    expect(body.revenue!.byDay.at(-4)).toMatchObject({ paidFen: 2000, refundedFen: 0, netFen: 2000 });
    expect(body.revenue!.byDay.reduce((sum, d) => sum + d.netFen, 0)).toBe(3200);
    // consecutive calendar days ending today in Shanghai
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(body.revenue!.byDay.at(-1)!.day).toBe(today);
    expect(new Set(body.revenue!.byDay.map((d) => d.day)).size).toBe(30);
    expect(body.sessionsByState).toEqual({ AWAITING_CONFIRMATION: 0, STARTING: 0, IN_USE: 1, AWAITING_PAYMENT: 1, PAID: 3, CANCELLED: 1 });
    expect(body.openAnomalies).toBe(1);
    expect(body.receivables).toEqual({ count: 1, owedFen: 400 });
  });

  it('narrows a franchise brand to one franchisee with organizationId, and a franchisee sees the same of itself only', async () => {
    const filtered = await overview('ops@fridge.demo', `?organizationId=${O.fridgeF1.id}`);
    const own = await overview('f1@fridge.demo');
    for (const { status, body } of [filtered, own]) {
      expect(status).toBe(200);
      expect(body.devices).toEqual({ total: 1, online: 0, offline: 0, faulted: 1, revoked: 0 });
      expect(body.revenue).toMatchObject({ todayFen: 700, last7DaysFen: 2700, last30DaysFen: 2700 });
      expect(body.sessionsByState).toMatchObject({ PAID: 2, AWAITING_PAYMENT: 1, IN_USE: 0, CANCELLED: 0 });
      expect(body.openAnomalies).toBe(0);
      expect(body.receivables).toEqual({ count: 1, owedFen: 400 });
    }
    expect(filtered.body.organizationId).toBe(O.fridgeF1.id);
    const f2 = await overview('f2@fridge.demo');
    expect(f2.body.revenue).toMatchObject({ todayFen: 0, last30DaysFen: 500 });
  });

  it('answers 404 for another tenant’s organisation (a sibling franchisee, another brand) and names a malformed filter', async () => {
    const sibling = await overview('f1@fridge.demo', `?organizationId=${O.fridgeF2.id}`);
    expect([sibling.status, sibling.body.code]).toEqual([404, 'ORGANIZATION_NOT_FOUND']);
    const otherBrand = await overview('ops@powerbank.demo', `?organizationId=${O.fridge.id}`);
    expect([otherBrand.status, otherBrand.body.code]).toEqual([404, 'ORGANIZATION_NOT_FOUND']);
    const bad = await overview('ops@fridge.demo', '?organizationId=not-a-uuid');
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(bad.body.errors!.map((e) => e.field)).toEqual(['organizationId']);
  });

  it('keeps another brand’s money out: the self-run brand sees only its own 9,999 fen', async () => {
    const { body } = await overview('ops@powerbank.demo');
    expect(body.revenue).toMatchObject({ todayFen: 9999, last30DaysFen: 9999 });
    expect(body.sessionsByState).toMatchObject({ PAID: 1, IN_USE: 0 });
    expect(body.receivables).toEqual({ count: 0, owedFen: 0 });
  });

  it('gives a hardware reseller its customers’ fleet health only, never their money or sessions; its customer sees its own money', async () => {
    const [fleet] = await systemQuery<{ total: number; online: number }>(
      t,
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE last_seen_at >= now() - make_interval(secs => 3 * heartbeat_interval_seconds))::int AS online
         FROM devices WHERE tenant_id IN ($1, $2, $3) AND revoked_at IS NULL`,
      [O.vendor.id, O.vendorC1.id, O.vendorC2.id],
    );
    const reseller = await overview('ops@vendor.demo');
    expect(reseller.status).toBe(200);
    expect(reseller.body).toMatchObject({ scope: 'FLEET_ONLY', revenue: null, sessionsByState: null, openAnomalies: null, receivables: null });
    // EV-0001 heartbeats without a fault: online, nothing faulted
    expect(reseller.body.devices).toMatchObject({ total: fleet!.total, online: fleet!.online, faulted: 0 });
    expect(fleet!.online).toBe(1);
    expect(fleet!.total).toBeGreaterThan(0);
    const filtered = await overview('ops@vendor.demo', `?organizationId=${O.vendorC1.id}`);
    expect(filtered.body).toMatchObject({ scope: 'FLEET_ONLY', revenue: null });
    const customer = await overview('c1@vendor.demo');
    expect(customer.body.scope).toBe('FULL');
    expect(customer.body.revenue).toMatchObject({ todayFen: 0 });
  });

  it('gives the platform admin everything, and the platform admin may filter by any brand', async () => {
    const all = await overview('admin@zizhu.demo');
    expect(all.body.revenue).toMatchObject({ todayFen: 700 + 9999, last30DaysFen: 3200 + 9999 });
    expect(all.body.sessionsByState).toMatchObject({ PAID: 4 });
    const fridge = await overview('admin@zizhu.demo', `?organizationId=${O.fridge.id}`);
    expect(fridge.body.revenue).toMatchObject({ todayFen: 700, last30DaysFen: 3200 });
  });
});
