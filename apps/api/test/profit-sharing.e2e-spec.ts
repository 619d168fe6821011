// Issue 12, the franchisee-collects mode end to end over loopback: the franchisee's own merchant account charges its
// devices' sessions (completed with profit_sharing), and a per-order split sends the brand its commission.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { Fleet, type SessionScript, type SimDevice } from '@zizhu/fleet-sim';
import { generateRsaKeyPair } from '@zizhu/payscore';
import { DEMO_APPID, DEMO_MERCHANTS, DEMO_ORGS, DEMO_PLANS } from '../src/modules/demo/demo-data.js';
import { LedgerService } from '../src/modules/settlement/ledger.service.js';
import { ProfitSharingService } from '../src/modules/settlement/profit-sharing.service.js';
import { StatementsService } from '../src/modules/settlement/statements.service.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { LoopHarness } from './support/loop-harness.js';

type Session = Record<string, unknown> & { sessionId: string; state: string; outOrderNo: string };

let loop: LoopHarness;
let fleet: Fleet;
const stop = new AbortController();
let running: Promise<void>;
const scripts = new Map<string, SessionScript>();
const tokens: Record<string, string> = {};
let franchiseeMchid = '';

const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => loop.zizhu.app.get(Transactions).asSystem((m) => m.query(text, params)) as Promise<T[]>;
const splits = () => loop.zizhu.app.get(ProfitSharingService);
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A fridge session on FR-0001 (franchisee 1's), scanned, confirmed, used (one cola, 350 fen) and paid. */
async function paidSession(openid: string): Promise<Session> {
  const token = await loop.consumer(openid);
  const answer = await loop.request<Session>('POST', '/v1/consumer/sessions', { token, body: { deviceCode: 'FR-0001' } });
  expect(answer.status).toBe(201);
  scripts.set(answer.body.sessionId, { endAfterMs: 100, items: [{ sku: 'cola-330', count: 1 }] });
  expect((await loop.decide(answer.body.outOrderNo, openid, 'confirm')).status).toBe(200);
  const done = await loop.waitFor(answer.body.sessionId, token, (s) => s['state'] === 'PAID' || s['state'] === 'CANCELLED', 20_000);
  expect(done).toMatchObject({ state: 'PAID', paidFen: 350 });
  return answer.body;
}

/** Runs the split job's attempt as the worker would, moving the simulator's business clock past its settle and processing delays. */
async function runSplit(sessionId: string, now?: Date): Promise<string | null> {
  await loop.simRequest('POST', '/sim/clock', { advanceSeconds: 61 });
  for (let i = 0; i < 3; i += 1) {
    try {
      return await splits().split({ sessionId }, now);
    } catch {
      // PROCESSING at WeChat (or not settled yet): the job would retry after a back-off
      await loop.simRequest('POST', '/sim/clock', { advanceSeconds: 5 });
    }
  }
  return splits().split({ sessionId }, now);
}


/** Refunds `amountFen` of a session through the operator API and waits until WeChat's refund succeeded. */
async function refund(sessionId: string, amountFen: number): Promise<void> {
  const queued = await loop.request('POST', `/v1/sessions/${sessionId}/refunds`, {
    token: tokens['f1@fridge.demo'],
    headers: { 'idempotency-key': `refund-${sessionId}-${amountFen}` },
    body: { amountFen, reason: '商品破损退款' },
  });
  expect(queued.status).toBe(202);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [row] = await sql<{ refunded_fen: number; state: string; error: string | null }>(
      `SELECT s.refunded_fen, a.state, a.error FROM service_sessions s JOIN session_actions a ON a.session_id = s.id AND a.kind = 'REFUND' WHERE s.id = $1 ORDER BY a.created_at DESC LIMIT 1`,
      [sessionId],
    );
    if (row?.state === 'SUCCEEDED' || row?.state === 'FAILED' || Date.now() > deadline) {
      expect(row).toMatchObject({ state: 'SUCCEEDED' });
      return;
    }
    await loop.simRequest('POST', '/sim/clock', { advanceSeconds: 2 });
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What the franchisee still owes the brand (> 0) or the brand owes it back (< 0) for one order, from the ledger. */
async function payable(sessionId: string): Promise<number> {
  const [row] = await sql<{ fen: string }>(
    `SELECT coalesce(sum(credit_fen - debit_fen), 0) AS fen FROM ledger_entries WHERE session_id = $1 AND tenant_id = $2 AND account = 'COMMISSION_PAYABLE'`,
    [sessionId, DEMO_ORGS.fridgeF1.id],
  );
  return Number(row!.fen);
}

beforeAll(async () => {
  loop = await LoopHarness.start({ sessions: { confirmTimeoutSeconds: 10, startTimeoutSeconds: 5, reconcileAfterSeconds: 1 } });
  for (const login of ['ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'ops@vendor.demo', 'ops@powerbank.demo']) tokens[login] = await loop.operator(login);
  // the franchisee's own Pay Score merchant (registered with "WeChat"), bound to the brand's mini-program appid
  const keys = generateRsaKeyPair();
  const merchant = {
    mchid: `19${randomBytes(4).readUInt32BE(0).toString().padStart(10, '0')}`,
    serialNo: randomBytes(20).toString('hex').toUpperCase(),
    apiV3Key: randomBytes(16).toString('hex'),
    apiV2Key: randomBytes(16).toString('hex'),
    appids: [DEMO_APPID],
  };
  franchiseeMchid = merchant.mchid;
  const serviceId = `svc${randomBytes(6).toString('hex')}`;
  const registered = await loop.simRequest<Record<string, string>>('POST', '/sim/merchants', {
    ...merchant,
    publicKeyPem: keys.publicKeyPem,
    services: [{ serviceId, scenario: 'VENDING', mode: 'USE_FIRST', riskCapFen: 20000 }],
  });
  expect(registered.status).toBe(200);
  const account = await loop.request<{ id: string }>('POST', '/v1/merchant-accounts', {
    token: tokens['f1@fridge.demo'],
    body: { name: '西湖加盟店商户号', ...merchant, privateKeyPem: keys.privateKeyPem, ...registered.body },
  });
  expect(account.status).toBe(201);
  const service = await loop.request('POST', `/v1/merchant-accounts/${account.body.id}/services`, {
    token: tokens['f1@fridge.demo'],
    body: { serviceId, name: '加盟店冰柜先享后付', scenario: 'VENDING', mode: 'USE_FIRST', riskCapFen: 20000 },
  });
  expect(service.status).toBe(201);
  const agreement = await loop.request('PUT', `/v1/organizations/${DEMO_ORGS.fridgeF1.id}/agreement`, {
    token: tokens['ops@fridge.demo'],
    body: { commissionBasisPoints: 1000, collection: 'FRANCHISEE_COLLECTS', effectiveFrom: shanghaiToday() },
  });
  expect(agreement.status).toBe(200);
  const d = await loop.demoDevice('FR-0001', tokens['ops@fridge.demo']!);
  const devices: SimDevice[] = [{ ...d, skus: DEMO_PLANS.fridge.items.catalog.map((i) => i.sku) }];
  fleet = new Fleet(devices, {
    baseUrl: loop.apiUrl,
    heartbeatSeconds: 2,
    waitSeconds: 2,
    loss: 0,
    driftSeconds: 0,
    failRate: 0,
    sessionScript: (_device, command) => scripts.get(command.sessionId ?? '') ?? {},
  });
  running = fleet.start(stop.signal);
}, 60_000);

afterAll(async () => {
  stop.abort();
  await running;
  await loop.close();
}, 60_000);

describe('franchisee collects: merchant of record and profit sharing (issue 12)', () => {
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
    const check = await loop.zizhu.app.get(Transactions).asSystem((m) => loop.zizhu.app.get(LedgerService).check(m));
    expect(check.mismatches).toEqual([]);
    expect(check.unbalancedPostings).toEqual([]);
  }, 60_000);

  it('queries a split whose answer was lost by its out_order_no instead of sending it again', async () => {
    const session = await paidSession('ps-lost-answer');
    // WeChat makes the split, its answer never arrives (the query route stays untouched)
    await loop.simRequest('POST', '/sim/faults', { rules: [{ path: '^/v3/profitsharing/orders$', status: 500, phase: 'after' }] });
    await loop.simRequest('POST', '/sim/clock', { advanceSeconds: 61 });
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
  }, 60_000);

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
  }, 60_000);

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
  }, 60_000);

  it('refuses and flags a split more than 30 days after the payment', async () => {
    const session = await paidSession('ps-window');
    expect(await splits().split({ sessionId: session.sessionId }, new Date(Date.now() + 31 * 86_400_000))).toBe('FAILED');
    const [split] = await sql<{ state: string; failure: string }>(`SELECT state, failure FROM profit_sharing_orders WHERE session_id = $1`, [session.sessionId]);
    expect(split).toMatchObject({ state: 'FAILED', failure: expect.stringMatching(/^SPLIT_WINDOW_EXPIRED/) });
  }, 60_000);

  it('refund before the split: the split takes the net after the refund', async () => {
    const session = await paidSession('ps-refund-before');
    await refund(session.sessionId, 100);
    expect(await runSplit(session.sessionId)).toBe('FINISHED');
    const [split] = await sql<{ net_fen: string; amount_fen: string }>(`SELECT net_fen, amount_fen FROM profit_sharing_orders WHERE session_id = $1`, [session.sessionId]);
    // ⌊250 × 1000 ÷ 10,000⌋ = 25
    expect([Number(split!.net_fen), Number(split!.amount_fen)]).toEqual([250, 25]);
    expect(await sql(`SELECT 1 FROM profit_sharing_returns WHERE session_id = $1`, [session.sessionId])).toEqual([]);
    expect(await payable(session.sessionId)).toBe(0);
  }, 60_000);

  it('refund after the split: the brand’s share is returned (回退) before the refund, and the ledger balances', async () => {
    const session = await paidSession('ps-refund-after');
    expect(await runSplit(session.sessionId)).toBe('FINISHED');
    await refund(session.sessionId, 100);
    const [ret] = await sql<{ state: string; amount_fen: string }>(`SELECT state, amount_fen FROM profit_sharing_returns WHERE session_id = $1`, [session.sessionId]);
    // ⌊350 × 0.1⌋ − ⌊250 × 0.1⌋ = 35 − 25 = 10 fen back from the brand
    expect([ret!.state, Number(ret!.amount_fen)]).toEqual(['SUCCEEDED', 10]);
    expect(await sql(`SELECT 1 FROM ledger_entries WHERE session_id = $1 AND kind = 'SPLIT_RETURN'`, [session.sessionId])).toHaveLength(4);
    expect(await payable(session.sessionId)).toBe(0);
    const check = await loop.zizhu.app.get(Transactions).asSystem((m) => loop.zizhu.app.get(LedgerService).check(m));
    expect([check.mismatches, check.unbalancedPostings]).toEqual([[], []]);
  }, 60_000);

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
    await tx.asSystem((m) => statements.openDue(m, new Date()));
    const [open] = await sql<{ id: string; period_end: string }>(
      `SELECT id, to_char(period_end, 'YYYY-MM-DD') AS period_end FROM statements WHERE tenant_id = $1 AND status = 'OPEN' ORDER BY period_start LIMIT 1`,
      [DEMO_ORGS.fridgeF1.id],
    );
    const after = new Date(`${open!.period_end}T00:00:00+08:00`).getTime() + 2 * 86_400_000;
    await tx.asSystem((m) => statements.closeIn(m, open!.id, new Date(after), null));
    const lines = await sql<{ kind: string; amount_fen: string; description: string }>(`SELECT kind, amount_fen, description FROM statement_lines WHERE statement_id = $1`, [open!.id]);
    expect(lines.filter((l) => l.description.startsWith('分账回退失败')).map((l) => [l.kind, Number(l.amount_fen)])).toEqual([['ADJUSTMENT', 10]]);
    expect(await sql(`SELECT 1 FROM profit_sharing_returns WHERE session_id = $1 AND carried_statement_id = $2`, [session.sessionId, open!.id])).toHaveLength(1);
  }, 60_000);
});
