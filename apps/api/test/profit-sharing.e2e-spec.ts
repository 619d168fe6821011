// Issue 12, the franchisee-collects mode end to end over loopback: the franchisee's own merchant account charges its
// devices' sessions (completed with profit_sharing), and a per-order split sends the brand its commission.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { DEMO_MERCHANTS, DEMO_ORGS, DEMO_PLANS, DEMO_SITES } from '../src/modules/demo/demo-data.js';
import { AlertsEvaluator } from '../src/modules/alerts/alerts.evaluator.js';
import { SessionEngine } from '../src/modules/sessions/session-engine.service.js';
import { ProfitSharingService } from '../src/modules/settlement/profit-sharing.service.js';
import { StatementsService } from '../src/modules/settlement/statements.service.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { DemoFleet, ledgerCheck, refundAndWait, registerFranchiseeMerchant, runSplit as splitAttempt, type Session, systemSql } from './support/franchise-loop.js';
import { LoopHarness } from './support/loop-harness.js';

let loop: LoopHarness;
let fleet: DemoFleet;
const tokens: Record<string, string> = {};
let franchiseeMchid = '';
let franchiseeAccountId = '';
let franchiseeServiceId = '';
/** The sessions made here, by the openid that used them. */
const sessions = new Map<string, Session>();

const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => systemSql(loop)<T>(text, params);
const splits = () => loop.zizhu.app.get(ProfitSharingService);
const shanghaiToday = () => new Date(loop.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A fridge session on FR-0001 (franchisee 1's), scanned, confirmed, used (one cola, 350 fen) and paid. */
const paidSession = async (openid: string): Promise<Session> => {
  const session = await fleet.paidSession(openid, 'FR-0001', [{ sku: 'cola-330', count: 1 }], 350);
  sessions.set(openid, session);
  return session;
};

/** Runs the split job's attempt as the worker would, moving the business clocks past its settle and processing delays. */
const runSplit = (sessionId: string, now?: Date) => splitAttempt(loop, sessionId, now);

/** Refunds `amountFen` of a session through the operator API and waits until WeChat's refund succeeded. */
async function refund(sessionId: string, amountFen: number): Promise<void> {
  expect(await refundAndWait(loop, tokens['f1@fridge.demo']!, sessionId, amountFen)).toBe('SUCCEEDED');
}

/** What the franchisee still owes the brand (> 0) or the brand owes it back (< 0) for one order, from the ledger. */
async function payable(sessionId: string): Promise<number> {
  const [row] = await sql<{ fen: string }>(
    `SELECT coalesce(sum(credit_fen - debit_fen), 0) AS fen FROM ledger_entries WHERE session_id = $1 AND tenant_id = $2 AND account = 'COMMISSION_PAYABLE'`,
    [sessionId, DEMO_ORGS.fridgeF1.id],
  );
  return Number(row!.fen);
}

type Run = {
  id: string;
  state: string;
  feeFen: number | null;
  bills: { bill: string; sha1: string; rows: number }[];
  differences: { kind: string; bill: string; outOrderNo: string | null; outRefundNo: string | null; localFen: number | null; billFen: number | null; recheck: Record<string, unknown> }[];
};

/** The franchisee's reconciliation of `billDate`, asked for by its admin and read until the job has finished it. */
async function reconcile(billDate: string): Promise<Run> {
  const posted = await loop.request<Run>('POST', '/v1/reconciliations', { token: tokens['f1@fridge.demo'], body: { merchantAccountId: franchiseeAccountId, billDate } });
  expect(posted.status).toBe(201);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const run = (await loop.request<Run>('GET', `/v1/reconciliations/${posted.body.id}`, { token: tokens['f1@fridge.demo'] })).body;
    if (run.state !== 'RUNNING' || Date.now() > deadline) return run;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The PAYOUT_FAILED alerts about one subject that `login` sees. */
async function failureAlerts(login: string, subjectId: string): Promise<{ subjectType: string; facts: Record<string, unknown> }[]> {
  const answer = await loop.request<{ items: { subjectType: string; subjectId: string; facts: Record<string, unknown> }[] }>('GET', '/v1/alerts?kind=PAYOUT_FAILED', { token: tokens[login] });
  return answer.body.items.filter((a) => a.subjectId === subjectId);
}

beforeAll(async () => {
  loop = await LoopHarness.start({ sessions: { confirmTimeoutSeconds: 10, startTimeoutSeconds: 5, reconcileAfterSeconds: 1 } });
  // a business day of its own: both clocks start at 09:00 Shanghai the next morning, so every split and bill row of this
  // file falls on one day, whenever the suite runs (a run crossing midnight in Beijing split them over two bills)
  await loop.advanceTo(new Date(Date.parse(`${shanghaiToday()}T09:00:00+08:00`) + 86_400_000));
  for (const login of ['ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'ops@vendor.demo', 'ops@powerbank.demo']) tokens[login] = await loop.operator(login);
  // the franchisee's own Pay Score merchant (registered with "WeChat"), bound to the brand's mini-program appid
  const registered = await registerFranchiseeMerchant(loop, tokens['f1@fridge.demo']!, '西湖加盟店商户号');
  franchiseeMchid = registered.mchid;
  franchiseeAccountId = registered.accountId;
  franchiseeServiceId = registered.serviceId;
  const agreement = await loop.request('PUT', `/v1/organizations/${DEMO_ORGS.fridgeF1.id}/agreement`, {
    token: tokens['ops@fridge.demo'],
    body: { commissionBasisPoints: 1000, collection: 'FRANCHISEE_COLLECTS', effectiveFrom: shanghaiToday() },
  });
  expect(agreement.status).toBe(200);
  fleet = await DemoFleet.start(loop, ['FR-0001'], () => tokens['ops@fridge.demo']!);
});

afterAll(async () => {
  await fleet.stop();
  await loop.close();
});

describe('franchisee collects: merchant of record and profit sharing (issue 12)', () => {
  it('registers a device of a franchisee that collects itself with its own service (the scenario guard knows it); a franchisee its brand collects for cannot use it', async () => {
    const register = (login: string, site: string, code: string) =>
      loop.request<{ code?: string; errors?: { field: string }[] }>('POST', '/v1/devices', {
        token: tokens[login],
        body: { siteId: site, code, type: 'FRIDGE', plan: DEMO_PLANS.fridge, payscoreServiceId: franchiseeServiceId },
      });
    const own = await register('f1@fridge.demo', DEMO_SITES.fridgeWestLake.id, 'FR-OWN-1');
    expect(own.status).toBe(201);
    expect(await systemSql(loop)<{ payscore_service_id: string }>(`SELECT payscore_service_id FROM devices WHERE code = 'FR-OWN-1'`)).toEqual([{ payscore_service_id: franchiseeServiceId }]);
    const other = await register('f2@fridge.demo', DEMO_SITES.fridgeBinjiang.id, 'FR-OWN-2');
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ code: 'PAYSCORE_SERVICE_NOT_FOUND', errors: [{ field: 'payscoreServiceId' }] });
  });

  it('charges the franchisee’s session through its own account with profit_sharing, and splits the commission to the brand after a minute', async () => {
    const session = await paidSession('ps-happy');
    const [row] = await sql<{ merchant_tenant_id: string; profit_sharing: boolean }>(`SELECT merchant_tenant_id, profit_sharing FROM service_sessions WHERE id = $1`, [session.sessionId]);
    expect(row).toEqual({ merchant_tenant_id: DEMO_ORGS.fridgeF1.id, profit_sharing: true });
    const order = (await loop.simRequest('GET', `/sim/orders/${encodeURIComponent(session.outOrderNo)}`)).body;
    // charged by the franchisee's own mchid; the split below succeeds only on a payment frozen for profit sharing
    expect(order).toMatchObject({ mchid: franchiseeMchid, state: 'DONE', total_amount: 350 });

    expect(await runSplit(session.sessionId)).toBe('FINISHED');
    const [split] = await sql<Record<string, unknown>>(`SELECT state, amount_fen, net_fen, receiver_mchid, receiver_result FROM profit_sharing_orders WHERE session_id = $1`, [
      session.sessionId,
    ]);
    // ⌊350 × 1000 ÷ 10,000⌋ = 35 fen to the brand's merchant account
    expect(split).toMatchObject({ state: 'FINISHED', receiver_mchid: DEMO_MERCHANTS.fridge.mchid, receiver_result: 'SUCCESS' });
    expect(Number(split!['amount_fen'])).toBe(35);
    expect(Number(split!['net_fen'])).toBe(350);
    // run again (a retried job): nothing is split or posted twice
    expect(await splits().split({ sessionId: session.sessionId })).toBe('FINISHED');
    const entries = await sql<{ tenant_id: string; account: string; debit_fen: string; credit_fen: string }>(
      `SELECT tenant_id, account, debit_fen, credit_fen FROM ledger_entries WHERE session_id = $1 AND kind = 'SPLIT' ORDER BY id`,
      [session.sessionId],
    );
    expect(entries.map((e) => [e.tenant_id, e.account, Number(e.debit_fen), Number(e.credit_fen)])).toEqual([
      [DEMO_ORGS.fridgeF1.id, 'COMMISSION_PAYABLE', 35, 0],
      [DEMO_ORGS.fridgeF1.id, 'MERCHANT_CLEARING', 0, 35],
      [DEMO_ORGS.fridge.id, 'MERCHANT_CLEARING', 35, 0],
      [DEMO_ORGS.fridge.id, 'COMMISSION_RECEIVABLE', 0, 35],
    ]);
    // the commission the sale posted as payable is settled by the split
    const [payable] = await sql<{ fen: string }>(
      `SELECT coalesce(sum(debit_fen - credit_fen), 0) AS fen FROM ledger_entries WHERE session_id = $1 AND tenant_id = $2 AND account = 'COMMISSION_PAYABLE'`,
      [session.sessionId, DEMO_ORGS.fridgeF1.id],
    );
    expect(Number(payable!.fen)).toBe(0);
    expect(await ledgerCheck(loop)).toEqual({ mismatches: [], unbalancedPostings: [] });
  });

  it('queries a split whose answer was lost by its out_order_no instead of sending it again', async () => {
    const session = await paidSession('ps-lost-answer');
    // WeChat makes the split, its answer never arrives (the query route stays untouched)
    await loop.simRequest('POST', '/sim/faults', { rules: [{ path: '^/v3/profitsharing/orders$', status: 500, phase: 'after' }] });
    await loop.advance(61);
    try {
      await expect(splits().split({ sessionId: session.sessionId })).rejects.toThrow();
    } finally {
      await loop.simRequest('POST', '/sim/faults', { rules: [] });
    }
    expect(await runSplit(session.sessionId)).toBe('FINISHED');
    const [split] = await sql<{ out_order_no: string; attempts: number }>(`SELECT out_order_no, attempts FROM profit_sharing_orders WHERE session_id = $1`, [session.sessionId]);
    const state = JSON.stringify((await loop.simRequest('GET', '/sim/profit-sharing')).body);
    // the split WeChat made under the lost answer is the one recorded (found by its number), posted once
    expect(state).toContain(`"${split!.out_order_no}"`);
    expect(split!.attempts).toBeGreaterThanOrEqual(2);
    expect(await sql(`SELECT 1 FROM ledger_entries WHERE session_id = $1 AND kind = 'SPLIT'`, [session.sessionId])).toHaveLength(4);
  });

  it('records a split whose receiver line failed at WeChat as FAILED with the reason', async () => {
    const session = await paidSession('ps-receiver-fails');
    expect((await loop.simRequest('POST', '/sim/profit-sharing/receiver-failures', { account: DEMO_MERCHANTS.fridge.mchid })).status).toBe(200);
    expect(await runSplit(session.sessionId)).toBe('FAILED');
    const [split] = await sql<{ state: string; failure: string }>(`SELECT state, failure FROM profit_sharing_orders WHERE session_id = $1`, [session.sessionId]);
    expect(split!.failure).toMatch(/^RECEIVER_FAILED CLOSED ACCOUNT_ABNORMAL/);
    expect(await sql(`SELECT 1 FROM ledger_entries WHERE session_id = $1 AND kind = 'SPLIT'`, [session.sessionId])).toEqual([]);

    // WeChat finished the order (unfreeze_unsplit): a retry is refused with the reason; the commission stays owed
    const [{ id }] = (await sql<{ id: string }>(`SELECT id FROM profit_sharing_orders WHERE session_id = $1`, [session.sessionId])) as [{ id: string }];
    const refused = await loop.request<{ code: string }>('POST', `/v1/profit-sharing-orders/${id}/retry`, { token: tokens['ops@fridge.demo'], headers: { 'idempotency-key': `closed-${id}` } });
    expect(refused).toMatchObject({ status: 422, body: { code: 'PROFIT_SHARING_NOT_RETRYABLE' } });
    // PAYOUT_FAILED reached the franchisee's and its brand's inboxes once, and no one else's
    expect(await failureAlerts('ops@fridge.demo', id)).toEqual([expect.objectContaining({ subjectType: 'profit-sharing-order', facts: expect.objectContaining({ what: 'SPLIT', amountFen: 35 }) })]);
    expect(await failureAlerts('f1@fridge.demo', id)).toHaveLength(1);
    expect(await failureAlerts('f2@fridge.demo', id)).toEqual([]);
    expect(await failureAlerts('ops@powerbank.demo', id)).toEqual([]);
    expect(await splits().split({ sessionId: session.sessionId })).toBe('FAILED'); // the job again: no second alert
    expect(await failureAlerts('ops@fridge.demo', id)).toHaveLength(1);
  });

  it('shows splits to the brand and the franchisee only: another franchisee, a reseller or another brand sees none and gets 404', async () => {
    const ids = async (login: string) => (await loop.request<{ items: { id: string }[]; total: number }>('GET', '/v1/profit-sharing-orders', { token: tokens[login] })).body;
    const brand = await ids('ops@fridge.demo');
    expect(brand.total).toBeGreaterThan(0);
    expect((await ids('f1@fridge.demo')).items.map((i) => i.id).sort()).toEqual(brand.items.map((i) => i.id).sort());
    for (const login of ['f2@fridge.demo', 'ops@vendor.demo', 'ops@powerbank.demo']) {
      expect(await ids(login)).toEqual({ items: [], total: 0 });
      expect((await loop.request('GET', `/v1/profit-sharing-orders/${brand.items[0]!.id}`, { token: tokens[login] })).status).toBe(404);
    }
    const refused = await loop.request('POST', `/v1/profit-sharing-orders/${brand.items[0]!.id}/retry`, { token: tokens['f2@fridge.demo'], headers: { 'idempotency-key': 'f2-retry' } });
    expect(refused.status).toBe(404);
  });

  it('refuses a split above the merchant’s maximum ratio at WeChat with a clear reason, then retries it once the maximum is raised', async () => {
    const session = await paidSession('ps-ratio');
    expect((await loop.simRequest('POST', `/sim/merchants/${franchiseeMchid}/profit-sharing-max-ratio`, { maxRatio: 500 })).status).toBe(200);
    try {
      expect(await runSplit(session.sessionId)).toBe('FAILED');
    } finally {
      await loop.simRequest('POST', `/sim/merchants/${franchiseeMchid}/profit-sharing-max-ratio`, { maxRatio: 3000 });
    }
    const [split] = await sql<{ failure: string }>(`SELECT failure FROM profit_sharing_orders WHERE session_id = $1`, [session.sessionId]);
    expect(split!.failure).toMatch(/^SPLIT_REFUSED /);

    // the merchant's maximum was raised: a retry from the console splits it
    // the console's retry: a new out_order_no, the durable job queued; run here as the worker would
    const listed = await loop.request<{ items: { id: string; sessionId: string; state: string }[] }>('GET', '/v1/profit-sharing-orders?state=FAILED', { token: tokens['ops@fridge.demo'] });
    const failed = listed.body.items.find((i) => i.sessionId === session.sessionId)!;
    expect(failed).toMatchObject({ state: 'FAILED' });
    const headers = { 'idempotency-key': `retry-${failed.id}` };
    const retried = await loop.request<{ state: string; outOrderNo: string; retries: number }>('POST', `/v1/profit-sharing-orders/${failed.id}/retry`, { token: tokens['ops@fridge.demo'], headers });
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({ state: 'PENDING', retries: 1, outOrderNo: expect.stringMatching(/R1$/) });
    // the same Idempotency-Key answers the same, nothing retried twice
    expect((await loop.request('POST', `/v1/profit-sharing-orders/${failed.id}/retry`, { token: tokens['ops@fridge.demo'], headers })).body).toEqual(retried.body);
    const outcome = await runSplit(session.sessionId);
    expect([outcome, (await sql(`SELECT failure FROM profit_sharing_orders WHERE id = $1`, [failed.id]))[0]]).toEqual(['FINISHED', { failure: null }]);
    expect((await loop.request('GET', `/v1/profit-sharing-orders/${failed.id}`, { token: tokens['f1@fridge.demo'] })).body).toMatchObject({ state: 'FINISHED', amountFen: 35, failure: null });
    expect(await sql(`SELECT 1 FROM ledger_entries WHERE session_id = $1 AND kind = 'SPLIT'`, [session.sessionId])).toHaveLength(4);
    // only a FAILED one is retried
    const again = await loop.request<{ code: string }>('POST', `/v1/profit-sharing-orders/${failed.id}/retry`, { token: tokens['ops@fridge.demo'], headers: { 'idempotency-key': `again-${failed.id}` } });
    expect(again).toMatchObject({ status: 422, body: { code: 'PROFIT_SHARING_NOT_RETRYABLE' } });
  });

  it('refuses and flags a split more than 30 days after the payment', async () => {
    const session = await paidSession('ps-window');
    expect(await splits().split({ sessionId: session.sessionId }, new Date(loop.clock.now().getTime() + 31 * 86_400_000))).toBe('FAILED');
    const [split] = await sql<{ state: string; failure: string }>(`SELECT state, failure FROM profit_sharing_orders WHERE session_id = $1`, [session.sessionId]);
    expect(split).toMatchObject({ state: 'FAILED', failure: expect.stringMatching(/^SPLIT_WINDOW_EXPIRED/) });
  });

  it('refund before the split: the split takes the net after the refund', async () => {
    const session = await paidSession('ps-refund-before');
    await refund(session.sessionId, 100);
    expect(await runSplit(session.sessionId)).toBe('FINISHED');
    const [split] = await sql<{ net_fen: string; amount_fen: string }>(`SELECT net_fen, amount_fen FROM profit_sharing_orders WHERE session_id = $1`, [session.sessionId]);
    // ⌊250 × 1000 ÷ 10,000⌋ = 25
    expect([Number(split!.net_fen), Number(split!.amount_fen)]).toEqual([250, 25]);
    expect(await sql(`SELECT 1 FROM profit_sharing_returns WHERE session_id = $1`, [session.sessionId])).toEqual([]);
    expect(await payable(session.sessionId)).toBe(0);
  });

  it('refund after the split: the brand’s share is returned (回退) before the refund, and the ledger balances', async () => {
    const session = await paidSession('ps-refund-after');
    expect(await runSplit(session.sessionId)).toBe('FINISHED');
    await refund(session.sessionId, 100);
    const [ret] = await sql<{ state: string; amount_fen: string }>(`SELECT state, amount_fen FROM profit_sharing_returns WHERE session_id = $1`, [session.sessionId]);
    // ⌊350 × 0.1⌋ − ⌊250 × 0.1⌋ = 35 − 25 = 10 fen back from the brand
    expect([ret!.state, Number(ret!.amount_fen)]).toEqual(['SUCCEEDED', 10]);
    expect(await sql(`SELECT 1 FROM ledger_entries WHERE session_id = $1 AND kind = 'SPLIT_RETURN'`, [session.sessionId])).toHaveLength(4);
    expect(await payable(session.sessionId)).toBe(0);
    expect(await ledgerCheck(loop)).toEqual({ mismatches: [], unbalancedPostings: [] });
  });

  it('a return that is impossible (the brand’s balance is short) fails, the refund still goes ahead, and the commission owed back is carried into the next statement', async () => {
    const session = await paidSession('ps-return-fails');
    expect(await runSplit(session.sessionId)).toBe('FINISHED');
    const balance = (await loop.simRequest<{ availableFen: number }>('GET', `/sim/merchants/${DEMO_MERCHANTS.fridge.mchid}/balance`)).body.availableFen;
    await loop.simRequest('POST', `/sim/merchants/${DEMO_MERCHANTS.fridge.mchid}/balance`, { availableFen: 0 });
    try {
      await refund(session.sessionId, 100);
    } finally {
      await loop.simRequest('POST', `/sim/merchants/${DEMO_MERCHANTS.fridge.mchid}/balance`, { availableFen: balance });
    }
    const [ret] = await sql<{ state: string; failure: string }>(`SELECT state, failure FROM profit_sharing_returns WHERE session_id = $1`, [session.sessionId]);
    expect(ret).toMatchObject({ state: 'FAILED', failure: expect.stringMatching(/BALANCE_NOT_ENOUGH|NOT_ENOUGH|余额/) });
    // the brand owes the franchisee the 10 fen the refund took back from the commission
    expect(await payable(session.sessionId)).toBe(-10);

    // carried into the franchisee's next statement to close, once, as a line in its favour
    const statements = loop.zizhu.app.get(StatementsService);
    const tx = loop.zizhu.app.get(Transactions);
    await tx.asSystem((m) => statements.openDue(m, loop.clock.now()));
    const [open] = await sql<{ id: string; period_end: string }>(
      `SELECT id, to_char(period_end, 'YYYY-MM-DD') AS period_end FROM statements WHERE tenant_id = $1 AND status = 'OPEN' ORDER BY period_start LIMIT 1`,
      [DEMO_ORGS.fridgeF1.id],
    );
    const after = new Date(`${open!.period_end}T00:00:00+08:00`).getTime() + 2 * 86_400_000;
    await tx.asSystem((m) => statements.closeIn(m, open!.id, new Date(after), null));
    const lines = await sql<{ kind: string; amount_fen: string; description: string }>(`SELECT kind, amount_fen, description FROM statement_lines WHERE statement_id = $1`, [open!.id]);
    expect(lines.filter((l) => l.description.startsWith('分账回退失败')).map((l) => [l.kind, Number(l.amount_fen)])).toEqual([['ADJUSTMENT', 10]]);
    expect(await sql(`SELECT 1 FROM profit_sharing_returns WHERE session_id = $1 AND carried_statement_id = $2`, [session.sessionId, open!.id])).toHaveLength(1);
    // the failed return raised PAYOUT_FAILED for the franchisee, seen by its brand, once
    const [failedReturn] = await sql<{ id: string }>(`SELECT id FROM profit_sharing_returns WHERE session_id = $1`, [session.sessionId]);
    for (const login of ['ops@fridge.demo', 'f1@fridge.demo']) {
      expect(await failureAlerts(login, failedReturn!.id)).toEqual([expect.objectContaining({ subjectType: 'profit-sharing-return', facts: expect.objectContaining({ what: 'SPLIT_RETURN', amountFen: 10 }) })]);
    }
    expect(await failureAlerts('f2@fridge.demo', failedReturn!.id)).toEqual([]);
  });

  it('a complaint to the franchisee’s own merchant account is the franchisee’s to answer, not its brand’s', async () => {
    const session = await paidSession('ps-complaint');
    const f1 = tokens['f1@fridge.demo']!;
    expect((await loop.request('PUT', `/v1/merchant-accounts/${franchiseeAccountId}/complaint-notification-url`, { token: f1 })).status).toBe(200);
    expect((await loop.simRequest('POST', '/sim/complaints', { mchid: franchiseeMchid, outOrderNo: session.outOrderNo, text: '可乐是温的' })).status).toBe(200);
    let complaintId: string | undefined;
    for (const until = Date.now() + 20_000; !complaintId && Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
      const list = await loop.request<{ items: { id: string; sessionId: string | null; merchantAccountId: string }[] }>('GET', `/v1/complaints?sessionId=${session.sessionId}`, { token: f1 });
      complaintId = list.body.items.find((c) => c.merchantAccountId === franchiseeAccountId)?.id;
    }
    expect(complaintId).toBeDefined();
    // the brand sees its franchisee's complaint about a session on its network, but the merchant of record answers
    const byBrand = await loop.request<{ code: string }>('POST', `/v1/complaints/${complaintId}/reply`, { token: tokens['ops@fridge.demo'], headers: { 'idempotency-key': `brand-${complaintId}` }, body: { content: 'x' } });
    expect(byBrand).toMatchObject({ status: 404, body: { code: 'COMPLAINT_NOT_YOURS_TO_ACT' } });
    const byFranchisee = await loop.request('POST', `/v1/complaints/${complaintId}/reply`, { token: f1, headers: { 'idempotency-key': `f1-${complaintId}` }, body: { content: '抱歉，已为您退款' } });
    expect(byFranchisee.status).toBe(202);
  });

  it('reconciles the franchisee’s day with its profit-sharing bill: splits and returns match with zero differences; each kind of difference made at the simulator is found and re-checked', async () => {
    const dayOf = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
    const simNow = (await loop.simRequest<{ nowMs: number }>('GET', '/sim/clock')).body.nowMs;
    const day = dayOf(simNow);
    const target = Date.parse(`${day}T10:05:00+08:00`) + 86_400_000;
    expect((await loop.simRequest('POST', '/sim/clock', { advanceSeconds: Math.ceil((target - simNow) / 1000) })).status).toBe(200);
    const clean = await reconcile(day);
    expect(clean).toMatchObject({ state: 'DONE', differences: [] });
    expect(clean.bills.map((b) => b.bill)).toEqual(['FUND_FLOW', 'PROFIT_SHARING', 'TRADE']);
    const [stored] = await sql<{ content: Buffer; sha1: string; rows: number }>(`SELECT content, sha1, rows FROM reconciliation_bills WHERE run_id = $1 AND bill = 'PROFIT_SHARING'`, [clean.id]);
    expect(createHash('sha1').update(stored!.content).digest('hex')).toBe(stored!.sha1);
    const splitRows = await sql<{ out_order_no: string }>(`SELECT out_order_no FROM profit_sharing_orders WHERE merchant_account_id = $1 AND wechat_order_id IS NOT NULL`, [franchiseeAccountId]);
    for (const r of splitRows) expect(stored!.content.toString('utf8')).toContain(r.out_order_no);

    // WeChat's fee on the day (issue 12): the franchisee is the merchant of record and bears it. It became known today,
    // after the statement holding today was closed above, so it lands on the next statement to close, as its own fee
    // (shown, not owed to the brand), and the closed statement does not change.
    expect(clean.feeFen).toBeGreaterThan(0);
    const [posted] = await sql<{ day: string; fen: string }>(
      `SELECT to_char(min(effective_date), 'YYYY-MM-DD') AS day, sum(debit_fen - credit_fen) AS fen FROM ledger_entries
        WHERE source_kind = 'CHANNEL_FEE' AND source_id = $1 AND tenant_id = $2 AND account = 'FEE_EXPENSE'`,
      [`${franchiseeAccountId}:${day}`, DEMO_ORGS.fridgeF1.id],
    );
    expect(posted).toMatchObject({ day: shanghaiToday() });
    expect(Number(posted!.fen)).toBe(clean.feeFen);
    const closedThen = await sql<{ id: string }>(`SELECT id FROM statements WHERE tenant_id = $1 AND status <> 'OPEN' AND period_start <= $2::date AND period_end >= $2::date`, [
      DEMO_ORGS.fridgeF1.id,
      posted!.day,
    ]);
    for (const c of closedThen) expect(await sql(`SELECT 1 FROM statement_lines WHERE statement_id = $1 AND kind = 'CHANNEL_FEE'`, [c.id])).toEqual([]);
    const tx = loop.zizhu.app.get(Transactions);
    await tx.asSystem((m) => loop.zizhu.app.get(StatementsService).openDue(m, new Date(loop.clock.now().getTime() + 40 * 86_400_000)));
    const [next] = await sql<{ id: string }>(`SELECT id FROM statements WHERE tenant_id = $1 AND status = 'OPEN' ORDER BY period_start LIMIT 1`, [DEMO_ORGS.fridgeF1.id]);
    type Line = { kind: string; description: string; amountFen: number; rounding: string | null };
    const statement = await loop.request<{ lines: Line[] }>('GET', `/v1/statements/${next!.id}`, { token: tokens['f1@fridge.demo'] });
    expect(statement.body.lines.filter((l) => l.kind === 'CHANNEL_FEE')).toEqual([
      expect.objectContaining({ amountFen: -clean.feeFen!, rounding: 'CHANNEL_FEE_PER_ORDER_FROM_BILL', description: expect.stringContaining('不计入应付') }),
    ]);

    // the same day again, as if that run had failed, with WeChat's profit-sharing bill altered four ways
    await sql(`UPDATE reconciliation_runs SET state = 'FAILED' WHERE id = $1`, [clean.id]);
    const splitOf = async (openid: string) =>
      (await sql<{ out_order_no: string; transaction_id: string }>(`SELECT out_order_no, transaction_id FROM profit_sharing_orders WHERE session_id = $1`, [sessions.get(openid)!.sessionId]))[0]!;
    const dropped = await splitOf('ps-happy');
    const changed = await splitOf('ps-lost-answer');
    const [ret] = await sql<{ out_return_no: string }>(`SELECT out_return_no FROM profit_sharing_returns WHERE session_id = $1 AND state = 'SUCCEEDED'`, [sessions.get('ps-refund-after')!.sessionId]);
    const alterations = [
      { billDate: day, bill: 'PROFIT_SHARING', outOrderNo: dropped.out_order_no, action: 'drop' },
      { billDate: day, bill: 'PROFIT_SHARING', outOrderNo: changed.out_order_no, action: 'amount', amountFen: 99 },
      { billDate: day, bill: 'PROFIT_SHARING', outOrderNo: ret!.out_return_no, action: 'refundState', refundState: 'FAILED' },
      { billDate: day, bill: 'PROFIT_SHARING', transactionId: '4200009999202612010000000088', outOrderNo: 'FOREIGNPS88', action: 'add', amountFen: 500 },
    ];
    expect((await loop.simRequest('POST', '/sim/bills/alterations', alterations)).status).toBe(200);
    try {
      const run = await reconcile(day);
      expect(run.state).toBe('DONE');
      expect(run.differences.map((d) => [d.kind, d.bill, d.outOrderNo, d.outRefundNo]).sort()).toEqual(
        [
          ['AMOUNT_MISMATCH', 'PROFIT_SHARING', changed.out_order_no, null],
          ['MISSING_AT_WECHAT', 'PROFIT_SHARING', dropped.out_order_no, null],
          ['MISSING_LOCAL', 'PROFIT_SHARING', 'FOREIGNPS88', null],
          ['REFUND_STATE_MISMATCH', 'PROFIT_SHARING', expect.stringMatching(/^PS/), ret!.out_return_no],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
      const byKind = Object.fromEntries(run.differences.map((d) => [d.kind, d]));
      // re-checked by query: WeChat has the dropped split (made that day) and the altered one at 35 fen; the foreign one is not ours; the return succeeded
      expect(byKind['MISSING_AT_WECHAT']!.recheck).toMatchObject({ query: 'PROFIT_SHARING_ORDER', state: 'FINISHED', result: 'SUCCESS', createdOn: day });
      expect(byKind['AMOUNT_MISMATCH']).toMatchObject({ localFen: 35, billFen: 99, recheck: { query: 'PROFIT_SHARING_ORDER', amountFen: 35 } });
      expect(byKind['MISSING_LOCAL']!.recheck).toMatchObject({ query: 'PROFIT_SHARING_ORDER', outcome: 'NOT_FOUND' });
      expect(byKind['REFUND_STATE_MISMATCH']).toMatchObject({ localState: 'SUCCEEDED', billState: 'FAILED', recheck: { query: 'PROFIT_SHARING_RETURN', result: 'SUCCESS' } });
    } finally {
      await loop.simRequest('DELETE', '/sim/bills/alterations');
    }
  });
  it('recording the closed statement as settled (登记结清) clears in the ledger what the failed splits and the failed return left open, once; the splits settled so are not retried; refused while a split of the period is under way', async () => {
    const [closed] = await sql<{ id: string; closed_at: Date; start: string; end: string }>(
      `SELECT id, closed_at, to_char(period_start, 'YYYY-MM-DD') AS start, to_char(period_end, 'YYYY-MM-DD') AS end FROM statements WHERE tenant_id = $1 AND status = 'CLOSED' ORDER BY period_start LIMIT 1`,
      [DEMO_ORGS.fridgeF1.id],
    );
    await loop.advanceTo(new Date(new Date(closed!.closed_at).getTime() + 3_600_000));
    const brand = await loop.operator('ops@fridge.demo');
    const settle = (key: string) => loop.request<{ code?: string; status?: string }>('POST', `/v1/statements/${closed!.id}/settle`, { token: brand, headers: { 'idempotency-key': key }, body: { method: 'OFFLINE_BANK', reference: 'F1-FEES-1' } });
    const inPeriod = `SELECT p.id, p.session_id, p.state, p.settled_statement_id FROM profit_sharing_orders p JOIN service_sessions s ON s.id = p.session_id
                       WHERE s.tenant_id = $1 AND s.paid_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai') AND s.paid_at < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
    const period = [DEMO_ORGS.fridgeF1.id, closed!.start, closed!.end];
    // a split of the period under way again (the window's, retried from the console: the job failed it with a clock 31
    // days on, so today it is retryable): its commission may yet arrive through WeChat, so the settlement waits
    const windowSession = sessions.get('ps-window')!.sessionId;
    const [windowSplit] = await sql<{ id: string }>(`SELECT id FROM profit_sharing_orders WHERE session_id = $1`, [windowSession]);
    expect((await loop.request('POST', `/v1/profit-sharing-orders/${windowSplit!.id}/retry`, { token: brand, headers: { 'idempotency-key': `window-${windowSplit!.id}` } })).status).toBe(201);
    expect(await settle('settle-too-early')).toMatchObject({ status: 409, body: { code: 'STATEMENT_SETTLE_SPLITS_PENDING' } });
    expect(await sql(`SELECT 1 FROM statement_settlements WHERE statement_id = $1`, [closed!.id])).toEqual([]);
    // it fails again (past the window this time): final, so the settlement may be recorded
    expect(await splits().split({ sessionId: windowSession }, new Date(loop.clock.now().getTime() + 31 * 86_400_000))).toBe('FAILED');
    expect((await sql<{ state: string }>(inPeriod, period)).filter((p) => p.state === 'PENDING' || p.state === 'PROCESSING')).toEqual([]);

    const failed = (await sql<{ id: string; session_id: string; state: string }>(inPeriod, period)).filter((p) => p.state === 'FAILED');
    expect(failed.length).toBeGreaterThanOrEqual(2); // the 30-day window and the receiver line
    const owed = (await Promise.all(failed.map((f) => payable(f.session_id)))).reduce((a, b) => a + b, 0);
    const returnFailed = sessions.get('ps-return-fails')!.sessionId;
    expect(await payable(returnFailed)).toBe(-10);

    const settled = await settle('settle-f1');
    expect(settled).toMatchObject({ status: 200, body: { status: 'SETTLED' } });
    // what the franchisee paid the brand outside WeChat: the failed splits' commission, less the 10 fen the brand owed back
    const [posting] = await sql<{ n: string; fen: string }>(
      `SELECT count(*) AS n, sum(debit_fen - credit_fen) AS fen FROM ledger_entries WHERE source_kind = 'SETTLEMENT' AND tenant_id = $1 AND account = 'COMMISSION_PAYABLE'
          AND source_id = (SELECT id::text FROM statement_settlements WHERE statement_id = $2)`,
      [DEMO_ORGS.fridgeF1.id, closed!.id],
    );
    expect(Number(posting!.fen)).toBe(owed - 10);
    const [open] = await sql<{ fen: string }>(
      `SELECT coalesce(sum(credit_fen - debit_fen), 0) AS fen FROM ledger_entries WHERE tenant_id = $1 AND account = 'COMMISSION_PAYABLE'
          AND (session_id = ANY ($2::uuid[]) OR (source_kind = 'SETTLEMENT' AND source_id = (SELECT id::text FROM statement_settlements WHERE statement_id = $3)))`,
      [DEMO_ORGS.fridgeF1.id, [...failed.map((f) => f.session_id), returnFailed], closed!.id],
    );
    expect(Number(open!.fen)).toBe(0);
    for (const f of failed) expect((await sql<{ settled_statement_id: string }>(`SELECT settled_statement_id FROM profit_sharing_orders WHERE id = $1`, [f.id]))[0]).toEqual({ settled_statement_id: closed!.id });
    // the window's split would be retryable today again: settled, it is refused
    const window = failed.find((f) => f.session_id === windowSession)!;
    const retry = await loop.request<{ code: string; detail: string }>('POST', `/v1/profit-sharing-orders/${window.id}/retry`, { token: brand, headers: { 'idempotency-key': `settled-${window.id}` } });
    expect(retry).toMatchObject({ status: 422, body: { code: 'PROFIT_SHARING_NOT_RETRYABLE', detail: expect.stringContaining(closed!.id) } });
    // a statement settled before the settlement marked its splits (settled_statement_id NULL): still refused, by its period
    await sql(`UPDATE profit_sharing_orders SET settled_statement_id = NULL WHERE id = $1`, [window.id]);
    try {
      const unmarked = await loop.request<{ code: string; detail: string }>('POST', `/v1/profit-sharing-orders/${window.id}/retry`, { token: brand, headers: { 'idempotency-key': `unmarked-${window.id}` } });
      expect(unmarked).toMatchObject({ status: 422, body: { code: 'PROFIT_SHARING_NOT_RETRYABLE', detail: expect.stringContaining(closed!.id) } });
    } finally {
      await sql(`UPDATE profit_sharing_orders SET settled_statement_id = $2 WHERE id = $1`, [window.id, closed!.id]);
    }
    // once: the same key replays, another key is refused, and the ledger balances
    expect((await settle('settle-f1')).body).toEqual(settled.body);
    expect(await settle('settle-f1-again')).toMatchObject({ status: 409, body: { code: 'STATEMENT_ALREADY_SETTLED' } });
    const [replayed] = await sql<{ n: string }>(
      `SELECT count(*) AS n FROM ledger_entries WHERE source_kind = 'SETTLEMENT' AND tenant_id = $1 AND account = 'COMMISSION_PAYABLE'`,
      [DEMO_ORGS.fridgeF1.id],
    );
    expect(Number(replayed!.n)).toBe(1);
    expect(await ledgerCheck(loop)).toEqual({ mismatches: [], unbalancedPostings: [] });
  });
  it('a refund WeChat refuses for lack of money after the split return failed is HELD with the reason, not failed; the operator retries it once the money is there, or gives it up', async () => {
    const brandToken = await loop.operator('ops@fridge.demo');
    const f1 = await loop.operator('f1@fridge.demo');
    const balanceOf = async (mchid: string) => (await loop.simRequest<{ availableFen: number }>('GET', `/sim/merchants/${mchid}/balance`)).body.availableFen;
    const setBalance = (mchid: string, availableFen: number) => loop.simRequest('POST', `/sim/merchants/${mchid}/balance`, { availableFen });
    const brandBalance = await balanceOf(DEMO_MERCHANTS.fridge.mchid);
    const ownBalance = await balanceOf(franchiseeMchid);
    const heldRefund = async (openid: string, brandShort = true) => {
      const session = await paidSession(openid);
      expect(await runSplit(session.sessionId)).toBe('FINISHED');
      // fault injection at the simulator: the brand cannot return its share (unless brandShort is false), and the franchisee's balance is short too
      if (brandShort) await setBalance(DEMO_MERCHANTS.fridge.mchid, 0);
      await setBalance(franchiseeMchid, 0);
      try {
        expect(await refundAndWait(loop, f1, session.sessionId, 100)).toBe('HELD');
      } finally {
        await setBalance(DEMO_MERCHANTS.fridge.mchid, brandBalance);
      }
      const [action] = await sql<{ id: string; state: string; error: string }>(`SELECT id, state, error FROM session_actions WHERE session_id = $1 AND kind = 'REFUND'`, [session.sessionId]);
      return { session, action: action! };
    };

    const { session, action } = await heldRefund('ps-held-retry');
    // the reason names the failed return and the short balance; the brand and the franchisee see it on the session
    expect(action.error).toMatch(/^REFUND_HELD the split return of 10 fen failed \(RETURN_/);
    expect(action.error).toContain('NOT_ENOUGH');
    for (const token of [f1, brandToken]) {
      const detail = await loop.request<{ actions: { id: string; state: string; error: string | null }[]; refundableFen: number }>('GET', `/v1/sessions/${session.sessionId}`, { token });
      expect(detail.body.actions.find((a) => a.id === action.id)).toMatchObject({ state: 'HELD', error: action.error });
      expect(detail.body.refundableFen).toBe(250); // still counted against what can be refunded: never refunded twice
    }
    // an operator is told at once: a REFUND_STUCK alert about this refund, its state HELD (the franchisee's; its brand sees it)
    await loop.zizhu.app.get(AlertsEvaluator).evaluateKind('REFUND_STUCK');
    for (const token of [f1, brandToken]) {
      const alerts = await loop.request<{ items: { subjectId: string; facts: Record<string, unknown> }[] }>('GET', '/v1/alerts?kind=REFUND_STUCK', { token });
      expect(alerts.body.items.filter((a) => a.subjectId === action.id)).toEqual([expect.objectContaining({ facts: expect.objectContaining({ refundState: 'HELD', amountFen: 100 }) })]);
    }
    // the job running again sends nothing while it is held
    const refundsAtSim = async () => (await loop.simRequest<Record<string, unknown>>('GET', `/sim/orders/${session.outOrderNo}?mchid=${franchiseeMchid}`)).body;
    const before = JSON.stringify(await refundsAtSim());
    await loop.zizhu.app.get(SessionEngine).runAction({ tenantId: DEMO_ORGS.fridgeF1.id, sessionId: session.sessionId, actionId: action.id });
    expect(JSON.stringify(await refundsAtSim())).toBe(before);
    expect((await sql<{ state: string }>(`SELECT state FROM session_actions WHERE id = $1`, [action.id]))[0]!.state).toBe('HELD');

    // the franchisee tops up; the operator retries: the same out_refund_no goes through
    await setBalance(franchiseeMchid, ownBalance);
    const retried = await loop.request('POST', `/v1/sessions/${session.sessionId}/refunds/${action.id}/retry`, { token: f1, headers: { 'idempotency-key': `retry-${action.id}` } });
    expect(retried.status).toBe(202);
    const deadline = Date.now() + 20_000;
    let state = 'PENDING';
    while (state !== 'SUCCEEDED' && Date.now() < deadline) {
      await loop.advance(2);
      await new Promise((r) => setTimeout(r, 100));
      state = (await sql<{ state: string }>(`SELECT state FROM session_actions WHERE id = $1`, [action.id]))[0]!.state;
    }
    expect(state).toBe('SUCCEEDED');
    // the refund went through: its alert resolves
    await loop.zizhu.app.get(AlertsEvaluator).evaluateKind('REFUND_STUCK');
    const resolved = await loop.request<{ items: { subjectId: string; state: string }[] }>('GET', '/v1/alerts?kind=REFUND_STUCK', { token: brandToken });
    expect(resolved.body.items.filter((a) => a.subjectId === action.id).map((a) => a.state)).toEqual(['RESOLVED']);
    const again = await loop.request<{ code: string }>('POST', `/v1/sessions/${session.sessionId}/refunds/${action.id}/retry`, { token: f1, headers: { 'idempotency-key': `retry-again-${action.id}` } });
    expect(again).toMatchObject({ status: 409, body: { code: 'SESSION_REFUND_NOT_HELD' } });

    // another one is held; a statement closing meanwhile carries the retried refund's failed return (its refund
    // succeeded: the brand owes those 10 fen back) but not the held one's (nothing was refunded yet)
    const second = await heldRefund('ps-held-give-up');
    await setBalance(franchiseeMchid, ownBalance);
    const statements = loop.zizhu.app.get(StatementsService);
    const tx = loop.zizhu.app.get(Transactions);
    const closeNext = async (): Promise<string> => {
      const [last] = await sql<{ end: string }>(`SELECT to_char(max(period_end), 'YYYY-MM-DD') AS end FROM statements WHERE tenant_id = $1`, [DEMO_ORGS.fridgeF1.id]);
      await tx.asSystem((m) => statements.openDue(m, new Date(new Date(`${last!.end}T00:00:00+08:00`).getTime() + 40 * 86_400_000), DEMO_ORGS.fridgeF1.id));
      const [open] = await sql<{ id: string; end: string }>(
        `SELECT id, to_char(period_end, 'YYYY-MM-DD') AS end FROM statements WHERE tenant_id = $1 AND status = 'OPEN' ORDER BY period_start LIMIT 1`,
        [DEMO_ORGS.fridgeF1.id],
      );
      await tx.asSystem((m) => statements.closeIn(m, open!.id, new Date(new Date(`${open!.end}T00:00:00+08:00`).getTime() + 2 * 86_400_000), null));
      return open!.id;
    };
    const carried = async (sessionId: string) => (await sql<{ carried: string | null }>(`SELECT carried_statement_id AS carried FROM profit_sharing_returns WHERE session_id = $1`, [sessionId]))[0]!.carried;
    const whileHeld = await closeNext();
    expect(await carried(session.sessionId)).toBe(whileHeld);
    expect(await carried(second.session.sessionId)).toBeNull();
    const owedBackLines = async (statementId: string) =>
      (await sql<{ amount_fen: string; description: string }>(`SELECT amount_fen, description FROM statement_lines WHERE statement_id = $1`, [statementId])).filter((l) => l.description.startsWith('分账回退失败')).map((l) => Number(l.amount_fen));
    expect(await owedBackLines(whileHeld)).toEqual([10]);

    // it is given up: FAILED with the reason kept, its amount free again; audited; the order keeps its commission, so
    // its failed return is never carried to a statement (no commission owed back for an order that was not refunded)
    const given = await loop.request('POST', `/v1/sessions/${second.session.sessionId}/refunds/${second.action.id}/give-up`, { token: brandToken, headers: { 'idempotency-key': `give-up-${second.action.id}` } });
    expect(given.status).toBe(200);
    const [failed] = await sql<{ state: string; error: string }>(`SELECT state, error FROM session_actions WHERE id = $1`, [second.action.id]);
    expect(failed).toMatchObject({ state: 'FAILED', error: expect.stringMatching(/^REFUND_GIVEN_UP by an operator; it was REFUND_HELD /) });
    const audit = await sql<{ action: string; after: Record<string, unknown> }>(`SELECT action, after FROM audit_log WHERE resource_id = ANY ($1::text[]) AND action LIKE 'session.refund.%' ORDER BY occurred_at`, [
      [session.sessionId, second.session.sessionId],
    ]);
    expect(audit.map((a) => a.action)).toEqual(['session.refund.retry', 'session.refund.give-up']);
    expect(audit[1]!.after).toMatchObject({ state: 'FAILED', splitReturn: { state: 'FAILED', amountFen: 10, carried: false } });
    const afterGiveUp = await closeNext();
    expect(await carried(second.session.sessionId)).toBeNull();
    expect(await owedBackLines(afterGiveUp)).toEqual([]);
    // the order's commission is whole and open on neither side: its split stands, nothing owed back
    expect(await payable(second.session.sessionId)).toBe(0);

    // a refund held although its split return SUCCEEDED (the brand's share is back with the franchisee, whose balance
    // is still short): giving it up would leave that commission with the franchisee for good, so it is refused; retried
    // once the money is there, it goes through
    const third = await heldRefund('ps-held-returned', false);
    expect(third.action.error).toMatch(/^REFUND_HELD the split return of 10 fen is SUCCEEDED/);
    const refused = await loop.request<{ code: string; detail: string }>('POST', `/v1/sessions/${third.session.sessionId}/refunds/${third.action.id}/give-up`, {
      token: brandToken,
      headers: { 'idempotency-key': `give-up-${third.action.id}` },
    });
    expect(refused).toMatchObject({ status: 409, body: { code: 'SESSION_REFUND_RETURN_SUCCEEDED', detail: expect.stringContaining('retry') } });
    expect((await sql<{ state: string }>(`SELECT state FROM session_actions WHERE id = $1`, [third.action.id]))[0]!.state).toBe('HELD');
    // retried while the balance is still short: HELD again, a new REFUND_STUCK episode (the first one resolved)
    const stuckAlerts = async () => {
      await loop.zizhu.app.get(AlertsEvaluator).evaluateKind('REFUND_STUCK');
      const list = await loop.request<{ items: { subjectId: string; state: string; facts: Record<string, unknown> }[] }>('GET', '/v1/alerts?kind=REFUND_STUCK', { token: brandToken });
      return list.body.items.filter((a) => a.subjectId === third.action.id).map((a) => a.state).sort();
    };
    expect(await stuckAlerts()).toEqual(['OPEN']);
    expect((await loop.request('POST', `/v1/sessions/${third.session.sessionId}/refunds/${third.action.id}/retry`, { token: f1, headers: { 'idempotency-key': `retry-short-${third.action.id}` } })).status).toBe(202);
    const heldBy = Date.now() + 20_000;
    let heldAgain = 'PENDING';
    while (heldAgain !== 'HELD' && Date.now() < heldBy) {
      await loop.advance(2);
      await new Promise((r) => setTimeout(r, 100));
      heldAgain = (await sql<{ state: string }>(`SELECT state FROM session_actions WHERE id = $1`, [third.action.id]))[0]!.state;
    }
    expect(heldAgain).toBe('HELD');
    expect(await stuckAlerts()).toEqual(['OPEN', 'RESOLVED']);
    await setBalance(franchiseeMchid, ownBalance);
    expect((await loop.request('POST', `/v1/sessions/${third.session.sessionId}/refunds/${third.action.id}/retry`, { token: f1, headers: { 'idempotency-key': `retry-${third.action.id}` } })).status).toBe(202);
    const until = Date.now() + 20_000;
    let thirdState = 'PENDING';
    while (thirdState !== 'SUCCEEDED' && Date.now() < until) {
      await loop.advance(2);
      await new Promise((r) => setTimeout(r, 100));
      thirdState = (await sql<{ state: string }>(`SELECT state FROM session_actions WHERE id = $1`, [third.action.id]))[0]!.state;
    }
    expect(thirdState).toBe('SUCCEEDED');
    expect(await stuckAlerts()).toEqual(['RESOLVED', 'RESOLVED']);
    expect(await payable(third.session.sessionId)).toBe(0);
    expect(await ledgerCheck(loop)).toEqual({ mismatches: [], unbalancedPostings: [] });
  });

  it('a refund WeChat refuses outright (not for lack of money) after its split return SUCCEEDED is FAILED: the next statement carries the commission back to the brand, once, and settling it clears the receivable', async () => {
    const brandToken = await loop.operator('ops@fridge.demo');
    const f1 = await loop.operator('f1@fridge.demo');
    const session = await paidSession('ps-refund-refused');
    expect(await runSplit(session.sessionId)).toBe('FINISHED');
    // fault injection at the simulator: the refund itself is refused (403 NO_AUTH), the split return before it goes through
    await loop.simRequest('POST', '/sim/faults', { rules: [{ path: '^/v3/refund/domestic/refunds$', status: 403 }] });
    try {
      expect(await refundAndWait(loop, f1, session.sessionId, 100)).toBe('FAILED');
    } finally {
      await loop.simRequest('POST', '/sim/faults', { rules: [] });
    }
    const [action] = await sql<{ id: string; error: string }>(`SELECT id, error FROM session_actions WHERE session_id = $1 AND kind = 'REFUND'`, [session.sessionId]);
    expect(action!.error).toContain('NO_AUTH');
    const [ret] = await sql<{ state: string; amount_fen: string }>(`SELECT state, amount_fen FROM profit_sharing_returns WHERE session_id = $1`, [session.sessionId]);
    expect([ret!.state, Number(ret!.amount_fen)]).toEqual(['SUCCEEDED', 10]);
    // the 10 fen are back with the franchisee at WeChat, the order was never refunded: it owes them to the brand again
    expect(await payable(session.sessionId)).toBe(10);
    // a FAILED refund cannot be retried (only a HELD one): nothing can take those 10 fen back a second time
    const retry = await loop.request<{ code: string }>('POST', `/v1/sessions/${session.sessionId}/refunds/${action!.id}/retry`, { token: f1, headers: { 'idempotency-key': `retry-${action!.id}` } });
    expect(retry).toMatchObject({ status: 409, body: { code: 'SESSION_REFUND_NOT_HELD' } });

    const statements = loop.zizhu.app.get(StatementsService);
    const tx = loop.zizhu.app.get(Transactions);
    const closeNext = async (): Promise<{ id: string; closedAt: Date }> => {
      const [last] = await sql<{ end: string }>(`SELECT to_char(max(period_end), 'YYYY-MM-DD') AS end FROM statements WHERE tenant_id = $1`, [DEMO_ORGS.fridgeF1.id]);
      await tx.asSystem((m) => statements.openDue(m, new Date(new Date(`${last!.end}T00:00:00+08:00`).getTime() + 40 * 86_400_000), DEMO_ORGS.fridgeF1.id));
      const [open] = await sql<{ id: string; end: string }>(
        `SELECT id, to_char(period_end, 'YYYY-MM-DD') AS end FROM statements WHERE tenant_id = $1 AND status = 'OPEN' ORDER BY period_start LIMIT 1`,
        [DEMO_ORGS.fridgeF1.id],
      );
      const closedAt = new Date(new Date(`${open!.end}T00:00:00+08:00`).getTime() + 2 * 86_400_000);
      await tx.asSystem((m) => statements.closeIn(m, open!.id, closedAt, null));
      return { id: open!.id, closedAt };
    };
    const reclaimedLines = async (statementId: string) =>
      (await sql<{ kind: string; amount_fen: string; description: string }>(`SELECT kind, amount_fen, description FROM statement_lines WHERE statement_id = $1`, [statementId]))
        .filter((l) => l.description.startsWith('分账已回退但退款失败'))
        .map((l) => [l.kind, Number(l.amount_fen)]);
    const next = await closeNext();
    expect(await reclaimedLines(next.id)).toEqual([['ADJUSTMENT', -10]]);
    expect((await sql<{ carried: string | null }>(`SELECT carried_statement_id AS carried FROM profit_sharing_returns WHERE session_id = $1`, [session.sessionId]))[0]!.carried).toBe(next.id);
    // counted in adjustmentFen and in payableFen (franchisee collects: the commission-side adjustments less what it owes;
    // the refunds of earlier orders are its own money and not counted)
    const [closed] = await sql<{ adjustment_fen: string; payable_fen: string; commission_fen: string; fixed_fee_fen: string; minimum_top_up_fen: string }>(
      `SELECT adjustment_fen, payable_fen, commission_fen, fixed_fee_fen, minimum_top_up_fen FROM statements WHERE id = $1`,
      [next.id],
    );
    const adjustments = await sql<{ amount_fen: string; description: string }>(`SELECT amount_fen, description FROM statement_lines WHERE statement_id = $1 AND kind = 'ADJUSTMENT'`, [next.id]);
    const sum = (list: { amount_fen: string }[]) => list.reduce((total, l) => total + Number(l.amount_fen), 0);
    expect(Number(closed!.adjustment_fen)).toBe(sum(adjustments));
    expect(Number(closed!.payable_fen)).toBe(
      sum(adjustments.filter((l) => !l.description.startsWith('往期订单结账后退款'))) - Number(closed!.commission_fen) - Number(closed!.fixed_fee_fen) - Number(closed!.minimum_top_up_fen),
    );

    // the brand records it settled: the settlement clears the 10 fen of the order's commission, and nothing stays open
    await loop.advanceTo(new Date(next.closedAt.getTime() + 3_600_000));
    const settled = await loop.request<{ status: string }>('POST', `/v1/statements/${next.id}/settle`, {
      token: brandToken,
      headers: { 'idempotency-key': `settle-reclaimed-${next.id}` },
      body: { method: 'OFFLINE_BANK', reference: 'F1-RECLAIMED-1' },
    });
    expect(settled).toMatchObject({ status: 200, body: { status: 'SETTLED' } });
    const settlementOf = `(SELECT id::text FROM statement_settlements WHERE statement_id = $2)`;
    const [posting] = await sql<{ fen: string }>(
      `SELECT coalesce(sum(debit_fen - credit_fen), 0) AS fen FROM ledger_entries WHERE source_kind = 'SETTLEMENT' AND tenant_id = $1 AND account = 'COMMISSION_PAYABLE' AND source_id = ${settlementOf}`,
      [DEMO_ORGS.fridgeF1.id, next.id],
    );
    expect(Number(posting!.fen)).toBe(10);
    const [receivable] = await sql<{ fen: string }>(
      `SELECT coalesce(sum(debit_fen - credit_fen), 0) AS fen FROM ledger_entries WHERE tenant_id = $1 AND account = 'COMMISSION_RECEIVABLE' AND counterparty_tenant_id = $3
          AND (session_id = $4 OR (source_kind = 'SETTLEMENT' AND source_id = ${settlementOf}))`,
      [DEMO_ORGS.fridge.id, next.id, DEMO_ORGS.fridgeF1.id, session.sessionId],
    );
    expect(Number(receivable!.fen)).toBe(0);
    // once: the statement after it carries nothing more for it
    const after = await closeNext();
    expect(await reclaimedLines(after.id)).toEqual([]);
    expect(await ledgerCheck(loop)).toEqual({ mismatches: [], unbalancedPostings: [] });
  });
});
