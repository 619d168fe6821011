// Pay Score item lines end to end (issue 10 items 11, 12, 22): the API and the simulator on loopback, the simulator
// checking WeChat's industry templates strictly (names, amounts, counts). Per template shape, the create shows the rate,
// the completion follows the template, and an operator lowers an unpaid order twice (1,200 → 900 → 800): each modify
// sends the whole recomputed set, the simulator accepts both, and the user pays 800. No fleet: a confirmed session
// waits in STARTING and the operator ends it with its usage.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_DEVICES, DEMO_PLANS } from '../src/modules/demo/demo-data.js';
import { LoopHarness } from './support/loop-harness.js';

type Session = Record<string, unknown> & { sessionId: string; state: string; outOrderNo: string; businessView: { businessType: string; extraData: Record<string, string> } | null };
type Item = { name: string; amount?: number; description?: string; count?: number };

const idem = () => ({ 'idempotency-key': randomUUID() });
const device = (code: string) => DEMO_DEVICES.find((d) => d.code === code)!;

let loop: LoopHarness;
const tokens: Record<string, string> = {};

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Plans under which one session costs exactly 1,200 fen with the usage below. */
const PLANS = {
  // the first started hour at 12 yuan, no free minutes: a short rental costs 1,200
  'PB-0001': { ...DEMO_PLANS.powerbank, rental: { ...DEMO_PLANS.powerbank.rental, unitFen: 1200, freeMinutes: 0, dailyCapFen: 3000 } },
  // one band all day: 10 kWh × (1.00 + 0.20) = 12 yuan
  'EV-0001': { timezone: 'Asia/Shanghai', energy: { bands: [{ from: '00:00', to: '24:00', energyFenPerKwh: 100, serviceFenPerKwh: 20 }] }, totalCapFen: 30000 },
} as const;

const CASES = [
  { code: 'FR-0001', login: 'ops@fridge.demo', scan: {}, usage: { items: [{ sku: 'sandwich-ham', count: 1 }] } },
  { code: 'PB-0001', login: 'ops@powerbank.demo', scan: { slot: 2 }, usage: {} },
  { code: 'EV-0001', login: 'c1@vendor.demo', scan: { connector: 1 }, usage: { energy: [{ from: '2026-11-27T10:00:00+08:00', to: '2026-11-27T11:00:00+08:00', wattHours: 10_000 }] } },
  // the demo water plan: 25 fen per litre, 48 L = 1,200
  { code: 'WV-0001', login: 'c2@vendor.demo', scan: {}, usage: { volumeMillilitres: 48_000 } },
] as const;

/** What WeChat (the simulator) shows for the rate at create, per template; vending shows none (§9.6). */
const CREATE_LINES: Record<string, Item[]> = {
  'FR-0001': [],
  'PB-0001': [{ name: '收费标准', description: '12元/小时，每日封顶30元，总封顶99元' }],
  'EV-0001': [{ name: '计费规则', description: '电费1元/度，服务费0.20元/度，总封顶300元' }],
  'WV-0001': [{ name: '收费标准', description: '水费0.25元/升，每100毫升起计，最低消费0.10元' }],
};

beforeAll(async () => {
  loop = await LoopHarness.start({ sessions: { confirmTimeoutSeconds: 120, startTimeoutSeconds: 120, reconcileAfterSeconds: 1 } });
  for (const login of new Set(CASES.map((c) => c.login))) tokens[login] = await loop.operator(login);
  for (const [code, plan] of Object.entries(PLANS)) {
    const owner = CASES.find((c) => c.code === code)!.login;
    const put = await loop.request('PUT', `/v1/devices/${device(code).id}/plan`, { token: tokens[owner], body: { plan } });
    expect(put.status).toBe(200);
  }
  // WeChat's industry templates enforced: a completion or modify off the template is refused, not just warned about
  expect((await loop.simRequest('POST', '/sim/settings', { industryTemplates: 'strict' })).status).toBe(200);
});

afterAll(async () => {
  await loop?.close();
});

describe.each(CASES)('$code: template lines at create and completion, then two modifies (1,200 → 900 → 800)', ({ code, login, scan, usage }) => {
  it('the create shows the rate, the completion follows the template, both modifies are accepted and the user pays 800', async () => {
    const ops = tokens[login]!;
    const openid = `lines-${code.toLowerCase()}`;
    const token = await loop.consumer(openid);
    const scanned = await loop.request<Session>('POST', '/v1/consumer/sessions', { token, body: { deviceCode: code, ...scan } });
    expect(scanned.status).toBe(201);
    const session = scanned.body;
    const atWechat = () => loop.sim.core.orders.findForControl(session.outOrderNo);

    // item 12: the user's confirmation page shows the rate (power bank, charger, water); vending sends nothing
    expect(atWechat().postPayments).toEqual(CREATE_LINES[code]);
    await loop.simRequest('POST', '/sim/debits', { outcome: 'user-pays-later', outOrderNo: session.outOrderNo });
    expect((await loop.decide(session.outOrderNo, openid, 'confirm')).status).toBe(200);
    await loop.waitFor(session.sessionId, token, (s) => s['state'] === 'STARTING');

    const ended = await loop.request('POST', `/v1/sessions/${session.sessionId}/end`, { token: ops, headers: idem(), body: { endedAt: new Date().toISOString(), reason: '设备漏报结束', usage } });
    expect(ended).toMatchObject({ status: 200, body: { state: 'AWAITING_PAYMENT', totalFen: 1200 } });
    const operatorView = () => loop.request('GET', `/v1/sessions/${session.sessionId}`, { token: ops }).then((a) => a.body);
    const unpaid = await until(operatorView, (s) => s['collectionState'] === 'USER_PAYING');
    expect(unpaid).toMatchObject({ state: 'AWAITING_PAYMENT', orderState: 'DOING/MCH_COMPLETE', totalFen: 1200, anomaly: null });

    const completed = atWechat().postPayments as Item[];
    if (code === 'FR-0001') {
      expect(completed).toEqual([{ name: '商品信息', amount: 1200, description: '火腿三明治', count: 1 }]);
    } else {
      // the rate item opens the completion too, and no item carries an amount or a count: the amount is total_amount
      expect(completed[0]).toEqual(CREATE_LINES[code]![0]);
      expect(completed.map((p) => p.name)).toEqual([CREATE_LINES[code]![0]!.name, { 'PB-0001': '使用时长', 'EV-0001': '费用明细', 'WV-0001': '使用量' }[code]]);
      expect(completed.every((p) => p.amount === undefined && p.count === undefined)).toBe(true);
    }
    expect(code === 'EV-0001' ? completed[1]!.description : '').toBe(code === 'EV-0001' ? '电费10元,服务费2元' : '');

    // item 11: two modifies in a row; each sends the whole set, so the second is as valid as the first
    for (const [totalFen, reason] of [
      [900, '临期折扣'],
      [800, '再减一元'],
    ] as const) {
      const modify = await loop.request('POST', `/v1/sessions/${session.sessionId}/modify`, { token: ops, headers: idem(), body: { totalFen, reason } });
      expect(modify.status).toBe(202);
      const lowered = await until(operatorView, (s) => s['totalFen'] === totalFen || ((s['actions'] as { state: string }[]) ?? []).some((a) => a.state === 'FAILED'));
      expect({ totalFen: lowered['totalFen'], actions: (lowered['actions'] as { kind: string; state: string; error?: string }[]).map((a) => [a.kind, a.state, a.error ?? null]) }).toEqual({
        totalFen,
        actions: expect.not.arrayContaining([expect.arrayContaining(['FAILED'])]),
      });
      const order = atWechat();
      expect(order.totalAmount).toBe(totalFen);
      expect(order.warnings).toEqual([]);
      if (code === 'FR-0001') {
        expect(order.postDiscounts).toEqual([{ name: '商户减免', description: reason, amount: 1200 - totalFen }]);
      } else {
        expect(order.postDiscounts ?? []).toEqual([]);
        expect(order.postPayments.every((p) => p.amount === undefined)).toBe(true);
      }
    }
    expect(atWechat().modifyCount).toBe(2);
    const lines = (await operatorView())['lines'] as { total_amount: number };
    expect(lines.total_amount).toBe(800);

    expect((await loop.simRequest('POST', `/sim/orders/${session.outOrderNo}/user-pay`, {})).status).toBe(200);
    const paid = await loop.waitFor(session.sessionId, token, (s) => s['state'] === 'PAID');
    expect(paid).toMatchObject({ state: 'PAID', paidFen: 800 });
  });
});

describe('item 22: only the order’s user confirms it on the simulator', () => {
  it('the mini-program opens the jump as its user; another openid is refused with a clear error, the user confirms', async () => {
    const token = await loop.consumer('owner-alice');
    const scanned = await loop.request<Session>('POST', '/v1/consumer/sessions', { token, body: { deviceCode: 'FR-0001' } });
    expect(scanned.status).toBe(201);
    const { outOrderNo, businessView, sessionId } = scanned.body;
    const order = loop.sim.core.orders.findForControl(outOrderNo);
    // what the mini-program does with the answer: wx.openBusinessView in alice's WeChat (strict: appid, sign, timestamp)
    const opened = await loop.simRequest('POST', '/sim/business-view', { appid: order.appid, openid: 'owner-alice', ...businessView });
    expect(opened).toMatchObject({ status: 200, body: { opened: true, out_order_no: outOrderNo } });
    const bob = await loop.decide(outOrderNo, 'owner-bob', 'confirm');
    expect(bob).toMatchObject({ status: 403, body: { code: 'OPENID_MISMATCH' } });
    expect(String(bob.body['message'])).toContain('owner-alice');
    expect((await loop.decide(outOrderNo, 'owner-alice', 'confirm')).status).toBe(200);
    expect((await loop.waitFor(sessionId, token, (s) => s['state'] === 'STARTING'))['state']).toBe('STARTING');
    expect((await loop.request('POST', `/v1/consumer/sessions/${sessionId}/cancel`, { token })).status).toBeLessThan(500);
  });

  it('on the phone page (no jump): an openid that never signed in to the mini-program is refused, the signed-in user confirms', async () => {
    const token = await loop.consumer('phone-carol');
    const scanned = await loop.request<Session>('POST', '/v1/consumer/sessions', { token, body: { deviceCode: 'WV-0001' } });
    expect(scanned.status).toBe(201);
    const stranger = await loop.decide(scanned.body.outOrderNo, 'o_sim_phone_user', 'confirm');
    expect(stranger).toMatchObject({ status: 403, body: { code: 'OPENID_MISMATCH' } });
    expect(String(stranger.body['message'])).toContain('phone-carol');
    expect((await loop.decide(scanned.body.outOrderNo, 'phone-carol', 'confirm')).status).toBe(200);
    expect((await loop.waitFor(scanned.body.sessionId, token, (s) => s['state'] === 'STARTING'))['state']).toBe('STARTING');
  });
});
