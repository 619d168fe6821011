// Consumer complaints (issue 13, contracts.md §9), one API and one simulator on loopback: the brand registers its
// complaint notification URL, a user complains at the simulator about a franchisee's fridge session, the verified
// callback brings it to GET /v1/complaints linked to the session (the franchisee sees it, others get 404); the payer's
// phone is decrypted on demand (audited); a reply whose answer is lost is not sent twice; the complaint is completed;
// a refund from it goes through the session's refund path and lands in the ledger.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AlertsEvaluator } from '../src/modules/alerts/alerts.evaluator.js';
import { DEMO_MERCHANTS, DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { systemQuery } from './fleet-support.js';
import { LoopHarness } from './support/loop-harness.js';

type Complaint = {
  id: string;
  complaintId: string;
  state: string;
  outOrderNo: string | null;
  sessionId: string | null;
  complaintTime: string;
  replyDueAt: string;
  completeDueAt: string;
  repliedAt: string | null;
  history?: { operate_type: string }[];
  actions?: { kind: string; state: string; error: string | null }[];
};

const idem = () => ({ 'idempotency-key': randomUUID() });
let loop: LoopHarness;
const tokens: Record<string, string> = {};
const FR_ACCOUNT = DEMO_MERCHANTS.fridge.id;

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  loop = await LoopHarness.start({ sessions: { confirmTimeoutSeconds: 120, startTimeoutSeconds: 120, reconcileAfterSeconds: 1 } });
  for (const login of ['ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'ops@powerbank.demo', 'ops@vendor.demo']) tokens[login] = await loop.operator(login);
});

afterAll(async () => {
  await loop?.close();
});

describe('complaints (issue 13)', () => {
  it('a complaint at the simulator reaches GET /v1/complaints linked to its session, is replied to once despite a lost answer, completed, and refunded into the ledger', async () => {
    const ops = tokens['ops@fridge.demo']!;
    const registered = await loop.request('PUT', `/v1/merchant-accounts/${FR_ACCOUNT}/complaint-notification-url`, { token: ops });
    expect(registered).toMatchObject({ status: 200, body: { mchid: DEMO_MERCHANTS.fridge.mchid, url: `${loop.apiUrl}/v1/payscore/notify/${FR_ACCOUNT}/complaints` } });
    expect((await loop.request('PUT', `/v1/merchant-accounts/${FR_ACCOUNT}/complaint-notification-url`, { token: tokens['ops@powerbank.demo'] })).status).toBe(404);

    // a paid session on the franchisee f1's fridge, charged through the brand's account
    const openid = 'complainer';
    const consumer = await loop.consumer(openid);
    const scanned = await loop.request<{ sessionId: string; outOrderNo: string }>('POST', '/v1/consumer/sessions', { token: consumer, body: { deviceCode: 'FR-0001' } });
    expect(scanned.status).toBe(201);
    const { sessionId, outOrderNo } = scanned.body;
    expect((await loop.decide(outOrderNo, openid, 'confirm')).status).toBe(200);
    await loop.waitFor(sessionId, consumer, (s) => s['state'] === 'STARTING');
    const ended = await loop.request('POST', `/v1/sessions/${sessionId}/end`, {
      token: ops,
      headers: idem(),
      body: { endedAt: new Date().toISOString(), reason: '设备漏报结束', usage: { items: [{ sku: 'sandwich-ham', count: 1 }] } },
    });
    expect(ended.status).toBe(200);
    expect((await loop.waitFor(sessionId, consumer, (s) => s['state'] === 'PAID'))['state']).toBe('PAID');

    const raised = await loop.simRequest<{ complaintId: string }>('POST', '/sim/complaints', { mchid: DEMO_MERCHANTS.fridge.mchid, outOrderNo, text: '三明治过期了', amountFen: 1200 });
    expect(raised.status).toBe(200);
    const complaintId = raised.body.complaintId;
    const listed = await until(
      () => loop.request<{ items: Complaint[]; total: number }>('GET', '/v1/complaints', { token: ops }).then((a) => a.body),
      (b) => b.items.some((c) => c.complaintId === complaintId),
    );
    const complaint = listed.items.find((c) => c.complaintId === complaintId)!;
    expect(complaint).toMatchObject({ state: 'PENDING', outOrderNo, sessionId, repliedAt: null });
    expect(Date.parse(complaint.replyDueAt) - Date.parse(complaint.complaintTime)).toBe(24 * 3_600_000);
    expect(Date.parse(complaint.completeDueAt) - Date.parse(complaint.complaintTime)).toBe(72 * 3_600_000);

    // the franchisee sees the complaint on its own session (not the brand's actions); its sibling, another operator and a reseller do not
    const f1 = await loop.request<Complaint>('GET', `/v1/complaints/${complaint.id}`, { token: tokens['f1@fridge.demo'] });
    expect(f1).toMatchObject({ status: 200, body: { sessionId, actions: [] } });
    expect((await loop.request<{ total: number }>('GET', '/v1/complaints', { token: tokens['f1@fridge.demo'] })).body.total).toBe(1);
    for (const login of ['f2@fridge.demo', 'ops@powerbank.demo', 'ops@vendor.demo']) {
      expect((await loop.request('GET', `/v1/complaints/${complaint.id}`, { token: tokens[login] })).status).toBe(404);
      expect((await loop.request<{ total: number }>('GET', '/v1/complaints', { token: tokens[login] })).body.total).toBe(0);
    }
    // the franchisee reads the complaint its brand received about its session; only the brand (the merchant of record) answers it
    const franchiseeReply = await loop.request<{ code: string }>('POST', `/v1/complaints/${complaint.id}/reply`, { token: tokens['f1@fridge.demo'], headers: idem(), body: { content: 'x' } });
    expect(franchiseeReply).toMatchObject({ status: 404, body: { code: 'COMPLAINT_NOT_YOURS_TO_ACT' } });
    expect((await loop.request('POST', `/v1/complaints/${complaint.id}/reply`, { token: tokens['ops@powerbank.demo'], headers: idem(), body: { content: 'x' } })).status).toBe(404);

    // the complaint rate on the overview: complaints ÷ paid orders over 30 days, per account and per legal entity (the reseller sees no money)
    type Rate = { id: string; complaints: number; paidOrders: number; rate: number | null };
    const overview = await loop.request<{ complaintRates: { windowDays: number; formula: string; byMerchantAccount: Rate[]; byLegalEntity: Rate[] } }>('GET', '/v1/overview', { token: ops });
    const rates = overview.body.complaintRates;
    expect(rates.formula).toContain('÷');
    const account = rates.byMerchantAccount.find((r) => r.id === FR_ACCOUNT)!;
    expect(account.complaints).toBe(1);
    expect(account.paidOrders).toBeGreaterThanOrEqual(1);
    expect(account.rate).toBeCloseTo(1 / account.paidOrders);
    expect(rates.byLegalEntity).toEqual([expect.objectContaining({ id: DEMO_ORGS.fridge.id, complaints: 1, paidOrders: account.paidOrders })]);
    expect((await loop.request<{ complaintRates: unknown }>('GET', '/v1/overview', { token: tokens['ops@vendor.demo'] })).body.complaintRates).toBeNull();

    // the payer's phone, decrypted when opened, audited
    const phone = await loop.request<{ payerPhone: string }>('GET', `/v1/complaints/${complaint.id}/payer-phone`, { token: ops });
    expect(phone.status).toBe(200);
    expect(phone.body.payerPhone).toMatch(/^1\d{10}$/);
    // the franchisee whose session it is may not read the payer's phone of a complaint its brand received
    expect((await loop.request<{ code: string }>('GET', `/v1/complaints/${complaint.id}/payer-phone`, { token: tokens['f1@fridge.demo'] })).body.code).toBe('COMPLAINT_NOT_YOURS_TO_ACT');
    const audit = await systemQuery<{ n: number }>(loop.zizhu, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'complaint.payer_phone.read' AND resource_id = $1`, [complaint.id]);
    expect(audit[0]!.n).toBe(1);

    // near its reply deadline (the brand's rule: within 48 hours) the complaint raises COMPLAINT_DEADLINE once, for the
    // franchisee whose session it is (its brand sees it too, a sibling does not); the reply below clears it
    expect((await loop.request('PUT', '/v1/alert-rules', { token: ops, body: { rules: [{ kind: 'COMPLAINT_DEADLINE', enabled: true, threshold: 48 }] } })).status).toBe(200);
    const evaluator = loop.zizhu.app.get(AlertsEvaluator);
    expect((await evaluator.evaluateKind('COMPLAINT_DEADLINE')).raised).toBe(1);
    expect((await evaluator.evaluateKind('COMPLAINT_DEADLINE')).raised).toBe(0);
    const deadlineAlerts = async (login: string) =>
      (await loop.request<{ items: { subjectId: string; state: string }[] }>('GET', '/v1/alerts?kind=COMPLAINT_DEADLINE', { token: tokens[login] })).body.items.filter((a) => a.subjectId === complaint.id);
    expect(await deadlineAlerts('f1@fridge.demo')).toEqual([expect.objectContaining({ state: 'OPEN' })]);
    expect(await deadlineAlerts('ops@fridge.demo')).toHaveLength(1);
    expect(await deadlineAlerts('f2@fridge.demo')).toHaveLength(0);

    // WeChat records the reply but its answer is lost: the retry reads the history and does not reply again
    expect((await loop.simRequest('POST', '/sim/faults', { rules: [{ path: '/response$', status: 503, phase: 'after' }] })).status).toBe(200);
    const reply = await loop.request('POST', `/v1/complaints/${complaint.id}/reply`, { token: ops, headers: idem(), body: { content: '非常抱歉，已为您安排退款' } });
    expect(reply.status).toBe(202);
    const replied = await until(
      () => loop.request<Complaint>('GET', `/v1/complaints/${complaint.id}`, { token: ops }).then((a) => a.body),
      (c) => c.actions?.[0]?.state !== 'PENDING' && c.state === 'PROCESSING',
    );
    expect(replied).toMatchObject({ state: 'PROCESSING', repliedAt: expect.any(String), actions: [{ kind: 'REPLY', state: 'SUCCEEDED', error: null }] });
    expect((await loop.simRequest('POST', '/sim/faults', { rules: [] })).status).toBe(200);
    const atWechat = await loop.simRequest<{ sim: { history: { operate_type: string }[] } }>('GET', `/sim/complaints/${complaintId}`);
    expect(atWechat.body.sim.history.filter((h) => h.operate_type === 'MERCHANT_RESPONSE')).toHaveLength(1);
    // replied: the reply step's alert resolves (completion is due in 72 hours, beyond the rule's 48)
    expect((await evaluator.evaluateKind('COMPLAINT_DEADLINE')).resolved).toBe(1);
    expect(await deadlineAlerts('f1@fridge.demo')).toEqual([expect.objectContaining({ state: 'RESOLVED' })]);
    const [attempts] = await systemQuery<{ attempts: number }>(loop.zizhu, `SELECT attempts FROM complaint_actions WHERE complaint_ref = $1 AND kind = 'REPLY'`, [complaint.id]);
    expect(attempts!.attempts).toBeGreaterThanOrEqual(2);

    // completed (by a job), then a refund from the complaint through the session's refund path
    expect((await loop.request('POST', `/v1/complaints/${complaint.id}/complete`, { token: ops, headers: idem() })).status).toBe(202);
    const processed = await until(
      () => loop.request<Complaint>('GET', `/v1/complaints/${complaint.id}`, { token: ops }).then((a) => a.body),
      (c) => c.state === 'PROCESSED',
    );
    expect(processed.actions?.map((a) => [a.kind, a.state])).toEqual([
      ['REPLY', 'SUCCEEDED'],
      ['COMPLETE', 'SUCCEEDED'],
    ]);
    expect((await loop.request('POST', `/v1/complaints/${complaint.id}/complete`, { token: ops, headers: idem() })).status).toBe(409);

    const refunded = await loop.request('POST', `/v1/complaints/${complaint.id}/refund`, { token: ops, headers: idem(), body: { amountFen: 1200, reason: '投诉退款' } });
    expect(refunded.status).toBe(202);
    const session = await until(
      () => loop.request('GET', `/v1/sessions/${sessionId}`, { token: ops }).then((a) => a.body),
      (s) => s['refundedFen'] === 1200,
    );
    expect(session['refundedFen']).toBe(1200);
    const posted = await until(
      () => systemQuery<{ refunds: number }>(loop.zizhu, `SELECT coalesce(sum(debit_fen) FILTER (WHERE account = 'REFUNDS'), 0)::int AS refunds FROM ledger_entries WHERE session_id = $1 AND source_kind = 'REFUND'`, [sessionId]),
      (rows) => rows[0]!.refunds === 1200,
    );
    expect(posted[0]!.refunds).toBe(1200);
  });
});
