// Reconciliation with WeChat Pay's bills (issue 13, contracts.md §9), one API and one simulator on loopback. A day of
// sessions on two merchant accounts (the power-bank operator's and the fridge brand's), then the simulator's business
// clock is moved (no sleeps): not ready before 10:00 the next day, then ready; a day without business has no bill; a
// tampered hash fails the run; the power-bank day reconciles with zero differences and its fees reach the ledger; the
// fridge day's bill is altered at the simulator and each of the four kinds is found, re-checked by query and shown;
// franchisee 1's agreement passes WeChat's fee on (issue 12), so its orders' fees in that bill become a CHANNEL_FEE line
// on its statement and the brand, the merchant of record, keeps the rest. The fund-flow bill (资金账单) is compared for
// payments, refunds and the brand's merchant transfer (商家转账) paying franchisee 2 a statement; its refund rows altered
// at the simulator are found too.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseFundFlowBill, parseTradeBill } from '@zizhu/payscore';
import { DEMO_DEVICES, DEMO_MERCHANTS, DEMO_ORGS, DEMO_PLANS } from '../src/modules/demo/demo-data.js';
import { ReconciliationJobs } from '../src/modules/reconciliation/reconciliation.jobs.js';
import { systemQuery } from './fleet-support.js';
import { LoopHarness } from './support/loop-harness.js';

type Run = {
  id: string;
  state: string;
  matched: number;
  payments: number;
  refunds: number;
  feeFen: number | null;
  errorCode: string | null;
  bills: { bill: string; sha1: string; rows: number }[];
  differences: { id: string; kind: string; bill: string; outOrderNo: string | null; outRefundNo: string | null; transactionId: string | null; recheck: Record<string, unknown>; resolvedAt: string | null }[];
};

const HOUR = 3_600_000;
const idem = () => ({ 'idempotency-key': randomUUID() });
const device = (code: string) => DEMO_DEVICES.find((d) => d.code === code)!;
const beijingDate = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

let loop: LoopHarness;
const tokens: Record<string, string> = {};
let day = '';
const pb: { sessionId: string; outOrderNo: string }[] = [];
const fr: { sessionId: string; outOrderNo: string }[] = [];
let frRefundNo = '';
let pbRefundNo = '';
/** A second refund of the fridge day, whose fund-flow row the simulator drops. */
let frRefundNo2 = '';
/** The brand's merchant transfer (out_bill_no) paying franchisee 2 a closed statement on the fridge day. */
let transferNo = '';
/** The fridge brand's DONE run of the day (its bill altered). */
let frRun: Run | undefined;

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A session scanned, confirmed, ended by the operator with its usage and paid (the simulator debits at once). */
async function paidSession(code: string, login: string, openid: string, scan: Record<string, unknown>, usage: Record<string, unknown>): Promise<{ sessionId: string; outOrderNo: string }> {
  const token = await loop.consumer(openid);
  const scanned = await loop.request<{ sessionId: string; outOrderNo: string }>('POST', '/v1/consumer/sessions', { token, body: { deviceCode: code, ...scan } });
  expect(scanned.status).toBe(201);
  const { sessionId, outOrderNo } = scanned.body;
  expect((await loop.decide(outOrderNo, openid, 'confirm')).status).toBe(200);
  await loop.waitFor(sessionId, token, (s) => s['state'] === 'STARTING');
  const ended = await loop.request('POST', `/v1/sessions/${sessionId}/end`, { token: tokens[login], headers: idem(), body: { endedAt: new Date().toISOString(), reason: '设备漏报结束', usage } });
  expect(ended.status).toBe(200);
  const paid = await loop.waitFor(sessionId, token, (s) => s['state'] === 'PAID');
  expect(paid['state']).toBe('PAID');
  return { sessionId, outOrderNo };
}

async function refund(login: string, sessionId: string, amountFen: number): Promise<string> {
  const answer = await loop.request('POST', `/v1/sessions/${sessionId}/refunds`, { token: tokens[login], headers: idem(), body: { amountFen, reason: '对账测试退款' } });
  expect(answer.status).toBe(202);
  const done = await until(
    () => loop.request('GET', `/v1/sessions/${sessionId}`, { token: tokens[login] }).then((a) => a.body),
    (s) => s['refundedFen'] === amountFen,
  );
  const action = (done['actions'] as { kind: string; outRefundNo?: string; state: string }[]).find((a) => a.kind === 'REFUND');
  expect(action?.state).toBe('SUCCEEDED');
  const [row] = await systemQuery<{ out_refund_no: string }>(loop.zizhu, `SELECT out_refund_no FROM session_actions WHERE session_id = $1 AND kind = 'REFUND'`, [sessionId]);
  return row!.out_refund_no;
}

/** POST /v1/reconciliations, then GET until the job has finished it. */
async function reconcile(login: string, merchantAccountId: string, billDate: string): Promise<{ status: number; run: Run }> {
  const posted = await loop.request<Run>('POST', '/v1/reconciliations', { token: tokens[login], body: { merchantAccountId, billDate } });
  if (posted.status !== 201 && posted.status !== 200) return { status: posted.status, run: posted.body };
  const run = await until(
    () => loop.request<Run>('GET', `/v1/reconciliations/${posted.body.id}`, { token: tokens[login] }).then((a) => a.body),
    (r) => r.state !== 'RUNNING',
  );
  return { status: posted.status, run };
}

async function advanceSimTo(targetMs: number): Promise<void> {
  const now = (await loop.simRequest<{ nowMs: number }>('GET', '/sim/clock')).body.nowMs;
  if (targetMs > now) expect((await loop.simRequest('POST', '/sim/clock', { advanceSeconds: Math.ceil((targetMs - now) / 1000) })).status).toBe(200);
}

beforeAll(async () => {
  loop = await LoopHarness.start({ sessions: { confirmTimeoutSeconds: 120, startTimeoutSeconds: 120, reconcileAfterSeconds: 1 } });
  for (const login of ['ops@powerbank.demo', 'ops@fridge.demo', 'f1@fridge.demo', 'ops@vendor.demo', 'c1@vendor.demo', 'admin@zizhu.demo']) tokens[login] = await loop.operator(login);
  const plan = { ...DEMO_PLANS.powerbank, rental: { ...DEMO_PLANS.powerbank.rental, unitFen: 1200, freeMinutes: 0, dailyCapFen: 3000 } };
  expect((await loop.request('PUT', `/v1/devices/${device('PB-0001').id}/plan`, { token: tokens['ops@powerbank.demo'], body: { plan } })).status).toBe(200);
  expect((await loop.simRequest('POST', '/sim/settings', { feeRateBasisPoints: 60 })).status).toBe(200);
  // FR-0001 is franchisee 1's; from today its agreement passes WeChat's fee on its sessions on to it (brand collects)
  const today = beijingDate(Date.now());
  const agreement = await loop.request('PUT', `/v1/organizations/${DEMO_ORGS.fridgeF1.id}/agreement`, {
    token: tokens['ops@fridge.demo'],
    body: { commissionBasisPoints: 2000, channelFeePassedOn: true, effectiveFrom: today },
  });
  expect(agreement).toMatchObject({ status: 200, body: { channelFeePassedOn: true, collection: 'BRAND_COLLECTS' } });
  for (const [i, slot] of [2, 3].entries()) pb.push(await paidSession('PB-0001', 'ops@powerbank.demo', `recon-pb-${i}`, { slot }, {}));
  pbRefundNo = await refund('ops@powerbank.demo', pb[1]!.sessionId, 500);
  for (let i = 0; i < 3; i += 1) fr.push(await paidSession('FR-0001', 'ops@fridge.demo', `recon-fr-${i}`, {}, { items: [{ sku: 'sandwich-ham', count: 1 }] }));
  frRefundNo = await refund('ops@fridge.demo', fr[2]!.sessionId, 300);
  frRefundNo2 = await refund('ops@fridge.demo', fr[1]!.sessionId, 100);
  // the brand pays franchisee 2 a closed statement by WeChat merchant transfer (confirmed at once by the payee): money
  // out of the brand's basic account, a 商家转账 row of its fund-flow bill (top-ups are not movements on the bill)
  expect((await loop.simRequest('POST', `/sim/merchants/${DEMO_MERCHANTS.fridge.mchid}/balance`, { availableFen: 10_000_000 })).status).toBe(200);
  expect((await loop.simRequest('POST', '/sim/settings', { transferConfirm: 'auto' })).status).toBe(200);
  expect((await loop.request('PUT', `/v1/organizations/${DEMO_ORGS.fridgeF2.id}/payout-payee`, { token: tokens['ops@fridge.demo'], body: { openid: 'recon-payee-f2' } })).status).toBe(200);
  const [statement] = await systemQuery<{ id: string }>(
    loop.zizhu,
    `INSERT INTO statements (tenant_id, parent_tenant_id, kind, period, period_start, period_end, status, net_fen, payable_fen, closed_at)
     VALUES ($1, $2, 'FRANCHISE', 'MONTHLY', '2026-01-01', '2026-01-31', 'CLOSED', 4321, 4321, now()) RETURNING id`,
    [DEMO_ORGS.fridgeF2.id, DEMO_ORGS.fridge.id],
  );
  const payout = await loop.request<{ id: string; outBillNo: string }>('POST', '/v1/payouts', { token: tokens['ops@fridge.demo'], headers: idem(), body: { statementId: statement!.id, method: 'WECHAT_TRANSFER' } });
  expect(payout.status).toBe(201);
  transferNo = payout.body.outBillNo;
  const paidOut = await until(
    () => loop.request<{ state: string }>('GET', `/v1/payouts/${payout.body.id}`, { token: tokens['ops@fridge.demo'] }).then((a) => a.body),
    (p) => p.state === 'SUCCEEDED',
  );
  expect(paidOut.state).toBe('SUCCEEDED');
  day = beijingDate((await loop.simRequest<{ nowMs: number }>('GET', '/sim/clock')).body.nowMs);
}, 120_000);

afterAll(async () => {
  await loop?.close();
});

describe('reconciliation runs (issue 13)', () => {
  const PB_ACCOUNT = DEMO_MERCHANTS.powerbank.id;
  const FR_ACCOUNT = DEMO_MERCHANTS.fridge.id;

  it('is BILL_NOT_READY before 10:00 Beijing the next day and may run again; then the day reconciles with zero differences and its fees reach the ledger', async () => {
    const dayStart = Date.parse(`${day}T00:00:00+08:00`);
    await advanceSimTo(dayStart + 24 * HOUR + 5 * 60_000); // 00:05 the next day
    const early = await reconcile('ops@powerbank.demo', PB_ACCOUNT, day);
    expect(early).toMatchObject({ status: 201, run: { state: 'BILL_NOT_READY', errorCode: 'PAYSCORE_BILL_NOT_READY', differences: [] } });

    await advanceSimTo(dayStart + 34 * HOUR + 5 * 60_000); // 10:05 the next day
    const { status, run } = await reconcile('ops@powerbank.demo', PB_ACCOUNT, day);
    expect(status).toBe(201);
    expect(run.id).not.toBe(early.run.id);
    // two payments and one refund, every row matched; 0.60% of 1,200 = 7.2 → 7 fen each, the half refund gives 4 back
    expect(run).toMatchObject({ state: 'DONE', matched: 3, payments: 2, refunds: 1, differences: [] });
    expect(run.bills.map((b) => b.bill)).toEqual(['FUND_FLOW', 'TRADE']);
    for (const b of run.bills) expect(b.sha1).toMatch(/^[0-9a-f]{40}$/);
    // the raw file is kept with the hash WeChat gave for it
    const [stored] = await systemQuery<{ content: Buffer; sha1: string }>(loop.zizhu, `SELECT content, sha1 FROM reconciliation_bills WHERE run_id = $1 AND bill = 'TRADE'`, [run.id]);
    expect(createHash('sha1').update(stored!.content).digest('hex')).toBe(stored!.sha1);
    expect(stored!.content.toString('utf8')).toContain(pb[0]!.outOrderNo);
    // the fund-flow bill's refund row (退款, 业务凭证号 = out_refund_no) was compared too, and agreed
    const [fundFlow] = await systemQuery<{ content: Buffer }>(loop.zizhu, `SELECT content FROM reconciliation_bills WHERE run_id = $1 AND bill = 'FUND_FLOW'`, [run.id]);
    expect(parseFundFlowBill(fundFlow!.content.toString('utf8')).rows.filter((r) => r.voucherNo === pbRefundNo).map((r) => [r.businessType, r.direction, r.amountFen])).toEqual(
      expect.arrayContaining([['退款', 'EXPENSE', 500]]),
    );
    expect(run.feeFen).toBeGreaterThan(0);
    const fee = await systemQuery<{ account: string; debit: number; credit: number }>(
      loop.zizhu,
      `SELECT account, sum(debit_fen)::int AS debit, sum(credit_fen)::int AS credit FROM ledger_entries WHERE source_kind = 'CHANNEL_FEE' AND source_id = $1 GROUP BY account ORDER BY account`,
      [`${PB_ACCOUNT}:${day}`],
    );
    expect(fee).toEqual([
      { account: 'FEE_EXPENSE', debit: run.feeFen, credit: 0 },
      { account: 'MERCHANT_CLEARING', debit: 0, credit: run.feeFen },
    ]);

    // the day is DONE: asking again answers the same run (200), and the fee is posted once
    const again = await loop.request<Run>('POST', '/v1/reconciliations', { token: tokens['ops@powerbank.demo'], body: { merchantAccountId: PB_ACCOUNT, billDate: day } });
    expect(again).toMatchObject({ status: 200, body: { id: run.id, state: 'DONE' } });
    const list = await loop.request<{ items: { id: string; state: string }[]; total: number }>('GET', `/v1/reconciliations?merchantAccountId=${PB_ACCOUNT}&state=DONE`, { token: tokens['ops@powerbank.demo'] });
    expect(list.body).toMatchObject({ total: 1, items: [{ id: run.id, state: 'DONE' }] });
  });

  it('a day without business is NO_BILL; a bill whose hash does not match fails the run, which may run again', async () => {
    const noBill = await reconcile('ops@powerbank.demo', PB_ACCOUNT, beijingDate(Date.parse(`${day}T12:00:00+08:00`) - 24 * HOUR));
    expect(noBill).toMatchObject({ status: 201, run: { state: 'NO_BILL', errorCode: 'PAYSCORE_BILL_NO_STATEMENT' } });

    expect((await loop.simRequest('POST', '/sim/bills/file-faults', { fault: 'hash-mismatch', times: 1 })).status).toBe(200);
    const spoiled = await reconcile('ops@fridge.demo', FR_ACCOUNT, day);
    expect(spoiled).toMatchObject({ status: 201, run: { state: 'FAILED', errorCode: 'PAYSCORE_BILL_HASH_MISMATCH', bills: [], differences: [] } });
  });

  it('each kind of difference made at the simulator is found, re-checked by query and shown until an operator resolves it (audited)', async () => {
    const foreignTx = '4200009999202612010000000077';
    const alterations = [
      { billDate: day, bill: 'TRADE', outOrderNo: fr[0]!.outOrderNo, action: 'drop' },
      { billDate: day, bill: 'TRADE', outOrderNo: fr[1]!.outOrderNo, action: 'amount', amountFen: 990 },
      { billDate: day, bill: 'TRADE', outRefundNo: frRefundNo, action: 'refundState', refundState: 'REFUNDCLOSE' },
      { billDate: day, bill: 'TRADE', transactionId: foreignTx, outOrderNo: 'FOREIGN77', action: 'add', amountFen: 500 },
      // the fund-flow bill: one refund row says another amount, another refund's rows are gone
      { billDate: day, bill: 'FUND_FLOW', outRefundNo: frRefundNo, action: 'amount', amountFen: 250 },
      { billDate: day, bill: 'FUND_FLOW', outRefundNo: frRefundNo2, action: 'drop' },
    ];
    expect((await loop.simRequest('POST', '/sim/bills/alterations', alterations)).status).toBe(200);
    const { status, run } = await reconcile('ops@fridge.demo', FR_ACCOUNT, day);
    expect(status).toBe(201);
    expect(run.state).toBe('DONE');
    frRun = run;
    const shown = run.differences.map((d) => [d.kind, d.bill, d.outOrderNo, d.outRefundNo]).sort();
    expect(shown).toEqual(
      [
        ['AMOUNT_MISMATCH', 'TRADE', fr[1]!.outOrderNo, null],
        ['MISSING_AT_WECHAT', 'TRADE', fr[0]!.outOrderNo, null],
        ['MISSING_LOCAL', 'TRADE', 'FOREIGN77', null],
        ['REFUND_STATE_MISMATCH', 'TRADE', fr[2]!.outOrderNo, frRefundNo],
        ['AMOUNT_MISMATCH', 'FUND_FLOW', fr[2]!.outOrderNo, frRefundNo],
        ['MISSING_AT_WECHAT', 'FUND_FLOW', fr[1]!.outOrderNo, frRefundNo2],
      ].sort(),
    );
    // the fund-flow refund differences, re-checked by the refund query: WeChat has both refunds, succeeded, made that day
    const fundFlow = run.differences.filter((d) => d.bill === 'FUND_FLOW');
    expect(fundFlow.find((d) => d.kind === 'AMOUNT_MISMATCH')).toMatchObject({ localFen: 300, billFen: 250, recheck: { query: 'REFUND', status: 'SUCCESS', amountFen: 300, createdOn: day } });
    expect(fundFlow.find((d) => d.kind === 'MISSING_AT_WECHAT')).toMatchObject({ localFen: 100, localState: 'SUCCEEDED', recheck: { query: 'REFUND', status: 'SUCCESS', amountFen: 100, createdOn: day } });
    // the brand's transfer to franchisee 2 is on the day's fund-flow bill and agreed (no difference names it)
    const [stored] = await systemQuery<{ content: Buffer }>(loop.zizhu, `SELECT content FROM reconciliation_bills WHERE run_id = $1 AND bill = 'FUND_FLOW'`, [run.id]);
    expect(parseFundFlowBill(stored!.content.toString('utf8')).rows.filter((r) => r.voucherNo === transferNo).map((r) => [r.businessType, r.direction, r.amountFen])).toEqual([['商家转账', 'EXPENSE', 4321]]);
    expect(run.differences.some((d) => d.outOrderNo === transferNo)).toBe(false);
    const byKind = Object.fromEntries(run.differences.filter((d) => d.bill === 'TRADE').map((d) => [d.kind, d]));
    // the re-check asked WeChat: the dropped order and the altered one are DONE there; the foreign one is not ours; the refund succeeded
    expect(byKind['MISSING_AT_WECHAT']!.recheck).toMatchObject({ query: 'ORDER', state: 'DONE', paidOn: day });
    expect(byKind['AMOUNT_MISMATCH']).toMatchObject({ localFen: 1200, billFen: 990, recheck: { query: 'ORDER', paidFen: 1200 } });
    expect(byKind['MISSING_LOCAL']!.recheck).toMatchObject({ query: 'ORDER', outcome: 'NOT_FOUND' });
    expect(byKind['REFUND_STATE_MISMATCH']).toMatchObject({ localState: 'SUCCEEDED', billState: 'REFUNDCLOSE', recheck: { query: 'REFUND', status: 'SUCCESS' } });

    // other organisations get 404: another operator, a hardware reseller, the brand's franchisee (its money is not its data here)
    for (const login of ['ops@powerbank.demo', 'ops@vendor.demo', 'f1@fridge.demo']) {
      expect((await loop.request('GET', `/v1/reconciliations/${run.id}`, { token: tokens[login] })).status).toBe(404);
    }
    expect((await loop.request('POST', '/v1/reconciliations', { token: tokens['ops@powerbank.demo'], body: { merchantAccountId: FR_ACCOUNT, billDate: day } })).status).toBe(404);
    const target = byKind['MISSING_LOCAL']!;
    const foreign = await loop.request('POST', `/v1/reconciliations/${run.id}/differences/${target.id}/resolve`, { token: tokens['ops@powerbank.demo'], body: { note: 'x' } });
    expect(foreign.status).toBe(404);

    const resolved = await loop.request('POST', `/v1/reconciliations/${run.id}/differences/${target.id}/resolve`, { token: tokens['ops@fridge.demo'], body: { note: '他人订单，已向微信支付核实' } });
    expect(resolved).toMatchObject({ status: 200, body: { id: target.id, resolutionNote: '他人订单，已向微信支付核实', resolvedAt: expect.any(String) } });
    expect((await loop.request('POST', `/v1/reconciliations/${run.id}/differences/${target.id}/resolve`, { token: tokens['ops@fridge.demo'], body: { note: 'again' } })).status).toBe(409);
    const listed = await loop.request<{ items: { id: string; openDifferences: number }[] }>('GET', `/v1/reconciliations?merchantAccountId=${FR_ACCOUNT}&billDate=${day}&state=DONE`, { token: tokens['admin@zizhu.demo'] });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: run.id, openDifferences: 5 })]);
    const audit = await systemQuery<{ n: number }>(loop.zizhu, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'reconciliation.difference.resolve' AND resource_id = $1`, [target.id]);
    expect(audit[0]!.n).toBe(1);
    // the run's open differences reached the brand's alert inbox once (RECONCILIATION_DIFFERENCE), and no other tenant's
    const alerts = await loop.request<{ items: { kind: string; subjectId: string }[] }>('GET', '/v1/alerts?kind=RECONCILIATION_DIFFERENCE', { token: tokens['ops@fridge.demo'] });
    expect(alerts.body.items.filter((a) => a.subjectId === run.id)).toHaveLength(1);
    const elsewhere = await loop.request<{ items: { subjectId: string }[] }>('GET', '/v1/alerts?kind=RECONCILIATION_DIFFERENCE', { token: tokens['ops@powerbank.demo'] });
    expect(elsewhere.body.items.some((a) => a.subjectId === run.id)).toBe(false);
  });

  it('WeChat’s fee on franchisee 1’s orders, passed on by its agreement, is a CHANNEL_FEE line on its statement; the brand keeps the rest of the day’s fee', async () => {
    const run = frRun!;
    expect(run.feeFen).toBeGreaterThan(0);
    // the share is the fee of its own orders' rows in the bill as WeChat printed it (rounding CHANNEL_FEE_PER_ORDER_FROM_BILL);
    // the dropped order has no row; a row of no session of ours would stay the brand's (the foreign one has no fee)
    const [stored] = await systemQuery<{ content: Buffer }>(loop.zizhu, `SELECT content FROM reconciliation_bills WHERE run_id = $1 AND bill = 'TRADE'`, [run.id]);
    const own = new Set(fr.map((s) => s.outOrderNo));
    const share = parseTradeBill(stored!.content.toString('utf8'))
      .rows.filter((r) => own.has(r.outOrderNo) || r.outRefundNo === frRefundNo)
      .reduce((sum, r) => sum + (r.kind === 'PAYMENT' ? r.feeFen : -r.feeFen), 0);
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThanOrEqual(run.feeFen!);
    const fee = await systemQuery<{ tenant_id: string; account: string; fen: number }>(
      loop.zizhu,
      `SELECT tenant_id, account, sum(debit_fen - credit_fen)::int AS fen FROM ledger_entries WHERE source_kind = 'CHANNEL_FEE' AND source_id = $1 GROUP BY tenant_id, account ORDER BY tenant_id, account`,
      [`${FR_ACCOUNT}:${day}`],
    );
    expect(fee).toEqual(
      expect.arrayContaining([
        { tenant_id: DEMO_ORGS.fridge.id, account: 'FEE_EXPENSE', fen: run.feeFen! - share },
        { tenant_id: DEMO_ORGS.fridge.id, account: 'MERCHANT_CLEARING', fen: -run.feeFen! },
        { tenant_id: DEMO_ORGS.fridge.id, account: 'DUE_TO_OWNERS', fen: share },
        { tenant_id: DEMO_ORGS.fridgeF1.id, account: 'FEE_EXPENSE', fen: share },
        { tenant_id: DEMO_ORGS.fridgeF1.id, account: 'DUE_FROM_MERCHANT', fen: -share },
      ]),
    );
    expect(fee).toHaveLength(5);

    // the statement holding the day the fee became known (today) carries it, for the franchisee and its brand alike
    const today = beijingDate(Date.now());
    type Line = { kind: string; amountFen: number; rounding: string | null; quantity: number | null };
    const list = await loop.request<{ items: { id: string; periodStart: string; periodEnd: string }[] }>('GET', `/v1/statements?organizationId=${DEMO_ORGS.fridgeF1.id}&status=OPEN`, {
      token: tokens['f1@fridge.demo'],
    });
    const open = list.body.items.find((i) => i.periodStart <= today && today <= i.periodEnd);
    expect(open).toBeDefined();
    for (const login of ['f1@fridge.demo', 'ops@fridge.demo']) {
      const detail = await loop.request<{ lines: Line[]; payableFen: number; channelFeeFen: number; ownChannelFeeFen: number }>('GET', `/v1/statements/${open!.id}`, { token: tokens[login] });
      expect(detail.status).toBe(200);
      expect(detail.body.lines.filter((l) => l.kind === 'CHANNEL_FEE')).toEqual([expect.objectContaining({ amountFen: -share, quantity: 1, rounding: 'CHANNEL_FEE_PER_ORDER_FROM_BILL' })]);
      // the statement's own total of it (the console's 手续费 column), counted in payableFen; none of its own as merchant of record
      expect([detail.body.channelFeeFen, detail.body.ownChannelFeeFen]).toEqual([share, 0]);
      // brand collects: the payable is every line, the fee passed on included
      expect(detail.body.payableFen).toBe(detail.body.lines.reduce((sum, l) => sum + l.amountFen, 0));
    }
    expect((await loop.request('GET', `/v1/statements/${open!.id}`, { token: tokens['ops@vendor.demo'] })).status).toBe(404);

    // the brand collects and has no statement of its own: its own period figures come from its ledger accounts
    type Figures = { commissionFen: number; feeIncomeFen: number; channelFeeFen: number; channelFeePassedOnFen: number; adjustmentFen: number };
    const [from, to] = day < today ? [day, today] : [today, day];
    const figures = (login: string, org: string) => loop.request<Figures & { code?: string }>('GET', `/v1/ledger/figures?organizationId=${org}&from=${from}&to=${to}`, { token: tokens[login] });
    const [commission] = await systemQuery<{ fen: number }>(
      loop.zizhu,
      `SELECT coalesce(sum(credit_fen - debit_fen), 0)::int AS fen FROM ledger_entries WHERE tenant_id = $1 AND account = 'COMMISSION_INCOME' AND effective_date BETWEEN $2::date AND $3::date`,
      [DEMO_ORGS.fridge.id, from, to],
    );
    const [borne] = await systemQuery<{ fen: number }>(
      loop.zizhu,
      `SELECT coalesce(sum(debit_fen - credit_fen), 0)::int AS fen FROM ledger_entries WHERE tenant_id = $1 AND account = 'FEE_EXPENSE' AND kind = 'CHANNEL_FEE' AND effective_date BETWEEN $2::date AND $3::date`,
      [DEMO_ORGS.fridge.id, from, to],
    );
    const brandFigures = await figures('ops@fridge.demo', DEMO_ORGS.fridge.id);
    expect(brandFigures.status).toBe(200);
    expect(brandFigures.body).toMatchObject({ commissionFen: commission!.fen, channelFeeFen: borne!.fen });
    expect(brandFigures.body.commissionFen).toBeGreaterThan(0);
    // this day's fee: the brand bore the day's total less franchisee 1's share, which is shown as passed on
    expect(brandFigures.body.channelFeeFen).toBeGreaterThanOrEqual(run.feeFen! - share);
    expect(brandFigures.body.channelFeePassedOnFen).toBeGreaterThanOrEqual(share);
    // the franchisee reads its own (the share it bore), not its brand's; another brand gets 404
    const f1Figures = (await figures('f1@fridge.demo', DEMO_ORGS.fridgeF1.id)).body;
    expect(f1Figures.channelFeeFen).toBeGreaterThanOrEqual(share);
    expect(f1Figures.channelFeePassedOnFen).toBe(-f1Figures.channelFeeFen); // all of it passed on to it by its brand
    expect((await figures('f1@fridge.demo', DEMO_ORGS.fridge.id)).status).toBe(404);
    expect((await figures('ops@vendor.demo', DEMO_ORGS.fridge.id)).status).toBe(404);
  });

  it('a refund the bill still prints PROCESSING (its state when it started) clears on the re-check by query and is not shown; a real difference in the same run stays', async () => {
    // the next day of the simulator's business clock (moved past the first day above), which nothing has reconciled yet
    const nextDay = beijingDate((await loop.simRequest<{ nowMs: number }>('GET', '/sim/clock')).body.nowMs);
    expect(nextDay > day).toBe(true);
    const session = await paidSession('FR-0001', 'ops@fridge.demo', 'recon-fr-recheck', {}, { items: [{ sku: 'sandwich-ham', count: 1 }] });
    const refundNo = await refund('ops@fridge.demo', session.sessionId, 200);
    const alterations = [
      { billDate: nextDay, bill: 'TRADE', outRefundNo: refundNo, action: 'refundState', refundState: 'PROCESSING' },
      { billDate: nextDay, bill: 'TRADE', transactionId: '4200009999202612020000000088', outOrderNo: 'FOREIGN88', action: 'add', amountFen: 700 },
    ];
    expect((await loop.simRequest('POST', '/sim/bills/alterations', alterations)).status).toBe(200);
    await advanceSimTo(Date.parse(`${nextDay}T00:00:00+08:00`) + 34 * HOUR + 5 * 60_000); // 10:05 the day after
    const { status, run } = await reconcile('ops@fridge.demo', FR_ACCOUNT, nextDay);
    expect(status).toBe(201);
    expect(run.state).toBe('DONE');

    // the bill WeChat served does print the refund PROCESSING, while it succeeded here and at WeChat…
    const [stored] = await systemQuery<{ content: Buffer }>(loop.zizhu, `SELECT content FROM reconciliation_bills WHERE run_id = $1 AND bill = 'TRADE'`, [run.id]);
    const refundLine = stored!.content
      .toString('utf8')
      .split('\n')
      .find((line) => line.includes(refundNo));
    expect(refundLine).toContain('PROCESSING');
    const atWechat = await loop.simRequest<{ refunds: { outRefundNo: string; status: string }[] }>('GET', '/sim/state');
    expect(atWechat.body.refunds.filter((r) => r.outRefundNo === refundNo).map((r) => r.status)).toEqual(['SUCCESS']);
    // …so the re-check by query clears it: counted as matched (the payment and the refund), never shown, while the
    // foreign payment row the re-check cannot find stays open
    expect(run).toMatchObject({ payments: 2, refunds: 1, matched: 2 });
    expect(run.differences.map((d) => [d.kind, d.bill, d.outOrderNo, d.outRefundNo, d.resolvedAt])).toEqual([['MISSING_LOCAL', 'TRADE', 'FOREIGN88', null, null]]);
    expect(run.differences[0]!.recheck).toMatchObject({ query: 'ORDER', outcome: 'NOT_FOUND' });
    const listed = await loop.request<{ items: { id: string; openDifferences: number }[] }>('GET', `/v1/reconciliations?merchantAccountId=${FR_ACCOUNT}&billDate=${nextDay}`, { token: tokens['ops@fridge.demo'] });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: run.id, openDifferences: 1 })]);
  });

  it('the daily job starts yesterday’s run of each account after 10:00 Beijing, once; a reseller never sees its customers’ runs', async () => {
    const jobs = loop.zizhu.app.get(ReconciliationJobs);
    const today = beijingDate(Date.now());
    expect(await jobs.daily(new Date(`${today}T09:59:00+08:00`))).toEqual({ started: 0 });
    const first = await jobs.daily(new Date(`${today}T10:30:00+08:00`));
    expect(first.started).toBeGreaterThanOrEqual(1);
    expect(await jobs.daily(new Date(`${today}T10:45:00+08:00`))).toEqual({ started: 0 }); // RUNNING or finished: not again
    const yesterday = beijingDate(Date.now() - 24 * HOUR);
    const customer = await until(
      () => loop.request<{ items: { state: string; merchantAccountId: string }[]; total: number }>('GET', `/v1/reconciliations?billDate=${yesterday}`, { token: tokens['c1@vendor.demo'] }).then((a) => a.body),
      (b) => b.total === 1 && b.items[0]!.state !== 'RUNNING',
    );
    expect(customer.items).toEqual([expect.objectContaining({ merchantAccountId: DEMO_MERCHANTS.vendorC1.id, state: 'NO_BILL' })]);
    expect((await loop.request<{ total: number }>('GET', '/v1/reconciliations', { token: tokens['ops@vendor.demo'] })).body.total).toBe(0);
  });
});
