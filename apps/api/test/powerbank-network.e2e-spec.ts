// Power banks returned anywhere in their merchant network (issue 16), over loopback with the Pay Score simulator:
// the start ack names the bank, a return at another cabinet of the network ends the session at the return's time,
// a return at another network's cabinet is refused and flagged, a cabinet without a charged bank refuses a rental
// before any Pay Score order, a bank kept past the total cap is bought out, and one returned after that is flagged.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DeviceApiError, DeviceClient } from '@zizhu/device-sdk';
import { type SessionScript } from '@zizhu/fleet-sim';
import { DEMO_DEVICES, DEMO_MERCHANTS, DEMO_ORGS, DEMO_PLANS, DEMO_SITES } from '../src/modules/demo/demo-data.js';
import { HeartbeatBuffer } from '../src/modules/device-api/heartbeat-buffer.service.js';
import { SessionEngine } from '../src/modules/sessions/session-engine.service.js';
import { systemQuery } from './fleet-support.js';
import { LoopHarness } from './support/loop-harness.js';

const PB = DEMO_DEVICES.find((d) => d.code === 'PB-0001')!;
/** 3 元 per started hour from the first minute, 30 元 a day, 99 元 in all. */
const PB_PLAN = { ...DEMO_PLANS.powerbank, rental: { ...DEMO_PLANS.powerbank.rental, freeMinutes: 0 } };
const MINUTE = 60_000;

type Bank = { bankId: string; state: string; deviceCode: string | null; slot: number | null; flag: string | null; sessionId: string | null };

let loop: LoopHarness;
let ops: string;
let start: DeviceClient;
let station: DeviceClient;
let foreign: DeviceClient;
let n3: { id: string; client: DeviceClient };

const client = (deviceId: string, secret: string) => new DeviceClient({ baseUrl: loop.apiUrl, deviceId, secret });
const at = (ms = 0) => new Date(loop.clock.now().getTime() + ms).toISOString();

async function register(token: string, body: Record<string, unknown>): Promise<{ id: string; client: DeviceClient }> {
  const answer = await loop.request<{ device: { id: string }; secret: string }>('POST', '/v1/devices', { token, body: { type: 'POWERBANK_CABINET', slots: 4, ...body } });
  expect(answer.status).toBe(201);
  return { id: answer.body.device.id, client: client(answer.body.device.id, answer.body.secret) };
}

async function bank(bankId: string): Promise<Bank | undefined> {
  const answer = await loop.request<{ items: Bank[] }>('GET', `/v1/power-banks?bankId=${bankId}`, { token: ops });
  expect(answer.status).toBe(200);
  return answer.body.items.find((b) => b.bankId === bankId);
}

/** Scan PB-0001 (or `cabinet`), confirm, and have the cabinet eject `bankId` (acked now): the session is IN_USE. */
async function rent(openid: string, bankId: string, cabinet?: { code: string; client: DeviceClient }): Promise<{ sessionId: string; token: string; startedAt: string }> {
  const { code, client: device } = cabinet ?? { code: 'PB-0001', client: start };
  const token = await loop.consumer(openid);
  const scan = await loop.request<{ sessionId: string; outOrderNo: string }>('POST', '/v1/consumer/sessions', { token, body: { deviceCode: code } });
  expect(scan.status).toBe(201);
  const polled = device.pollCommands(10);
  expect((await loop.decide(scan.body.outOrderNo, openid, 'confirm')).status).toBe(200);
  const [command] = await polled;
  expect(command).toMatchObject({ type: 'EJECT', sessionId: scan.body.sessionId });
  const startedAt = at();
  await device.ack(command!.id, { result: 'SUCCEEDED', occurredAt: startedAt, bankId });
  const inUse = await loop.waitFor(scan.body.sessionId, token, (s) => s['state'] === 'IN_USE');
  expect(inUse['state']).toBe('IN_USE');
  return { sessionId: scan.body.sessionId, token, startedAt: inUse['startedAt'] as string };
}

const returned = (bankId: string, slot: number, occurredAt: string, eventId = randomUUID()) => ({ eventId, type: 'powerbank.returned' as const, bankId, slot, occurredAt });

beforeAll(async () => {
  loop = await LoopHarness.start({ sessions: { reconcileIntervalSeconds: 1, reconcileAfterSeconds: 1 } });
  ops = await loop.operator('ops@powerbank.demo');
  const pb = await loop.demoDevice('PB-0001', ops);
  start = client(pb.deviceId, pb.secret);
  expect((await loop.request('PUT', `/v1/devices/${PB.id}/plan`, { token: ops, body: { plan: PB_PLAN } })).status).toBe(200);
  // another cabinet of the same network (the power-bank brand), one of another network (the fridge brand's franchisee)
  station = (await register(ops, { siteId: DEMO_SITES.powerbankStation.id, code: 'PB-NET-2' })).client;
  foreign = (await register(await loop.operator('f1@fridge.demo'), { siteId: DEMO_SITES.fridgeWestLake.id, code: 'PB-OTHER-1' })).client;
  n3 = await register(ops, { siteId: DEMO_SITES.powerbankStation.id, code: 'PB-NET-3', plan: PB_PLAN, payscoreServiceId: DEMO_MERCHANTS.powerbank.services[0].serviceId });
});

afterAll(async () => {
  await loop?.close();
});

// first: fleet-sim's devices keep real time, and the tests below move the business clock ahead
describe('fleet-sim playing a network of cabinets', () => {
  it('a bank rented at one cabinet and returned at another: the ack names it, the other cabinet reports it, the session ends and is paid', async () => {
    const a = await register(ops, { siteId: DEMO_SITES.powerbankStation.id, code: 'PB-FS-A', plan: PB_PLAN, payscoreServiceId: DEMO_MERCHANTS.powerbank.services[0].serviceId });
    const b = await register(ops, { siteId: DEMO_SITES.powerbankStation.id, code: 'PB-FS-B' });
    const secrets = await Promise.all(
      [a.id, b.id].map(async (id) => (await loop.request<{ secret: string }>('POST', `/v1/devices/${id}/secret/rotate`, { token: ops })).body.secret),
    );
    const scripts = new Map<string, SessionScript>();
    const fleet = loop.scriptedFleet(
      [
        { deviceId: a.id, secret: secrets[0]!, code: 'PB-FS-A', type: 'POWERBANK_CABINET', banks: ['FS-1', 'FS-2', null, null] },
        { deviceId: b.id, secret: secrets[1]!, code: 'PB-FS-B', type: 'POWERBANK_CABINET', banks: ['FS-9', null, null, null] },
      ],
      scripts,
    );
    const stop = new AbortController();
    const running = fleet.start(stop.signal);
    try {
      // the cabinets' heartbeats report their banks (charged: the simulator's banks start full)
      const flush = () => loop.zizhu.app.get(HeartbeatBuffer).flush();
      const bothReported = async () => (await bank('FS-9'))?.state === 'IN_SLOT' && (await bank('FS-1'))?.state === 'IN_SLOT';
      for (let i = 0; i < 100 && !(await bothReported()); i += 1) {
        await new Promise((r) => setTimeout(r, 100));
        await flush();
      }
      expect(await bank('FS-1')).toMatchObject({ state: 'IN_SLOT', deviceCode: 'PB-FS-A', slot: 1 });
      const openid = 'pb-fs-1';
      const token = await loop.consumer(openid);
      const scan = await loop.request<{ sessionId: string; outOrderNo: string }>('POST', '/v1/consumer/sessions', { token, body: { deviceCode: 'PB-FS-A', slot: 2 } });
      expect(scan.status).toBe(201);
      scripts.set(scan.body.sessionId, { endAfterMs: null });
      expect((await loop.decide(scan.body.outOrderNo, openid, 'confirm')).status).toBe(200);
      const cabinet = fleet.device('PB-FS-A');
      await cabinet.waitForSession(scan.body.sessionId);
      expect((await loop.waitFor(scan.body.sessionId, token, (s) => s['state'] === 'IN_USE'))['state']).toBe('IN_USE');
      expect(await bank('FS-2')).toMatchObject({ state: 'RENTED', sessionId: scan.body.sessionId });
      expect(cabinet.endSession(scan.body.sessionId, { returnAt: 'PB-FS-B', returnSlot: 3 })).toBe(true);
      await fleet.settled();
      const paid = await loop.waitFor(scan.body.sessionId, token, (s) => s['state'] === 'PAID');
      expect(paid).toMatchObject({ state: 'PAID', totalFen: 300 });
      expect(await bank('FS-2')).toMatchObject({ state: 'IN_SLOT', deviceCode: 'PB-FS-B', slot: 3, sessionId: null });
      expect(fleet.device('PB-FS-B').inventory()).toEqual(['FS-9', null, 'FS-2', null]);
    } finally {
      stop.abort();
      await running;
    }
  });
});

describe('a power bank returned at another cabinet of its network', () => {
  let rental: { sessionId: string; token: string; startedAt: string };
  let returnEvent: ReturnType<typeof returned>;

  it('ends the session holding that bank at the return’s time, priced by the plan', async () => {
    rental = await rent('pb-net-1', 'B-NET-1');
    expect(await bank('B-NET-1')).toMatchObject({ state: 'RENTED', sessionId: rental.sessionId, deviceCode: null });
    // 80 minutes later it is returned at the station: two started hours
    await loop.advance(90 * 60);
    const endedAt = new Date(new Date(rental.startedAt).getTime() + 80 * MINUTE).toISOString();
    returnEvent = returned('B-NET-1', 2, endedAt);
    expect(await station.sendEvent(returnEvent)).toEqual({ eventId: returnEvent.eventId, duplicate: false });
    const token = await loop.consumer('pb-net-1');
    const paid = await loop.waitFor(rental.sessionId, token, (s) => s['state'] === 'PAID');
    expect(paid).toMatchObject({ state: 'PAID', totalFen: 600, paidFen: 600, endedAt });
    ops = await loop.operator('ops@powerbank.demo');
    expect(await bank('B-NET-1')).toMatchObject({ state: 'IN_SLOT', deviceCode: 'PB-NET-2', slot: 2, sessionId: null, flag: null });
  });

  it('answers a repeated return event as a duplicate and charges nothing more', async () => {
    expect(await station.sendEvent(returnEvent)).toEqual({ eventId: returnEvent.eventId, duplicate: true });
    const [row] = await systemQuery<{ total_fen: string; end_source: string }>(loop.zizhu, `SELECT total_fen, end_source FROM service_sessions WHERE id = $1`, [rental.sessionId]);
    expect(row).toMatchObject({ end_source: 'DEVICE' });
    expect(Number(row!.total_fen)).toBe(600);
    const events = await systemQuery(loop.zizhu, `SELECT 1 FROM device_events WHERE event_id = $1`, [returnEvent.eventId]);
    expect(events).toHaveLength(1);
  });
});

describe('a power bank returned at a cabinet of another network', () => {
  it('is refused with POWERBANK_FOREIGN_NETWORK, flagged, and its session keeps running', async () => {
    const rental = await rent('pb-net-2', 'B-NET-2');
    const event = returned('B-NET-2', 1, at());
    const refused = await foreign.sendEvent(event).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DeviceApiError);
    expect(refused).toMatchObject({ status: 409, code: 'POWERBANK_FOREIGN_NETWORK' });
    expect(await bank('B-NET-2')).toMatchObject({ state: 'RENTED', sessionId: rental.sessionId, flag: 'FOREIGN_RETURN' });
    expect((await loop.session(rental.sessionId, rental.token))['state']).toBe('IN_USE');
    // the other network sees no such bank of its own
    const theirs = await loop.request<{ items: Bank[] }>('GET', '/v1/power-banks?bankId=B-NET-2', { token: await loop.operator('ops@fridge.demo') });
    expect(theirs.body.items).toEqual([]);
    // a resent refused event (its answer lost) is refused again and changes nothing; the user then returns it at home: ended as usual
    const again = await foreign.sendEvent(event).then(
      () => null,
      (error: unknown) => error,
    );
    expect(again).toMatchObject({ status: 409, code: 'POWERBANK_FOREIGN_NETWORK' });
    expect(await systemQuery(loop.zizhu, `SELECT 1 FROM device_events WHERE event_id = $1`, [event.eventId])).toHaveLength(1);
    expect((await loop.session(rental.sessionId, rental.token))['state']).toBe('IN_USE');
    await start.sendEvent(returned('B-NET-2', 5, at()));
    const ended = await loop.waitFor(rental.sessionId, rental.token, (s) => s['state'] === 'PAID');
    expect(ended).toMatchObject({ state: 'PAID', totalFen: 300 });
  });
});

describe('a cabinet that reports its inventory', () => {
  const flush = () => loop.zizhu.app.get(HeartbeatBuffer).flush();

  it('refuses a rental with SESSION_NO_CHARGED_BANK before any Pay Score order when no bank is charged', async () => {
    await n3.client.heartbeat({ firmware: '1.0.0', slots: [{ slot: 1, bankId: 'B-LOW-1', chargePercent: 12 }, { slot: 2 }, { slot: 3, bankId: 'B-LOW-2', chargePercent: 30 }, { slot: 4 }] });
    await flush();
    const inventory = await loop.request<Record<string, unknown>>('GET', `/v1/devices/${n3.id}/inventory`, { token: ops });
    expect(inventory.status).toBe(200);
    expect(inventory.body).toMatchObject({ reported: true, banks: 2, freeSlots: 2, chargedBanks: 0, chargedPercent: 50 });
    const token = await loop.consumer('pb-net-3');
    const refused = await loop.request('POST', '/v1/consumer/sessions', { token, body: { deviceCode: 'PB-NET-3' } });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'SESSION_NO_CHARGED_BANK' });
    expect(await systemQuery(loop.zizhu, `SELECT 1 FROM service_sessions WHERE device_code = 'PB-NET-3'`)).toHaveLength(0);
    // charged now: the rental goes ahead
    await n3.client.heartbeat({ firmware: '1.0.0', slots: [{ slot: 1, bankId: 'B-LOW-1', chargePercent: 95 }, { slot: 2 }, { slot: 3, bankId: 'B-LOW-2', chargePercent: 30 }, { slot: 4 }] });
    await flush();
    const scan = await loop.request<{ sessionId: string; state: string }>('POST', '/v1/consumer/sessions', { token, body: { deviceCode: 'PB-NET-3' } });
    expect(scan.status).toBe(201);
    expect((await loop.request('POST', `/v1/consumer/sessions/${scan.body.sessionId}/cancel`, { token })).status).toBeLessThan(300);
  });

  it('marks a bank gone from its slots without an eject as LOST', async () => {
    await n3.client.heartbeat({ firmware: '1.0.1', slots: [{ slot: 1, bankId: 'B-LOW-1', chargePercent: 95 }, { slot: 2 }, { slot: 3 }, { slot: 4 }] });
    await flush();
    expect(await bank('B-LOW-2')).toMatchObject({ state: 'LOST' });
    expect(await bank('B-LOW-1')).toMatchObject({ state: 'IN_SLOT', deviceCode: 'PB-NET-3', slot: 1 });
  });
});

describe('a power bank not returned by the total cap', () => {
  it('is bought out at the cap, and flagged, never charged again, when it comes back', async () => {
    const rental = await rent('pb-net-4', 'B-NET-4');
    // 3 × 30 元 a day, then 3 元 an hour: 99 元 is reached in the 76th hour
    await loop.advance(77 * 3600);
    const token = await loop.consumer('pb-net-4');
    const ended = await loop.waitFor(rental.sessionId, token, (s) => s['state'] === 'PAID', 30_000);
    expect(ended).toMatchObject({ state: 'PAID', totalFen: 9900 });
    const [row] = await systemQuery<{ end_source: string }>(loop.zizhu, `SELECT end_source FROM service_sessions WHERE id = $1`, [rental.sessionId]);
    expect(row?.end_source).toBe('TOTAL_CAP');
    ops = await loop.operator('ops@powerbank.demo');
    expect(await bank('B-NET-4')).toMatchObject({ state: 'BOUGHT_OUT', flag: null });
    // returned a day later at the station: flagged for the operator, nothing charged
    await loop.advance(24 * 3600);
    ops = await loop.operator('ops@powerbank.demo');
    expect(await station.sendEvent(returned('B-NET-4', 3, at()))).toMatchObject({ duplicate: false });
    expect(await bank('B-NET-4')).toMatchObject({ state: 'BOUGHT_OUT', flag: 'RETURNED_AFTER_BUYOUT', deviceCode: 'PB-NET-2', slot: 3 });
    const flagged = await loop.request<{ items: Bank[] }>('GET', '/v1/power-banks?flagged=true', { token: ops });
    expect(flagged.body.items.map((b) => b.bankId)).toContain('B-NET-4');
    const after = await loop.session(rental.sessionId, await loop.consumer('pb-net-4'));
    expect(after).toMatchObject({ state: 'PAID', totalFen: 9900, paidFen: 9900 });
    expect(await systemQuery(loop.zizhu, `SELECT 1 FROM service_sessions s JOIN end_users u ON u.id = s.end_user_id WHERE u.openid = 'pb-net-4'`)).toHaveLength(1);
  });
});

describe('a franchise brand’s network', () => {
  it('takes a bank from one franchisee’s cabinet back at another’s (the brand is the network); each franchisee sees only the banks of its own cabinets', async () => {
    const f1 = await loop.operator('f1@fridge.demo');
    const f2 = await loop.operator('f2@fridge.demo');
    const brand = await loop.operator('ops@fridge.demo');
    const atF2 = await register(f2, { siteId: DEMO_SITES.fridgeBinjiang.id, code: 'PB-F2-1' });
    const seen = async (token: string, bankId: string) => (await loop.request<{ items: Bank[] }>('GET', `/v1/power-banks?bankId=${bankId}`, { token })).body.items;
    // PB-OTHER-1 (the first franchisee's) reports a bank; it turns up at the second franchisee's cabinet
    await foreign.heartbeat({ firmware: '1.0.0', slots: [{ slot: 1, bankId: 'B-FR-1', chargePercent: 90 }, { slot: 2 }] });
    await loop.zizhu.app.get(HeartbeatBuffer).flush();
    expect(await seen(f1, 'B-FR-1')).toMatchObject([{ state: 'IN_SLOT', deviceCode: 'PB-OTHER-1' }]);
    expect(await seen(f2, 'B-FR-1')).toEqual([]);
    expect(await atF2.client.sendEvent(returned('B-FR-1', 4, at()))).toMatchObject({ duplicate: false });
    expect(await seen(f2, 'B-FR-1')).toMatchObject([{ state: 'IN_SLOT', deviceCode: 'PB-F2-1', slot: 4, flag: null }]);
    expect(await seen(f1, 'B-FR-1')).toEqual([]);
    expect(await seen(brand, 'B-FR-1')).toMatchObject([{ deviceCode: 'PB-F2-1' }]);
    // the power-bank brand is another network: it never sees the fridge brand's banks
    expect(await seen(await loop.operator('ops@powerbank.demo'), 'B-FR-1')).toEqual([]);
  });
});

describe('acks and returns in any order (the network’s events are not ordered)', () => {
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => error,
    );

  it('a return processed before the eject’s ack ends the session at the return’s time, the bank staying where it was returned', async () => {
    const openid = 'pb-seq-1';
    const token = await loop.consumer(openid);
    const scan = await loop.request<{ sessionId: string; outOrderNo: string }>('POST', '/v1/consumer/sessions', { token, body: { deviceCode: 'PB-0001' } });
    expect(scan.status).toBe(201);
    const polled = start.pollCommands(10);
    expect((await loop.decide(scan.body.outOrderNo, openid, 'confirm')).status).toBe(200);
    const [command] = await polled;
    const ackAt = at();
    // the ack is delayed; the bank, returned at the station 20 s after its eject, is reported first
    await loop.advance(30);
    const returnAt = new Date(new Date(ackAt).getTime() + 20_000).toISOString();
    expect(await station.sendEvent(returned('B-SEQ-1', 2, returnAt))).toMatchObject({ duplicate: false });
    expect(await bank('B-SEQ-1')).toMatchObject({ state: 'IN_SLOT', deviceCode: 'PB-NET-2', slot: 2 });
    await start.ack(command!.id, { result: 'SUCCEEDED', occurredAt: ackAt, bankId: 'B-SEQ-1' });
    const paid = await loop.waitFor(scan.body.sessionId, token, (s) => s['state'] === 'PAID');
    expect(paid).toMatchObject({ state: 'PAID', totalFen: 300, startedAt: ackAt, endedAt: returnAt });
    expect(await bank('B-SEQ-1')).toMatchObject({ state: 'IN_SLOT', deviceCode: 'PB-NET-2', slot: 2, sessionId: null });
  });

  it('an ack arriving after the bank was returned and rented again ends its session at that return, the bank staying with the new rental', async () => {
    const openid = 'pb-seq-4';
    const token = await loop.consumer(openid);
    const scan = await loop.request<{ sessionId: string; outOrderNo: string }>('POST', '/v1/consumer/sessions', { token, body: { deviceCode: 'PB-0001' } });
    expect(scan.status).toBe(201);
    const polled = start.pollCommands(10);
    expect((await loop.decide(scan.body.outOrderNo, openid, 'confirm')).status).toBe(200);
    const [command] = await polled;
    const ackAt = at();
    await loop.advance(30);
    // returned 10 s after its eject, then rented by someone else, all before the first ack is processed
    const returnAt = new Date(new Date(ackAt).getTime() + 10_000).toISOString();
    expect(await station.sendEvent(returned('B-SEQ-4', 2, returnAt))).toMatchObject({ duplicate: false });
    const d = await rent('pb-seq-4d', 'B-SEQ-4', { code: 'PB-NET-3', client: n3.client });
    await start.ack(command!.id, { result: 'SUCCEEDED', occurredAt: ackAt, bankId: 'B-SEQ-4' });
    expect(await loop.waitFor(scan.body.sessionId, token, (s) => s['state'] === 'PAID')).toMatchObject({ state: 'PAID', totalFen: 300, endedAt: returnAt });
    expect(await bank('B-SEQ-4')).toMatchObject({ state: 'RENTED', sessionId: d.sessionId });
    await loop.advance(60);
    const endedAt = at();
    await station.sendEvent(returned('B-SEQ-4', 2, endedAt));
    expect(await loop.waitFor(d.sessionId, d.token, (s) => s['state'] === 'PAID')).toMatchObject({ state: 'PAID', totalFen: 300, endedAt });
  });

  it('an ack naming a bank another open session rents leaves it to that session (flagged); that session’s late return ends it, not the new one', async () => {
    // A rents B-SEQ-2 at PB-NET-3 and returns it at PB-0001 five minutes before C rents it there; A's return event comes last
    const a = await rent('pb-seq-2a', 'B-SEQ-2', { code: 'PB-NET-3', client: n3.client });
    await loop.advance(10 * 60);
    const returnAt = at(-5 * MINUTE);
    const c = await rent('pb-seq-2c', 'B-SEQ-2');
    expect(await bank('B-SEQ-2')).toMatchObject({ state: 'RENTED', sessionId: a.sessionId, flag: 'EJECT_CONFLICT' });
    expect(await start.sendEvent(returned('B-SEQ-2', 1, returnAt))).toMatchObject({ duplicate: false });
    const paidA = await loop.waitFor(a.sessionId, a.token, (s) => s['state'] === 'PAID');
    expect(paidA).toMatchObject({ state: 'PAID', totalFen: 300, endedAt: returnAt });
    expect((await loop.session(c.sessionId, c.token))['state']).toBe('IN_USE');
    // C's rental ends by its cabinet's session.ended, priced as usual
    await loop.advance(60);
    await start.sendEvent({ eventId: randomUUID(), type: 'session.ended', sessionId: c.sessionId, occurredAt: at(), usage: {} });
    expect(await loop.waitFor(c.sessionId, c.token, (s) => s['state'] === 'PAID')).toMatchObject({ state: 'PAID', totalFen: 300 });
  });

  it('a return older than the eject of the rental holding the bank leaves that rental running (flagged STALE_RETURN)', async () => {
    const a = await rent('pb-seq-3a', 'B-SEQ-3');
    await loop.advance(10 * 60);
    const returnAt = at(-5 * MINUTE);
    // A's session was ended by its cabinet; the bank's return at the station is reported only after C rented it
    await start.sendEvent({ eventId: randomUUID(), type: 'session.ended', sessionId: a.sessionId, occurredAt: returnAt, usage: {} });
    await loop.waitFor(a.sessionId, a.token, (s) => s['state'] === 'PAID');
    const c = await rent('pb-seq-3c', 'B-SEQ-3');
    expect(await bank('B-SEQ-3')).toMatchObject({ state: 'RENTED', sessionId: c.sessionId });
    expect(await station.sendEvent(returned('B-SEQ-3', 3, returnAt))).toMatchObject({ duplicate: false });
    expect(await bank('B-SEQ-3')).toMatchObject({ state: 'RENTED', sessionId: c.sessionId, flag: 'STALE_RETURN' });
    expect((await loop.session(c.sessionId, c.token))['state']).toBe('IN_USE');
    // C's own return ends C
    await loop.advance(60);
    const endedAt = at();
    await station.sendEvent(returned('B-SEQ-3', 3, endedAt));
    expect(await loop.waitFor(c.sessionId, c.token, (s) => s['state'] === 'PAID')).toMatchObject({ state: 'PAID', totalFen: 300, endedAt });
  });

  it('refuses a heartbeat naming an impossible slot (400 naming the field), and a bad beat already buffered does not stop the flush', async () => {
    const error = await refusal(station.heartbeat({ firmware: '1.0.0', slots: [{ slot: 1 }, { slot: 3_000_000_000, bankId: 'x' }] }));
    expect(error).toBeInstanceOf(DeviceApiError);
    expect(error).toMatchObject({ status: 400, code: 'DEVICE_BODY_INVALID' });
    expect((error as Error).message).toContain('slots[1].slot');
    expect(await refusal(station.heartbeat({ slots: [{ slot: 1, bankId: 'y'.repeat(65) }] }))).toMatchObject({ status: 400, code: 'DEVICE_BODY_INVALID' });
    // PB-NET-2 has 4 slots
    const beyond = await refusal(station.heartbeat({ slots: [{ slot: 5, bankId: 'B-SEQ-5' }] }));
    expect(beyond).toMatchObject({ status: 400, code: 'DEVICE_BODY_INVALID' });
    expect((beyond as Error).message).toContain('slots[0].slot');
    expect(await station.heartbeat({ slots: [{ slot: 4, bankId: 'B-SEQ-6' }] })).toMatchObject({ serverTime: expect.any(String) });
    // the older slots shape is telemetry, not inventory, and passes
    expect(await station.heartbeat({ slots: [1, 0, 1, 0] })).toMatchObject({ serverTime: expect.any(String) });
    // a beat that got into the buffer anyway (an older process took it): the other cabinets' beats and banks are written
    const buffer = loop.zizhu.app.get(HeartbeatBuffer);
    await buffer.flush();
    const good = await register(ops, { siteId: DEMO_SITES.powerbankStation.id, code: 'PB-SEQ-GOOD' });
    const seen = new Date();
    buffer.record(good.id, { seen, firmware: '1.0.0', telemetry: { slots: [{ slot: 1, bankId: 'B-SEQ-GOOD', chargePercent: 80 }] } });
    buffer.record(PB.id, { seen, firmware: '1.0.0', telemetry: { slots: [{ slot: 3_000_000_000, bankId: 'B-SEQ-BAD' }] } });
    await buffer.flush();
    expect(buffer.pending).toBe(0);
    expect(await bank('B-SEQ-GOOD')).toMatchObject({ state: 'IN_SLOT', deviceCode: 'PB-SEQ-GOOD', slot: 1 });
    const [row] = await systemQuery<{ last_seen_at: Date }>(loop.zizhu, `SELECT last_seen_at FROM devices WHERE id = $1`, [good.id]);
    expect(new Date(row!.last_seen_at).getTime()).toBe(seen.getTime());
  });

  it('rents at a cabinet whose slots name no banks (only their charge): nothing to check', async () => {
    const cabinet = await register(ops, { siteId: DEMO_SITES.powerbankStation.id, code: 'PB-NO-IDS', plan: PB_PLAN, payscoreServiceId: DEMO_MERCHANTS.powerbank.services[0].serviceId });
    await cabinet.client.heartbeat({ firmware: '1.0.0', slots: [{ slot: 1, chargePercent: 90 }, { slot: 2 }] });
    await loop.zizhu.app.get(HeartbeatBuffer).flush();
    const token = await loop.consumer('pb-no-ids');
    const scan = await loop.request<{ sessionId: string }>('POST', '/v1/consumer/sessions', { token, body: { deviceCode: 'PB-NO-IDS' } });
    expect(scan.status).toBe(201);
    expect((await loop.request('POST', `/v1/consumer/sessions/${scan.body.sessionId}/cancel`, { token })).status).toBeLessThan(300);
  });

  it('marks a bank bought out only once its session’s service ended at the cap (not when the end only recorded an anomaly)', async () => {
    const rental = await rent('pb-seq-cap', 'B-SEQ-CAP');
    const engine = loop.zizhu.app.get(SessionEngine);
    const real = engine.endService.bind(engine);
    // the end at the cap recording only an anomaly (unusable usage): the session stays open, for an operator
    const spy = jest.spyOn(engine, 'endService').mockImplementation(async (m, row, endedAt, usage, source, options) =>
      row.id === rental.sessionId && source === 'TOTAL_CAP' ? row : real(m, row, endedAt, usage, source, options),
    );
    try {
      await loop.advance(77 * 3600);
      for (let i = 0; i < 150 && !spy.mock.calls.some(([, row, , , source]) => row.id === rental.sessionId && source === 'TOTAL_CAP'); i += 1) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(spy.mock.calls.some(([, row, , , source]) => row.id === rental.sessionId && source === 'TOTAL_CAP')).toBe(true);
      ops = await loop.operator('ops@powerbank.demo');
      expect(await bank('B-SEQ-CAP')).toMatchObject({ state: 'RENTED', sessionId: rental.sessionId });
    } finally {
      spy.mockRestore();
    }
    // ended at the cap for real: bought out
    expect(await loop.waitFor(rental.sessionId, rental.token, (s) => s['state'] === 'PAID', 30_000)).toMatchObject({ state: 'PAID', totalFen: 9900 });
    expect(await bank('B-SEQ-CAP')).toMatchObject({ state: 'BOUGHT_OUT' });
  });
});

describe('a cabinet sold by a hardware reseller to its customer', () => {
  it('takes its banks out of the reseller’s network; the customer’s heartbeats list them in its own', async () => {
    const vendor = await loop.operator('ops@vendor.demo');
    const warehouse = await loop.request<{ id: string }>('POST', '/v1/sites', { token: vendor, body: { name: '仓库', address: '浙江省杭州市余杭区', city: '杭州' } });
    expect(warehouse.status).toBe(201);
    const cabinet = await register(vendor, { siteId: warehouse.body.id, code: 'PB-VEND-1' });
    const slots = { firmware: '1.0.0', slots: [{ slot: 1, bankId: 'B-VEND-1', chargePercent: 90 }, { slot: 2, bankId: 'B-VEND-2', chargePercent: 90 }] };
    await cabinet.client.heartbeat(slots);
    await loop.zizhu.app.get(HeartbeatBuffer).flush();
    const seen = async (token: string, bankId: string) => (await loop.request<{ items: Bank[] }>('GET', `/v1/power-banks?bankId=${bankId}`, { token })).body.items;
    expect(await seen(vendor, 'B-VEND-1')).toMatchObject([{ state: 'IN_SLOT', deviceCode: 'PB-VEND-1', slot: 1 }]);
    const sold = await loop.request('POST', `/v1/devices/${cabinet.id}/transfer`, { token: vendor, body: { organizationId: DEMO_ORGS.vendorC1.id, siteId: DEMO_SITES.chargingEast.id } });
    expect(sold.status).toBe(200);
    // gone from the reseller's network with the cabinet
    expect(await seen(vendor, 'B-VEND-1')).toMatchObject([{ state: 'LOST', deviceCode: null, slot: null }]);
    // the customer provisions it; its heartbeats list the banks in the customer's own network
    const customer = await loop.operator('c1@vendor.demo');
    const rotated = await loop.request<{ secret: string }>('POST', `/v1/devices/${cabinet.id}/secret/rotate`, { token: customer });
    expect(rotated.status).toBe(200);
    const provisioned = client(cabinet.id, rotated.body.secret);
    await provisioned.heartbeat({ firmware: '1.0.0', slots: [{ slot: 1, bankId: 'B-VEND-1', chargePercent: 90 }, { slot: 2 }] });
    await loop.zizhu.app.get(HeartbeatBuffer).flush();
    expect(await seen(customer, 'B-VEND-1')).toMatchObject([{ state: 'IN_SLOT', deviceCode: 'PB-VEND-1', slot: 1, networkId: DEMO_ORGS.vendorC1.id }]);
    expect(await seen(vendor, 'B-VEND-1')).toMatchObject([{ state: 'LOST', deviceCode: null }]);
    expect(await seen(vendor, 'B-VEND-2')).toMatchObject([{ state: 'LOST', deviceCode: null }]);
    const inventory = await loop.request<Record<string, unknown>>('GET', `/v1/devices/${cabinet.id}/inventory`, { token: customer });
    expect(inventory.body).toMatchObject({ banks: 1, chargedBanks: 1 });
  });
});
