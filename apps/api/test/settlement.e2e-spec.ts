import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { LedgerService } from '../src/modules/settlement/ledger.service.js';
import { SettlementJobs } from '../src/modules/settlement/settlement.jobs.js';
import { StatementsService } from '../src/modules/settlement/statements.service.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { systemQuery } from './fleet-support.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { TestClock } from './support/test-clock.js';

const O = DEMO_ORGS;

/**
 * Issue 12 over HTTP, one app: agreements (versions, who may set and read them, the refusals), earnings
 * (contracts.md §8, hand-checked figures with refunds, a mid-range agreement change and day boundaries in
 * Asia/Shanghai) and statements.
 */
describe('settlement: agreements, earnings, statements (issue 12)', () => {
  /**
   * The business clock starts on Friday 4 December 2026, noon in Shanghai: the figures below (December open, C2's five
   * closed weeks) are those of that day, whatever day the suite runs on.
   */
  const clock = TestClock.startingAt(new Date('2026-12-04T12:00:00+08:00'));
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const call = async (login: string, method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown) => {
    const r = await t.http(method, url, { token: tokens[login], ...(body !== undefined ? { body } : {}) });
    return { status: r.statusCode, body: r.json() as Record<string, unknown> & { code?: string; errors?: { field: string }[] } };
  };

  /** A session on a demo device written behind the API; times are Asia/Shanghai wall-clock. */
  const session = async (code: string, f: { created: string; paid: string | null; paidFen: number; refundedFen?: number }) => {
    const [row] = await systemQuery<{ id: string; tenant_id: string }>(
      t,
      `INSERT INTO service_sessions (tenant_id, merchant_tenant_id, merchant_account_id, payscore_service_id, service_id, scenario, service_mode, end_user_id, appid,
                                     device_id, device_type, device_code, plan_id, plan_version, plan, risk_fund_fen, notify_url, out_order_no, state,
                                     total_fen, paid_fen, paid_at, refunded_fen, order_completed_at, created_at)
       SELECT d.tenant_id, ps.tenant_id, ps.merchant_account_id, ps.id, ps.service_id, ps.scenario, ps.mode, eu.id, eu.appid,
              d.id, d.type, d.code, p.id, p.current_version, v.plan, 100000, 'https://example.test/notify', 'ST' || substr(md5(random()::text), 1, 20), 'PAID',
              $2, $2, ($3::timestamp AT TIME ZONE 'Asia/Shanghai'), $4, ($3::timestamp AT TIME ZONE 'Asia/Shanghai'), ($5::timestamp AT TIME ZONE 'Asia/Shanghai')
         FROM devices d
         JOIN payscore_services ps ON ps.service_id = d.payscore_service_id
         JOIN pricing_plans p ON p.id = d.plan_id
         JOIN pricing_plan_versions v ON v.plan_id = p.id AND v.version = p.current_version
         JOIN LATERAL (SELECT id, appid FROM end_users WHERE tenant_id = ps.tenant_id LIMIT 1) eu ON true
        WHERE d.code = $1
       RETURNING id, tenant_id`,
      [code, f.paidFen, f.paid, f.refundedFen ?? 0, f.created],
    );
    if (f.refundedFen) {
      await systemQuery(
        t,
        `INSERT INTO session_actions (tenant_id, session_id, kind, amount_fen, out_refund_no, state, finished_at)
         VALUES ($1, $2, 'REFUND', $3, 'RF' || substr(md5(random()::text), 1, 20), 'SUCCEEDED', ($4::timestamp AT TIME ZONE 'Asia/Shanghai') + interval '1 hour')`,
        [row!.tenant_id, row!.id, f.refundedFen, f.paid],
      );
    }
    return row!;
  };

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    for (const login of ['admin@zizhu.demo', 'ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'ops@vendor.demo', 'c1@vendor.demo', 'c2@vendor.demo', 'ops@powerbank.demo']) {
      tokens[login] = await t.login(login);
    }
    await systemQuery(t, `INSERT INTO end_users (tenant_id, appid, openid) SELECT DISTINCT tenant_id, 'wxd0000000000demo', 'settle-' || tenant_id FROM merchant_accounts ON CONFLICT DO NOTHING`);
  });
  afterAll(() => t.close());

  describe('agreements', () => {
    it('right after the demo seed, each seeded agreement’s statement of the current period is open (not at the job’s next tick)', async () => {
      const rows = await systemQuery<{ tenant_id: string }>(
        t,
        `SELECT tenant_id FROM statements WHERE status = 'OPEN' AND period_start <= ($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date AND period_end >= ($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`,
        [clock.now().toISOString()],
      );
      expect(rows.map((r) => r.tenant_id).sort()).toEqual([O.fridgeF1.id, O.fridgeF2.id, O.vendorC1.id, O.vendorC2.id].sort());
    });

    it('the brand sets a franchisee’s agreement: versions, history, the one in force, audited; a retried PUT adds nothing', async () => {
      const v1 = await call('ops@fridge.demo', 'PUT', `/v1/organizations/${O.fridgeF1.id}/agreement`, { commissionBasisPoints: 2000, effectiveFrom: '2026-10-01' });
      expect(v1.status).toBe(200);
      expect(v1.body).toMatchObject({
        organizationId: O.fridgeF1.id,
        parentOrganizationId: O.fridge.id,
        kind: 'FRANCHISE',
        version: 2, // the demo seed's is version 1
        effectiveFrom: '2026-10-01',
        commissionBasisPoints: 2000,
        period: 'MONTHLY',
        collection: 'BRAND_COLLECTS',
        maxProfitSharingRatioBasisPoints: 3000,
        channelFeePassedOn: false, // WeChat's fee is borne by the merchant of record unless the agreement says so
        platformFeePerActiveDeviceMonthFen: null,
      });
      const again = await call('ops@fridge.demo', 'PUT', `/v1/organizations/${O.fridgeF1.id}/agreement`, { commissionBasisPoints: 2000, effectiveFrom: '2026-10-01' });
      expect(again.body['id']).toBe(v1.body['id']);
      const v2 = await call('ops@fridge.demo', 'PUT', `/v1/organizations/${O.fridgeF1.id}/agreement`, {
        commissionBasisPoints: 1500,
        effectiveFrom: '2026-10-16',
        fixedFeePerDeviceMonthFen: 5000,
        minimumMonthFen: 10000,
      });
      expect(v2.body).toMatchObject({ version: 3, commissionBasisPoints: 1500, fixedFeePerDeviceMonthFen: 5000, minimumMonthFen: 10000 });
      const history = await call('f1@fridge.demo', 'GET', `/v1/organizations/${O.fridgeF1.id}/agreements`);
      expect(history.status).toBe(200);
      expect((history.body['items'] as { version: number }[]).map((a) => a.version)).toEqual([3, 2, 1]);
      expect((await call('f1@fridge.demo', 'GET', `/v1/organizations/${O.fridgeF1.id}/agreement?on=2026-10-15`)).body).toMatchObject({ version: 2 });
      expect((await call('f1@fridge.demo', 'GET', `/v1/organizations/${O.fridgeF1.id}/agreement?on=2026-10-16`)).body).toMatchObject({ version: 3 });
      // a version from an earlier day replaces the older ones from that day on: the seed's (from this month) is in force nowhere
      expect((await call('f1@fridge.demo', 'GET', `/v1/organizations/${O.fridgeF1.id}/agreement`)).body).toMatchObject({ version: 3 });
      expect((await call('f1@fridge.demo', 'GET', `/v1/organizations/${O.fridgeF1.id}/agreement?on=2026-09-30`)).body.code).toBe('AGREEMENT_NOT_FOUND');
      const audit = await systemQuery<{ n: number }>(t, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'agreement.set' AND subject_tenant_id = $1`, [O.fridgeF1.id]);
      expect(audit[0]!.n).toBe(2);
      await call('ops@fridge.demo', 'PUT', `/v1/organizations/${O.fridgeF2.id}/agreement`, { commissionBasisPoints: 1000, effectiveFrom: '2026-10-01' });
    });

    it('only the parent (or the platform) sets it; siblings and strangers get 404, a franchisee may not set its own', async () => {
      const body = { commissionBasisPoints: 1000, effectiveFrom: '2026-12-01' };
      expect((await call('f1@fridge.demo', 'PUT', `/v1/organizations/${O.fridgeF1.id}/agreement`, body)).status).toBe(403);
      expect((await call('ops@vendor.demo', 'PUT', `/v1/organizations/${O.fridgeF1.id}/agreement`, body)).status).toBe(404);
      expect((await call('ops@powerbank.demo', 'PUT', `/v1/organizations/${O.fridgeF1.id}/agreement`, body)).status).toBe(404);
      expect((await call('f2@fridge.demo', 'GET', `/v1/organizations/${O.fridgeF1.id}/agreements`)).status).toBe(404);
      expect((await call('f2@fridge.demo', 'GET', `/v1/organizations/${O.fridgeF1.id}/agreement`)).status).toBe(404);
      expect((await call('ops@vendor.demo', 'GET', `/v1/organizations/${O.fridgeF1.id}/agreements`)).status).toBe(404);
      expect((await call('ops@fridge.demo', 'PUT', `/v1/organizations/${O.fridge.id}/agreement`, body)).status).toBe(404);
      expect((await call('admin@zizhu.demo', 'PUT', `/v1/organizations/${O.fridge.id}/agreement`, body)).body.code).toBe('AGREEMENT_NOT_APPLICABLE');
    });

    it('a reseller sets its customer’s fee agreement; the customer reads it; terms of the other kind are refused naming the field', async () => {
      const put = await call('ops@vendor.demo', 'PUT', `/v1/organizations/${O.vendorC1.id}/agreement`, {
        platformFeePerActiveDeviceMonthFen: 800,
        fixedMonthFen: 2000,
        effectiveFrom: '2026-10-01',
      });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ kind: 'RESELLER', platformFeePerActiveDeviceMonthFen: 800, fixedMonthFen: 2000, commissionBasisPoints: null, collection: null, channelFeePassedOn: null });
      expect((await call('c1@vendor.demo', 'GET', `/v1/organizations/${O.vendorC1.id}/agreement`)).body).toMatchObject({ version: 2, platformFeePerActiveDeviceMonthFen: 800 });
      expect((await call('ops@vendor.demo', 'GET', `/v1/organizations/${O.vendorC1.id}/agreements`)).status).toBe(200);
      // the other customer: weekly statements, its monthly fixed fee on the week holding the month's last day
      const weekly = await call('ops@vendor.demo', 'PUT', `/v1/organizations/${O.vendorC2.id}/agreement`, {
        platformFeePerActiveDeviceMonthFen: 800,
        fixedMonthFen: 300,
        period: 'WEEKLY',
        effectiveFrom: '2026-10-26',
      });
      expect(weekly.body).toMatchObject({ period: 'WEEKLY', version: 2 });
      const wrong = await call('ops@vendor.demo', 'PUT', `/v1/organizations/${O.vendorC1.id}/agreement`, { platformFeePerActiveDeviceMonthFen: 800, commissionBasisPoints: 100, effectiveFrom: '2026-10-01' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'commissionBasisPoints' })]);
      const missing = await call('ops@fridge.demo', 'PUT', `/v1/organizations/${O.fridgeF2.id}/agreement`, { effectiveFrom: '2026-10-01' });
      expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'commissionBasisPoints' })]);
      const badDay = await call('ops@fridge.demo', 'PUT', `/v1/organizations/${O.fridgeF2.id}/agreement`, { commissionBasisPoints: 1, effectiveFrom: '2026-02-30' });
      expect(badDay.body.errors).toEqual([expect.objectContaining({ field: 'effectiveFrom' })]);
    });

    it('FRANCHISEE_COLLECTS: a commission above the maximum profit-sharing ratio, or no merchant account of the franchisee’s own, is refused with 422 naming the field', async () => {
      const above = await call('ops@fridge.demo', 'PUT', `/v1/organizations/${O.fridgeF2.id}/agreement`, { commissionBasisPoints: 3500, collection: 'FRANCHISEE_COLLECTS', effectiveFrom: '2026-12-01' });
      expect(above.status).toBe(422);
      expect(above.body.code).toBe('AGREEMENT_RATIO_ABOVE_MAXIMUM');
      expect(above.body.errors).toEqual([expect.objectContaining({ field: 'commissionBasisPoints' })]);
      const noAccount = await call('ops@fridge.demo', 'PUT', `/v1/organizations/${O.fridgeF2.id}/agreement`, {
        commissionBasisPoints: 3500,
        maxProfitSharingRatioBasisPoints: 4000,
        collection: 'FRANCHISEE_COLLECTS',
        effectiveFrom: '2026-12-01',
      });
      expect(noAccount.status).toBe(422);
      expect(noAccount.body.code).toBe('AGREEMENT_NEEDS_OWN_MERCHANT_ACCOUNT');
      expect(noAccount.body.errors).toEqual([expect.objectContaining({ field: 'collection' })]);
      // WeChat's channel fee is passed on only where the brand collects: a franchisee that collects is the merchant of record
      const passedOn = await call('ops@fridge.demo', 'PUT', `/v1/organizations/${O.fridgeF2.id}/agreement`, {
        commissionBasisPoints: 1000,
        collection: 'FRANCHISEE_COLLECTS',
        channelFeePassedOn: true,
        effectiveFrom: '2026-12-01',
      });
      expect(passedOn.status).toBe(400);
      expect(passedOn.body.errors).toEqual([expect.objectContaining({ field: 'channelFeePassedOn' })]);
      const notBoolean = await call('ops@fridge.demo', 'PUT', `/v1/organizations/${O.fridgeF2.id}/agreement`, { commissionBasisPoints: 1000, channelFeePassedOn: 'yes', effectiveFrom: '2026-12-01' });
      expect(notBoolean.status).toBe(400);
      expect(notBoolean.body.errors).toEqual([expect.objectContaining({ field: 'channelFeePassedOn' })]);
      const reseller = await call('ops@vendor.demo', 'PUT', `/v1/organizations/${O.vendorC1.id}/agreement`, { platformFeePerActiveDeviceMonthFen: 800, channelFeePassedOn: false, effectiveFrom: '2026-12-01' });
      expect(reseller.status).toBe(400);
      expect(reseller.body.errors).toEqual([expect.objectContaining({ field: 'channelFeePassedOn' })]);
    });

    it('an effectiveFrom in or before a closed statement period is refused with 422', async () => {
      await systemQuery(
        t,
        `INSERT INTO statements (tenant_id, parent_tenant_id, kind, period, period_start, period_end, status, closed_at)
         VALUES ($1, $2, 'FRANCHISE', 'MONTHLY', '2026-09-01', '2026-09-30', 'CLOSED', now())`,
        [O.fridgeF2.id, O.fridge.id],
      );
      const refused = await call('ops@fridge.demo', 'PUT', `/v1/organizations/${O.fridgeF2.id}/agreement`, { commissionBasisPoints: 1200, effectiveFrom: '2026-09-15' });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('AGREEMENT_PERIOD_CLOSED');
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'effectiveFrom' })]);
    });
  });

  describe('GET /v1/earnings (contracts.md §8)', () => {
    beforeAll(async () => {
      // F1: agreement 2000 bp from 10-01, 1500 bp from 10-16 (set above)
      await session('FR-0001', { created: '2026-10-05 10:00', paid: '2026-10-05 10:30', paidFen: 1234 }); // ⌊246.8⌋ = 246
      await session('FR-0001', { created: '2026-10-15 23:50', paid: '2026-10-16 00:10', paidFen: 999, refundedFen: 100 }); // started under v1: ⌊899 × 0.2⌋ = 179
      await session('FR-0001', { created: '2026-10-20 12:00', paid: '2026-10-20 12:05', paidFen: 777, refundedFen: 777 }); // net 0 → 0
      await session('FR-0001', { created: '2026-10-20 13:00', paid: '2026-10-20 13:05', paidFen: 333 }); // ⌊49.95⌋ = 49
      await session('FR-0001', { created: '2026-10-31 23:59', paid: '2026-11-01 00:00:01', paidFen: 500 }); // paid on 11-01; ⌊75⌋ = 75
      await session('FR-0001', { created: '2026-10-21 09:00', paid: '2026-10-21 09:01', paidFen: 0 }); // charged 0: not counted
      await session('FR-0001', { created: '2026-09-30 23:00', paid: '2026-10-01 00:30', paidFen: 1000 }); // started before any agreement: 0
      await session('FR-0001', { created: '2026-09-30 15:00', paid: '2026-09-30 23:59:59', paidFen: 4000 }); // paid on 09-30: outside
      // F2: 1000 bp from 10-01
      await session('FR-0002', { created: '2026-10-10 10:00', paid: '2026-10-10 10:20', paidFen: 2500 }); // 250
    });

    const earnings = (login: string, org: string, from = '2026-10-01', to = '2026-10-31') => call(login, 'GET', `/v1/earnings?organizationId=${org}&from=${from}&to=${to}`);

    it('a franchisee’s figures, hand-checked: refunds so far, per-order floor under the agreement in force when each session started', async () => {
      const r = await earnings('f1@fridge.demo', O.fridgeF1.id);
      expect(r.status).toBe(200);
      expect(r.body).toEqual({
        organizationId: O.fridgeF1.id,
        from: '2026-10-01',
        to: '2026-10-31',
        sessions: 5,
        paidFen: 4343,
        refundedFen: 877,
        netFen: 3466,
        commissionFen: 474,
        shareFen: 2992,
      });
      // the day boundary is Asia/Shanghai midnight: the session paid at 00:00:01 on 11-01 counts from that day
      expect((await earnings('f1@fridge.demo', O.fridgeF1.id, '2026-10-01', '2026-11-01')).body).toMatchObject({ sessions: 6, paidFen: 4843, commissionFen: 549 });
      expect((await earnings('f1@fridge.demo', O.fridgeF1.id, '2026-11-01', '2026-11-01')).body).toMatchObject({ sessions: 1, paidFen: 500, netFen: 500, commissionFen: 75, shareFen: 425 });
      expect((await earnings('f1@fridge.demo', O.fridgeF1.id, '2026-09-30', '2026-09-30')).body).toMatchObject({ sessions: 1, paidFen: 4000, commissionFen: 0 });
    });

    it('the brand’s figures cover its franchisees; the platform admin reads any; others get 404', async () => {
      const brand = await earnings('ops@fridge.demo', O.fridge.id);
      expect(brand.body).toMatchObject({ sessions: 6, paidFen: 6843, refundedFen: 877, netFen: 5966, commissionFen: 724, shareFen: 5242 });
      expect((await earnings('ops@fridge.demo', O.fridgeF2.id)).body).toMatchObject({ sessions: 1, paidFen: 2500, commissionFen: 250, shareFen: 2250 });
      expect((await earnings('admin@zizhu.demo', O.fridgeF1.id)).body).toMatchObject({ commissionFen: 474 });
      expect((await earnings('f2@fridge.demo', O.fridgeF1.id)).status).toBe(404);
      expect((await earnings('f1@fridge.demo', O.fridge.id)).status).toBe(404);
      expect((await earnings('ops@powerbank.demo', O.fridgeF1.id)).status).toBe(404);
      // a hardware reseller never reads its customers' figures; the customer reads its own
      expect((await earnings('ops@vendor.demo', O.vendorC1.id)).status).toBe(404);
      expect((await earnings('c1@vendor.demo', O.vendorC1.id)).body).toMatchObject({ sessions: 0, paidFen: 0, commissionFen: 0 });
    });

    it('refuses a bad range naming it', async () => {
      expect((await earnings('f1@fridge.demo', O.fridgeF1.id, '2026-10-31', '2026-10-01')).body.code).toBe('EARNINGS_RANGE_INVALID');
      expect((await earnings('f1@fridge.demo', O.fridgeF1.id, '2025-01-01', '2026-10-01')).body.code).toBe('EARNINGS_RANGE_INVALID');
      const bad = await earnings('f1@fridge.demo', O.fridgeF1.id, '2026-10', '2026-10-31');
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
    });
  });

  describe('statements', () => {
    interface Statement {
      id: string;
      organizationId: string;
      periodStart: string;
      periodEnd: string;
      status: string;
      payableFen: number;
      lines: { kind: string; quantity: number | null; unitFen: number | null; amountFen: number; rounding: string | null }[];
      [k: string]: unknown;
    }
    const statementsOf = async (login: string, query: string) => (await call(login, 'GET', `/v1/statements?${query}`)).body as unknown as { items: Statement[]; total: number };
    const statementOf = async (login: string, id: string) => (await call(login, 'GET', `/v1/statements/${id}`)).body as unknown as Statement;
    const linesOf = (s: Statement) => s.lines.map((l) => [l.kind, l.quantity, l.unitFen, l.amountFen]);
    const f1 = (period: string) => statementsOf('ops@fridge.demo', `organizationId=${O.fridgeF1.id}&from=${period}&to=${period}`).then((r) => r.items[0]!);

    beforeAll(async () => {
      // F1 held its fridge all autumn; the reseller's customer's charger sent a heartbeat in October
      await systemQuery(t, `UPDATE devices SET created_at = '2026-09-01T00:00:00+08:00' WHERE code = 'FR-0001'`);
      await systemQuery(
        t,
        `INSERT INTO device_events (tenant_id, device_id, event_id, type, source, occurred_at)
         SELECT tenant_id, id, 'settle-online-1', 'device.online', 'PLATFORM', '2026-10-15T09:00:00+08:00' FROM devices WHERE code = 'EV-0001'`,
      );
      // the PUTs above opened October, November and December for F1, F2 and C1 (and C2's weeks) at once: the job finds nothing left to open
      const opened = await t.app.get(Transactions).asSystem((m) => t.app.get(StatementsService).openDue(m, clock.now()));
      expect(opened).toBe(0);
    });

    it('opens one statement per organisation and period; an open one shows the figures so far; each side sees only its own', async () => {
      const mine = await statementsOf('f1@fridge.demo', '');
      expect(mine.items.map((s) => [s.periodStart, s.periodEnd, s.status])).toEqual([
        ['2026-12-01', '2026-12-31', 'OPEN'],
        ['2026-11-01', '2026-11-30', 'OPEN'],
        ['2026-10-01', '2026-10-31', 'OPEN'],
      ]);
      const october = await statementOf('f1@fridge.demo', mine.items[2]!.id);
      expect(october).toMatchObject({ status: 'OPEN', sessions: 5, paidFen: 4343, refundedFen: 877, netFen: 3466, commissionFen: 474 });
      expect((await call('f2@fridge.demo', 'GET', `/v1/statements/${october.id}`)).status).toBe(404);
      expect((await call('ops@vendor.demo', 'GET', `/v1/statements/${october.id}`)).status).toBe(404);
      expect((await call('ops@powerbank.demo', 'GET', `/v1/statements/${october.id}`)).status).toBe(404);
      expect((await statementsOf('f2@fridge.demo', `organizationId=${O.fridgeF1.id}`)).items).toBeUndefined();
      const resellers = (await statementsOf('ops@vendor.demo', '')).items;
      expect(new Set(resellers.map((s) => `${s.organizationId} ${String(s['kind'])}`))).toEqual(new Set([`${O.vendorC1.id} RESELLER`, `${O.vendorC2.id} RESELLER`]));
      expect((await statementsOf('ops@fridge.demo', 'status=OPEN')).total).toBeGreaterThanOrEqual(6);
    });

    it('the brand closes an ended period: lines and totals fixed, with the commission, fixed fee and minimum named; out of order or unended refused', async () => {
      const [october, november, december] = [await f1('2026-10-15'), await f1('2026-11-15'), await f1('2026-12-15')];
      expect((await call('ops@fridge.demo', 'POST', `/v1/statements/${november.id}/close`)).body.code).toBe('STATEMENT_NOT_CLOSABLE');
      expect((await call('ops@fridge.demo', 'POST', `/v1/statements/${december.id}/close`)).body.code).toBe('STATEMENT_NOT_CLOSABLE');
      expect((await call('f1@fridge.demo', 'POST', `/v1/statements/${october.id}/close`)).status).toBe(403);
      expect((await call('ops@vendor.demo', 'POST', `/v1/statements/${october.id}/close`)).status).toBe(404);
      const closed = await call('ops@fridge.demo', 'POST', `/v1/statements/${october.id}/close`);
      expect(closed.status).toBe(200);
      const s = closed.body as unknown as Statement;
      // net 3466; commission 474 (⌊246.8⌋ + ⌊179.8⌋ + 0 + ⌊49.95⌋ + 0); v2 in force on 10-31: 1 device × 5000; minimum 10000 − (474 + 5000) = 4526
      expect(s).toMatchObject({ status: 'CLOSED', sessions: 5, netFen: 3466, commissionFen: 474, fixedFeeFen: 5000, minimumTopUpFen: 4526, adjustmentFen: 0, payableFen: -6534 });
      expect(linesOf(s)).toEqual([
        ['SESSIONS_NET', 5, null, 3466],
        ['COMMISSION', 5, null, -474],
        ['FIXED_FEE', 1, 5000, -5000],
        ['MINIMUM_TOP_UP', null, null, -4526],
      ]);
      expect(s.lines[1]!.rounding).toBe('COMMISSION_FLOOR_PER_ORDER');
      expect((await call('ops@fridge.demo', 'POST', `/v1/statements/${october.id}/close`)).body).toEqual(closed.body); // closing again answers it
      const audit = await systemQuery<{ n: number }>(t, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'statement.close' AND resource_id = $1 AND after->>'status' = 'CLOSED' AND (after->>'payableFen')::int = -6534`, [october.id]);
      expect(audit[0]!.n).toBe(1);
      // an agreement may no longer change a closed period
      const refused = await call('ops@fridge.demo', 'PUT', `/v1/organizations/${O.fridgeF1.id}/agreement`, { commissionBasisPoints: 100, effectiveFrom: '2026-10-20' });
      expect(refused.body.code).toBe('AGREEMENT_PERIOD_CLOSED');
    });

    it('a refund after the close changes nothing closed: it lands in the next period as an adjustment with the commission it gives back; the job closes the rest', async () => {
      const october = await f1('2026-10-15');
      const before = await statementOf('f1@fridge.demo', october.id);
      // the 1234-fen October order is refunded 200 in December: commission ⌊1234 × 0.2⌋ = 246 becomes ⌊1034 × 0.2⌋ = 206, 40 given back
      const [s1] = await systemQuery<{ id: string; tenant_id: string }>(t, `SELECT id, tenant_id FROM service_sessions WHERE paid_fen = 1234`);
      await systemQuery(t, `INSERT INTO session_actions (tenant_id, session_id, kind, amount_fen, out_refund_no, state, finished_at) VALUES ($1, $2, 'REFUND', 200, 'RFlate1', 'SUCCEEDED', $3)`, [
        s1!.tenant_id,
        s1!.id,
        clock.now().toISOString(),
      ]);
      await systemQuery(t, `UPDATE service_sessions SET refunded_fen = refunded_fen + 200 WHERE id = $1`, [s1!.id]);
      expect(await statementOf('f1@fridge.demo', october.id)).toEqual(before);

      const result = await t.app.get(SettlementJobs).tick(clock.now());
      expect(result).toMatchObject({ closed: 10, failed: 0 }); // F1 November, F2 and C1 October and November, C2 five weeks
      expect(await statementOf('f1@fridge.demo', october.id)).toEqual(before);
      const november = await statementOf('f1@fridge.demo', (await f1('2026-11-15')).id);
      // the order paid at 00:00:01 on 11-01: 500, ⌊500 × 0.15⌋ = 75; 1 device × 5000; minimum 10000 − (75 + 5000) = 4925
      expect(linesOf(november)).toEqual([
        ['SESSIONS_NET', 1, null, 500],
        ['COMMISSION', 1, null, -75],
        ['FIXED_FEE', 1, 5000, -5000],
        ['MINIMUM_TOP_UP', null, null, -4925],
        ['ADJUSTMENT', 1, null, -200],
        ['ADJUSTMENT', 1, null, 40],
      ]);
      expect(november).toMatchObject({ status: 'CLOSED', adjustmentFen: -160, payableFen: -9660 });
      // closed is closed, even for the tables' owner
      await expect(systemQuery(t, `UPDATE statements SET payable_fen = 0 WHERE id = $1`, [november.id])).rejects.toThrow(/cannot change/);
      await expect(systemQuery(t, `DELETE FROM statement_lines WHERE statement_id = $1`, [november.id])).rejects.toThrow(/cannot change/);
      expect((await t.app.get(SettlementJobs).tick(clock.now())).closed).toBe(0);
    });

    it('a reseller’s customer’s fee statement: active devices × fee + fixed fee, read by both, never revenue', async () => {
      const [october] = (await statementsOf('ops@vendor.demo', `organizationId=${O.vendorC1.id}&from=2026-10-01&to=2026-10-31`)).items;
      const s = await statementOf('c1@vendor.demo', october!.id);
      expect(s).toMatchObject({ kind: 'RESELLER', status: 'CLOSED', resellerFeeFen: 2800, payableFen: 2800, paidFen: 0, netFen: 0 });
      expect(linesOf(s)).toEqual([
        ['RESELLER_FEE', 1, 800, -800],
        ['RESELLER_FIXED_FEE', 1, 2000, -2000],
      ]);
      const [november] = (await statementsOf('ops@vendor.demo', `organizationId=${O.vendorC1.id}&from=2026-11-01&to=2026-11-30`)).items;
      expect(await statementOf('ops@vendor.demo', november!.id)).toMatchObject({ resellerFeeFen: 2000 }); // no heartbeat in November: the fixed fee only
      // weekly: October's fixed fee on the week of 10-26 to 11-01 (it holds 10-31), nothing on the next week
      const c2 = (await statementsOf('c2@vendor.demo', `from=2026-10-26&to=2026-11-08`)).items.map((w) => [w.periodStart, w.periodEnd, w['resellerFeeFen']]);
      expect(c2).toEqual([
        ['2026-11-02', '2026-11-08', 0],
        ['2026-10-26', '2026-11-01', 300],
      ]);
    });

    it('exports a statement as CSV and XLSX', async () => {
      const october = await f1('2026-10-15');
      const csv = await t.http('GET', `/v1/statements/${october.id}/export.csv`, { token: tokens['f1@fridge.demo'] });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.body.startsWith('\uFEFF')).toBe(true);
      expect(csv.body).toContain('COMMISSION,品牌佣金（逐单 ⌊净额 × 比例⌋）,5,,-474,-4.74,COMMISSION_FLOOR_PER_ORDER');
      expect(csv.body).toContain('payable_fen,-6534,-65.34');
      const xlsx = await t.http('GET', `/v1/statements/${october.id}/export.xlsx`, { token: tokens['f1@fridge.demo'] });
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      expect((await t.http('GET', `/v1/statements/${october.id}/export.csv`, { token: tokens['f2@fridge.demo'] })).statusCode).toBe(404);
    });

    it('the ledger balances after the closes: fees posted once per statement, every account recomputed from its entries', async () => {
      const check = await t.app.get(Transactions).asSystem((m) => t.app.get(LedgerService).check(m));
      expect(check.mismatches).toEqual([]);
      expect(check.unbalancedPostings).toEqual([]);
      const fees = await systemQuery<{ kind: string; fen: number }>(
        t,
        `SELECT kind, sum(credit_fen)::int AS fen FROM ledger_entries WHERE source_kind = 'STATEMENT' AND account = 'FEE_INCOME' GROUP BY kind ORDER BY kind`,
      );
      // F1: fixed fees 2 × 5000, top-ups 4526 + 4925; C1: 2800 + 2000
      expect(fees).toEqual([
        { kind: 'FIXED_FEE', fen: 10000 },
        { kind: 'MINIMUM_TOP_UP', fen: 9451 },
        { kind: 'RESELLER_FEE', fen: 5100 }, // C1 2800 + 2000, C2 300
      ]);
    });
    it('the brand records an offline bank payout of a closed statement, once: the statement is SETTLED and the ledger moves it', async () => {
      const pay = (login: string, body: unknown, key: string = randomUUID()) =>
        t.http('POST', '/v1/payouts', { token: tokens[login], body, headers: { 'idempotency-key': key } }).then((r) => ({ status: r.statusCode, body: r.json() as Record<string, unknown> & { code?: string; errors?: { field: string }[] } }));
      const [f2October] = (await statementsOf('ops@fridge.demo', `organizationId=${O.fridgeF2.id}&from=2026-10-01&to=2026-10-31`)).items;
      expect(f2October).toMatchObject({ status: 'CLOSED', payableFen: 2250 }); // 2500 − ⌊2500 × 0.1⌋
      const body = { statementId: f2October!.id, method: 'OFFLINE_BANK', reference: 'ICBC-20261205-0001', paidOn: '2026-12-05' };
      expect((await pay('f2@fridge.demo', body)).status).toBe(403);
      expect((await pay('ops@vendor.demo', body)).status).toBe(404);
      expect((await pay('ops@fridge.demo', { ...body, method: 'WECHAT_TRANSFER' })).body.code).toBe('PAYOUT_PAYEE_MISSING'); // no openid to transfer to yet
      expect((await pay('ops@fridge.demo', { statementId: f2October!.id, method: 'OFFLINE_BANK' })).body.errors).toEqual([expect.objectContaining({ field: 'reference' })]);
      expect((await pay('ops@fridge.demo', { ...body, statementId: (await f1('2026-10-15')).id })).body.code).toBe('PAYOUT_NOTHING_OWED');
      const [c1October] = (await statementsOf('ops@vendor.demo', `organizationId=${O.vendorC1.id}&from=2026-10-01&to=2026-10-31`)).items;
      expect((await pay('ops@vendor.demo', { ...body, statementId: c1October!.id })).body.code).toBe('PAYOUT_NOT_BRAND_COLLECTS');

      const key = randomUUID();
      const made = await pay('ops@fridge.demo', body, key);
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({ organizationId: O.fridgeF2.id, payerOrganizationId: O.fridge.id, method: 'OFFLINE_BANK', amountFen: 2250, state: 'SUCCEEDED', reference: 'ICBC-20261205-0001', paidOn: '2026-12-05' });
      expect(await pay('ops@fridge.demo', body, key)).toEqual(made); // the same key replays
      expect((await pay('ops@fridge.demo', body)).body.code).toBe('PAYOUT_STATEMENT_NOT_CLOSED'); // settled: never paid twice
      expect(await statementOf('f2@fridge.demo', f2October!.id)).toMatchObject({ status: 'SETTLED', settlementReference: `payout:${String(made.body['id'])}` });
      expect((await call('f2@fridge.demo', 'GET', '/v1/payouts')).body).toMatchObject({ total: 1, items: [{ id: made.body['id'] }] });
      expect((await call('f1@fridge.demo', 'GET', '/v1/payouts')).body).toMatchObject({ total: 0 });
      expect((await call('f1@fridge.demo', 'GET', `/v1/payouts/${String(made.body['id'])}`)).status).toBe(404);
      const check = await t.app.get(Transactions).asSystem((m) => t.app.get(LedgerService).check(m));
      expect(check.mismatches).toEqual([]);
      const [moved] = await systemQuery<{ fen: number }>(t, `SELECT sum(debit_fen)::int AS fen FROM ledger_entries WHERE source_kind = 'PAYOUT' AND tenant_id = $1 AND account = 'BANK'`, [O.fridgeF2.id]);
      expect(moved!.fen).toBe(2250);
    });
    it('for the console: totals per status (exact owed and settled sums), the organisation’s name, a close under an Idempotency-Key', async () => {
      const mine = (await call('f2@fridge.demo', 'GET', '/v1/statements')).body as unknown as {
        items: (Statement & { organizationName: string })[];
        total: number;
        totals: { status: string; count: number; payableFen: number }[];
      };
      expect(mine.items.every((s) => s.organizationName === O.fridgeF2.name)).toBe(true);
      expect(mine.totals.map((x) => x.status)).toEqual(['OPEN', 'CLOSED', 'SETTLED']);
      expect(mine.totals.reduce((n, x) => n + x.count, 0)).toBe(mine.total);
      const byStatus = (status: string) => mine.items.filter((s) => s.status === status);
      for (const x of mine.totals) {
        expect(x.count).toBe(byStatus(x.status).length);
        expect(x.payableFen).toBe(byStatus(x.status).reduce((n, s) => n + s.payableFen, 0));
      }
      expect(mine.totals.find((x) => x.status === 'SETTLED')!.payableFen).toBe(2250);
      const brand = (await call('ops@fridge.demo', 'GET', `/v1/statements?status=CLOSED&limit=1`)).body as unknown as { items: Statement[]; totals: { status: string; count: number }[] };
      expect(brand.items).toHaveLength(1);
      expect(brand.totals.find((x) => x.status === 'CLOSED')!.count).toBeGreaterThan(1); // over all pages, not the one shown
      expect(brand.totals.find((x) => x.status === 'OPEN')!.count).toBe(0); // the status filter applies
      const key = randomUUID();
      const closeWith = () => t.http('POST', `/v1/statements/${brand.items[0]!.id}/close`, { token: tokens['ops@fridge.demo'], headers: { 'idempotency-key': key } });
      const first = await closeWith();
      expect(first.statusCode).toBe(200);
      expect((await closeWith()).json()).toEqual(first.json());
      const other = await t.http('POST', `/v1/statements/${brand.items[0]!.id}/close`, { token: tokens['ops@fridge.demo'], headers: { 'idempotency-key': key }, body: { x: 1 } });
      expect(other.statusCode).toBeGreaterThanOrEqual(400);
    });

    it('for the console: the agreements in force of all a brand’s franchisees in one call; a franchisee or a stranger gets 404', async () => {
      const all = (await call('ops@fridge.demo', 'GET', `/v1/agreements?parentId=${O.fridge.id}`)).body as { items: { organizationId: string; version: number }[] };
      expect(all.items.map((a) => a.organizationId).sort()).toEqual([O.fridgeF1.id, O.fridgeF2.id].sort());
      for (const a of all.items) expect(a).toEqual((await call('ops@fridge.demo', 'GET', `/v1/organizations/${a.organizationId}/agreement`)).body);
      const october = (await call('ops@fridge.demo', 'GET', `/v1/agreements?parentId=${O.fridge.id}&on=2026-10-15`)).body as { items: { organizationId: string; version: number }[] };
      expect(october.items.find((a) => a.organizationId === O.fridgeF1.id)).toMatchObject({ version: 2 });
      expect((await call('f1@fridge.demo', 'GET', `/v1/agreements?parentId=${O.fridge.id}`)).status).toBe(404); // a franchisee does not see its brand’s other children
      const customers = (await call('ops@vendor.demo', 'GET', `/v1/agreements?parentId=${O.vendor.id}`)).body as { items: { organizationId: string }[] };
      expect(customers.items.map((a) => a.organizationId).sort()).toEqual([O.vendorC1.id, O.vendorC2.id].sort());
      expect((await call('ops@vendor.demo', 'GET', `/v1/agreements?parentId=${O.fridge.id}`)).status).toBe(404);
      expect((await call('ops@fridge.demo', 'GET', `/v1/agreements?parentId=${O.fridge.id}&on=2026-13-01`)).status).toBe(400);
    });

    it('for the console: the §8 figures per franchisee in one query, summing to GET /v1/earnings; the same readers', async () => {
      const q = `organizationId=${O.fridge.id}&from=2026-10-01&to=2026-10-31`;
      const per = (await call('ops@fridge.demo', 'GET', `/v1/earnings/by-organization?${q}`)).body as { items: Record<string, number | string>[] };
      expect(per.items[0]!['organizationId']).toBe(O.fridge.id); // its own devices first, then each franchisee (zeros included)
      expect(per.items.slice(1).map((i) => i['organizationId']).sort()).toEqual([O.fridgeF1.id, O.fridgeF2.id].sort());
      const whole = (await call('ops@fridge.demo', 'GET', `/v1/earnings?${q}`)).body;
      for (const k of ['sessions', 'paidFen', 'refundedFen', 'netFen', 'commissionFen', 'shareFen']) {
        expect(per.items.reduce((n, i) => n + Number(i[k]), 0)).toBe(whole[k]);
      }
      for (const org of [O.fridgeF1, O.fridgeF2]) {
        const one = (await call('ops@fridge.demo', 'GET', `/v1/earnings?organizationId=${org.id}&from=2026-10-01&to=2026-10-31`)).body;
        const { organizationId: _id, from: _from, to: _to, ...figures } = one;
        expect(per.items.find((i) => i['organizationId'] === org.id)).toEqual({ organizationId: org.id, organizationName: org.name, ...figures });
      }
      expect((await call('ops@vendor.demo', 'GET', `/v1/earnings/by-organization?${q}`)).status).toBe(404);
      expect((await call('f1@fridge.demo', 'GET', `/v1/earnings/by-organization?${q}`)).status).toBe(404);
      expect((await call('ops@fridge.demo', 'GET', `/v1/earnings/by-organization?organizationId=${O.fridge.id}&from=2026-10-31&to=2026-10-01`)).body.code).toBe('EARNINGS_RANGE_INVALID');
    });

    it('ledger routes: each organisation reads its own balances and entries, the platform admin checks the whole ledger', async () => {
      type Balances = { items: { organizationId: string; account: string; counterpartyOrganizationId: string | null; balanceFen: number }[] };
      const f2 = (await call('f2@fridge.demo', 'GET', '/v1/ledger/balances')).body as unknown as Balances;
      expect(new Set(f2.items.map((b) => b.organizationId))).toEqual(new Set([O.fridgeF2.id]));
      expect(f2.items).toContainEqual(expect.objectContaining({ account: 'BANK', counterpartyOrganizationId: O.fridge.id, balanceFen: 2250 }));
      expect((await call('f2@fridge.demo', 'GET', `/v1/ledger/balances?organizationId=${O.fridgeF1.id}`)).status).toBe(404);
      const brand = (await call('ops@fridge.demo', 'GET', '/v1/ledger/balances')).body as unknown as Balances;
      expect(new Set(brand.items.map((b) => b.organizationId))).toEqual(new Set([O.fridge.id, O.fridgeF1.id, O.fridgeF2.id]));
      const vendor = (await call('ops@vendor.demo', 'GET', '/v1/ledger/balances')).body as unknown as Balances;
      expect(new Set(vendor.items.map((b) => b.organizationId))).toEqual(new Set([O.vendor.id]));
      expect(vendor.items).toContainEqual(expect.objectContaining({ account: 'FEES_RECEIVABLE', counterpartyOrganizationId: O.vendorC1.id, balanceFen: 4800 }));
      const entries = (await call('f1@fridge.demo', 'GET', '/v1/ledger/entries?kind=FIXED_FEE')).body as { items: { organizationId: string; debitFen: number }[]; total: number };
      expect(entries.total).toBe(4); // two statements × (FEE_EXPENSE debit, DUE_FROM_MERCHANT credit)
      expect(entries.items.every((e) => e.organizationId === O.fridgeF1.id)).toBe(true);
      expect((await call('ops@fridge.demo', 'GET', '/v1/ledger/check')).status).toBe(403);
      expect((await call('admin@zizhu.demo', 'GET', '/v1/ledger/check')).body).toMatchObject({ mismatches: [], unbalancedPostings: [] });
    });
  });
});
