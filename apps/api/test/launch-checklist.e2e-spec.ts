// WeChat Pay's own launch quality checklist (payscore-protocol.md appendix; docs/launch-checklist.md): the
// items not already proven elsewhere, end to end over loopback (the API on a port, the Pay Score simulator
// sending signed, encrypted callbacks). No fleet here: a session confirmed by the user waits in STARTING,
// and an operator ends it with its usage, which is enough to complete, debit and refund it.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSignedNotification, generateRsaKeyPair, type SignedNotification } from '@zizhu/payscore';
import { APP_CONFIG, type AppConfig } from '../src/config/app-config.js';
import { DEMO_DEVICES, DEMO_MERCHANTS, DEMO_PLANS } from '../src/modules/demo/demo-data.js';
import { MERCHANT_KEYRING } from '../src/modules/merchants/merchant-credentials.js';
import { MerchantGateway } from '../src/modules/merchants/merchant-gateway.service.js';
import { SessionEngine } from '../src/modules/sessions/session-engine.service.js';
import { Transactions } from '../src/platform/database/transactions.js';
import type { EnvelopeKeyring } from '../src/platform/crypto/envelope.js';
import { systemQuery } from './fleet-support.js';
import { LoopHarness } from './support/loop-harness.js';

type Session = Record<string, unknown> & { sessionId: string; state: string; outOrderNo: string; businessView: { businessType: string; extraData: Record<string, string> } | null };

const device = (code: string) => DEMO_DEVICES.find((d) => d.code === code)!;
const idem = () => ({ 'idempotency-key': randomUUID() });

let loop: LoopHarness;
const tokens: Record<string, string> = {};

async function scan(openid: string, body: Record<string, unknown>, appid?: string): Promise<{ status: number; session: Session; token: string }> {
  const token = await loop.consumer(openid, appid);
  const answer = await loop.request<Session>('POST', '/v1/consumer/sessions', { token, body });
  return { status: answer.status, session: answer.body, token };
}

async function operatorSession(id: string, token: string): Promise<Record<string, unknown>> {
  return (await loop.request('GET', `/v1/sessions/${id}`, { token })).body;
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The order as WeChat would put it in a callback resource (the simulator's wire view). */
async function wireOrder(outOrderNo: string): Promise<Record<string, unknown>> {
  const { sim: _sim, ...wire } = (await loop.simRequest('GET', `/sim/orders/${encodeURIComponent(outOrderNo)}`)).body;
  return wire;
}

async function simOrderCount(): Promise<number> {
  return Object.keys((await loop.simRequest<{ orders?: Record<string, unknown> }>('GET', '/sim/state')).body.orders ?? {}).length;
}

/** A callback signed with the simulator's platform key and encrypted with the account's APIv3 key: what WeChat would send. */
function signedAsWechat(mchid: string, eventType: string, resource: object, id?: string): SignedNotification {
  const merchant = loop.sim.core.merchants.get(mchid);
  if (!merchant) throw new Error(`the simulator does not know ${mchid}`);
  return buildSignedNotification(
    { eventType, resource, ...(id ? { id } : {}) },
    { platformPrivateKey: loop.sim.core.platformKey.privateKey, platformSerial: loop.sim.core.platformKey.publicKeyId, apiV3Key: merchant.apiV3Key, now: Date.now() },
  );
}

async function deliver(accountId: string, n: SignedNotification): Promise<number> {
  return (await deliverWithAnswer(accountId, n)).status;
}

async function deliverWithAnswer(accountId: string, n: SignedNotification): Promise<{ status: number; text: string }> {
  const response = await fetch(`${loop.apiUrl}/v1/payscore/notify/${accountId}`, { method: 'POST', headers: n.headers, body: n.body });
  return { status: response.status, text: await response.text() };
}

async function notificationsOf(outOrderNo: string): Promise<{ id: string; event_type: string; applied_at: Date | null; outcome: string | null }[]> {
  return systemQuery(loop.zizhu, `SELECT id, event_type, applied_at, outcome FROM payscore_notifications WHERE business_key = $1 ORDER BY received_at`, [outOrderNo]);
}

beforeAll(async () => {
  // callbacks may be late and devices absent here: only the reconciler's own clock matters (1 s)
  loop = await LoopHarness.start({ sessions: { confirmTimeoutSeconds: 120, startTimeoutSeconds: 120, reconcileAfterSeconds: 1 } });
  for (const login of ['ops@powerbank.demo', 'ops@fridge.demo', 'c1@vendor.demo', 'c2@vendor.demo']) tokens[login] = await loop.operator(login);
  // Pay Score 14: WeChat's industry templates enforced (the simulator only warns by default)
  expect((await loop.simRequest('POST', '/sim/settings', { industryTemplates: 'strict' })).status).toBe(200);
});

afterAll(async () => {
  await loop?.close();
});

describe('Pay Score 21 + 1: notify_url and the confirmation jump', () => {
  it('the notify_url sent at create is exactly `${PUBLIC_BASE_URL}/v1/payscore/notify/<account>` (no query), and the jump is signed with the APIv2 key', async () => {
    const config = loop.zizhu.app.get<symbol, AppConfig>(APP_CONFIG);
    const { status, session, token } = await scan('notify-url', { deviceCode: 'FR-0001' });
    expect(status).toBe(201);
    const order = loop.sim.core.orders.findForControl(session.outOrderNo);
    expect(order.notifyUrl).toBe(`${config.payscore.publicBaseUrl}/v1/payscore/notify/${DEMO_MERCHANTS.fridge.id}`);
    expect(new URL(order.notifyUrl).search).toBe('');

    // Pay Score 1: the simulator checks the jump's sign with the merchant's APIv2 key (an APIv3-key sign fails with 4185)
    expect(session.businessView).toMatchObject({ businessType: 'wxpayScoreUse', extraData: { sign_type: 'HMAC-SHA256', sign: expect.any(String) } });
    const opened = await loop.simRequest('POST', '/sim/business-view', { appid: order.appid, ...session.businessView });
    expect(opened).toMatchObject({ status: 200, body: { opened: true, out_order_no: session.outOrderNo } });

    expect((await loop.request('POST', `/v1/consumer/sessions/${session.sessionId}/cancel`, { token })).status).toBe(200);
  });

  it('the notify URL comes from config.payscore.publicBaseUrl, whatever address the API listens on', async () => {
    const config = loop.zizhu.app.get<symbol, AppConfig>(APP_CONFIG);
    const keyring = loop.zizhu.app.get<symbol, EnvelopeKeyring>(MERCHANT_KEYRING);
    const deployed = new MerchantGateway({ ...config, payscore: { ...config.payscore, publicBaseUrl: 'https://pay.zizhu.example.com' } }, keyring);
    const handle = await loop.zizhu.app.get(Transactions).asSystem((m) => deployed.forAccount(m, DEMO_MERCHANTS.powerbank.id));
    expect(handle.notifyUrl).toBe(`https://pay.zizhu.example.com/v1/payscore/notify/${DEMO_MERCHANTS.powerbank.id}`);
  });
});

describe('Pay Score 4, 24, 10, 11, 9, 7: polling, the paid amount, refunds', () => {
  const ops = () => tokens['ops@fridge.demo']!;
  let session: Session;
  let token: string;

  it('Pay Score 4: a CREATED order whose USER_CONFIRM callback never comes is polled, and the session starts', async () => {
    ({ session, token } = await scan('late-callbacks', { deviceCode: 'FR-0002' }));
    expect(session.state).toBe('AWAITING_CONFIRMATION');
    await loop.simRequest('POST', '/sim/callbacks', { lateMs: 600_000 });
    try {
      expect((await loop.decide(session.outOrderNo, 'late-callbacks', 'confirm')).status).toBe(200);
      const started = await loop.waitFor(session.sessionId, token, (s) => s['state'] !== 'AWAITING_CONFIRMATION');
      expect(started['state']).toBe('STARTING');
      // it was the reconciler's query, not a callback: none has arrived
      expect(await notificationsOf(session.outOrderNo)).toEqual([]);
    } finally {
      await loop.simRequest('POST', '/sim/callbacks', { lateMs: 0 });
    }
  });

  it('Pay Score 24: a validly signed USER_PAID whose paid amount differs from the completed total is not accepted', async () => {
    await loop.simRequest('POST', '/sim/debits', { outcome: 'user-pays-later', outOrderNo: session.outOrderNo });
    const ended = await loop.request('POST', `/v1/sessions/${session.sessionId}/end`, {
      token: ops(),
      headers: idem(),
      body: { endedAt: new Date().toISOString(), reason: '门已关，设备漏报', usage: { items: [{ sku: 'milk-250', count: 2 }] } },
    });
    expect(ended).toMatchObject({ status: 200, body: { state: 'AWAITING_PAYMENT', totalFen: 1200 } });
    const completed = await until(() => operatorSession(session.sessionId, ops()), (s) => s['collectionState'] === 'USER_PAYING');
    expect(completed).toMatchObject({ state: 'AWAITING_PAYMENT', orderState: 'DOING/MCH_COMPLETE', totalFen: 1200, anomaly: null });
    // Pay Score 14: the completion followed the vending template (商品信息 with amount and count), without a warning
    const atWechat = loop.sim.core.orders.findForControl(session.outOrderNo);
    expect(atWechat.postPayments).toEqual([expect.objectContaining({ name: '商品信息', amount: 1200, count: 2 })]);
    expect(atWechat.warnings).toEqual([]);

    const { state_description: _d, ...order } = await wireOrder(session.outOrderNo);
    const underpaid = {
      ...order,
      state: 'DONE',
      collection: {
        state: 'USER_PAID',
        total_amount: 1200,
        paying_amount: 0,
        paid_amount: 1,
        details: [{ seq: 1, amount: 1, paid_type: 'NEWTON', paid_time: '20250101120000', transaction_id: '4200000000202501010000000001' }],
      },
    };
    const forged = signedAsWechat(DEMO_MERCHANTS.fridge.mchid, 'PAYSCORE.USER_PAID', underpaid);
    expect(await deliver(DEMO_MERCHANTS.fridge.id, forged)).toBe(204);
    const [applied] = await until(() => notificationsOf(session.outOrderNo), (rows) => rows.some((r) => r.applied_at !== null));
    expect(applied).toMatchObject({ id: forged.envelope.id, event_type: 'PAYSCORE.USER_PAID', outcome: 'applied' });
    const refused = await operatorSession(session.sessionId, ops());
    expect(refused).toMatchObject({ state: 'AWAITING_PAYMENT', paidFen: null, totalFen: 1200 });
    expect(refused['anomaly']).toMatch(/^PAID_AMOUNT_MISMATCH/);

    // the user really pays the whole amount: the session converges on WeChat's order (a query), paid in full
    expect((await loop.simRequest('POST', `/sim/orders/${session.outOrderNo}/user-pay`, {})).status).toBe(200);
    const paid = await until(() => operatorSession(session.sessionId, ops()), (s) => s['state'] === 'PAID');
    expect(paid).toMatchObject({ state: 'PAID', paidFen: 1200 });
  });

  it('Pay Score 10, 11, 21: a refund names the transaction_id and the account’s notify URL; more than was paid is refused', async () => {
    const [row] = await systemQuery<{ transaction_id: string }>(loop.zizhu, `SELECT transaction_id FROM service_sessions WHERE id = $1`, [session.sessionId]);
    const wechatTransaction = loop.sim.core.orders.findForControl(session.outOrderNo).payments[0]!.transactionId;
    expect(row!.transaction_id).toBe(wechatTransaction);

    const refund = await loop.request('POST', `/v1/sessions/${session.sessionId}/refunds`, { token: ops(), headers: idem(), body: { amountFen: 500, reason: '牛奶临期' } });
    expect(refund.status).toBe(202);
    const done = await until(() => operatorSession(session.sessionId, ops()), (s) => s['refundedFen'] === 500);
    expect(done['refundedFen']).toBe(500);
    const atWechat = loop.sim.core.refunds.all().filter((r) => r.outOrderNo === session.outOrderNo);
    expect(atWechat).toEqual([
      expect.objectContaining({ transactionId: wechatTransaction, refundFen: 500, totalFen: 1200, status: 'SUCCESS', notifyUrl: `${loop.apiUrl}/v1/payscore/notify/${DEMO_MERCHANTS.fridge.id}` }),
    ]);

    // Pay Score 11: 500 refunded, 1200 paid: 701 more is refused before any call
    const tooMuch = await loop.request('POST', `/v1/sessions/${session.sessionId}/refunds`, { token: ops(), headers: idem(), body: { amountFen: 701, reason: '全部退款' } });
    expect(tooMuch).toMatchObject({ status: 422, body: { code: 'SESSION_REFUND_EXCEEDS_PAID' } });
    expect(loop.sim.core.refunds.all().filter((r) => r.outOrderNo === session.outOrderNo)).toHaveLength(1);
  });

  it('Pay Score 9 + 7: modify / collect refused on a paid order before any call; amounts are integer fen', async () => {
    const modifyCount = () => loop.sim.core.orders.findForControl(session.outOrderNo).modifyCount;
    const before = modifyCount();
    const modify = await loop.request('POST', `/v1/sessions/${session.sessionId}/modify`, { token: ops(), headers: idem(), body: { totalFen: 100, reason: '减免' } });
    expect(modify).toMatchObject({ status: 409, body: { code: 'SESSION_INVALID_STATE' } });
    const collect = await loop.request('POST', `/v1/sessions/${session.sessionId}/collect`, { token: ops(), headers: idem() });
    expect(collect).toMatchObject({ status: 409, body: { code: 'SESSION_INVALID_STATE' } });
    expect(modifyCount()).toBe(before);
    const actions = (await operatorSession(session.sessionId, ops()))['actions'] as { kind: string }[];
    expect(actions.map((a) => a.kind)).toEqual(['END', 'REFUND']);

    for (const amountFen of [1.5, '100', 0, -1]) {
      const fractional = await loop.request('POST', `/v1/sessions/${session.sessionId}/refunds`, { token: ops(), headers: idem(), body: { amountFen, reason: '半分钱' } });
      expect(fractional.status).toBe(400);
    }
  });
});

describe('Pay Score 6 + 13: refused before any call to WeChat', () => {
  it('Pay Score 6: a plan whose risk fund (totalCapFen) exceeds the service’s risk cap is refused at scan, no order created', async () => {
    const ev = device('EV-0001');
    const ops = tokens['c1@vendor.demo']!;
    const cap = DEMO_MERCHANTS.vendorC1.services[0]!.riskCapFen;
    const above = await loop.request('PUT', `/v1/devices/${ev.id}/plan`, { token: ops, body: { plan: { ...DEMO_PLANS.ev, totalCapFen: cap + 1 } } });
    expect(above.status).toBe(200);
    try {
      const before = await simOrderCount();
      const { status, session } = await scan('over-cap', { deviceCode: 'EV-0001', connector: 2 });
      expect(status).toBe(422);
      expect(session).toMatchObject({ code: 'PAYSCORE_RISK_CAP_EXCEEDED' });
      expect(await simOrderCount()).toBe(before);
      expect(await systemQuery(loop.zizhu, `SELECT id FROM service_sessions WHERE device_id = $1`, [ev.id])).toEqual([]);
    } finally {
      expect((await loop.request('PUT', `/v1/devices/${ev.id}/plan`, { token: ops, body: { plan: DEMO_PLANS.ev } })).status).toBe(200);
    }
    // at the cap exactly: accepted
    const { status, session, token } = await scan('at-cap', { deviceCode: 'EV-0001', connector: 2 });
    expect(status).toBe(201);
    expect(session).toMatchObject({ state: 'AWAITING_CONFIRMATION', riskFundFen: cap });
    expect(loop.sim.core.orders.findForControl(session.outOrderNo).riskFund).toMatchObject({ amount: cap });
    await loop.request('POST', `/v1/consumer/sessions/${session.sessionId}/cancel`, { token });
  });

  it('Pay Score 13: a mini-program not bound to the device’s merchant account cannot open its order (else WeChat error 4108)', async () => {
    // another merchant of record's own mini-program, registered with WeChat (the simulator) and with zizhu
    const other = await loop.newSimMerchant('sim-only-service');
    const created = await loop.request('POST', '/v1/merchant-accounts', {
      token: tokens['c1@vendor.demo']!,
      body: { ...other.body, name: '另一个小程序', appSecrets: { [other.appid]: 'other-mini-program-secret' } },
    });
    expect(created.status).toBe(201);

    const before = await simOrderCount();
    // PB-0001 charges through the power-bank brand's account, which lists only the demo mini-program
    const { status, session } = await scan('wrong-app', { deviceCode: 'PB-0001', slot: 2 }, other.appid);
    expect(status).toBe(422);
    expect(session).toMatchObject({ code: 'SESSION_APPID_NOT_BOUND' });
    expect(await simOrderCount()).toBe(before);
  });
});

describe('callbacks (general 2–4, Pay Score 2, 3, 23)', () => {
  it('general 4: a WECHATPAY/SIGNTEST/ probe (real serial, real signature, prefixed) fails verification; the real callback then applies', async () => {
    await loop.simRequest('POST', '/sim/callbacks', { signTestProbe: true });
    try {
      const { session, token } = await scan('probed', { deviceCode: 'WV-0001' });
      await loop.decide(session.outOrderNo, 'probed', 'confirm');
      expect((await loop.waitFor(session.sessionId, token, (s) => s['state'] !== 'AWAITING_CONFIRMATION'))['state']).toBe('STARTING');
      const deliveries = await until(
        () => Promise.resolve(loop.sim.core.notifier.deliveries().filter((d) => d.url.endsWith(DEMO_MERCHANTS.vendorC2.id) && d.eventType === 'PAYSCORE.USER_CONFIRM')),
        (ds) => ds.some((d) => !d.probe && d.state === 'delivered') && ds.some((d) => d.probe && d.attempts.length > 0),
      );
      const probe = deliveries.find((d) => d.probe)!;
      const real = deliveries.find((d) => !d.probe)!;
      expect(probe.attempts.map((a) => a.status)).toEqual([401]);
      expect(real.attempts.at(-1)!.status).toBe(204);
      const stored = await notificationsOf(session.outOrderNo);
      expect(stored).toEqual([expect.objectContaining({ id: real.notificationId, event_type: 'PAYSCORE.USER_CONFIRM' })]);
    } finally {
      await loop.simRequest('POST', '/sim/callbacks', { signTestProbe: false });
    }
  });

  it('general 3 / Pay Score 3: another notification id for the same out_order_no + event_type is stored and applied once', async () => {
    const { session, token } = await scan('dedup', { deviceCode: 'PB-0001', slot: 4 });
    await loop.decide(session.outOrderNo, 'dedup', 'confirm');
    await until(() => notificationsOf(session.outOrderNo), (rows) => rows.some((r) => r.applied_at !== null));
    await loop.waitFor(session.sessionId, token, (s) => s['state'] === 'STARTING');
    const confirmed = await wireOrder(session.outOrderNo);
    const again = signedAsWechat(DEMO_MERCHANTS.powerbank.mchid, 'PAYSCORE.USER_CONFIRM', confirmed, `EV-${randomBytes(12).toString('hex')}`);
    expect(await deliver(DEMO_MERCHANTS.powerbank.id, again)).toBe(204);
    const rows = await notificationsOf(session.outOrderNo);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(again.envelope.id);
    // a second start command would be a second eject: one only
    const commands = await systemQuery(loop.zizhu, `SELECT id FROM device_commands WHERE session_id = $1`, [session.sessionId]);
    expect(commands).toHaveLength(1);
  });

  it('Pay Score 2 / general 2: a callback signed by someone else is refused on its signature, before any decryption, and stores nothing', async () => {
    const { session } = await scan('impostor', { deviceCode: 'PB-0001', slot: 5 });
    const impostor = generateRsaKeyPair();
    const order = { ...(await wireOrder(session.outOrderNo)), state: 'DOING', state_description: 'USER_CONFIRM' };
    // encrypted with a key that is not the account's APIv3 key either: decrypting first would fail as DECRYPT_FAILED
    const forged = buildSignedNotification(
      { eventType: 'PAYSCORE.USER_CONFIRM', resource: order },
      { platformPrivateKey: impostor.privateKey, platformSerial: loop.sim.core.platformKey.publicKeyId, apiV3Key: randomBytes(16).toString('hex'), now: Date.now() },
    );
    const answer = await deliverWithAnswer(DEMO_MERCHANTS.powerbank.id, forged);
    expect(answer.status).toBe(401);
    expect(answer.text).toContain('PAYSCORE_NOTIFY_BAD_SIGNATURE');
    expect(await notificationsOf(session.outOrderNo)).toEqual([]);
    expect((await operatorSession(session.sessionId, tokens['ops@powerbank.demo']!))['state']).toBe('AWAITING_CONFIRMATION');
  });

  it('Pay Score 23: WeChat has its answer in time — a callback its transaction cannot apply at once is stored and applied by the job after the answer', async () => {
    // a callback is applied in the transaction that stores it, waiting at most APPLY_LOCK_WAIT for the session's lock;
    // here that apply fails as a lock timeout would (the session busy), and the job that takes over is held
    const engine = loop.zizhu.app.get(SessionEngine);
    const applyStored = engine.applyStoredNotification.bind(engine);
    const original = engine.applyNotification.bind(engine);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    engine.applyStoredNotification = async (m, notification) => {
      if (typeof notification !== 'string') throw Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' });
      return applyStored(m, notification);
    };
    engine.applyNotification = async (job) => {
      await gate;
      return original(job);
    };
    try {
      const { session } = await scan('fast-answer', { deviceCode: 'EV-0001', connector: 1 });
      await loop.decide(session.outOrderNo, 'fast-answer', 'confirm');
      // the simulator gives up on an answer after 5 s (WeChat's limit): delivered means answered in time
      const delivered = await until(
        () => Promise.resolve(loop.sim.core.notifier.deliveries().find((d) => d.url.endsWith(DEMO_MERCHANTS.vendorC1.id) && d.orderKey.endsWith(session.outOrderNo))),
        (d) => d?.state === 'delivered',
        10_000,
      );
      expect(delivered).toMatchObject({ state: 'delivered', eventType: 'PAYSCORE.USER_CONFIRM' });
      expect(delivered!.attempts).toEqual([expect.objectContaining({ status: 204 })]);
      expect(await notificationsOf(session.outOrderNo)).toEqual([expect.objectContaining({ id: delivered!.notificationId, applied_at: null })]);
      // general 3: applied under locks — the job, two more runs of it and a query racing it start the charger once
      const [row] = await systemQuery<{ merchant_tenant_id: string }>(loop.zizhu, `SELECT merchant_tenant_id FROM service_sessions WHERE id = $1`, [session.sessionId]);
      const job = { tenantId: row!.merchant_tenant_id, notificationId: delivered!.notificationId };
      release();
      await Promise.all([original(job), original(job), engine.syncOrder({ tenantId: job.tenantId, sessionId: session.sessionId })]);
      const applied = await until(() => notificationsOf(session.outOrderNo), (rows) => rows[0]?.applied_at != null);
      expect(applied[0]).toMatchObject({ outcome: 'applied' });
      expect(await systemQuery(loop.zizhu, `SELECT id FROM device_commands WHERE session_id = $1`, [session.sessionId])).toHaveLength(1);
    } finally {
      release();
      engine.applyNotification = original;
      engine.applyStoredNotification = applyStored;
    }
  });
});
