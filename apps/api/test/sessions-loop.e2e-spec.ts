// The core loop end to end, over loopback: the API listening on a port, the Pay Score simulator sending
// signed, encrypted callbacks to it, and fleet-sim devices long-polling for commands and reporting usage.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Fleet, type SessionScript, type SimDevice } from '@zizhu/fleet-sim';
import { outOrderNoFor } from '@zizhu/payscore';
import { estimate, type PricingPlan } from '@zizhu/pricing';
import { DEMO_APPID, DEMO_DEVICES, DEMO_MERCHANTS, DEMO_PLANS } from '../src/modules/demo/demo-data.js';
import { systemQuery } from './fleet-support.js';
import { LoopHarness } from './support/loop-harness.js';

type Session = Record<string, unknown> & { sessionId: string; state: string; outOrderNo: string; totalFen?: number };

const PB = DEMO_DEVICES.find((d) => d.code === 'PB-0001')!;
/** A power-bank plan whose first started hour is charged at once (no free minutes), so short test rentals cost something. */
const PB_PLAN = { ...DEMO_PLANS.powerbank, rental: { ...DEMO_PLANS.powerbank.rental, freeMinutes: 0 } };

let loop: LoopHarness;
let fleet: Fleet;
const stop = new AbortController();
let running: Promise<void>;
const scripts = new Map<string, SessionScript>();
const tokens: Record<string, string> = {};

async function scan(openid: string, body: Record<string, unknown>): Promise<{ status: number; session: Session; token: string }> {
  const token = await loop.consumer(openid);
  const answer = await loop.request<Session>('POST', '/v1/consumer/sessions', { token, body });
  return { status: answer.status, session: answer.body, token };
}

/** Scan, confirm on the Pay Score page, and wait until the device has the session running. */
async function startSession(openid: string, body: Record<string, unknown>, script: SessionScript = {}): Promise<{ session: Session; token: string }> {
  const { status, session, token } = await scan(openid, body);
  expect(status).toBe(201);
  expect(session.state).toBe('AWAITING_CONFIRMATION');
  scripts.set(session.sessionId, script);
  expect((await loop.decide(session.outOrderNo, openid, 'confirm')).status).toBe(200);
  return { session, token };
}

async function operatorSession(id: string, token: string): Promise<Record<string, unknown>> {
  return (await loop.request('GET', `/v1/sessions/${id}`, { token })).body;
}

async function waitOperator(id: string, token: string, ok: (s: Record<string, unknown>) => boolean, timeoutMs = 15_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await operatorSession(id, token);
    if (ok(s) || Date.now() > deadline) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function simOrder(outOrderNo: string): Promise<Record<string, unknown>> {
  return (await loop.simRequest('GET', `/sim/orders/${encodeURIComponent(outOrderNo)}`)).body;
}

const terminal = (s: Record<string, unknown>) => s['state'] === 'PAID' || s['state'] === 'CANCELLED';

beforeAll(async () => {
  loop = await LoopHarness.start({ sessions: { confirmTimeoutSeconds: 4, startTimeoutSeconds: 3, reconcileAfterSeconds: 1 } });
  for (const login of ['ops@powerbank.demo', 'ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'c1@vendor.demo', 'c2@vendor.demo', 'ops@vendor.demo']) {
    tokens[login] = await loop.operator(login);
  }
  const owner: Record<string, string> = { 'PB-0001': 'ops@powerbank.demo', 'FR-0001': 'ops@fridge.demo', 'EV-0001': 'c1@vendor.demo', 'WV-0001': 'c2@vendor.demo' };
  const devices: SimDevice[] = [];
  for (const [code, login] of Object.entries(owner)) {
    const d = await loop.demoDevice(code, tokens[login]!);
    devices.push({ ...d, ...(code === 'FR-0001' ? { skus: DEMO_PLANS.fridge.items.catalog.map((i) => i.sku) } : {}) });
  }
  const plan = await loop.request('PUT', `/v1/devices/${PB.id}/plan`, { token: tokens['ops@powerbank.demo'], body: { plan: PB_PLAN } });
  expect(plan.status).toBe(200);
  fleet = loop.scriptedFleet(devices, scripts);
  running = fleet.start(stop.signal);
});

afterAll(async () => {
  stop.abort();
  await running;
  await loop.close();
});

describe('happy paths, one per vertical', () => {
  it('a power bank is ejected, returned, priced with the session’s plan version, completed, debited and paid', async () => {
    const { session, token } = await startSession('pb-happy', { deviceCode: 'PB-0001', slot: 3 }, { endAfterMs: 200, returnSlot: 5 });
    expect(session.businessView).toMatchObject({ businessType: 'wxpayScoreUse', extraData: { package: expect.any(String), sign: expect.any(String) } });
    const done = await loop.waitFor(session.sessionId, token, terminal);
    expect(done).toMatchObject({ state: 'PAID', totalFen: 300, paidFen: 300 });
    const order = await simOrder(session.outOrderNo);
    expect(order).toMatchObject({ state: 'DONE', total_amount: 300 });
    // launch checklist 15: the unattended device named itself at creation
    expect(loop.sim.core.orders.findForControl(session.outOrderNo).device).toEqual({ start_device_id: 'PB-0001' });
    const detail = await operatorSession(session.sessionId, tokens['ops@powerbank.demo']!);
    expect(detail).toMatchObject({ state: 'PAID', slot: 3, endSource: 'DEVICE', paidFen: 300, planVersion: 2 });
    const times = detail['times'] as Record<string, string | null>;
    for (const t of ['awaitingConfirmationAt', 'startingAt', 'inUseAt', 'awaitingPaymentAt', 'orderCompletedAt', 'paidAt']) expect(times[t]).not.toBeNull();
  });

  it('a fridge door opens, closes with items taken, and exactly those items are charged', async () => {
    const items = [
      { sku: 'cola-330', count: 2 },
      { sku: 'sandwich-ham', count: 1 },
    ];
    const { session, token } = await startSession('fr-happy', { deviceCode: 'FR-0001' }, { endAfterMs: 100, items });
    const done = await loop.waitFor(session.sessionId, token, terminal);
    expect(done).toMatchObject({ state: 'PAID', totalFen: 2 * 350 + 1200, paidFen: 1900 });
    const order = await simOrder(session.outOrderNo);
    expect((order['post_payments'] as { name: string }[]).every((p) => p.name === '商品信息')).toBe(true);
    // the franchisee owning the fridge sees it; the other franchisee does not
    expect((await loop.request('GET', `/v1/sessions/${session.sessionId}`, { token: tokens['f1@fridge.demo'] })).status).toBe(200);
    expect((await loop.request('GET', `/v1/sessions/${session.sessionId}`, { token: tokens['f2@fridge.demo'] })).status).toBe(404);
  });

  it('a charger charges, stops by itself and is priced from its metered energy', async () => {
    const { session, token } = await startSession('ev-happy', { deviceCode: 'EV-0001', connector: 2 }, { endAfterMs: 300, wattHours: 12_000 });
    const done = await loop.waitFor(session.sessionId, token, terminal);
    expect(done['state']).toBe('PAID');
    expect(done['totalFen']).toBeGreaterThan(0);
    const detail = await operatorSession(session.sessionId, tokens['c1@vendor.demo']!);
    expect((detail['usage'] as { energy: { wattHours: number }[] }).energy[0]!.wattHours).toBe(12_000);
    // the hardware reseller sells the charger but never sees its customer's sessions
    expect((await loop.request('GET', `/v1/sessions/${session.sessionId}`, { token: tokens['ops@vendor.demo'] })).status).toBe(404);
  });

  it('a water valve opens, closes with litres and is charged per started step', async () => {
    const { session, token } = await startSession('wv-happy', { deviceCode: 'WV-0001' }, { endAfterMs: 100, volumeMillilitres: 1234 });
    const done = await loop.waitFor(session.sessionId, token, terminal);
    // ceil(1234 / 100) × 100 ml = 1.3 l × 25 fen/l = 32.5 → 33 fen
    expect(done).toMatchObject({ state: 'PAID', totalFen: 33, paidFen: 33 });
  });
});

describe('sessions that are never charged', () => {
  it('a user who refuses on the confirmation page and backs out: cancelled, no device command', async () => {
    const { session, token } = await scan('refuser', { deviceCode: 'WV-0001' });
    expect((await loop.decide(session.outOrderNo, 'refuser', 'refuse')).status).toBe(200);
    const cancelled = await loop.request<Session>('POST', `/v1/consumer/sessions/${session.sessionId}/cancel`, { token });
    expect(cancelled.status).toBe(200);
    const done = await loop.waitFor(session.sessionId, token, terminal);
    expect(done).toMatchObject({ state: 'CANCELLED', cancelReason: '用户取消' });
    expect((await simOrder(session.outOrderNo))['state']).toBe('REVOKED');
    const commands = await systemQuery(loop.zizhu, `SELECT id FROM device_commands WHERE session_id = $1`, [session.sessionId]);
    expect(commands).toHaveLength(0);
  });

  it('a user whose Pay Score assessment fails never confirms: cancelled when the confirmation times out', async () => {
    const { session, token } = await scan('low-score', { deviceCode: 'FR-0001' });
    expect((await loop.decide(session.outOrderNo, 'low-score', 'assessment-failed')).status).toBe(200);
    const done = await loop.waitFor(session.sessionId, token, terminal, 20_000);
    expect(done).toMatchObject({ state: 'CANCELLED', cancelReason: '用户未确认订单' });
    expect((await simOrder(session.outOrderNo))['state']).toBe('REVOKED');
  });

  it('a device that fails to start: cancelled, the confirmed order revoked, nothing charged', async () => {
    const { session, token } = await startSession('dev-fail', { deviceCode: 'EV-0001', connector: 1 }, { start: 'FAILED' });
    const done = await loop.waitFor(session.sessionId, token, terminal);
    expect(done).toMatchObject({ state: 'CANCELLED', cancelReason: '设备启动失败' });
    expect((await simOrder(session.outOrderNo))['state']).toBe('REVOKED');
  });

  it('a device that never acknowledges the start: cancelled after the start timeout', async () => {
    const { session, token } = await startSession('dev-dead', { deviceCode: 'WV-0001' }, { start: 'none' });
    const done = await loop.waitFor(session.sessionId, token, terminal, 20_000);
    expect(done).toMatchObject({ state: 'CANCELLED', cancelReason: '设备启动失败' });
  });

  it('a fridge door closed with nothing taken: cancelled, never charged', async () => {
    const { session, token } = await startSession('window-shopper', { deviceCode: 'FR-0001' }, { endAfterMs: 50, items: [] });
    const done = await loop.waitFor(session.sessionId, token, terminal);
    expect(done).toMatchObject({ state: 'CANCELLED', cancelReason: '未产生费用' });
    expect((await simOrder(session.outOrderNo))['state']).toBe('REVOKED');
    // the cancel the API asked for itself is no anomaly
    expect((await operatorSession(session.sessionId, tokens['ops@fridge.demo']!))['anomaly']).toBeNull();
  });
});

describe('the scenario guard', () => {
  it('refuses a device charged through a service approved for another scenario, before any call to WeChat', async () => {
    const before = Object.keys((await loop.simRequest<{ orders: unknown[] }>('GET', '/sim/state')).body.orders ?? {}).length;
    await systemQuery(loop.zizhu, `UPDATE devices SET payscore_service_id = $2 WHERE id = $1`, [DEMO_DEVICES[3].id, DEMO_MERCHANTS.vendorC2.services[0]!.serviceId]);
    try {
      const { status, session } = await scan('guarded', { deviceCode: 'EV-0001' });
      expect(status).toBeGreaterThanOrEqual(400);
      expect(session).toMatchObject({ code: expect.stringMatching(/PAYSCORE_(SCENARIO_MISMATCH|SERVICE_NOT_CONFIGURED)/) });
    } finally {
      await systemQuery(loop.zizhu, `UPDATE devices SET payscore_service_id = $2 WHERE id = $1`, [DEMO_DEVICES[3].id, DEMO_MERCHANTS.vendorC1.services[0]!.serviceId]);
    }
    const after = Object.keys((await loop.simRequest<{ orders: unknown[] }>('GET', '/sim/state')).body.orders ?? {}).length;
    expect(after).toBe(before);
  });
});

describe('operator actions', () => {
  const idem = () => ({ 'idempotency-key': randomUUID() });

  it('ends a session at the time the cabinet missed, and it is charged for that time', async () => {
    const ops = tokens['ops@powerbank.demo']!;
    const { session, token } = await startSession('forgot-return', { deviceCode: 'PB-0001', slot: 6 }, { endAfterMs: null });
    const inUse = await loop.waitFor(session.sessionId, token, (s) => s['state'] === 'IN_USE');
    expect(inUse['state']).toBe('IN_USE');
    const running = await operatorSession(session.sessionId, ops);
    expect(running['runningFen']).toBe(300);
    await new Promise((r) => setTimeout(r, 300));
    const endedAt = new Date().toISOString();
    const ended = await loop.request('POST', `/v1/sessions/${session.sessionId}/end`, { token: ops, headers: idem(), body: { endedAt, reason: '用户已归还，柜机漏报' } });
    expect(ended).toMatchObject({ status: 200, body: { endSource: 'OPERATOR', quotedFen: 300 } });
    const done = await loop.waitFor(session.sessionId, token, terminal);
    expect(done).toMatchObject({ state: 'PAID', totalFen: 300 });
    const audit = await systemQuery(loop.zizhu, `SELECT action FROM audit_log WHERE resource_id = $1`, [session.sessionId]);
    expect(audit.map((a) => a['action'])).toContain('session.end');
  });

  it('lowers the amount of an unpaid order, which is then paid at the lower amount', async () => {
    const ops = tokens['ops@fridge.demo']!;
    const { session, token } = await scan('haggler', { deviceCode: 'FR-0001' });
    await loop.simRequest('POST', '/sim/debits', { outcome: 'user-pays-later', outOrderNo: session.outOrderNo });
    scripts.set(session.sessionId, { endAfterMs: 50, items: [{ sku: 'sandwich-ham', count: 1 }] });
    await loop.decide(session.outOrderNo, 'haggler', 'confirm');
    const unpaid = await waitOperator(session.sessionId, ops, (s) => s['collectionState'] === 'USER_PAYING');
    expect(unpaid).toMatchObject({ state: 'AWAITING_PAYMENT', totalFen: 1200 });
    const higher = await loop.request('POST', `/v1/sessions/${session.sessionId}/modify`, { token: ops, headers: idem(), body: { totalFen: 1500, reason: '调价' } });
    expect(higher.status).toBe(422);
    const modified = await loop.request('POST', `/v1/sessions/${session.sessionId}/modify`, { token: ops, headers: idem(), body: { totalFen: 900, reason: '临期商品折扣' } });
    expect(modified.status).toBe(202);
    const lowered = await waitOperator(session.sessionId, ops, (s) => s['totalFen'] === 900);
    expect(lowered['totalFen']).toBe(900);
    expect((await simOrder(session.outOrderNo))['total_amount']).toBe(900);
    await loop.simRequest('POST', `/sim/orders/${session.outOrderNo}/user-pay`, {});
    expect(await loop.waitFor(session.sessionId, token, terminal)).toMatchObject({ state: 'PAID', paidFen: 900 });
  });

  it('refunds partly, refuses more than was paid, then refunds the rest; a replayed key refunds once', async () => {
    const ops = tokens['ops@fridge.demo']!;
    const { session, token } = await startSession('refundee', { deviceCode: 'FR-0001' }, { endAfterMs: 50, items: [{ sku: 'cola-330', count: 2 }] });
    expect(await loop.waitFor(session.sessionId, token, terminal)).toMatchObject({ state: 'PAID', paidFen: 700 });
    const key = { 'idempotency-key': randomUUID() };
    const first = await loop.request('POST', `/v1/sessions/${session.sessionId}/refunds`, { token: ops, headers: key, body: { amountFen: 200, reason: '可乐漏气' } });
    expect(first.status).toBe(202);
    const replay = await loop.request('POST', `/v1/sessions/${session.sessionId}/refunds`, { token: ops, headers: key, body: { amountFen: 200, reason: '可乐漏气' } });
    expect(replay.status).toBe(202);
    expect(replay.body).toEqual(first.body);
    const reused = await loop.request('POST', `/v1/sessions/${session.sessionId}/refunds`, { token: ops, headers: key, body: { amountFen: 300, reason: '可乐漏气' } });
    expect(reused.status).toBe(422);
    const tooMuch = await loop.request('POST', `/v1/sessions/${session.sessionId}/refunds`, { token: ops, headers: idem(), body: { amountFen: 600, reason: '全部退款' } });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ code: 'SESSION_REFUND_EXCEEDS_PAID' });
    await waitOperator(session.sessionId, ops, (s) => s['refundedFen'] === 200);
    const rest = await loop.request('POST', `/v1/sessions/${session.sessionId}/refunds`, { token: ops, headers: idem(), body: { amountFen: 500, reason: '全部退款' } });
    expect(rest.status).toBe(202);
    const refunded = await waitOperator(session.sessionId, ops, (s) => s['refundedFen'] === 700);
    expect(refunded['refundedFen']).toBe(700);
    const actions = refunded['actions'] as { kind: string; state: string }[];
    expect(actions.filter((a) => a.kind === 'REFUND').map((a) => a.state)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    // the ledger (issue 12): the payment and each refund posted once, in the transactions that recorded them
    const posted = await systemQuery<{ source_kind: string; postings: number; sales: number; refunds: number }>(
      loop.zizhu,
      `SELECT source_kind, count(DISTINCT posting_id)::int AS postings,
              coalesce(sum(credit_fen) FILTER (WHERE account = 'SALES'), 0)::int AS sales, coalesce(sum(debit_fen) FILTER (WHERE account = 'REFUNDS'), 0)::int AS refunds
         FROM ledger_entries WHERE session_id = $1 GROUP BY source_kind ORDER BY source_kind`,
      [session.sessionId],
    );
    expect(posted).toEqual([
      { source_kind: 'REFUND', postings: 2, sales: 0, refunds: 700 },
      { source_kind: 'SESSION_PAID', postings: 1, sales: 700, refunds: 0 },
    ]);
  });

  it('shows an order whose debit failed as owed, collects it on request, and it is paid', async () => {
    const ops = tokens['c2@vendor.demo']!;
    const { session, token } = await scan('broke', { deviceCode: 'WV-0001' });
    await loop.simRequest('POST', '/sim/debits', { outcome: 'insufficient-funds', outOrderNo: session.outOrderNo });
    scripts.set(session.sessionId, { endAfterMs: 50, volumeMillilitres: 2000 });
    await loop.decide(session.outOrderNo, 'broke', 'confirm');
    await waitOperator(session.sessionId, ops, (s) => s['collectionState'] === 'USER_PAYING');
    const owed = await loop.request<{ count: number; owedFen: number; items: { id: string }[] }>('GET', '/v1/receivables', { token: ops });
    expect(owed.body.items.map((i) => i.id)).toContain(session.sessionId);
    expect(owed.body.owedFen).toBeGreaterThanOrEqual(50);
    await loop.simRequest('POST', '/sim/debits', { outcome: 'success', outOrderNo: session.outOrderNo });
    const collect = await loop.request('POST', `/v1/sessions/${session.sessionId}/collect`, { token: ops, headers: idem() });
    expect(collect.status).toBe(202);
    expect(await loop.waitFor(session.sessionId, token, terminal)).toMatchObject({ state: 'PAID', paidFen: 50 });
    const after = await loop.request<{ items: { id: string }[] }>('GET', '/v1/receivables', { token: ops });
    expect(after.body.items.map((i) => i.id)).not.toContain(session.sessionId);
  });

  it('a power bank never returned is bought out at the total cap', async () => {
    const ops = tokens['ops@powerbank.demo']!;
    const capped = { ...PB_PLAN, rental: { unitFen: 100, unitMinutes: 1, freeMinutes: 0 }, totalCapFen: 100 };
    expect((await loop.request('PUT', `/v1/devices/${PB.id}/plan`, { token: ops, body: { plan: capped } })).status).toBe(200);
    const { session, token } = await startSession('kept-it', { deviceCode: 'PB-0001', slot: 8 }, { endAfterMs: null });
    const done = await loop.waitFor(session.sessionId, token, terminal, 20_000);
    expect(done).toMatchObject({ state: 'PAID', totalFen: 100 });
    expect((await operatorSession(session.sessionId, ops))['endSource']).toBe('TOTAL_CAP');
  });
});

describe('limits', () => {
  it('a charger left running is stopped once its metered energy costs the plan’s total cap', async () => {
    const ops = tokens['c1@vendor.demo']!;
    const capped = { ...DEMO_PLANS.ev, totalCapFen: 500 };
    expect((await loop.request('PUT', `/v1/devices/${DEMO_DEVICES[3].id}/plan`, { token: ops, body: { plan: capped } })).status).toBe(200);
    // 36 MW: 10 Wh every millisecond, so the meter passes 5 yuan of energy within a second
    const { session, token } = await startSession('left-plugged', { deviceCode: 'EV-0001', connector: 1 }, { endAfterMs: null, watts: 36_000_000, meterEveryMs: 200 });
    const done = await loop.waitFor(session.sessionId, token, terminal, 20_000);
    expect(done).toMatchObject({ state: 'PAID', totalFen: 500, paidFen: 500 });
    const detail = await operatorSession(session.sessionId, ops);
    expect(detail).toMatchObject({ endSource: 'TOTAL_CAP', quotedFen: 500 });
    const stops = await systemQuery(loop.zizhu, `SELECT type, state FROM device_commands WHERE session_id = $1 ORDER BY created_at`, [session.sessionId]);
    expect(stops.map((c) => c['type'])).toEqual(['START_CHARGING', 'STOP_CHARGING']);
  });
});

describe('callbacks', () => {
  it('without the USER_CONFIRM callback, the mini-program’s return queries the order and the session starts', async () => {
    await loop.simRequest('POST', '/sim/callbacks', { lateMs: 600_000 });
    try {
      const { session, token } = await scan('no-callback', { deviceCode: 'FR-0001' });
      scripts.set(session.sessionId, { endAfterMs: null });
      await loop.decide(session.outOrderNo, 'no-callback', 'confirm');
      const back = await loop.request<Session>('POST', `/v1/consumer/sessions/${session.sessionId}/confirmed`, { token });
      expect(back.status).toBe(200);
      expect(['STARTING', 'IN_USE']).toContain(back.body.state);
      const rows = await systemQuery(loop.zizhu, `SELECT id FROM payscore_notifications WHERE business_key = $1`, [session.outOrderNo]);
      expect(rows).toHaveLength(0); // no callback came: the query did it
      // the command may still be on its way to the device: end the session once the device runs it
      await fleet.device('FR-0001').waitForSession(session.sessionId);
      expect(fleet.device('FR-0001').endSession(session.sessionId, { items: [] })).toBe(true);
      expect(await loop.waitFor(session.sessionId, token, terminal)).toMatchObject({ state: 'CANCELLED' });
    } finally {
      await loop.simRequest('POST', '/sim/callbacks', { lateMs: 0 });
    }
  });

  it('duplicated and reordered callbacks are applied once', async () => {
    await loop.simRequest('POST', '/sim/callbacks', { copies: 3, outOfOrder: true, holdMs: 300 });
    try {
      const { session, token } = await startSession('dup-cb', { deviceCode: 'FR-0001' }, { endAfterMs: 50, items: [{ sku: 'water-550', count: 1 }] });
      expect(await loop.waitFor(session.sessionId, token, terminal)).toMatchObject({ state: 'PAID', paidFen: 200 });
      const rows = await systemQuery(loop.zizhu, `SELECT event_type FROM payscore_notifications WHERE business_key = $1 ORDER BY event_type`, [session.outOrderNo]);
      expect(rows.map((r) => r['event_type'])).toEqual(['PAYSCORE.USER_CONFIRM', 'PAYSCORE.USER_PAID']);
    } finally {
      await loop.simRequest('POST', '/sim/callbacks', { copies: 1, outOfOrder: false });
    }
  });

  it('a forged callback is refused before anything is decrypted', async () => {
    const response = await fetch(`${loop.apiUrl}/v1/payscore/notify/${DEMO_MERCHANTS.fridge.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'wechatpay-timestamp': `${Math.floor(Date.now() / 1000)}`, 'wechatpay-nonce': 'n', 'wechatpay-signature': 'WECHATPAY/SIGNTEST/abc', 'wechatpay-serial': 'PUB_KEY_ID_x' },
      body: JSON.stringify({ id: 'forged', event_type: 'PAYSCORE.USER_PAID', resource: {} }),
    });
    expect(response.status).toBe(401);
    expect(await systemQuery(loop.zizhu, `SELECT id FROM payscore_notifications WHERE id = 'forged'`)).toHaveLength(0);
  });
});

describe('a scan repeated before confirming (issue 10 item 13)', () => {
  /** The mini-program opens the confirmation page with the businessView it was given (the simulator's wx.openBusinessView). */
  const openPage = (businessView: unknown) => loop.simRequest('POST', '/sim/business-view', { appid: DEMO_APPID, ...(businessView as Record<string, unknown>) });
  const packageOf = (businessView: unknown) => (businessView as { extraData: { package: string } }).extraData.package;
  const simStatus = async (outOrderNo: string) => (await loop.simRequest('GET', `/sim/orders/${encodeURIComponent(outOrderNo)}`)).status;

  it('a user who opened the confirmation page and backed out scans again: a new order, package and out_order_no; the old order is revoked; the new one starts the device and is charged', async () => {
    const first = await scan('backed-out', { deviceCode: 'FR-0001' });
    expect(first.status).toBe(201);
    const id = first.session.sessionId;
    const old = first.session.outOrderNo;
    expect(first.session).toMatchObject({ attempt: 1, outOrderNo: outOrderNoFor(id) });
    // the page opened once: that package is spent, whether or not the user confirmed (§6.4)
    expect((await openPage(first.session.businessView)).status).toBe(200);
    expect((await openPage(first.session.businessView)).status).toBe(409);

    const again = await scan('backed-out', { deviceCode: 'FR-0001' });
    expect(again.status).toBe(201);
    expect(again.session).toMatchObject({ sessionId: id, state: 'AWAITING_CONFIRMATION', attempt: 2, outOrderNo: outOrderNoFor(id, 1) });
    expect(again.session.outOrderNo).not.toBe(old);
    expect(packageOf(again.session.businessView)).not.toBe(packageOf(first.session.businessView));
    expect((await simOrder(old))['state']).toBe('REVOKED');
    expect((await openPage(again.session.businessView)).status).toBe(200);
    expect(await loop.session(id, again.token)).toMatchObject({ outOrderNo: again.session.outOrderNo, attempt: 2 });

    scripts.set(id, { endAfterMs: 50, items: [{ sku: 'cola-330', count: 1 }] });
    expect((await loop.decide(again.session.outOrderNo, 'backed-out', 'confirm')).status).toBe(200);
    expect(await loop.waitFor(id, again.token, terminal)).toMatchObject({ state: 'PAID', paidFen: 350, outOrderNo: again.session.outOrderNo });
    expect(await simOrder(again.session.outOrderNo)).toMatchObject({ state: 'DONE', total_amount: 350 });
    expect((await simOrder(old))['state']).toBe('REVOKED');
    const detail = await operatorSession(id, tokens['ops@fridge.demo']!);
    expect(detail).toMatchObject({ outOrderNo: again.session.outOrderNo, orderAttempt: 2, anomaly: null });
    expect(detail['attempts']).toMatchObject([
      { attempt: 1, outOrderNo: old, state: 'REVOKED', orderId: expect.any(String), supersededAt: expect.any(String), closedAt: expect.any(String) },
      { attempt: 2, outOrderNo: again.session.outOrderNo, state: 'CURRENT', orderId: expect.any(String) },
    ]);
  });

  it('the user confirmed the first order just before scanning again: the session goes on with that order and no second order is created', async () => {
    await loop.simRequest('POST', '/sim/callbacks', { lateMs: 600_000 }); // the USER_CONFIRM callback has not arrived yet
    let id: string;
    let token: string;
    let old: string;
    try {
      const first = await scan('quick-confirm', { deviceCode: 'FR-0001' });
      ({ sessionId: id, outOrderNo: old } = first.session);
      token = first.token;
      scripts.set(id, { endAfterMs: 50, items: [{ sku: 'cola-330', count: 1 }] });
      expect((await loop.decide(old, 'quick-confirm', 'confirm')).status).toBe(200);
      const again = await scan('quick-confirm', { deviceCode: 'FR-0001' });
      expect(again.status).toBe(201);
      expect(again.session).toMatchObject({ sessionId: id, outOrderNo: old, attempt: 1, businessView: null });
      expect(['STARTING', 'IN_USE', 'AWAITING_PAYMENT', 'PAID']).toContain(again.session.state);
    } finally {
      await loop.simRequest('POST', '/sim/callbacks', { lateMs: 0 });
    }
    expect(await loop.waitFor(id, token, terminal, 20_000)).toMatchObject({ state: 'PAID', paidFen: 350, outOrderNo: old });
    expect(await simStatus(outOrderNoFor(id, 1))).toBe(404); // never created at WeChat
    const detail = await operatorSession(id, tokens['ops@fridge.demo']!);
    expect(detail['attempts']).toMatchObject([
      { attempt: 1, outOrderNo: old, state: 'CURRENT' },
      { attempt: 2, outOrderNo: outOrderNoFor(id, 1), state: 'ABANDONED', orderId: null },
    ]);
    const commands = await systemQuery(loop.zizhu, `SELECT type FROM device_commands WHERE session_id = $1`, [id]);
    expect(commands.map((c) => c['type'])).toEqual(['UNLOCK']);
  });

  it('a create WeChat answers only after the user cancelled (the cancel found no order yet) is cancelled at WeChat too', async () => {
    const token = await loop.consumer('late-create');
    // WeChat takes 2.5 s to make the order; the user gives up before it exists
    await loop.simRequest('POST', '/sim/faults', { rules: [{ path: '/v3/payscore/serviceorder$', delayMs: 2500 }] });
    let id: string;
    try {
      const scanned = loop.request<Session>('POST', '/v1/consumer/sessions', { token, body: { deviceCode: 'FR-0001' } });
      let rows: Record<string, unknown>[] = [];
      for (const until = Date.now() + 5000; rows.length === 0 && Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
        rows = await systemQuery(loop.zizhu, `SELECT id FROM service_sessions WHERE device_code = 'FR-0001' AND state = 'AWAITING_CONFIRMATION'`, []);
      }
      id = rows[0]!['id'] as string;
      expect((await loop.request('POST', `/v1/consumer/sessions/${id}/cancel`, { token })).status).toBe(200);
      expect(await loop.waitFor(id, token, terminal, 10_000)).toMatchObject({ state: 'CANCELLED' });
      await scanned;
    } finally {
      await loop.simRequest('POST', '/sim/faults', { rules: [] });
    }
    // the order WeChat made after all is revoked there: nothing is left open for a user to confirm
    const outOrderNo = outOrderNoFor(id);
    const deadline = Date.now() + 20_000;
    while ((await simStatus(outOrderNo)) !== 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    while ((await simOrder(outOrderNo))['state'] !== 'REVOKED' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect((await simOrder(outOrderNo))['state']).toBe('REVOKED');
    expect(await loop.session(id, token)).toMatchObject({ state: 'CANCELLED' });
    expect(await systemQuery(loop.zizhu, `SELECT id FROM device_commands WHERE session_id = $1`, [id])).toHaveLength(0);
  });

  it('a query answer for the first order that lands after a rescan replaced it never starts the device on the new attempt', async () => {
    await loop.simRequest('POST', '/sim/callbacks', { lateMs: 600_000 }); // the USER_CONFIRM callback has not arrived yet
    let id: string;
    let token: string;
    let old: string;
    try {
      const first = await scan('slow-query', { deviceCode: 'FR-0001' });
      ({ sessionId: id, outOrderNo: old } = first.session);
      token = first.token;
      scripts.set(id, { endAfterMs: 50, items: [{ sku: 'cola-330', count: 1 }] });
      expect((await loop.decide(old, 'slow-query', 'confirm')).status).toBe(200);
      // WeChat answers queries of the first order slowly: the mini-program's return queries it, and the user scans
      // again while that answer is on its way (it says USER_CONFIRMED, but of the order the rescan replaces)
      await loop.simRequest('POST', '/sim/faults', { rules: [{ path: `serviceorder\\?.*out_order_no=${old}`, delayMs: 1500 }] });
      const returned = loop.request('POST', `/v1/consumer/sessions/${id}/confirmed`, { token });
      await new Promise((r) => setTimeout(r, 300));
      const again = await scan('slow-query', { deviceCode: 'FR-0001' });
      expect(again.status).toBe(201);
      await returned;
    } finally {
      await loop.simRequest('POST', '/sim/faults', { rules: [] });
      await loop.simRequest('POST', '/sim/callbacks', { lateMs: 0 });
    }
    // the session goes on with the order the user confirmed and is charged on it; the replaced number never ran anything
    expect(await loop.waitFor(id, token, terminal, 30_000)).toMatchObject({ state: 'PAID', paidFen: 350, outOrderNo: old });
    expect(await simOrder(old)).toMatchObject({ state: 'DONE', total_amount: 350 });
    expect(await simStatus(outOrderNoFor(id, 1))).toBe(404);
    expect(await operatorSession(id, tokens['ops@fridge.demo']!)).toMatchObject({ outOrderNo: old, orderAttempt: 1, anomaly: null });
  });

  it('a USER_CONFIRM for the order a rescan is replacing never starts the device', async () => {
    const first = await scan('late-confirm', { deviceCode: 'WV-0001' });
    const { sessionId: id, outOrderNo: old } = first.session;
    // the cancel of the replaced order takes 3 s at WeChat; the user confirms that order meanwhile (after it was queried)
    await loop.simRequest('POST', '/sim/faults', { rules: [{ path: `${old}/cancel`, delayMs: 3000 }] });
    try {
      const rescan = scan('late-confirm', { deviceCode: 'WV-0001' });
      await new Promise((r) => setTimeout(r, 1000));
      expect((await loop.decide(old, 'late-confirm', 'confirm')).status).toBe(200);
      const again = await rescan;
      expect(again.status).toBe(201);
      expect(again.session).toMatchObject({ sessionId: id, state: 'AWAITING_CONFIRMATION', attempt: 2, outOrderNo: outOrderNoFor(id, 1) });
    } finally {
      await loop.simRequest('POST', '/sim/faults', { rules: [] });
    }
    // WeChat's USER_CONFIRM for the replaced order came, and was recorded without effect
    const deadline = Date.now() + 10_000;
    let applied: Record<string, unknown>[] = [];
    while (Date.now() < deadline) {
      applied = await systemQuery(loop.zizhu, `SELECT outcome FROM payscore_notifications WHERE business_key = $1 AND event_type = 'PAYSCORE.USER_CONFIRM' AND applied_at IS NOT NULL`, [old]);
      if (applied.length > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(applied.map((n) => n['outcome'])).toEqual([expect.stringMatching(/^replaced-attempt 1 /)]);
    expect((await simOrder(old))['state']).toBe('REVOKED');
    expect(await loop.session(id, first.token)).toMatchObject({ state: 'AWAITING_CONFIRMATION', attempt: 2 });
    expect(await systemQuery(loop.zizhu, `SELECT id FROM device_commands WHERE session_id = $1`, [id])).toHaveLength(0);
    expect((await loop.request('POST', `/v1/consumer/sessions/${id}/cancel`, { token: first.token })).status).toBe(200);
    expect(await loop.waitFor(id, first.token, terminal)).toMatchObject({ state: 'CANCELLED' });
  });

  it('while the replaced order cannot be cancelled, no new order is created; it is cancelled once WeChat answers again, even after the user gave up', async () => {
    const first = await scan('flaky-cancel', { deviceCode: 'WV-0001' });
    const { sessionId: id, outOrderNo: old } = first.session;
    await loop.simRequest('POST', '/sim/faults', { rules: [{ path: `${old}/cancel`, status: 500 }] });
    try {
      const again = await scan('flaky-cancel', { deviceCode: 'WV-0001' }); // waits for a package that cannot come yet
      expect(again.status).toBe(201);
      expect(again.session).toMatchObject({ sessionId: id, state: 'AWAITING_CONFIRMATION', attempt: 2, businessView: null });
      expect((await simOrder(old))['state']).toBe('CREATED');
      expect(await simStatus(outOrderNoFor(id, 1))).toBe(404); // never two live orders
      expect((await loop.request('POST', `/v1/consumer/sessions/${id}/cancel`, { token: first.token })).status).toBe(200);
    } finally {
      await loop.simRequest('POST', '/sim/faults', { rules: [] });
    }
    expect(await loop.waitFor(id, first.token, terminal, 30_000)).toMatchObject({ state: 'CANCELLED' });
    const deadline = Date.now() + 30_000;
    while ((await simOrder(old))['state'] !== 'REVOKED' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect((await simOrder(old))['state']).toBe('REVOKED');
    const detail = await waitOperator(id, tokens['c2@vendor.demo']!, (d) => (d['attempts'] as { state: string }[])[0]?.state === 'REVOKED');
    expect((detail['attempts'] as { state: string }[]).map((x) => x.state)).toEqual(['REVOKED', 'CURRENT']);
    expect(await simStatus(outOrderNoFor(id, 1))).toBe(404);
    expect(detail['anomaly']).toBeNull();
  });

  it('two rescans at once make one new order', async () => {
    const first = await scan('double-tap', { deviceCode: 'WV-0001' });
    const id = first.session.sessionId;
    const [a, b] = await Promise.all([scan('double-tap', { deviceCode: 'WV-0001' }), scan('double-tap', { deviceCode: 'WV-0001' })]);
    for (const answer of [a, b]) {
      expect(answer.status).toBe(201);
      expect(answer.session).toMatchObject({ sessionId: id, state: 'AWAITING_CONFIRMATION', attempt: 2, outOrderNo: outOrderNoFor(id, 1) });
    }
    expect(await simStatus(outOrderNoFor(id, 2))).toBe(404);
    const detail = await operatorSession(id, tokens['c2@vendor.demo']!);
    expect((detail['attempts'] as { state: string }[]).map((x) => x.state)).toEqual(['REVOKED', 'CURRENT']);
    expect((await loop.request('POST', `/v1/consumer/sessions/${id}/cancel`, { token: first.token })).status).toBe(200);
    expect(await loop.waitFor(id, first.token, terminal)).toMatchObject({ state: 'CANCELLED' });
    expect((await simOrder(first.session.outOrderNo))['state']).toBe('REVOKED');
    expect((await simOrder(outOrderNoFor(id, 1)))['state']).toBe('REVOKED');
  });
});

describe('the running cost of a session in use (issue 10 item 23)', () => {
  /** Waits until the operator's view shows this meter reading, and answers that view. */
  const withReading = (id: string, token: string, ok: (reading: Record<string, unknown>) => boolean) =>
    waitOperator(id, token, (s) => s['state'] === 'IN_USE' && s['meterReading'] !== null && ok(s['meterReading'] as Record<string, unknown>));

  it('a charger in use shows what the energy metered so far costs, priced by the pricing engine with the session’s plan', async () => {
    const ops = tokens['c1@vendor.demo']!;
    const plan = DEMO_PLANS.ev as unknown as PricingPlan;
    expect((await loop.request('PUT', `/v1/devices/${DEMO_DEVICES[3].id}/plan`, { token: ops, body: { plan } })).status).toBe(200);
    // 36 MW until the meter shows 3 kWh, then it stays there (a reading every 100 ms)
    const { session, token } = await startSession('ev-running', { deviceCode: 'EV-0001', connector: 2 }, { endAfterMs: null, watts: 36_000_000, wattHours: 3000, meterEveryMs: 100 });
    const view = await withReading(session.sessionId, ops, (r) => r['wattHours'] === 3000);
    const reading = view['meterReading'] as { readAt: string; wattHours: number };
    expect(reading.wattHours).toBe(3000);
    const startedAt = (view['times'] as Record<string, string>)['serviceStartedAt']!;
    const to = new Date(Math.max(Date.parse(reading.readAt), Date.parse(startedAt) + 1000)).toISOString();
    const expected = estimate(plan, { startedAt, energy: [{ from: startedAt, to, wattHours: 3000 }] }, Date.now()).totalFen;
    expect(expected).toBeGreaterThan(0);
    expect(view['runningFen']).toBe(expected);
    expect((await loop.session(session.sessionId, token))['runningFen']).toBe(expected);
    expect(fleet.device('EV-0001').endSession(session.sessionId)).toBe(true);
    expect(await loop.waitFor(session.sessionId, token, terminal)).toMatchObject({ state: 'PAID' });
  });

  it('a valve in use shows what the water metered so far costs (never a guess from the time alone)', async () => {
    const ops = tokens['c2@vendor.demo']!;
    const { session, token } = await startSession('wv-running', { deviceCode: 'WV-0001' }, { endAfterMs: null, volumeMillilitres: 1234, millilitresPerMinute: 6_000_000, meterEveryMs: 100 });
    const view = await withReading(session.sessionId, ops, (r) => r['volumeMillilitres'] === 1234);
    // ceil(1234 / 100) × 100 ml = 1.3 l × 25 fen/l = 32.5 → 33 fen, as the final quote will be
    const expected = estimate(DEMO_PLANS.water as unknown as PricingPlan, { startedAt: (view['times'] as Record<string, string>)['serviceStartedAt']!, volumeMillilitres: 1234 }, Date.now()).totalFen;
    expect(expected).toBe(33);
    expect(view['runningFen']).toBe(33);
    expect((await loop.session(session.sessionId, token))['runningFen']).toBe(33);
    expect(fleet.device('WV-0001').endSession(session.sessionId)).toBe(true);
    expect(await loop.waitFor(session.sessionId, token, terminal)).toMatchObject({ state: 'PAID', totalFen: 33, paidFen: 33 });
  });
});
