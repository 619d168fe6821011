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
  history?: { operate_type: string; operate_details?: string }[];
  actions?: { kind: string; state: string; error: string | null; payload?: Record<string, unknown> }[];
};
type Rate = { id: string; organizationId: string; complaints: number; paidOrders: number; rate: number | null; thresholdPercent: number; alertEnabled: boolean; aboveThreshold: boolean };
type Rates = { windowDays: number; formula: string; byMerchantAccount: Rate[]; byLegalEntity: Rate[] };

const idem = () => ({ 'idempotency-key': randomUUID() });
let loop: LoopHarness;
const tokens: Record<string, string> = {};
const FR_ACCOUNT = DEMO_MERCHANTS.fridge.id;
/** The paid fridge session the first test complains about (the later tests raise more complaints on it). */
let complained: { sessionId: string; outOrderNo: string };

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
  for (const login of ['ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'ops@powerbank.demo', 'ops@vendor.demo', 'admin@zizhu.demo']) tokens[login] = await loop.operator(login);
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
    complained = { sessionId, outOrderNo };
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

    // the complaint rate on the overview: complaints ÷ paid orders over 30 days, per account and per legal entity, each
    // against the default COMPLAINT_RATE threshold (0.01 %) it is far above (the reseller sees no money)
    const overview = await loop.request<{ complaintRates: Rates }>('GET', '/v1/overview', { token: ops });
    const rates = overview.body.complaintRates;
    expect(rates.formula).toContain('÷');
    const account = rates.byMerchantAccount.find((r) => r.id === FR_ACCOUNT)!;
    expect(account).toMatchObject({ organizationId: DEMO_ORGS.fridge.id, complaints: 1, thresholdPercent: 0.01, alertEnabled: true, aboveThreshold: true });
    expect(account.paidOrders).toBeGreaterThanOrEqual(1);
    expect(account.rate).toBeCloseTo(1 / account.paidOrders);
    expect(rates.byLegalEntity).toEqual([
      expect.objectContaining({ id: DEMO_ORGS.fridge.id, complaints: 1, paidOrders: account.paidOrders, thresholdPercent: 0.01, alertEnabled: true, aboveThreshold: true }),
    ]);
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
  it('the overview compares each merchant account’s and legal entity’s rate with the COMPLAINT_RATE rule in force for the legal entity (the alert’s), and shows each organisation only its own', async () => {
    const ops = tokens['ops@fridge.demo']!;
    const FRIDGE = DEMO_ORGS.fridge.id;
    const F2 = DEMO_ORGS.fridgeF2.id;
    const rates = async (login: string, query = '') => (await loop.request<{ complaintRates: Rates }>('GET', `/v1/overview${query}`, { token: tokens[login] })).body.complaintRates;
    const row = (rows: Rate[], id: string) => rows.find((r) => r.id === id);
    const setRule = async (login: string, rule: { enabled: boolean; threshold: number }) =>
      expect((await loop.request('PUT', '/v1/alert-rules', { token: tokens[login], body: { rules: [{ kind: 'COMPLAINT_RATE', ...rule }] } })).status).toBe(200);

    // the franchisee f2 collects itself: its own merchant account, its own legal entity (no orders, no complaints)
    const merchant = await loop.newSimMerchant();
    const created = await loop.request<{ id: string }>('POST', '/v1/merchant-accounts', { token: tokens['f2@fridge.demo'], body: merchant.body });
    expect(created.status).toBe(201);
    const F2_ACCOUNT = created.body.id;

    // under the default 0.01 % the brand's legal entity is above the threshold: in the overview and for the alert alike
    const evaluator = loop.zizhu.app.get(AlertsEvaluator);
    await evaluator.evaluateKind('COMPLAINT_RATE');
    const openRateAlerts = async () =>
      (await loop.request<{ items: { subjectId: string; state: string; facts: Record<string, unknown> }[] }>('GET', '/v1/alerts?kind=COMPLAINT_RATE', { token: ops })).body.items.filter((a) => a.state !== 'RESOLVED');
    expect(await openRateAlerts()).toEqual([expect.objectContaining({ subjectId: FRIDGE, facts: expect.objectContaining({ thresholdPercent: 0.01 }) })]);
    const before = await rates('ops@fridge.demo');
    expect(row(before.byMerchantAccount, FR_ACCOUNT)).toMatchObject({ organizationId: FRIDGE, thresholdPercent: 0.01, aboveThreshold: true });
    expect(row(before.byLegalEntity, FRIDGE)).toMatchObject({ thresholdPercent: 0.01, aboveThreshold: true });
    expect(row(before.byMerchantAccount, F2_ACCOUNT)).toMatchObject({ organizationId: F2, complaints: 0, paidOrders: 0, rate: null, thresholdPercent: 0.01, aboveThreshold: false });
    expect(row(before.byLegalEntity, F2)).toMatchObject({ complaints: 0, paidOrders: 0, rate: null, thresholdPercent: 0.01, aboveThreshold: false });

    // the brand raises its threshold to 100 % (1 complaint never exceeds its paid orders): no longer above, and the alert
    // resolves; its franchisee without a rule of its own is compared with the brand's, as the alert does
    await setRule('ops@fridge.demo', { enabled: true, threshold: 100 });
    const raised = await rates('ops@fridge.demo');
    expect(row(raised.byMerchantAccount, FR_ACCOUNT)).toMatchObject({ complaints: 1, thresholdPercent: 100, alertEnabled: true, aboveThreshold: false });
    expect(row(raised.byLegalEntity, FRIDGE)).toMatchObject({ complaints: 1, thresholdPercent: 100, alertEnabled: true, aboveThreshold: false });
    expect(row(raised.byLegalEntity, F2)).toMatchObject({ thresholdPercent: 100 });
    await evaluator.evaluateKind('COMPLAINT_RATE');
    expect(await openRateAlerts()).toEqual([]);

    // f2 sets its own rule (0.5 %, switched off): its rows follow it, in its own view and in its brand's; the brand's stay at 100 %
    await setRule('f2@fridge.demo', { enabled: false, threshold: 0.5 });
    for (const login of ['ops@fridge.demo', 'f2@fridge.demo']) {
      const view = await rates(login);
      expect(row(view.byMerchantAccount, F2_ACCOUNT)).toMatchObject({ thresholdPercent: 0.5, alertEnabled: false });
      expect(row(view.byLegalEntity, F2)).toMatchObject({ thresholdPercent: 0.5, alertEnabled: false });
    }
    expect(row((await rates('ops@fridge.demo')).byLegalEntity, FRIDGE)).toMatchObject({ thresholdPercent: 100, alertEnabled: true });
    const platform = await rates('admin@zizhu.demo');
    expect(row(platform.byLegalEntity, FRIDGE)).toMatchObject({ complaints: 1, thresholdPercent: 100 });
    expect(row(platform.byLegalEntity, F2)).toMatchObject({ thresholdPercent: 0.5, alertEnabled: false });

    // tenancy: f2 sees its own account and legal entity only; f1 (whose brand collects for it) has none; another operator
    // sees none of the brand's; the brand narrowed to f2 sees f2's only
    const f2View = await rates('f2@fridge.demo');
    expect(f2View.byMerchantAccount.map((r) => r.id)).toEqual([F2_ACCOUNT]);
    expect(f2View.byLegalEntity.map((r) => r.id)).toEqual([F2]);
    expect(await rates('f1@fridge.demo')).toMatchObject({ byMerchantAccount: [], byLegalEntity: [] });
    const other = await rates('ops@powerbank.demo');
    expect([...other.byMerchantAccount, ...other.byLegalEntity].filter((r) => [FR_ACCOUNT, F2_ACCOUNT, FRIDGE, F2].includes(r.id))).toEqual([]);
    const narrowed = await rates('ops@fridge.demo', `?organizationId=${F2}`);
    expect(narrowed.byMerchantAccount.map((r) => r.id)).toEqual([F2_ACCOUNT]);
    expect(narrowed.byLegalEntity.map((r) => r.id)).toEqual([F2]);
  });

  it('approving and rejecting a refund request (update-refund-progress) reach WeChat once and show on the complaint; bad input is refused naming the field, nothing queued', async () => {
    const ops = tokens['ops@fridge.demo']!;
    const raise = async (text: string): Promise<Complaint> => {
      const raised = await loop.simRequest<{ complaintId: string }>('POST', '/sim/complaints', { mchid: DEMO_MERCHANTS.fridge.mchid, outOrderNo: complained.outOrderNo, text, amountFen: 500 });
      expect(raised.status).toBe(200);
      const listed = await until(
        () => loop.request<{ items: Complaint[] }>('GET', `/v1/complaints?sessionId=${complained.sessionId}`, { token: ops }).then((a) => a.body),
        (b) => b.items.some((c) => c.complaintId === raised.body.complaintId),
      );
      const found = listed.items.find((c) => c.complaintId === raised.body.complaintId)!;
      expect(found).toMatchObject({ state: 'PENDING', sessionId: complained.sessionId });
      return found;
    };
    const toApprove = await raise('申请退款：少出了一瓶水');
    const toReject = await raise('申请退款：不想要了');
    const progress = (c: Complaint, token: string, body: Record<string, unknown>) =>
      loop.request<Complaint & { code?: string; errors?: { field: string }[] }>('POST', `/v1/complaints/${c.id}/refund-progress`, { token, headers: idem(), body });
    const atWechat = async (c: Complaint) =>
      (await loop.simRequest<{ complaint_state: string; sim: { refundApproved: boolean; history: { operate_type: string; operate_details: string }[] } }>('GET', `/sim/complaints/${c.complaintId}`)).body;

    // bad input: 400 naming the field, and nothing queued or sent
    for (const [body, field] of [
      [{ action: 'REJECT' }, 'rejectReason'],
      [{ action: 'REJECT', rejectReason: '' }, 'rejectReason'],
      [{ action: 'REJECT', rejectReason: '   ' }, 'rejectReason'],
      [{ action: 'REJECT', rejectReason: '不符合退款条件', launchRefundDay: 1 }, 'launchRefundDay'],
      [{ action: 'APPROVE', launchRefundDay: 8 }, 'launchRefundDay'],
      [{ action: 'APPROVE', rejectReason: '不符合退款条件' }, 'rejectReason'],
      [{ action: 'MAYBE' }, 'action'],
    ] as const) {
      const refused = await progress(toReject, ops, body);
      expect([refused.status, refused.body.code, refused.body.errors?.map((e) => e.field)]).toEqual([400, 'VALIDATION_FAILED', [field]]);
    }
    // only the merchant of record acts: the franchisee whose session it is reads the complaint but gets 404; another operator 404
    expect((await progress(toReject, tokens['f1@fridge.demo']!, { action: 'APPROVE' })).body).toMatchObject({ status: 404, code: 'COMPLAINT_NOT_YOURS_TO_ACT' });
    expect((await progress(toReject, tokens['ops@powerbank.demo']!, { action: 'APPROVE' })).status).toBe(404);
    expect((await loop.request<Complaint>('GET', `/v1/complaints/${toReject.id}`, { token: ops })).body.actions).toEqual([]);
    expect((await atWechat(toReject)).sim.history.map((h) => h.operate_type)).toEqual(['USER_CREATE_COMPLAINT']);

    // APPROVE: sent by a job; WeChat records the approval (the complaint stays PROCESSING until the refund), the API shows it
    const approve = await progress(toApprove, ops, { action: 'APPROVE', launchRefundDay: 3, remark: '核实后同意退款' });
    expect(approve.status).toBe(202);
    expect(approve.body.actions).toEqual([expect.objectContaining({ kind: 'REFUND_PROGRESS', payload: { action: 'APPROVE', launchRefundDay: 3, remark: '核实后同意退款' } })]);
    const approved = await until(
      () => loop.request<Complaint>('GET', `/v1/complaints/${toApprove.id}`, { token: ops }).then((a) => a.body),
      (c) => c.actions?.[0]?.state !== 'PENDING' && (c.history ?? []).some((h) => h.operate_type === 'MERCHANT_APPROVE_REFUND'),
    );
    expect(approved).toMatchObject({ state: 'PROCESSING', actions: [{ kind: 'REFUND_PROGRESS', state: 'SUCCEEDED', error: null }] });
    const approvedAtWechat = await atWechat(toApprove);
    expect(approvedAtWechat).toMatchObject({ complaint_state: 'PROCESSING', sim: { refundApproved: true } });
    expect(approvedAtWechat.sim.history.filter((h) => h.operate_type === 'MERCHANT_APPROVE_REFUND')).toEqual([expect.objectContaining({ operate_details: expect.stringContaining('3个工作日') })]);

    // REJECT with a reason: WeChat records the refusal with it and closes the complaint; the API shows it PROCESSED
    const reject = await progress(toReject, ops, { action: 'REJECT', rejectReason: '商品已食用，不符合退款条件' });
    expect(reject.status).toBe(202);
    const rejected = await until(
      () => loop.request<Complaint>('GET', `/v1/complaints/${toReject.id}`, { token: ops }).then((a) => a.body),
      (c) => c.actions?.[0]?.state !== 'PENDING' && c.state === 'PROCESSED',
    );
    expect(rejected).toMatchObject({ state: 'PROCESSED', actions: [{ kind: 'REFUND_PROGRESS', state: 'SUCCEEDED', error: null, payload: { action: 'REJECT', rejectReason: '商品已食用，不符合退款条件' } }] });
    const rejectedAtWechat = await atWechat(toReject);
    expect(rejectedAtWechat).toMatchObject({ complaint_state: 'PROCESSED', sim: { refundApproved: false } });
    expect(rejectedAtWechat.sim.history.filter((h) => h.operate_type.startsWith('MERCHANT_'))).toEqual([expect.objectContaining({ operate_details: '商品已食用，不符合退款条件' })]);
    // a processed complaint takes no further refund decision; each decision was audited once
    expect((await progress(toReject, ops, { action: 'APPROVE' })).body).toMatchObject({ status: 409, code: 'COMPLAINT_PROCESSED' });
    const audited = await systemQuery<{ n: number }>(loop.zizhu, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'complaint.refund_progress' AND resource_id = ANY ($1::text[])`, [[toApprove.id, toReject.id]]);
    expect(audited[0]!.n).toBe(2);
  });
});
