// Launch checklist, Pay Score 8 and 9: an order's state is judged from state + state_description +
// collection.state together, and the state is checked again when a queued action calls WeChat.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { buildSignedNotification } from '@zizhu/payscore';
import { DEMO_MERCHANTS } from '../src/modules/demo/demo-data.js';
import { MerchantGateway } from '../src/modules/merchants/merchant-gateway.service.js';
import { SessionEngine } from '../src/modules/sessions/session-engine.service.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { systemQuery } from './fleet-support.js';
import { LoopHarness } from './support/loop-harness.js';

let loop: LoopHarness;
let ops: string;
beforeAll(async () => {
  loop = await LoopHarness.start({ sessions: { confirmTimeoutSeconds: 120, startTimeoutSeconds: 120, reconcileAfterSeconds: 1 } });
  ops = await loop.operator('ops@fridge.demo');
});
afterAll(async () => loop?.close(), 60_000);

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}
const detail = async (id: string) => (await loop.request('GET', `/v1/sessions/${id}`, { token: ops })).body;

async function awaitingPayment(openid: string, code: string, sku: string) {
  const token = await loop.consumer(openid);
  const s = (await loop.request<{ sessionId: string; outOrderNo: string }>('POST', '/v1/consumer/sessions', { token, body: { deviceCode: code } })).body;
  await loop.simRequest('POST', '/sim/debits', { outcome: 'user-pays-later', outOrderNo: s.outOrderNo });
  await loop.decide(s.outOrderNo, openid, 'confirm');
  await loop.waitFor(s.sessionId, token, (x) => x['state'] === 'STARTING');
  const ended = await loop.request('POST', `/v1/sessions/${s.sessionId}/end`, { token: ops, headers: { 'idempotency-key': randomUUID() }, body: { endedAt: new Date().toISOString(), reason: 'x', usage: { items: [{ sku, count: 1 }] } } });
  expect(ended.status).toBe(200);
  await until(() => detail(s.sessionId), (d) => d['collectionState'] === 'USER_PAYING');
  return s;
}

it('Pay Score 8: a DONE order whose collection is not USER_PAID (no paid_amount) is not taken as paid', async () => {
  const s = await awaitingPayment('pay8', 'FR-0001', 'cola-330');
  const { sim: _x, state_description: _d, ...order } = (await loop.simRequest('GET', `/sim/orders/${s.outOrderNo}`)).body;
  const resource = { ...order, state: 'DONE', collection: { state: 'USER_PAYING', total_amount: 350, paying_amount: 350 } };
  const m = loop.sim.core.merchants.get(DEMO_MERCHANTS.fridge.mchid)!;
  const n = buildSignedNotification({ eventType: 'PAYSCORE.USER_PAID', resource }, { platformPrivateKey: loop.sim.core.platformKey.privateKey, platformSerial: loop.sim.core.platformKey.publicKeyId, apiV3Key: m.apiV3Key, now: Date.now() });
  const r = await fetch(`${loop.apiUrl}/v1/payscore/notify/${DEMO_MERCHANTS.fridge.id}`, { method: 'POST', headers: n.headers, body: n.body });
  expect(r.status).toBe(204);
  await until(() => systemQuery(loop.zizhu, `SELECT applied_at FROM payscore_notifications WHERE id = $1`, [n.envelope.id]), (rows) => rows[0]?.['applied_at'] != null);
  expect(await detail(s.sessionId)).toMatchObject({ state: 'AWAITING_PAYMENT', paidFen: null, anomaly: expect.stringContaining('DONE_WITHOUT_PAYMENT') });
});

it('Pay Score 9: a queued modify is not sent to WeChat once the order is paid (state checked at call time)', async () => {
  const s = await awaitingPayment('pay9', 'FR-0002', 'milk-250');
  await loop.simRequest('POST', `/sim/orders/${s.outOrderNo}/user-pay`, {});
  await until(() => detail(s.sessionId), (d) => d['state'] === 'PAID');
  const [row] = await systemQuery<{ tenant_id: string; merchant_tenant_id: string; merchant_account_id: string }>(loop.zizhu, `SELECT tenant_id, merchant_tenant_id, merchant_account_id FROM service_sessions WHERE id = $1`, [s.sessionId]);
  // a modify the operator asked for while the order was unpaid, whose job runs after USER_PAID was applied
  const [action] = await systemQuery<{ id: string }>(loop.zizhu, `INSERT INTO session_actions (tenant_id, session_id, kind, state, amount_fen, reason) VALUES ($1, $2, 'MODIFY', 'PENDING', 100, '减免') RETURNING id`, [row!.tenant_id, s.sessionId]);
  const handle = await loop.zizhu.app.get(Transactions).asSystem((m) => loop.zizhu.app.get(MerchantGateway).forAccount(m, row!.merchant_account_id));
  const modify = jest.spyOn(handle.client, 'modifyOrder');
  await loop.zizhu.app.get(SessionEngine).runAction({ tenantId: row!.merchant_tenant_id, sessionId: s.sessionId, actionId: action!.id });
  expect(modify).not.toHaveBeenCalled();
  const [after] = await systemQuery(loop.zizhu, `SELECT state, error FROM session_actions WHERE id = $1`, [action!.id]);
  expect(after).toMatchObject({ state: 'FAILED', error: expect.stringContaining('SESSION_STATE_CHANGED') });
});
