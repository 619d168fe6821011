// Fridge stock (issue 16) end to end: the demo fridge FR-0001 (franchisee F1) run by fleet-sim, charged through the
// Pay Score simulator; its planogram, the book decremented once per session, restocks, counts, the low-stock alert.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DeviceClient } from '@zizhu/device-sdk';
import type { Fleet, SessionScript } from '@zizhu/fleet-sim';
import { DEMO_DEVICES, DEMO_PLANS } from '../src/modules/demo/demo-data.js';
import { AlertsEvaluator } from '../src/modules/alerts/alerts.evaluator.js';
import { recordSessionSale } from '../src/modules/stock/stock.service.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { systemQuery } from './fleet-support.js';
import { LoopHarness } from './support/loop-harness.js';

type Session = { sessionId: string; state: string; outOrderNo: string };
type Line = { sku: string; parLevel: number; onHand: number; toFill: number; low: boolean };
type Stock = { lines: Line[]; discrepancies: { sku: string; sessionId: string; shortfall: number }[]; lowThresholdPercent: number };

const FR = DEMO_DEVICES.find((d) => d.code === 'FR-0001')!;
const PB = DEMO_DEVICES.find((d) => d.code === 'PB-0001')!;

let loop: LoopHarness;
let fleet: Fleet;
let device: DeviceClient;
const stop = new AbortController();
let running: Promise<void>;
const scripts = new Map<string, SessionScript>();
const tokens: Record<string, string> = {};
const as = (login: string) => ({ token: tokens[login]! });

const terminal = (s: Record<string, unknown>) => s['state'] === 'PAID' || s['state'] === 'CANCELLED';

async function sell(openid: string, items: { sku: string; count: number }[]): Promise<Record<string, unknown> & { sessionId: string }> {
  const token = await loop.consumer(openid);
  const scan = await loop.request<Session>('POST', '/v1/consumer/sessions', { token, body: { deviceCode: 'FR-0001' } });
  expect(scan.status).toBe(201);
  scripts.set(scan.body.sessionId, { endAfterMs: 50, items });
  expect((await loop.decide(scan.body.outOrderNo, openid, 'confirm')).status).toBe(200);
  return { ...(await loop.waitFor(scan.body.sessionId, token, terminal)), sessionId: scan.body.sessionId };
}

async function stock(login = 'f1@fridge.demo'): Promise<Stock> {
  const answer = await loop.request<Stock>('GET', `/v1/devices/${FR.id}/stock`, as(login));
  expect(answer.status).toBe(200);
  return answer.body;
}
const onHand = (s: Stock) => Object.fromEntries(s.lines.map((l) => [l.sku, l.onHand]));

beforeAll(async () => {
  loop = await LoopHarness.start({ sessions: { confirmTimeoutSeconds: 4, startTimeoutSeconds: 3, reconcileAfterSeconds: 1 } });
  for (const login of ['ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'ops@vendor.demo', 'ops@powerbank.demo', 'admin@zizhu.demo']) tokens[login] = await loop.operator(login);
  const fr = await loop.demoDevice('FR-0001', tokens['ops@fridge.demo']!);
  device = new DeviceClient({ baseUrl: loop.apiUrl, deviceId: fr.deviceId, secret: fr.secret });
  fleet = loop.scriptedFleet([{ ...fr, skus: DEMO_PLANS.fridge.items.catalog.map((i) => i.sku) }], scripts);
  running = fleet.start(stop.signal);
});

afterAll(async () => {
  stop.abort();
  await running;
  await loop.close();
});

describe('fridge stock', () => {
  it('refuses a planogram SKU outside the plan’s catalog, naming the field, and a device that is no fridge', async () => {
    const bad = await loop.request<{ code: string; errors: { field: string }[] }>('PUT', `/v1/devices/${FR.id}/planogram`, {
      ...as('f1@fridge.demo'),
      body: { slots: [{ shelf: 1, slot: 1, sku: 'cola-330', parLevel: 4 }, { shelf: 1, slot: 2, sku: 'beer-500', parLevel: 4 }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('STOCK_SKU_UNKNOWN');
    expect(bad.body.errors.map((e) => e.field)).toEqual(['slots.1.sku']);
    const twice = await loop.request<{ code: string; errors: { field: string }[] }>('PUT', `/v1/devices/${FR.id}/planogram`, {
      ...as('f1@fridge.demo'),
      body: { slots: [{ shelf: 1, slot: 1, sku: 'cola-330', parLevel: 4 }, { shelf: 1, slot: 1, sku: 'water-550', parLevel: 4 }] },
    });
    expect(twice.body).toMatchObject({ code: 'STOCK_SLOT_DUPLICATE', errors: [{ field: 'slots.1.slot' }] });
    const pb = await loop.request<{ code: string }>('GET', `/v1/devices/${PB.id}/planogram`, as('ops@powerbank.demo'));
    expect(pb.status).toBe(422);
    expect(pb.body.code).toBe('STOCK_NOT_A_FRIDGE');
  });

  it('sets a planogram, and a restock raises the book (who, when, what; audited)', async () => {
    const put = await loop.request<{ slots: unknown[] }>('PUT', `/v1/devices/${FR.id}/planogram`, {
      ...as('f1@fridge.demo'),
      body: {
        slots: [
          { shelf: 1, slot: 1, sku: 'cola-330', parLevel: 4 },
          { shelf: 1, slot: 2, sku: 'cola-330', parLevel: 2 },
          { shelf: 2, slot: 1, sku: 'water-550', parLevel: 4 },
          { shelf: 3, slot: 1, sku: 'sandwich-ham', parLevel: 2 },
        ],
      },
    });
    expect(put.status).toBe(200);
    expect(put.body.slots).toHaveLength(4);
    const empty = await stock();
    expect(empty.lines.map((l) => [l.sku, l.parLevel, l.onHand, l.toFill, l.low])).toEqual([
      ['cola-330', 6, 0, 6, true],
      ['sandwich-ham', 2, 0, 2, true],
      ['water-550', 4, 0, 4, true],
    ]);
    // the brand sees its franchisee's fridge below par; the other franchisee does not
    const below = await loop.request<{ items: { deviceCode: string; toFill: number }[] }>('GET', '/v1/stock/below-par', as('ops@fridge.demo'));
    expect(below.body.items.find((i) => i.deviceCode === 'FR-0001')?.toFill).toBe(12);
    // (the demo seeds FR-0002's planogram with its yogurt below par, above the low share)
    const otherBelow = await loop.request<{ items: { deviceCode: string; lowSkus: number; lines: { sku: string; toFill: number }[] }[] }>('GET', '/v1/stock/below-par', as('f2@fridge.demo'));
    expect(otherBelow.body.items).toEqual([expect.objectContaining({ deviceCode: 'FR-0002', lowSkus: 0, lines: [expect.objectContaining({ sku: 'yogurt-200', toFill: 3 })] })]);

    const restock = await loop.request<{ id: string; createdByName: string; lines: unknown[] }>('POST', `/v1/devices/${FR.id}/restocks`, {
      ...as('f1@fridge.demo'),
      body: { lines: [{ sku: 'cola-330', added: 6 }, { sku: 'water-550', added: 4 }, { sku: 'sandwich-ham', added: 2, removedExpired: 0 }], note: '早班补货' },
    });
    expect(restock.status).toBe(201);
    expect(restock.body.createdByName).toBe('西湖店长');
    expect(restock.body.lines).toContainEqual({ sku: 'cola-330', added: 6, removedExpired: 0, onHandBefore: 0, onHandAfter: 6 });
    expect(onHand(await stock())).toEqual({ 'cola-330': 6, 'water-550': 4, 'sandwich-ham': 2 });
    const audit = await systemQuery(loop.zizhu, `SELECT action, after FROM audit_log WHERE action = 'stock.restock' AND resource_id = $1`, [FR.id]);
    expect(audit).toHaveLength(1);
    const list = await loop.request<{ items: { id: string }[] }>('GET', `/v1/devices/${FR.id}/restocks`, as('ops@fridge.demo'));
    expect(list.body.items.map((r) => r.id)).toEqual([restock.body.id]);
    const again = await loop.request<{ items: { deviceCode: string }[] }>('GET', '/v1/stock/below-par', as('ops@fridge.demo'));
    expect(again.body.items.map((i) => i.deviceCode)).not.toContain('FR-0001');
  });

  it('a session’s items come off the book once, however often its end is reported', async () => {
    const done = await sell('stock-buyer', [{ sku: 'cola-330', count: 2 }, { sku: 'sandwich-ham', count: 1 }]);
    expect(done).toMatchObject({ state: 'PAID', totalFen: 2 * 350 + 1200 });
    expect(onHand(await stock())).toEqual({ 'cola-330': 4, 'water-550': 4, 'sandwich-ham': 1 });

    // the fridge reports the end again: the same event id, then another one
    const [ended] = await systemQuery<{ event_id: string; payload: Record<string, unknown> }>(
      loop.zizhu,
      `SELECT event_id, payload FROM device_events WHERE session_id = $1 AND type = 'session.ended'`,
      [done.sessionId],
    );
    expect(ended).toBeDefined();
    const usage = ended!.payload['usage'];
    const occurredAt = new Date().toISOString();
    await device.sendEvent({ eventId: ended!.event_id, type: 'session.ended', sessionId: done.sessionId, occurredAt, usage });
    await device.sendEvent({ eventId: randomUUID(), type: 'session.ended', sessionId: done.sessionId, occurredAt, usage });
    // and the sale itself applied a second time (a retried job)
    await loop.zizhu.app.get(Transactions).asSystem(async (m) => {
      const [owner] = (await m.query(`SELECT tenant_id FROM devices WHERE id = $1`, [FR.id])) as { tenant_id: string }[];
      await recordSessionSale(m, { tenantId: owner!.tenant_id, deviceId: FR.id, sessionId: done.sessionId, items: (usage as { items: unknown }).items });
    });
    expect(onHand(await stock())).toEqual({ 'cola-330': 4, 'water-550': 4, 'sandwich-ham': 1 });
    const sales = await systemQuery(loop.zizhu, `SELECT sku, delta FROM fridge_stock_movements WHERE session_id = $1 ORDER BY sku`, [done.sessionId]);
    expect(sales).toEqual([
      { sku: 'cola-330', delta: -2 },
      { sku: 'sandwich-ham', delta: -1 },
    ]);
  });

  it('a sale beyond the book is charged as the fridge reported, the book floors at 0 and the difference is flagged', async () => {
    const done = await sell('stock-over', [{ sku: 'sandwich-ham', count: 3 }]);
    expect(done).toMatchObject({ state: 'PAID', totalFen: 3 * 1200 });
    const after = await stock();
    expect(onHand(after)['sandwich-ham']).toBe(0);
    expect(after.discrepancies).toEqual([expect.objectContaining({ sku: 'sandwich-ham', sessionId: done.sessionId, shortfall: 2 })]);
  });

  it('raises one low-stock alert for the owner (its brand too, not the other franchisee) and resolves it on restock', async () => {
    const evaluator = loop.zizhu.app.get(AlertsEvaluator);
    const first = await evaluator.evaluateKind('FRIDGE_LOW_STOCK');
    expect(first.raised).toBe(1); // sandwich-ham at 0 of 2; cola 4 of 6 and water 4 of 4 are above 30 %
    expect((await evaluator.evaluateKind('FRIDGE_LOW_STOCK')).raised).toBe(0);
    type Alerts = { items: { id: string; state: string; subjectId: string; facts: Record<string, unknown> }[] };
    const f1 = await loop.request<Alerts>('GET', '/v1/alerts?kind=FRIDGE_LOW_STOCK', as('f1@fridge.demo'));
    expect(f1.body.items).toEqual([expect.objectContaining({ state: 'OPEN', subjectId: FR.id, facts: expect.objectContaining({ sku: 'sandwich-ham', onHand: 0, parLevel: 2 }) })]);
    expect((await loop.request<Alerts>('GET', '/v1/alerts?kind=FRIDGE_LOW_STOCK', as('ops@fridge.demo'))).body.items).toHaveLength(1);
    expect((await loop.request<Alerts>('GET', '/v1/alerts?kind=FRIDGE_LOW_STOCK', as('f2@fridge.demo'))).body.items).toHaveLength(0);

    const restock = await loop.request('POST', `/v1/devices/${FR.id}/restocks`, { ...as('f1@fridge.demo'), body: { lines: [{ sku: 'sandwich-ham', added: 2 }] } });
    expect(restock.status).toBe(201);
    expect((await evaluator.evaluateKind('FRIDGE_LOW_STOCK')).resolved).toBe(1);
    const resolved = await loop.request<Alerts>('GET', `/v1/alerts/${f1.body.items[0]!.id}`, as('f1@fridge.demo'));
    expect(resolved.body).toMatchObject({ state: 'RESOLVED' });
  });

  it('a restock removes expired items first; a count corrects the book and the difference is recorded and audited', async () => {
    const restock = await loop.request<{ lines: unknown[] }>('POST', `/v1/devices/${FR.id}/restocks`, {
      ...as('f1@fridge.demo'),
      body: { lines: [{ sku: 'water-550', added: 1, removedExpired: 2 }] },
    });
    expect(restock.body.lines).toEqual([{ sku: 'water-550', added: 1, removedExpired: 2, onHandBefore: 4, onHandAfter: 3 }]);

    const count = await loop.request<{ id: string; lines: unknown[] }>('POST', `/v1/devices/${FR.id}/stock-counts`, {
      ...as('f1@fridge.demo'),
      body: { lines: [{ sku: 'cola-330', counted: 3 }, { sku: 'water-550', counted: 3 }], note: '盘点' },
    });
    expect(count.status).toBe(201);
    expect(count.body.lines).toEqual([
      { sku: 'cola-330', booked: 4, counted: 3, difference: -1 },
      { sku: 'water-550', booked: 3, counted: 3, difference: 0 },
    ]);
    expect(onHand(await stock())).toEqual({ 'cola-330': 3, 'water-550': 3, 'sandwich-ham': 2 });
    const [audit] = await systemQuery<{ before: unknown; after: { differences: unknown } }>(
      loop.zizhu,
      `SELECT before, after FROM audit_log WHERE action = 'stock.count' AND resource_id = $1`,
      [FR.id],
    );
    expect(audit).toMatchObject({ before: { 'cola-330': 4, 'water-550': 3 }, after: { differences: { 'cola-330': -1, 'water-550': 0 } } });
    const counts = await loop.request<{ items: { id: string }[] }>('GET', `/v1/devices/${FR.id}/stock-counts`, as('ops@fridge.demo'));
    expect(counts.body.items.map((c) => c.id)).toEqual([count.body.id]);
    const history = await loop.request<{ items: { kind: string; sku: string; delta: number }[] }>('GET', `/v1/devices/${FR.id}/stock/movements`, as('f1@fridge.demo'));
    expect(history.body.items[0]).toMatchObject({ kind: 'COUNT', sku: 'cola-330', delta: -1 });
    expect(new Set(history.body.items.map((m) => m.kind))).toEqual(new Set(['SALE', 'RESTOCK', 'EXPIRED', 'COUNT']));
  });

  it('another tenant gets 404 for everything about the fridge’s stock', async () => {
    for (const login of ['f2@fridge.demo', 'ops@vendor.demo', 'ops@powerbank.demo']) {
      for (const path of ['planogram', 'stock', 'stock/movements', 'restocks', 'stock-counts']) {
        const read = await loop.request<{ code: string }>('GET', `/v1/devices/${FR.id}/${path}`, as(login));
        expect([login, path, read.status]).toEqual([login, path, 404]);
      }
      const put = await loop.request('PUT', `/v1/devices/${FR.id}/planogram`, { ...as(login), body: { slots: [] } });
      const restock = await loop.request('POST', `/v1/devices/${FR.id}/restocks`, { ...as(login), body: { lines: [{ sku: 'cola-330', added: 100 }] } });
      const count = await loop.request('POST', `/v1/devices/${FR.id}/stock-counts`, { ...as(login), body: { lines: [{ sku: 'cola-330', counted: 100 }] } });
      expect([put.status, restock.status, count.status]).toEqual([404, 404, 404]);
    }
    expect(onHand(await stock('admin@zizhu.demo'))).toEqual({ 'cola-330': 3, 'water-550': 3, 'sandwich-ham': 2 });
  });

  it('concurrent sales of one SKU each come off the book (its rows are locked), however they interleave', async () => {
    const transactions = loop.zizhu.app.get(Transactions);
    const [owner] = await systemQuery<{ tenant_id: string }>(loop.zizhu, `SELECT tenant_id FROM devices WHERE id = $1`, [FR.id]);
    const sale = (count: number) => transactions.asSystem((m) => recordSessionSale(m, { tenantId: owner!.tenant_id, deviceId: FR.id, sessionId: randomUUID(), items: [{ sku: 'cola-330', count }] }));
    await Promise.all([sale(1), sale(1)]);
    expect(onHand(await stock())['cola-330']).toBe(1);
    await Promise.all([sale(2), sale(2)]);
    const after = await stock();
    expect(onHand(after)['cola-330']).toBe(0);
    // one of them found 1 and sold 2: a shortfall of 1; the other found 0: a shortfall of 2
    expect(after.discrepancies.filter((d) => d.sku === 'cola-330').map((d) => d.shortfall).sort()).toEqual([1, 2]);
  });

  it('a restock that leaves a SKU low keeps its one alert; a book beyond int4 / 100 neither breaks the evaluation nor the below-par view', async () => {
    const evaluator = loop.zizhu.app.get(AlertsEvaluator);
    type Alerts = { items: { id: string; state: string; facts: Record<string, unknown> }[] };
    const openWater = async () =>
      (await loop.request<Alerts>('GET', '/v1/alerts?kind=FRIDGE_LOW_STOCK', as('f1@fridge.demo'))).body.items.filter((a) => a.facts['sku'] === 'water-550' && a.state !== 'RESOLVED');
    // water-550's par is 4, its low mark 30 % of it: 0 and 1 are low
    const counted = await loop.request('POST', `/v1/devices/${FR.id}/stock-counts`, { ...as('f1@fridge.demo'), body: { lines: [{ sku: 'water-550', counted: 0 }] } });
    expect(counted.status).toBe(201);
    await evaluator.evaluateKind('FRIDGE_LOW_STOCK'); // (cola-330, sold out above, is low too)
    const raised = await openWater();
    expect(raised).toHaveLength(1);
    const alert = raised[0]!;
    // +1: still low, the same shortage: no new alert, the open one stays
    expect((await loop.request('POST', `/v1/devices/${FR.id}/restocks`, { ...as('f1@fridge.demo'), body: { lines: [{ sku: 'water-550', added: 1 }] } })).status).toBe(201);
    expect(await evaluator.evaluateKind('FRIDGE_LOW_STOCK')).toEqual({ raised: 0, resolved: 0 });
    expect((await openWater()).map((a) => a.id)).toEqual([alert.id]);

    // 30 million bottles (on_hand × 100 overflows int4): the evaluation of every kind and the below-par view still answer
    await systemQuery(loop.zizhu, `UPDATE fridge_stock SET on_hand = 30000000 WHERE device_id = $1 AND sku = 'water-550'`, [FR.id]);
    const result = await evaluator.evaluate();
    expect(result.resolved['FRIDGE_LOW_STOCK']).toBe(1); // water's; cola-330 stays low
    expect(await openWater()).toEqual([]);
    expect((await loop.request('GET', '/v1/stock/below-par', as('ops@fridge.demo'))).status).toBe(200);
  });
});
