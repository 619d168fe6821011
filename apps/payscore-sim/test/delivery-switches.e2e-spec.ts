// Callback delivery switches: duplicates, out of order, late.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { PAYSCORE_RETRY_SCHEDULE_MS } from '../src/notifications/notifier.js';
import { completeBody, confirmedOrder, eventsFor, simGet, simPost, startHarness, verifyCallback, verifyWechatpaySignature, waitForEvents, type Harness } from './support/wx-test-kit.js';

describe('callback delivery switches (POST /sim/callbacks)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());
  afterEach(async () => {
    await simPost(h.sim, '/sim/callbacks', { copies: 1, outOfOrder: false, lateMs: 0, holdMs: 5000, signTestProbe: false, drop: false });
    h.receiver.respond = () => 204;
  });

  it('copies: each notification is delivered N times with the same id and body', async () => {
    const set = await simPost(h.sim, '/sim/callbacks', { copies: 3 });
    expect(set.json['switches']).toMatchObject({ copies: 3 });
    const no = await confirmedOrder(h);
    const confirms = await waitForEvents(h, 'PAYSCORE.USER_CONFIRM', no, 3);
    await new Promise((r) => setTimeout(r, 50));
    expect(eventsFor(h, 'PAYSCORE.USER_CONFIRM', no)).toHaveLength(3);
    expect(new Set(confirms.map((c) => c.callback.envelope['id'])).size).toBe(1);
    expect(new Set(confirms.map((c) => c.callback.body)).size).toBe(1);
    for (const c of confirms) expect(verifyCallback(h.client.platformPublicKeyPem, c.callback)).toBe(true);
  });

  it('drop: notifications are lost — logged dropped, never delivered', async () => {
    const set = await simPost(h.sim, '/sim/callbacks', { drop: true });
    expect(set.json['switches']).toMatchObject({ drop: true });
    const no = await confirmedOrder(h);
    await new Promise((r) => setTimeout(r, 200));
    expect(eventsFor(h, 'PAYSCORE.USER_CONFIRM', no)).toHaveLength(0);
    const log = (await simGet(h.sim, '/sim/callbacks')).json['deliveries'] as Array<Record<string, unknown>>;
    expect(log.some((d) => d['state'] === 'dropped' && d['eventType'] === 'PAYSCORE.USER_CONFIRM' && (d['attempts'] as unknown[]).length === 0)).toBe(true);
    expect((await simPost(h.sim, '/sim/callbacks', { drop: 'yes' })).status).toBe(400);
  });

  it('outOfOrder: USER_CONFIRM is held and delivered after the later USER_PAID', async () => {
    await simPost(h.sim, '/sim/callbacks', { outOfOrder: true, holdMs: 10_000 });
    const no = await confirmedOrder(h);
    await new Promise((r) => setTimeout(r, 50));
    expect(eventsFor(h, 'PAYSCORE.USER_CONFIRM', no)).toHaveLength(0); // held
    const held = (await simGet(h.sim, '/sim/callbacks')).json['deliveries'] as Array<Record<string, unknown>>;
    expect(held.some((d) => d['state'] === 'held' && d['eventType'] === 'PAYSCORE.USER_CONFIRM')).toBe(true);
    await h.client.post(`/v3/payscore/serviceorder/${no}/complete`, completeBody(h, 100));
    await waitForEvents(h, 'PAYSCORE.USER_CONFIRM', no);
    const order = h.receiver.received
      .filter((c) => c.envelope['event_type'] === 'PAYSCORE.USER_PAID' || c.envelope['event_type'] === 'PAYSCORE.USER_CONFIRM')
      .filter((c) => eventsFor(h, String(c.envelope['event_type']), no).some((e) => e.callback === c))
      .map((c) => c.envelope['event_type']);
    expect(order).toEqual(['PAYSCORE.USER_PAID', 'PAYSCORE.USER_CONFIRM']);
  });

  it('outOfOrder: a lone held notification is released after holdMs', async () => {
    await simPost(h.sim, '/sim/callbacks', { outOfOrder: true, holdMs: 600 });
    const no = await confirmedOrder(h);
    await new Promise((r) => setTimeout(r, 60));
    expect(eventsFor(h, 'PAYSCORE.USER_CONFIRM', no)).toHaveLength(0);
    await waitForEvents(h, 'PAYSCORE.USER_CONFIRM', no, 1, 2000);
  });

  it('lateMs delays every first attempt on the business clock (advancing the clock delivers)', async () => {
    await simPost(h.sim, '/sim/callbacks', { lateMs: 3_600_000 });
    const no = await confirmedOrder(h);
    await new Promise((r) => setTimeout(r, 80));
    expect(eventsFor(h, 'PAYSCORE.USER_CONFIRM', no)).toHaveLength(0);
    await simPost(h.sim, '/sim/clock', { advanceSeconds: 3601 });
    await waitForEvents(h, 'PAYSCORE.USER_CONFIRM', no);
  });

  it('lateMs in real time: a 250 ms late callback arrives after ≥ 250 ms', async () => {
    await simPost(h.sim, '/sim/callbacks', { lateMs: 250 });
    const start = Date.now();
    const no = await confirmedOrder(h);
    await waitForEvents(h, 'PAYSCORE.USER_CONFIRM', no, 1, 3000);
    expect(Date.now() - start).toBeGreaterThanOrEqual(240);
  });

  it('signTestProbe: a WECHATPAY/SIGNTEST/ probe precedes the real callback and fails verification', async () => {
    await simPost(h.sim, '/sim/callbacks', { signTestProbe: true });
    // a correct receiver: verify, answer 401 when the signature does not verify
    h.receiver.respond = (_i, body, headers) => {
      const get = (name: string): string | null => (typeof headers[name] === 'string' ? (headers[name] as string) : null);
      return verifyWechatpaySignature(h.client.platformPublicKeyPem, { get }, body) ? 204 : 401;
    };
    const no = await confirmedOrder(h);
    const confirms = await waitForEvents(h, 'PAYSCORE.USER_CONFIRM', no, 2);
    const [probe, real] = confirms;
    expect(String(probe!.callback.headers['wechatpay-signature'])).toMatch(/^WECHATPAY\/SIGNTEST\//);
    expect(verifyCallback(h.client.platformPublicKeyPem, probe!.callback)).toBe(false);
    expect(verifyCallback(h.client.platformPublicKeyPem, real!.callback)).toBe(true);
    const log = (await simGet(h.sim, '/sim/callbacks')).json['deliveries'] as Array<Record<string, unknown>>;
    expect(probe!.callback.status).toBe(401);
    expect(real!.callback.status).toBe(204);
    const probes = log.filter((d) => d['notificationId'] === probe!.callback.envelope['id'] && d['probe'] === true);
    expect(probes).toHaveLength(1);
    expect((probes[0]!['attempts'] as Array<Record<string, unknown>>)[0]?.['status']).toBe(401);
  });

  it('rejects invalid switch values', async () => {
    expect((await simPost(h.sim, '/sim/callbacks', { copies: 0 })).status).toBe(400);
    expect((await simPost(h.sim, '/sim/callbacks', { outOfOrder: 'yes' })).status).toBe(400);
  });
});

describe('the real Pay Score retry schedule, driven by /sim/clock', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ callbackRetryScheduleMs: PAYSCORE_RETRY_SCHEDULE_MS });
  });
  afterAll(async () => h.close());

  it('retries at +15 s, +30 s, … and gives up after 10 attempts (3 h 4 min)', async () => {
    h.receiver.respond = () => 500;
    const no = await confirmedOrder(h);
    await waitForEvents(h, 'PAYSCORE.USER_CONFIRM', no, 1);
    await simPost(h.sim, '/sim/clock', { advanceSeconds: 14 });
    await new Promise((r) => setTimeout(r, 50));
    expect(eventsFor(h, 'PAYSCORE.USER_CONFIRM', no)).toHaveLength(1);
    await simPost(h.sim, '/sim/clock', { advanceSeconds: 1 });
    await waitForEvents(h, 'PAYSCORE.USER_CONFIRM', no, 2);
    await simPost(h.sim, '/sim/clock', { advanceSeconds: 15 });
    await waitForEvents(h, 'PAYSCORE.USER_CONFIRM', no, 3);
    await simPost(h.sim, '/sim/clock', { advanceSeconds: 3 * 3600 + 4 * 60 - 30 - 1 });
    await waitForEvents(h, 'PAYSCORE.USER_CONFIRM', no, 9);
    await new Promise((r) => setTimeout(r, 50));
    expect(eventsFor(h, 'PAYSCORE.USER_CONFIRM', no)).toHaveLength(9); // the last retry is due 1 s later
    await simPost(h.sim, '/sim/clock', { advanceSeconds: 1 });
    await waitForEvents(h, 'PAYSCORE.USER_CONFIRM', no, 10);
    const log = (await simGet(h.sim, '/sim/callbacks')).json['deliveries'] as Array<Record<string, unknown>>;
    const entry = log.find((d) => d['eventType'] === 'PAYSCORE.USER_CONFIRM');
    expect(entry?.['state']).toBe('gave-up');
    expect(entry?.['attempts']).toHaveLength(10);
  });
});
