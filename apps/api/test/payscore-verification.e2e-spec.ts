// Issue 10, Pay Score items 5, 9, 10, 14, 15 and 16, end to end over loopback (the API on a port, the Pay
// Score simulator signing its answers and sending signed, encrypted callbacks). The simulator's fault rules
// spoil an answer's signature after doing the work (`signature: "invalid" | "missing"`), which is how WeChat's
// answer "fails verification" here: WeChat did it, the merchant cannot prove that it did.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSignedNotification, generateRsaKeyPair, type SignedNotification } from '@zizhu/payscore';
import { DEMO_MERCHANTS } from '../src/modules/demo/demo-data.js';
import { systemQuery } from './fleet-support.js';
import { LoopHarness } from './support/loop-harness.js';

type Session = Record<string, unknown> & { sessionId: string; state: string; outOrderNo: string; businessView: unknown };
type Action = { id: string; kind: string; state: string; amountFen: number | null; outRefundNo: string | null; error: string | null };

let loop: LoopHarness;
const tokens: Record<string, string> = {};
const idem = () => ({ 'idempotency-key': randomUUID() });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function scan(openid: string, body: Record<string, unknown>): Promise<{ status: number; session: Session; token: string }> {
  const token = await loop.consumer(openid);
  const answer = await loop.request<Session>('POST', '/v1/consumer/sessions', { token, body });
  return { status: answer.status, session: answer.body, token };
}

async function operatorSession(id: string, token: string): Promise<Record<string, unknown> & { actions: Action[] }> {
  return (await loop.request('GET', `/v1/sessions/${id}`, { token })).body as Record<string, unknown> & { actions: Action[] };
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function faults(rules: Record<string, unknown>[]): Promise<void> {
  expect((await loop.simRequest('POST', '/sim/faults', { rules })).status).toBe(200);
}

async function wireOrder(outOrderNo: string): Promise<Record<string, unknown>> {
  const { sim: _sim, ...wire } = (await loop.simRequest('GET', `/sim/orders/${encodeURIComponent(outOrderNo)}`)).body;
  return wire;
}

const simOrder = (outOrderNo: string) => loop.sim.core.orders.findForControl(outOrderNo);
const simRefunds = (outOrderNo: string) => loop.sim.core.refunds.all().filter((r) => r.outOrderNo === outOrderNo);

async function row(sessionId: string): Promise<Record<string, unknown>> {
  const [r] = await systemQuery(loop.zizhu, `SELECT state, order_created_at, order_package, order_state, order_state_description, anomaly, cancel_reason FROM service_sessions WHERE id = $1`, [sessionId]);
  return r!;
}

async function notificationsOf(outOrderNo: string): Promise<{ id: string; event_type: string; applied_at: Date | null; outcome: string | null }[]> {
  return systemQuery(loop.zizhu, `SELECT id, event_type, applied_at, outcome FROM payscore_notifications WHERE business_key = $1 ORDER BY received_at`, [outOrderNo]);
}

/** A callback as WeChat sends it: signed with the simulator's platform key, encrypted with the merchant's APIv3 key. */
function signedAsWechat(mchid: string, eventType: string, resource: object): SignedNotification {
  const merchant = loop.sim.core.merchants.get(mchid)!;
  return buildSignedNotification(
    { eventType, resource },
    { platformPrivateKey: loop.sim.core.platformKey.privateKey, platformSerial: loop.sim.core.platformKey.publicKeyId, apiV3Key: merchant.apiV3Key, now: Date.now() },
  );
}

async function deliver(accountId: string, n: SignedNotification): Promise<number> {
  return (await fetch(`${loop.apiUrl}/v1/payscore/notify/${accountId}`, { method: 'POST', headers: n.headers, body: n.body })).status;
}

/** A session of FR-0002 confirmed by the user, ended by the operator with 2 × milk (1,200 fen), then paid. */
async function paidFridgeSession(openid: string): Promise<Session> {
  const { session, token } = await scan(openid, { deviceCode: 'FR-0002' });
  expect(session.state).toBe('AWAITING_CONFIRMATION');
  expect((await loop.decide(session.outOrderNo, openid, 'confirm')).status).toBe(200);
  expect((await loop.waitFor(session.sessionId, token, (s) => s['state'] === 'STARTING'))['state']).toBe('STARTING');
  const ended = await loop.request('POST', `/v1/sessions/${session.sessionId}/end`, {
    token: tokens['ops@fridge.demo']!,
    headers: idem(),
    body: { endedAt: new Date().toISOString(), reason: '门已关，设备漏报', usage: { items: [{ sku: 'milk-250', count: 2 }] } },
  });
  expect(ended).toMatchObject({ status: 200, body: { state: 'AWAITING_PAYMENT', totalFen: 1200 } });
  expect((await loop.waitFor(session.sessionId, token, (s) => s['state'] === 'PAID'))['state']).toBe('PAID');
  return session;
}

beforeAll(async () => {
  loop = await LoopHarness.start({ sessions: { confirmTimeoutSeconds: 120, startTimeoutSeconds: 120, reconcileAfterSeconds: 1 } });
  for (const login of ['ops@powerbank.demo', 'ops@fridge.demo', 'c1@vendor.demo', 'c2@vendor.demo']) tokens[login] = await loop.operator(login);
});

afterAll(async () => {
  await loop?.close();
});

describe('item 9: an answer that fails verification is "unknown", never WeChat’s no', () => {
  it('a create whose answer fails verification is not cancelled locally: it is retried (re-entry) and the order is kept', async () => {
    // WeChat creates the order; its answer's signature does not verify
    await faults([{ path: '^/v3/payscore/serviceorder$', signature: 'invalid' }]);
    let session: Session;
    let token: string;
    try {
      ({ session, token } = await scan('unverified-create', { deviceCode: 'PB-0001', slot: 6 }));
      expect(simOrder(session.outOrderNo).state).toBe('CREATED');
      // the create job has been answered (unverifiably) more than once by now (the scan waited 8 s for a package)
      await sleep(500);
      expect(await row(session.sessionId)).toMatchObject({ state: 'AWAITING_CONFIRMATION', order_created_at: null, anomaly: null });
    } finally {
      await faults([]);
    }
    // once WeChat's answer verifies again, the retried create re-enters and the session gets its package
    const ready = await loop.waitFor(session.sessionId, token, (s) => s['businessView'] !== null, 30_000);
    expect(ready).toMatchObject({ state: 'AWAITING_CONFIRMATION', businessView: { businessType: 'wxpayScoreUse' } });
    expect(await row(session.sessionId)).toMatchObject({ order_package: simOrder(session.outOrderNo).packageToken, anomaly: null });
    expect((await loop.request('POST', `/v1/consumer/sessions/${session.sessionId}/cancel`, { token })).status).toBe(200);
    await until(() => Promise.resolve(simOrder(session.outOrderNo).state), (s) => s === 'REVOKED');
    expect(simOrder(session.outOrderNo).state).toBe('REVOKED');
  });
});

describe('item 10: only verified answers move a session', () => {
  it('an unsigned 404 to the cancel’s query does not cancel the session while the order exists at WeChat', async () => {
    // the create reaches WeChat but its answers are lost; every query is answered by an unsigned 404 (a proxy's page)
    await faults([
      { path: '^/v3/payscore/serviceorder$', status: 500, phase: 'after' },
      { path: '^/v3/payscore/serviceorder\\?', status: 404, signature: 'missing' },
    ]);
    let session: Session;
    let token: string;
    try {
      ({ session, token } = await scan('unsigned-404', { deviceCode: 'PB-0001', slot: 7 }));
      expect(simOrder(session.outOrderNo).state).toBe('CREATED');
      expect((await loop.request('POST', `/v1/consumer/sessions/${session.sessionId}/cancel`, { token })).status).toBe(200);
      // the cancel job asked (and its retries asked again): an unsigned "no such order" proves nothing
      await until(() => row(session.sessionId), (r) => r['state'] === 'CANCELLED', 2500);
      expect(await row(session.sessionId)).toMatchObject({ state: 'AWAITING_CONFIRMATION', order_created_at: null });
    } finally {
      await faults([]);
    }
    // with verified answers again, the order WeChat holds is cancelled there too, and only then the session
    const cancelled = await until(() => row(session.sessionId), (r) => r['state'] === 'CANCELLED', 30_000);
    expect(cancelled['state']).toBe('CANCELLED');
    expect(simOrder(session.outOrderNo).state).toBe('REVOKED');
  });
});

describe('items 9 + 15: refunds — an unverifiable answer and REFUND.ABNORMAL never free the money for another refund', () => {
  const ops = () => tokens['ops@fridge.demo']!;
  let session: Session;

  it('a refund whose answer fails verification stays in flight, blocks a second refund of the money, and is settled by a query', async () => {
    session = await paidFridgeSession('refund-unverified');
    // WeChat makes the refund, but neither its answer nor its query answers verify; its callback is late
    await loop.simRequest('POST', '/sim/callbacks', { lateMs: 600_000 });
    try {
      await faults([{ path: '^/v3/refund/domestic/refunds', signature: 'invalid' }]);
      try {
        const asked = await loop.request('POST', `/v1/sessions/${session.sessionId}/refunds`, { token: ops(), headers: idem(), body: { amountFen: 500, reason: '牛奶临期' } });
        expect(asked.status).toBe(202);
        await until(() => Promise.resolve(simRefunds(session.outOrderNo).length), (n) => n === 1);
        const inFlight = await until(() => operatorSession(session.sessionId, ops()), (s) => s.actions.some((a) => a.kind === 'REFUND' && a.state !== 'PENDING'));
        const refund = inFlight.actions.find((a) => a.kind === 'REFUND')!;
        expect(refund).toMatchObject({ state: 'PROCESSING', amountFen: 500 });
        expect(refund.error).toMatch(/^OUTCOME_UNKNOWN PAYSCORE_RESPONSE_BAD_SIGNATURE/);
        expect(inFlight['refundedFen']).toBe(0);
        // the 500 fen may have left: 1200 − 500 + 1 is refused, nothing more reaches WeChat
        const again = await loop.request('POST', `/v1/sessions/${session.sessionId}/refunds`, { token: ops(), headers: idem(), body: { amountFen: 701, reason: '再退一次' } });
        expect(again).toMatchObject({ status: 422, body: { code: 'SESSION_REFUND_EXCEEDS_PAID' } });
        expect(simRefunds(session.outOrderNo)).toHaveLength(1);
      } finally {
        await faults([]);
      }
      // the reconciler queries the refund by out_refund_no (the callback is still late): SUCCESS, counted once
      const settled = await until(() => operatorSession(session.sessionId, ops()), (s) => s['refundedFen'] === 500);
      expect(settled['refundedFen']).toBe(500);
      expect(settled.actions.filter((a) => a.kind === 'REFUND').map((a) => a.state)).toEqual(['SUCCEEDED']);
      expect(simRefunds(session.outOrderNo)).toEqual([expect.objectContaining({ refundFen: 500, status: 'SUCCESS' })]);
    } finally {
      await loop.simRequest('POST', '/sim/callbacks', { lateMs: 0 });
    }
  });

  it('REFUND.ABNORMAL: the refund is ABNORMAL (money held at WeChat), the session needs an operator, and the money cannot be refunded again', async () => {
    expect((await loop.simRequest('POST', '/sim/settings', { refundOutcome: 'ABNORMAL' })).status).toBe(200);
    try {
      const asked = await loop.request('POST', `/v1/sessions/${session.sessionId}/refunds`, { token: ops(), headers: idem(), body: { amountFen: 300, reason: '退款到已注销的卡' } });
      expect(asked.status).toBe(202);
      const held = await until(() => operatorSession(session.sessionId, ops()), (s) => s.actions.some((a) => a.kind === 'REFUND' && a.state === 'ABNORMAL'));
      const abnormal = held.actions.find((a) => a.amountFen === 300)!;
      expect(abnormal).toMatchObject({ kind: 'REFUND', state: 'ABNORMAL' });
      expect(abnormal.error).toMatch(/^REFUND_ABNORMAL/);
      expect(held['anomaly']).toMatch(new RegExp(`^REFUND_ABNORMAL ${abnormal.outRefundNo}`));
      expect(held['refundedFen']).toBe(500);
      expect(simRefunds(session.outOrderNo).map((r) => r.status).sort()).toEqual(['ABNORMAL', 'SUCCESS']);
      // the anomaly shows in the operators' list
      const flagged = (await loop.request<{ items: { id: string }[] }>('GET', '/v1/sessions?anomaly=true&limit=200', { token: ops() })).body.items.map((s) => s.id);
      expect(flagged).toContain(session.sessionId);
      // 1200 paid, 500 refunded, 300 held at WeChat: 401 more is refused before any call
      const again = await loop.request('POST', `/v1/sessions/${session.sessionId}/refunds`, { token: ops(), headers: idem(), body: { amountFen: 401, reason: '重新退款' } });
      expect(again).toMatchObject({ status: 422, body: { code: 'SESSION_REFUND_EXCEEDS_PAID' } });
      expect(simRefunds(session.outOrderNo)).toHaveLength(2);
    } finally {
      await loop.simRequest('POST', '/sim/settings', { refundOutcome: 'SUCCESS' });
    }
  });
});

describe('item 16: complete passes the recorded order state to the client’s guard', () => {
  it('a complete the recorded state forbids is refused before any call to WeChat', async () => {
    const { session, token } = await scan('recorded-state', { deviceCode: 'FR-0001' });
    expect((await loop.decide(session.outOrderNo, 'recorded-state', 'confirm')).status).toBe(200);
    expect((await loop.waitFor(session.sessionId, token, (s) => s['state'] === 'STARTING'))['state']).toBe('STARTING');
    // what the session recorded of the order says it cannot be completed (here: never confirmed)
    await systemQuery(loop.zizhu, `UPDATE service_sessions SET order_state = 'CREATED', order_state_description = NULL WHERE id = $1`, [session.sessionId]);
    const ended = await loop.request('POST', `/v1/sessions/${session.sessionId}/end`, {
      token: tokens['ops@fridge.demo']!,
      headers: idem(),
      body: { endedAt: new Date().toISOString(), reason: '门已关', usage: { items: [{ sku: 'cola-330', count: 1 }] } },
    });
    expect(ended).toMatchObject({ status: 200, body: { state: 'AWAITING_PAYMENT' } });
    const refused = await until(() => row(session.sessionId), (r) => r['anomaly'] !== null);
    expect(refused['anomaly']).toMatch(/^COMPLETE_REFUSED PAYSCORE_INVALID_TRANSITION/);
    expect(refused['state']).toBe('AWAITING_PAYMENT');
    // nothing was sent: the order at WeChat is still waiting for its completion
    expect(simOrder(session.outOrderNo)).toMatchObject({ state: 'DOING', stateDescription: 'USER_CONFIRM' });
  });
});

describe('item 14: the recorded order state only moves forward; a stored callback never blocks WeChat’s genuine one', () => {
  it('a late USER_CONFIRM after the order is paid is stored for audit and changes nothing', async () => {
    // callbacks late: the session is confirmed and paid through queries
    await loop.simRequest('POST', '/sim/callbacks', { lateMs: 600_000 });
    let session: Session;
    let confirmedOrder: Record<string, unknown>;
    try {
      const scanned = await scan('late-confirm', { deviceCode: 'FR-0001' });
      session = scanned.session;
      expect((await loop.decide(session.outOrderNo, 'late-confirm', 'confirm')).status).toBe(200);
      confirmedOrder = await wireOrder(session.outOrderNo);
      expect((await loop.waitFor(session.sessionId, scanned.token, (s) => s['state'] === 'STARTING'))['state']).toBe('STARTING');
      await loop.request('POST', `/v1/sessions/${session.sessionId}/end`, {
        token: tokens['ops@fridge.demo']!,
        headers: idem(),
        body: { endedAt: new Date().toISOString(), reason: '门已关', usage: { items: [{ sku: 'cola-330', count: 1 }] } },
      });
      expect((await loop.waitFor(session.sessionId, scanned.token, (s) => s['state'] === 'PAID'))['state']).toBe('PAID');
    } finally {
      await loop.simRequest('POST', '/sim/callbacks', { lateMs: 0 });
    }
    expect(await notificationsOf(session.outOrderNo)).toEqual([]);
    // now WeChat's USER_CONFIRM arrives, long after USER_PAID
    const late = signedAsWechat(DEMO_MERCHANTS.fridge.mchid, 'PAYSCORE.USER_CONFIRM', confirmedOrder);
    expect(await deliver(DEMO_MERCHANTS.fridge.id, late)).toBe(204);
    const [stored] = await until(() => notificationsOf(session.outOrderNo), (rows) => rows[0]?.applied_at != null);
    expect(stored).toMatchObject({ id: late.envelope.id, event_type: 'PAYSCORE.USER_CONFIRM', outcome: 'stale' });
    expect(await operatorSession(session.sessionId, tokens['ops@fridge.demo']!)).toMatchObject({ state: 'PAID', orderState: 'DONE', collectionState: 'USER_PAID' });
  });

  it('a callback stored first for an order and event (content not WeChat’s final word) does not make the genuine one a duplicate', async () => {
    const { session, token } = await scan('first-stored', { deviceCode: 'WV-0001' });
    // a verified USER_CONFIRM for the order whose content is not a confirmation (still CREATED): stored, changes nothing
    const early = signedAsWechat(DEMO_MERCHANTS.vendorC2.mchid, 'PAYSCORE.USER_CONFIRM', await wireOrder(session.outOrderNo));
    expect(await deliver(DEMO_MERCHANTS.vendorC2.id, early)).toBe(204);
    await until(() => notificationsOf(session.outOrderNo), (rows) => rows[0]?.applied_at != null);
    expect((await loop.session(session.sessionId, token))['state']).toBe('AWAITING_CONFIRMATION');
    // the user confirms: WeChat's own USER_CONFIRM is stored and applied (not dropped as a duplicate of the first)
    expect((await loop.decide(session.outOrderNo, 'first-stored', 'confirm')).status).toBe(200);
    const genuine = await until(
      () => Promise.resolve(loop.sim.core.notifier.deliveries().find((d) => d.orderKey.endsWith(session.outOrderNo) && d.eventType === 'PAYSCORE.USER_CONFIRM' && !d.probe)),
      (d) => d?.state === 'delivered',
    );
    const rows = await until(() => notificationsOf(session.outOrderNo), (rs) => rs.some((r) => r.id === genuine!.notificationId && r.applied_at !== null));
    expect(rows.map((r) => r.id)).toEqual([early.envelope.id, genuine!.notificationId]);
    expect(rows[1]).toMatchObject({ event_type: 'PAYSCORE.USER_CONFIRM', outcome: 'applied' });
    expect((await loop.waitFor(session.sessionId, token, (s) => s['state'] === 'STARTING'))['state']).toBe('STARTING');
  });
});

describe('item 5: a merchant cannot forge callbacks', () => {
  it('only platform keys WeChat signed its answers with are trusted: a certificate the merchant adds is refused', async () => {
    const { body } = await loop.newSimMerchant();
    const forger = generateRsaKeyPair();
    const withForgedKey = await loop.request('POST', '/v1/merchant-accounts', {
      token: tokens['c1@vendor.demo']!,
      body: { ...body, platformCertificates: [{ serialNo: randomBytes(20).toString('hex').toUpperCase(), pem: forger.publicKeyPem }] },
    });
    expect(withForgedKey).toMatchObject({ status: 422, body: { code: 'MERCHANT_CREDENTIALS_INVALID' } });
    expect((withForgedKey.body as { errors: { field: string }[] }).errors).toEqual([expect.objectContaining({ field: 'platformCertificates' })]);
    // with WeChat's own key only, the account is saved
    expect((await loop.request('POST', '/v1/merchant-accounts', { token: tokens['c1@vendor.demo']!, body })).status).toBe(201);
  });

  it('a callback is applied only to orders of the account whose notify URL received it', async () => {
    // a second merchant account of the same organisation, genuinely WeChat's (its callbacks verify)
    const other = await loop.newSimMerchant();
    const created = await loop.request<{ id: string }>('POST', '/v1/merchant-accounts', { token: tokens['c1@vendor.demo']!, body: other.body });
    expect(created.status).toBe(201);
    // a session charged through the organisation's first account
    const { session, token } = await scan('cross-account', { deviceCode: 'EV-0001', connector: 1 });
    expect(session.state).toBe('AWAITING_CONFIRMATION');
    const confirmed = { ...(await wireOrder(session.outOrderNo)), state: 'DOING', state_description: 'USER_CONFIRM', openid: 'cross-account' };
    const misdirected = signedAsWechat(other.mchid, 'PAYSCORE.USER_CONFIRM', confirmed);
    // acknowledged (WeChat would only retry it), stored for audit, never applied to the other account's order
    expect(await deliver(created.body.id, misdirected)).toBe(204);
    const [stored] = await until(() => notificationsOf(session.outOrderNo), (rows) => rows[0]?.applied_at != null);
    expect(stored).toMatchObject({ id: misdirected.envelope.id, outcome: 'foreign-order' });
    expect((await loop.session(session.sessionId, token))['state']).toBe('AWAITING_CONFIRMATION');
    expect(await systemQuery(loop.zizhu, `SELECT id FROM device_commands WHERE session_id = $1`, [session.sessionId])).toEqual([]);
    expect((await loop.request('POST', `/v1/consumer/sessions/${session.sessionId}/cancel`, { token })).status).toBe(200);

    // an account whose keys WeChat was never seen signing with (saved before this rule) trusts none of them
    await systemQuery(loop.zizhu, `UPDATE merchant_accounts SET platform_keys_confirmed_at = NULL, updated_at = now() WHERE id = $1`, [created.body.id]);
    const genuine = signedAsWechat(other.mchid, 'PAYSCORE.USER_CONFIRM', confirmed);
    const unconfirmed = await fetch(`${loop.apiUrl}/v1/payscore/notify/${created.body.id}`, { method: 'POST', headers: genuine.headers, body: genuine.body });
    expect(unconfirmed.status).toBe(401);
    expect(await unconfirmed.text()).toContain('PAYSCORE_NOTIFY_UNKNOWN_SERIAL');
  });
});
