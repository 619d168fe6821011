// A month of a franchise brand end to end, over loopback with the Pay Score simulator and the fleet simulator: the
// API's business clock (injected, test-only) and the simulator's move together through February 2027 (Asia/Shanghai),
// a few sessions a week. Franchisee 1 collects with its own merchant account (profit sharing), franchisee 2's money
// is collected by the brand. Refunds before and after a split and after the close, a split and a transfer failing
// then retried, the 30-day split window, the 30% ratio, the closing job at the month end, and a reseller's
// monthly fee statement for a customer whose device was active.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_DEVICES, DEMO_MERCHANTS, DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { ProfitSharingService } from '../src/modules/settlement/profit-sharing.service.js';
import { statementsTickJob, STATEMENTS_TICK_SECONDS } from '../src/modules/settlement/settlement.jobs.js';
import { commissionFen } from '../src/modules/settlement/settlement-math.js';
import { JobsService } from '../src/platform/jobs/jobs.service.js';
import { DemoFleet, ledgerCheck, refundAndWait, registerFranchiseeMerchant, runSplit, type Session, systemSql } from './support/franchise-loop.js';
import { LoopHarness } from './support/loop-harness.js';

const O = DEMO_ORGS;
/** Franchisee 1 collects (its own merchant account, the brand's commission split off per order). */
const F1_BP = 1000;
/** Franchisee 2: the brand collects and pays it the rest. */
const F2_BP = 2000;
const shanghai = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);

interface StatementLine {
  kind: string;
  description: string;
  quantity: number | null;
  unitFen: number | null;
  amountFen: number;
}
interface Statement {
  id: string;
  status: string;
  periodStart: string;
  periodEnd: string;
  sessions: number;
  paidFen: number;
  refundedFen: number;
  netFen: number;
  commissionFen: number;
  fixedFeeFen: number;
  minimumTopUpFen: number;
  resellerFeeFen: number;
  adjustmentFen: number;
  payableFen: number;
  lines: StatementLine[];
}
interface Payout {
  id: string;
  state: string;
  failure: string | null;
  amountFen: number;
  outBillNo: string | null;
}

let loop: LoopHarness;
let fleet: DemoFleet;
const tokens: Record<string, string> = {};
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => systemSql(loop)<T>(text, params);
/** Franchisee 2's sessions (FR-0002, brand collects) and franchisee 1's (FR-0001, franchisee collects), by week. */
const a: Session[] = [];
const b: Session[] = [];
const closedFebruary: Record<string, Statement> = {};

const call = <T = Record<string, unknown>>(login: string, method: string, url: string, body?: unknown, key?: string) =>
  loop.request<T & { code?: string }>(method, url, { token: tokens[login], ...(body !== undefined ? { body } : {}), ...(key ? { headers: { 'idempotency-key': key } } : {}) });

async function statementOf(org: string, periodStart: string): Promise<Statement> {
  const [row] = await sql<{ id: string }>(`SELECT id FROM statements WHERE tenant_id = $1 AND period_start = $2::date`, [org, periodStart]);
  if (!row) throw new Error(`no statement of ${org} from ${periodStart}`);
  const answer = await call<Statement>(org === O.vendorC1.id ? 'ops@vendor.demo' : 'ops@fridge.demo', 'GET', `/v1/statements/${row.id}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** Per order, from the sessions themselves: net = paid − refunds so far, commission ⌊net × bp ÷ 10,000⌋. */
async function orders(org: string, bp: number): Promise<{ id: string; netFen: number; commissionFen: number; shareFen: number }[]> {
  const rows = await sql<{ id: string; paid_fen: number; refunded_fen: number }>(
    `SELECT id, paid_fen, refunded_fen FROM service_sessions WHERE tenant_id = $1 AND paid_at >= $2 AND paid_at < $3 AND paid_fen > 0 ORDER BY paid_at`,
    [org, shanghai('2027-02-01', '00:00'), shanghai('2027-03-01', '00:00')],
  );
  return rows.map((r) => {
    const netFen = r.paid_fen - r.refunded_fen;
    const commission = commissionFen(netFen, bp);
    return { id: r.id, netFen, commissionFen: commission, shareFen: netFen - commission };
  });
}

/** The brand's commission income per order in the ledger (what the sale posted, less what refunds gave back). */
async function ledgerCommission(sessionId: string): Promise<number> {
  const [row] = await sql<{ fen: string }>(`SELECT coalesce(sum(credit_fen - debit_fen), 0) AS fen FROM ledger_entries WHERE session_id = $1 AND account = 'COMMISSION_INCOME'`, [sessionId]);
  return Number(row!.fen);
}

/**
 * Runs the statements job (`settlement.statements`: open what agreements call for, close what has ended, at the API
 * clock's now) through the job queue as its every-10-minutes tick queues it, until `done`. The queue is exclusive (one
 * run at a time), so a tick queued while another is pending is dropped: queue again until the outcome is there.
 */
async function statementsJob(done: () => Promise<boolean>): Promise<void> {
  const jobs = loop.zizhu.app.get(JobsService);
  const deadline = Date.now() + 30_000;
  for (let n = 0; !(await done()) && Date.now() < deadline; n += 1) {
    await jobs.enqueue(statementsTickJob, { slot: n, intervalSeconds: STATEMENTS_TICK_SECONDS }, { key: `month-${loop.clock.now().toISOString()}-${n}` });
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function payout(id: string): Promise<Payout> {
  return (await call<Payout>('ops@fridge.demo', 'GET', `/v1/payouts/${id}`)).body;
}

/** Reads the payout until it is final, moving both business clocks past the simulator's transfer delay meanwhile. */
async function payoutFinal(id: string): Promise<Payout> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const p = await payout(id);
    if (p.state === 'SUCCEEDED' || p.state === 'FAILED' || Date.now() > deadline) return p;
    await loop.advance(2);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  loop = await LoopHarness.start({ sim: { transferDelayMs: 1000 }, sessions: { confirmTimeoutSeconds: 30, startTimeoutSeconds: 5, reconcileAfterSeconds: 1 } });
  for (const login of ['ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'ops@vendor.demo', 'c1@vendor.demo']) tokens[login] = await loop.operator(login);
  await registerFranchiseeMerchant(loop, tokens['f1@fridge.demo']!, '西湖加盟店商户号');
  // the fridges of both franchisees, and the reseller's customer c1's charger (it only sends heartbeats here)
  fleet = await DemoFleet.start(loop, ['FR-0001', 'FR-0002', 'EV-0001'], (code) => (code === 'EV-0001' ? tokens['c1@vendor.demo']! : tokens['ops@fridge.demo']!));
});

afterAll(async () => {
  await fleet.stop();
  await loop.close();
});

describe('a month of a franchise brand in both collection modes (API clock and simulator clock moved together)', () => {
  it('before the month: an agreement above the 30% profit-sharing maximum is refused; both franchisees get monthly terms from 1 February', async () => {
    const f1 = `/v1/organizations/${O.fridgeF1.id}/agreement`;
    const above = await call('ops@fridge.demo', 'PUT', f1, { commissionBasisPoints: 3500, collection: 'FRANCHISEE_COLLECTS', period: 'MONTHLY', effectiveFrom: '2027-02-01' });
    expect(above.status).toBe(422);
    expect(above.body.code).toBe('AGREEMENT_RATIO_ABOVE_MAXIMUM');
    expect((await call('ops@fridge.demo', 'PUT', f1, { commissionBasisPoints: F1_BP, collection: 'FRANCHISEE_COLLECTS', period: 'MONTHLY', effectiveFrom: '2027-02-01' })).status).toBe(200);
    const f2 = `/v1/organizations/${O.fridgeF2.id}/agreement`;
    expect((await call('ops@fridge.demo', 'PUT', f2, { commissionBasisPoints: F2_BP, collection: 'BRAND_COLLECTS', period: 'MONTHLY', effectiveFrom: '2027-02-01' })).status).toBe(200);
    // the customer's charger talks to the API now (December, the month its reseller statement covers)
    const charger = DEMO_DEVICES.find((d) => d.code === 'EV-0001')!;
    const deadline = Date.now() + 10_000;
    while ((await sql(`SELECT 1 FROM devices WHERE id = $1 AND last_seen_at IS NOT NULL`, [charger.id])).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await sql(`SELECT 1 FROM devices WHERE id = $1 AND last_seen_at IS NOT NULL`, [charger.id])).toHaveLength(1);
  });

  it('week 1 (1 February): each franchisee’s session is charged by its merchant of record; a refund before the split lowers what is split', async () => {
    await loop.advanceTo(shanghai('2027-02-01'));
    a.push(await fleet.paidSession('month-a1', 'FR-0002', [{ sku: 'milk-250', count: 1 }], 600));
    b.push(await fleet.paidSession('month-b1', 'FR-0001', [{ sku: 'cola-330', count: 1 }], 350));
    const rows = await sql<{ id: string; merchant_tenant_id: string; profit_sharing: boolean; day: string }>(
      `SELECT id, merchant_tenant_id, profit_sharing, to_char(paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day FROM service_sessions WHERE id = ANY ($1::uuid[])`,
      [[a[0]!.sessionId, b[0]!.sessionId]],
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.merchant_tenant_id, r.profit_sharing, r.day]]))).toEqual({
      [a[0]!.sessionId]: [O.fridge.id, false, '2027-02-01'],
      [b[0]!.sessionId]: [O.fridgeF1.id, true, '2027-02-01'],
    });
    expect(await refundAndWait(loop, tokens['f1@fridge.demo']!, b[0]!.sessionId, 100)).toBe('SUCCEEDED');
    expect(await runSplit(loop, b[0]!.sessionId)).toBe('FINISHED');
    const [split] = await sql<{ net_fen: string; amount_fen: string }>(`SELECT net_fen, amount_fen FROM profit_sharing_orders WHERE session_id = $1`, [b[0]!.sessionId]);
    // ⌊250 × 1000 ÷ 10,000⌋ = 25
    expect([Number(split!.net_fen), Number(split!.amount_fen)]).toEqual([250, 25]);
  });

  it('week 2 (8 February): a split WeChat fails (500) is retried by the job and split once', async () => {
    await loop.advanceTo(shanghai('2027-02-08'));
    a.push(await fleet.paidSession('month-a2', 'FR-0002', [{ sku: 'yogurt-200', count: 1 }], 550));
    b.push(await fleet.paidSession('month-b2', 'FR-0001', [{ sku: 'sandwich-ham', count: 1 }], 1200));
    const sessionId = b[1]!.sessionId;
    await loop.simRequest('POST', '/sim/faults', { rules: [{ path: '^/v3/profitsharing/orders', status: 500 }] });
    try {
      // the job's attempt fails (it would retry after a back-off)
      await loop.advance(61);
      await expect(loop.zizhu.app.get(ProfitSharingService).split({ sessionId })).rejects.toThrow();
    } finally {
      await loop.simRequest('POST', '/sim/faults', { rules: [] });
    }
    expect(await runSplit(loop, sessionId)).toBe('FINISHED');
    const [split] = await sql<{ state: string; amount_fen: string; attempts: number }>(`SELECT state, amount_fen, attempts FROM profit_sharing_orders WHERE session_id = $1`, [sessionId]);
    expect(split!.attempts).toBeGreaterThanOrEqual(2);
    expect([split!.state, Number(split!.amount_fen)]).toEqual(['FINISHED', 120]);
    expect(await sql(`SELECT 1 FROM ledger_entries WHERE session_id = $1 AND kind = 'SPLIT'`, [sessionId])).toHaveLength(4);
  });

  it('week 3 (15 February): a refund after the split returns the brand’s share first; a refund in the brand-collects mode lowers the period’s net', async () => {
    await loop.advanceTo(shanghai('2027-02-15'));
    a.push(await fleet.paidSession('month-a3', 'FR-0002', [{ sku: 'milk-250', count: 1 }, { sku: 'yogurt-200', count: 1 }], 1150));
    b.push(await fleet.paidSession('month-b3', 'FR-0001', [{ sku: 'cola-330', count: 2 }], 700));
    expect(await runSplit(loop, b[2]!.sessionId)).toBe('FINISHED');
    expect(await refundAndWait(loop, tokens['f1@fridge.demo']!, b[2]!.sessionId, 100)).toBe('SUCCEEDED');
    const [ret] = await sql<{ state: string; amount_fen: string }>(`SELECT state, amount_fen FROM profit_sharing_returns WHERE session_id = $1`, [b[2]!.sessionId]);
    // ⌊700 × 0.1⌋ − ⌊600 × 0.1⌋ = 10 fen back from the brand
    expect([ret!.state, Number(ret!.amount_fen)]).toEqual(['SUCCEEDED', 10]);
    expect(await refundAndWait(loop, tokens['ops@fridge.demo']!, a[2]!.sessionId, 155)).toBe('SUCCEEDED');
  });

  it('week 4 (22 February): sessions whose split is left for later', async () => {
    await loop.advanceTo(shanghai('2027-02-22'));
    a.push(await fleet.paidSession('month-a4', 'FR-0002', [{ sku: 'yogurt-200', count: 2 }], 1100));
    b.push(await fleet.paidSession('month-b4', 'FR-0001', [{ sku: 'water-550', count: 1 }], 200));
    // the statements job has opened February's statements (at the API clock); still open, their figures so far
    await statementsJob(async () => (await sql(`SELECT 1 FROM statements WHERE tenant_id = $1 AND period_start = '2027-02-01'`, [O.fridgeF2.id])).length === 1);
    expect(await statementOf(O.fridgeF2.id, '2027-02-01')).toMatchObject({ status: 'OPEN', sessions: 4, paidFen: 3400 });
  });

  it('the closing job closes February at the month’s end on the API clock, to the fen per order and per period', async () => {
    await loop.advanceTo(shanghai('2027-03-01', '00:30'));
    await statementsJob(async () => (await sql(`SELECT 1 FROM statements WHERE period_end < '2027-03-01' AND status = 'OPEN'`)).length === 0);
    expect(await sql(`SELECT 1 FROM statements WHERE period_end < '2027-03-01' AND status = 'OPEN'`)).toEqual([]);
    // closed at the API clock's time (the machine's own clock is still in December 2026)
    const closedOn = await sql<{ day: string }>(
      `SELECT DISTINCT to_char(closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day FROM statements WHERE tenant_id = ANY ($1::uuid[]) AND period_start = '2027-02-01'`,
      [[O.fridgeF1.id, O.fridgeF2.id]],
    );
    expect(closedOn).toEqual([{ day: '2027-03-01' }]);

    // franchisee 2, brand collects: 600 + 550 + 1150 + 1100 paid, 155 refunded; commission 120 + 110 + 199 + 220
    const f2 = await statementOf(O.fridgeF2.id, '2027-02-01');
    expect(f2).toMatchObject({ status: 'CLOSED', periodEnd: '2027-02-28', sessions: 4, paidFen: 3400, refundedFen: 155, netFen: 3245, commissionFen: 649, adjustmentFen: 0, fixedFeeFen: 0, payableFen: 2596 });
    // franchisee 1, franchisee collects: 350 + 1200 + 700 + 200 paid, 200 refunded; commission 25 + 120 + 60 + 20, owed to the brand
    const f1 = await statementOf(O.fridgeF1.id, '2027-02-01');
    expect(f1).toMatchObject({ status: 'CLOSED', periodEnd: '2027-02-28', sessions: 4, paidFen: 2450, refundedFen: 200, netFen: 2250, commissionFen: 225, adjustmentFen: 0, payableFen: -225 });

    for (const [org, bp, statement, login] of [
      [O.fridgeF1.id, F1_BP, f1, 'f1@fridge.demo'],
      [O.fridgeF2.id, F2_BP, f2, 'f2@fridge.demo'],
    ] as const) {
      const list = await orders(org, bp);
      expect(list).toHaveLength(4);
      for (const o of list) {
        // per order: the franchisee's share and the brand's commission make the net; the ledger holds the same commission
        expect(o.shareFen + o.commissionFen).toBe(o.netFen);
        expect(await ledgerCommission(o.id)).toBe(o.commissionFen);
      }
      const sum = (k: 'netFen' | 'commissionFen' | 'shareFen') => list.reduce((n, o) => n + o[k], 0);
      expect([sum('netFen'), sum('commissionFen')]).toEqual([statement.netFen, statement.commissionFen]);
      // per period: the franchisee reads the same figures as its earnings (contracts §8)
      const earnings = await call(login, 'GET', `/v1/earnings?organizationId=${org}&from=2027-02-01&to=2027-02-28`);
      expect(earnings.body).toMatchObject({ sessions: 4, paidFen: statement.paidFen, refundedFen: statement.refundedFen, netFen: statement.netFen, commissionFen: statement.commissionFen, shareFen: sum('shareFen') });
      expect(sum('shareFen') + statement.commissionFen).toBe(statement.netFen);
      const lines = statement.lines.map((l) => [l.kind, l.amountFen]);
      expect(lines).toEqual([
        ['SESSIONS_NET', statement.netFen],
        ['COMMISSION', -statement.commissionFen],
      ]);
    }
    closedFebruary[O.fridgeF1.id] = f1;
    closedFebruary[O.fridgeF2.id] = f2;
    expect(await ledgerCheck(loop)).toEqual({ mismatches: [], unbalancedPostings: [] });
  });

  it('the reseller’s customer: December’s fee statement counts its active charger; a month without a heartbeat pays the fixed fee only', async () => {
    const december = await statementOf(O.vendorC1.id, '2026-12-01');
    // the demo's reseller terms: 10 元 per active device and month, 50 元 a month fixed
    expect(december).toMatchObject({ status: 'CLOSED', periodEnd: '2026-12-31', resellerFeeFen: 6000, payableFen: 6000 });
    expect(december.lines.map((l) => [l.kind, l.quantity, l.unitFen, l.amountFen])).toEqual([
      ['RESELLER_FEE', 1, 1000, -1000],
      ['RESELLER_FIXED_FEE', 1, 5000, -5000],
    ]);
    const january = await statementOf(O.vendorC1.id, '2027-01-01');
    expect(january.lines.map((l) => [l.kind, l.quantity, l.amountFen])).toEqual([
      ['RESELLER_FEE', 0, 0],
      ['RESELLER_FIXED_FEE', 1, -5000],
    ]);
    // the customer's own figures are not the reseller's to read
    expect((await call('ops@vendor.demo', 'GET', `/v1/earnings?organizationId=${O.vendorC1.id}&from=2026-12-01&to=2026-12-31`)).status).toBe(404);
  });

  it('a refund after the close is an adjustment of March; the closed February statement does not change', async () => {
    expect(await refundAndWait(loop, tokens['ops@fridge.demo']!, a[0]!.sessionId, 100)).toBe('SUCCEEDED');
    const march = await statementOf(O.fridgeF2.id, '2027-03-01');
    expect(march).toMatchObject({ status: 'OPEN', sessions: 0, paidFen: 0 });
    // 100 back to the user, and the commission it gives back: ⌊600 × 0.2⌋ − ⌊500 × 0.2⌋ = 20
    expect(march.lines.filter((l) => l.kind === 'ADJUSTMENT').map((l) => [l.quantity, l.amountFen])).toEqual([
      [1, -100],
      [1, 20],
    ]);
    expect([march.adjustmentFen, march.payableFen]).toEqual([-80, -80]);
    expect(await statementOf(O.fridgeF2.id, '2027-02-01')).toEqual(closedFebruary[O.fridgeF2.id]);
    // earnings follow refunds so far; the statement keeps what was known at its close
    const earnings = await call('f2@fridge.demo', 'GET', `/v1/earnings?organizationId=${O.fridgeF2.id}&from=2027-02-01&to=2027-02-28`);
    expect(earnings.body).toMatchObject({ refundedFen: 255, netFen: 3145, commissionFen: 629, shareFen: 2516 });
    expect(await ledgerCheck(loop)).toEqual({ mismatches: [], unbalancedPostings: [] });
  });

  it('the brand pays franchisee 2 its February share by transfer: WeChat fails it, a retry pays it once and settles the statement', async () => {
    await loop.simRequest('POST', `/sim/merchants/${DEMO_MERCHANTS.fridge.mchid}/balance`, { availableFen: 100_000_000 });
    await loop.simRequest('POST', '/sim/settings', { transferConfirm: 'auto' });
    expect((await call('ops@fridge.demo', 'PUT', `/v1/organizations/${O.fridgeF2.id}/payout-payee`, { openid: 'payee-month-f2' })).status).toBe(200);
    expect((await loop.simRequest('POST', '/sim/transfers/failures', { openid: 'payee-month-f2', failReason: 'ACCOUNT_FROZEN' })).status).toBe(200);
    const statementId = closedFebruary[O.fridgeF2.id]!.id;
    const made = await call<Payout>('ops@fridge.demo', 'POST', '/v1/payouts', { statementId, method: 'WECHAT_TRANSFER' }, `month-payout-${statementId}`);
    expect(made.status).toBe(201);
    expect(made.body.amountFen).toBe(2596);
    const failed = await payoutFinal(made.body.id);
    expect(failed).toMatchObject({ state: 'FAILED', failure: 'ACCOUNT_FROZEN' });
    expect((await statementOf(O.fridgeF2.id, '2027-02-01')).status).toBe('CLOSED');

    const retried = await call<Payout>('ops@fridge.demo', 'POST', `/v1/payouts/${failed.id}/retry`, undefined, `month-retry-${failed.id}`);
    expect(retried.status).toBe(201);
    expect(retried.body.outBillNo).not.toBe(failed.outBillNo);
    expect(await payoutFinal(retried.body.id)).toMatchObject({ state: 'SUCCEEDED', amountFen: 2596 });
    const [paid] = await sql<{ paid_on: string }>(`SELECT to_char(paid_on, 'YYYY-MM-DD') AS paid_on FROM payouts WHERE id = $1`, [retried.body.id]);
    expect(paid!.paid_on).toBe('2027-03-01'); // the API clock's day, not the machine's
    const settled = await statementOf(O.fridgeF2.id, '2027-02-01');
    const { status, ...figures } = settled;
    const { status: _closed, ...before } = closedFebruary[O.fridgeF2.id]!;
    expect(status).toBe('SETTLED');
    expect({ ...figures, settledAt: null, settlementReference: null }).toEqual({ ...before, settledAt: null, settlementReference: null });
    const transfers = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_entries WHERE source_kind = 'TRANSFER' AND source_id IN ($1, $2)`, [failed.id, retried.body.id]);
    expect(transfers[0]!.n).toBe(4);
    expect(await ledgerCheck(loop)).toEqual({ mismatches: [], unbalancedPostings: [] });
  });

  it('30 days after a payment its split is refused and flagged, a retry too; the commission stays owed in the ledger', async () => {
    const sessionId = b[3]!.sessionId;
    await loop.advanceTo(shanghai('2027-03-25'));
    expect(await runSplit(loop, sessionId)).toBe('FAILED');
    const [split] = await sql<{ id: string; state: string; failure: string }>(`SELECT id, state, failure FROM profit_sharing_orders WHERE session_id = $1`, [sessionId]);
    expect(split).toMatchObject({ state: 'FAILED', failure: expect.stringMatching(/^SPLIT_WINDOW_EXPIRED/) });
    const retry = await call('ops@fridge.demo', 'POST', `/v1/profit-sharing-orders/${split!.id}/retry`, undefined, `month-split-retry-${split!.id}`);
    expect(retry).toMatchObject({ status: 422, body: { code: 'PROFIT_SHARING_NOT_RETRYABLE' } });
    const [owed] = await sql<{ fen: string }>(
      `SELECT coalesce(sum(credit_fen - debit_fen), 0) AS fen FROM ledger_entries WHERE session_id = $1 AND tenant_id = $2 AND account = 'COMMISSION_PAYABLE'`,
      [sessionId, O.fridgeF1.id],
    );
    // ⌊200 × 0.1⌋ = 20 fen the franchisee still owes the brand for this order
    expect(Number(owed!.fen)).toBe(20);
    // February's statements stay as closed
    expect(await statementOf(O.fridgeF1.id, '2027-02-01')).toEqual(closedFebruary[O.fridgeF1.id]);
    expect(await ledgerCheck(loop)).toEqual({ mismatches: [], unbalancedPostings: [] });
  });
});
