import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_SITES } from '../src/modules/demo/demo-data.js';
import { HeartbeatBuffer } from '../src/modules/device-api/heartbeat-buffer.service.js';
import { FleetSweeper } from '../src/modules/device-api/fleet-sweeper.service.js';
import { deviceRequest, eventually, systemQuery, type TestDevice } from './fleet-support.js';
import { parseConfig } from '../src/config/app-config.js';
import { createTestApp, type TestApp } from './support/test-app.js';

interface Detail {
  online: boolean;
  firmware: string | null;
  telemetry: Record<string, unknown> | null;
  telemetryHistory: { telemetry: Record<string, unknown> }[];
  commands: { id: string; state: string; deliveredAt: string | null; succeededAt: string | null; ackResult: string | null }[];
  events: { eventId: string; type: string; source: string; outOfOrder: boolean; clockFlag: string | null; clockSkewSeconds: number | null; payload: Record<string, unknown> }[];
  timeline: { kind: string; type: string }[];
}

describe('fleet: the signed device API (contracts.md §4)', () => {
  let t: TestApp;
  let ops: string;
  let seq = 0;

  const register = async (overrides: Record<string, unknown> = {}): Promise<TestDevice> => {
    seq += 1;
    const response = await t.http('POST', '/v1/devices', {
      token: ops,
      body: { siteId: DEMO_SITES.powerbankStation.id, code: `T-PB-${seq}`, type: 'POWERBANK_CABINET', slots: 6, ...overrides },
    });
    expect(response.statusCode).toBe(201);
    const { device, secret } = response.json() as { device: { id: string }; secret: string };
    return { id: device.id, secret };
  };
  const detail = async (id: string): Promise<Detail> => (await t.http('GET', `/v1/devices/${id}`, { token: ops })).json() as Detail;
  const queue = async (id: string, body: Record<string, unknown>) => {
    const response = await t.http('POST', `/v1/devices/${id}/commands`, { token: ops, body });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; state: string };
  };
  const flush = () => t.app.get(HeartbeatBuffer).flush();

  beforeAll(async () => {
    // the tests flush and sweep themselves: the periodic flush (and the sweep's own) would write a heartbeat between
    // two of a test's requests whenever the machine is slow, and "one write per flush" would count two
    const fleet = parseConfig({}).fleet;
    t = await createTestApp({ fleet: { ...fleet, heartbeatFlushMs: 60_000, sweepMs: 600_000 } });
    ops = await t.login('ops@powerbank.demo');
  });
  afterAll(() => t.close());

  it('accepts a signed heartbeat and refuses each kind of bad request with its own 401 code', async () => {
    const device = await register();
    const ok = await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', { firmware: '1.0.0' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ heartbeatIntervalSeconds: 60 });

    const codeOf = async (response: Promise<{ statusCode: number; headers: Record<string, unknown>; json(): unknown }>) => {
      const r = await response;
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      return `${r.statusCode} ${(r.json() as { code: string }).code}`;
    };
    const body = { firmware: '1.0.0', battery: 80 };
    expect(await codeOf(t.app.inject({ method: 'POST', url: '/device/v1/heartbeat', payload: body }))).toBe('401 DEVICE_AUTH_MISSING');
    expect(await codeOf(deviceRequest(t, device, 'POST', '/device/v1/heartbeat', body, { secret: 'not-the-secret' }))).toBe('401 DEVICE_AUTH_BAD_SIGNATURE');
    // the body is signed: changing a byte breaks it
    expect(await codeOf(deviceRequest(t, device, 'POST', '/device/v1/heartbeat', body, { sendBody: JSON.stringify({ ...body, battery: 81 }) }))).toBe('401 DEVICE_AUTH_BAD_SIGNATURE');
    // so is the query string
    const signedFor = await deviceRequest(t, device, 'GET', '/device/v1/commands?waitSeconds=0', undefined, { headers: {} });
    expect(signedFor.statusCode).toBe(200);
    const headers = (await import('@zizhu/device-sdk')).deviceAuthHeaders(device.id, device.secret, { method: 'GET', pathWithQuery: '/device/v1/commands?waitSeconds=0' });
    expect(await codeOf(t.app.inject({ method: 'GET', url: '/device/v1/commands?waitSeconds=1', headers: { ...headers } }))).toBe('401 DEVICE_AUTH_BAD_SIGNATURE');
    expect(await codeOf(deviceRequest(t, device, 'POST', '/device/v1/heartbeat', body, { now: Date.now() - 301_000 }))).toBe('401 DEVICE_AUTH_STALE_TIMESTAMP');
    expect(await codeOf(deviceRequest(t, device, 'POST', '/device/v1/heartbeat', body, { now: Date.now() + 301_000 }))).toBe('401 DEVICE_AUTH_STALE_TIMESTAMP');
    expect(await codeOf(deviceRequest(t, { id: '00000000-0000-4000-8000-00000000dead', secret: 'x' }, 'POST', '/device/v1/heartbeat', body))).toBe('401 DEVICE_AUTH_UNKNOWN_DEVICE');
    expect(await codeOf(deviceRequest(t, device, 'POST', '/device/v1/heartbeat', body, { nonce: 'short' }))).toBe('401 DEVICE_AUTH_MALFORMED');

    // a replayed request (same nonce) is refused, also when replayed concurrently
    const nonce = 'replay-nonce-0123456789';
    const now = Date.now();
    expect((await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', body, { nonce, now })).statusCode).toBe(200);
    expect(await codeOf(deviceRequest(t, device, 'POST', '/device/v1/heartbeat', body, { nonce, now }))).toBe('401 DEVICE_AUTH_NONCE_REPLAYED');
    const burst = await Promise.all(Array.from({ length: 5 }, () => deviceRequest(t, device, 'POST', '/device/v1/heartbeat', body, { nonce: 'burst-nonce-0123456789', now })));
    expect(burst.map((r) => r.statusCode).sort()).toEqual([200, 401, 401, 401, 401]);
  });

  it('refuses a revoked device at once; rotating issues a new secret and retires the old one', async () => {
    const device = await register();
    expect((await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', {})).statusCode).toBe(200);
    const revoked = await t.http('POST', `/v1/devices/${device.id}/secret/revoke`, { token: ops });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ revokedAt: expect.any(String) });
    const refused = await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', {});
    expect(refused.json()).toMatchObject({ status: 401, code: 'DEVICE_AUTH_REVOKED' });
    // commands cannot be queued for it either
    const command = await t.http('POST', `/v1/devices/${device.id}/commands`, { token: ops, body: { type: 'REBOOT' } });
    expect(command.json()).toMatchObject({ status: 409, code: 'DEVICE_REVOKED' });

    const rotated = await t.http('POST', `/v1/devices/${device.id}/secret/rotate`, { token: ops });
    expect(rotated.statusCode).toBe(200);
    const { secret, secretVersion } = rotated.json() as { secret: string; secretVersion: number };
    expect(secretVersion).toBe(2);
    expect(secret).not.toBe(device.secret);
    expect((await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', {})).json()).toMatchObject({ code: 'DEVICE_AUTH_BAD_SIGNATURE' });
    expect((await deviceRequest(t, { id: device.id, secret }, 'POST', '/device/v1/heartbeat', {})).statusCode).toBe(200);
  });

  it('coalesces heartbeats: many heartbeats, one write per flush, the latest telemetry wins', async () => {
    const devices = [await register(), await register(), await register()];
    await flush();
    const buffer = t.app.get(HeartbeatBuffer);
    const before = buffer.flushes;
    for (let beat = 1; beat <= 10; beat += 1) {
      await Promise.all(devices.map((d) => deviceRequest(t, d, 'POST', '/device/v1/heartbeat', { firmware: `2.0.${beat}`, battery: 100 - beat, slots: [1, 0, 1], signal: -70 })));
    }
    expect(buffer.pending).toBe(3);
    await flush();
    expect(buffer.flushes).toBe(before + 1);
    for (const d of devices) {
      const view = await detail(d.id);
      expect(view).toMatchObject({ online: true, firmware: '2.0.10', telemetry: { battery: 90, slots: [1, 0, 1], signal: -70 } });
      expect(view.telemetryHistory).toHaveLength(1);
      expect(view.events.map((e) => e.type)).toEqual(['device.online']);
    }
    const online = (await t.http('GET', `/v1/devices?online=true&siteId=${DEMO_SITES.powerbankStation.id}`, { token: ops })).json() as { items: { id: string }[] };
    expect(online.items.map((i) => i.id)).toEqual(expect.arrayContaining(devices.map((d) => d.id)));
  });

  it('marks a device offline after 3 missed intervals, with an event, and online again on its next heartbeat', async () => {
    const device = await register({ heartbeatIntervalSeconds: 30 });
    await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', { battery: 50 });
    const sweeper = t.app.get(FleetSweeper);
    await sweeper.sweep();
    expect((await detail(device.id)).online).toBe(true);
    // 2.5 intervals of silence: still online
    await systemQuery(t, `UPDATE devices SET last_seen_at = now() - interval '75 seconds' WHERE id = $1`, [device.id]);
    await sweeper.sweep();
    expect((await detail(device.id)).online).toBe(true);
    // 3 intervals and more: offline, once
    await systemQuery(t, `UPDATE devices SET last_seen_at = now() - interval '95 seconds' WHERE id = $1`, [device.id]);
    expect((await sweeper.sweep()).wentOffline).toBeGreaterThanOrEqual(1);
    await sweeper.sweep();
    const offline = await detail(device.id);
    expect(offline.online).toBe(false);
    expect(offline.events.filter((e) => e.type === 'device.offline')).toEqual([
      expect.objectContaining({ source: 'PLATFORM', payload: expect.objectContaining({ missedIntervals: 3, heartbeatIntervalSeconds: 30 }) }),
    ]);
    const listed = (await t.http('GET', `/v1/devices?online=false&type=POWERBANK_CABINET`, { token: ops })).json() as { items: { id: string }[] };
    expect(listed.items.map((i) => i.id)).toContain(device.id);

    await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', { battery: 49 });
    await flush();
    const back = await detail(device.id);
    expect(back.online).toBe(true);
    expect(back.events.map((e) => e.type)).toEqual(['device.online', 'device.offline', 'device.online']);
  });

  it('runs a command QUEUED → DELIVERED → SUCCEEDED; a repeated ack is harmless, a contradicting one refused', async () => {
    const device = await register();
    const queued = await queue(device.id, { type: 'EJECT', params: { slot: 3 }, sessionId: 'session-1' });
    expect(queued.state).toBe('QUEUED');
    const poll = await deviceRequest(t, device, 'GET', '/device/v1/commands?waitSeconds=0');
    expect(poll.statusCode).toBe(200);
    const { commands } = poll.json() as { commands: { id: string; type: string; sessionId: string; params: unknown; expiresAt: string }[] };
    expect(commands).toEqual([{ id: queued.id, type: 'EJECT', sessionId: 'session-1', params: { slot: 3 }, expiresAt: expect.any(String) }]);
    const delivered = await eventually(() => detail(device.id), (d) => d.commands[0]?.state === 'DELIVERED');
    expect(delivered.commands[0]).toMatchObject({ state: 'DELIVERED', deliveredAt: expect.any(String) });
    // delivered once: the next poll is empty
    expect((await deviceRequest(t, device, 'GET', '/device/v1/commands?waitSeconds=0')).json()).toEqual({ commands: [] });

    const ack = { result: 'SUCCEEDED', detail: 'slot 3 ejected', occurredAt: new Date().toISOString() };
    const acked = await deviceRequest(t, device, 'POST', `/device/v1/commands/${queued.id}/ack`, ack);
    expect(acked.statusCode).toBe(200);
    expect(acked.json()).toEqual({ id: queued.id, state: 'SUCCEEDED' });
    expect((await deviceRequest(t, device, 'POST', `/device/v1/commands/${queued.id}/ack`, ack)).statusCode).toBe(200);
    const contradiction = await deviceRequest(t, device, 'POST', `/device/v1/commands/${queued.id}/ack`, { ...ack, result: 'FAILED' });
    expect(contradiction.json()).toMatchObject({ status: 409, code: 'DEVICE_COMMAND_ALREADY_ACKED' });
    const done = await detail(device.id);
    expect(done.commands[0]).toMatchObject({ state: 'SUCCEEDED', succeededAt: expect.any(String), ackResult: 'SUCCEEDED' });
    expect(done.timeline.filter((e) => e.kind === 'command').map((e) => e.type)).toEqual(['EJECT']);

    // another device cannot acknowledge it; a FAILED result is kept as such
    const other = await register();
    expect((await deviceRequest(t, other, 'POST', `/device/v1/commands/${queued.id}/ack`, ack)).json()).toMatchObject({ status: 404, code: 'DEVICE_COMMAND_NOT_FOUND' });
    const second = await queue(device.id, { type: 'REBOOT' });
    await deviceRequest(t, device, 'GET', '/device/v1/commands');
    expect((await deviceRequest(t, device, 'POST', `/device/v1/commands/${second.id}/ack`, { result: 'FAILED', detail: 'busy', occurredAt: new Date().toISOString() })).json()).toEqual({ id: second.id, state: 'FAILED' });
    // the command type must suit the device
    const wrong = await t.http('POST', `/v1/devices/${device.id}/commands`, { token: ops, body: { type: 'OPEN_VALVE' } });
    expect(wrong.json()).toMatchObject({ status: 422, code: 'DEVICE_COMMAND_NOT_SUPPORTED' });
  });

  it('answers a waiting long poll as soon as a command is queued; waitSeconds is at most 30', async () => {
    const device = await register();
    const started = Date.now();
    const polling = deviceRequest(t, device, 'GET', '/device/v1/commands?waitSeconds=10');
    await new Promise((r) => setTimeout(r, 150));
    const queued = await queue(device.id, { type: 'UNLOCK' });
    const answered = await polling;
    expect((answered.json() as { commands: { id: string }[] }).commands.map((c) => c.id)).toEqual([queued.id]);
    expect(Date.now() - started).toBeLessThan(3000);
    // nothing queued: the poll waits, then answers empty
    const t0 = Date.now();
    expect((await deviceRequest(t, device, 'GET', '/device/v1/commands?waitSeconds=1')).json()).toEqual({ commands: [] });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect((await deviceRequest(t, device, 'GET', '/device/v1/commands?waitSeconds=31')).json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('never marks a command delivered to a device that hung up its poll; the next poll gets it', async () => {
    const device = await register();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.getHttpServer().address() as { port: number };
    const { DeviceClient } = await import('@zizhu/device-sdk');
    const client = new DeviceClient({ baseUrl: `http://127.0.0.1:${address.port}`, deviceId: device.id, secret: device.secret });
    const abort = new AbortController();
    const abandoned = client.pollCommands(20, abort.signal).catch((error: unknown) => error);
    await new Promise((r) => setTimeout(r, 200));
    abort.abort();
    expect(await abandoned).toMatchObject({ name: 'AbortError' });
    await new Promise((r) => setTimeout(r, 100));
    const queued = await queue(device.id, { type: 'UNLOCK' });
    await new Promise((r) => setTimeout(r, 300));
    expect((await detail(device.id)).commands[0]).toMatchObject({ id: queued.id, state: 'QUEUED', deliveredAt: null });
    const commands = await client.pollCommands(0);
    expect(commands.map((c) => c.id)).toEqual([queued.id]);
    await eventually(() => detail(device.id), (d) => d.commands[0]?.state === 'DELIVERED');
  });

  it('expires unacknowledged commands; a late ack is refused but kept', async () => {
    const device = await register();
    const undelivered = await queue(device.id, { type: 'EJECT', params: { slot: 1 }, ttlSeconds: 30 });
    const delivered = await queue(device.id, { type: 'REBOOT', ttlSeconds: 30 });
    await systemQuery(t, `UPDATE device_commands SET expires_at = now() - interval '1 second' WHERE id = $1`, [undelivered.id]);
    // past its expiry it is not handed out, even before the sweep
    const poll = (await deviceRequest(t, device, 'GET', '/device/v1/commands')).json() as { commands: { id: string }[] };
    expect(poll.commands.map((c) => c.id)).toEqual([delivered.id]);
    await systemQuery(t, `UPDATE device_commands SET expires_at = now() - interval '1 second' WHERE id = $1`, [delivered.id]);
    expect((await t.app.get(FleetSweeper).sweep()).expiredCommands).toBe(2);
    const late = await deviceRequest(t, device, 'POST', `/device/v1/commands/${delivered.id}/ack`, { result: 'SUCCEEDED', occurredAt: new Date().toISOString() });
    expect(late.json()).toMatchObject({ status: 409, code: 'DEVICE_COMMAND_EXPIRED' });
    const view = await detail(device.id);
    const byId = new Map(view.commands.map((c) => [c.id, c]));
    expect(byId.get(undelivered.id)).toMatchObject({ state: 'EXPIRED', deliveredAt: null, ackResult: null });
    expect(byId.get(delivered.id)).toMatchObject({ state: 'EXPIRED', ackResult: 'SUCCEEDED' });
  });

  it('records events once per eventId, in device-time order, flagging late arrivals and skewed clocks', async () => {
    const device = await register();
    const t1 = new Date(Date.now() - 60_000).toISOString();
    const t2 = new Date(Date.now() - 30_000).toISOString();
    const removed = { eventId: 'ev-2', type: 'powerbank.removed', sessionId: 's-1', occurredAt: t2, slot: 4 };
    expect((await deviceRequest(t, device, 'POST', '/device/v1/events', removed)).json()).toEqual({ eventId: 'ev-2', duplicate: false });
    expect((await deviceRequest(t, device, 'POST', '/device/v1/events', removed)).json()).toEqual({ eventId: 'ev-2', duplicate: true });
    // a retried event with another body still has no second effect
    expect((await deviceRequest(t, device, 'POST', '/device/v1/events', { ...removed, slot: 5 })).json()).toEqual({ eventId: 'ev-2', duplicate: true });
    // an earlier event arriving later
    const earlier = { eventId: 'ev-1', type: 'powerbank.returned', occurredAt: t1, slot: 2 };
    expect((await deviceRequest(t, device, 'POST', '/device/v1/events', earlier)).statusCode).toBe(200);
    // a device whose clock runs 2 minutes slow (inside the signature window)
    const skewed = { eventId: 'ev-3', type: 'session.ended', sessionId: 's-1', occurredAt: new Date(Date.now() - 120_000).toISOString(), usage: {} };
    expect((await deviceRequest(t, device, 'POST', '/device/v1/events', skewed, { now: Date.now() - 120_000 })).statusCode).toBe(200);
    // an event dated after the request that carries it
    const future = { eventId: 'ev-4', type: 'device.fault', occurredAt: new Date(Date.now() + 3_600_000).toISOString(), reason: 'door sensor' };
    expect((await deviceRequest(t, device, 'POST', '/device/v1/events', future)).statusCode).toBe(200);

    const view = await detail(device.id);
    const events = view.events.filter((e) => e.source === 'DEVICE');
    expect(events.map((e) => e.eventId)).toEqual(['ev-4', 'ev-2', 'ev-1', 'ev-3']);
    const byId = new Map(events.map((e) => [e.eventId, e]));
    expect(byId.get('ev-2')).toMatchObject({ outOfOrder: false, clockFlag: null, payload: { slot: 4 } });
    expect(byId.get('ev-1')).toMatchObject({ outOfOrder: true, clockFlag: null, payload: { slot: 2 } });
    expect(byId.get('ev-3')).toMatchObject({ clockFlag: 'DEVICE_CLOCK_SKEWED', outOfOrder: true });
    expect(byId.get('ev-3')!.clockSkewSeconds).toBeGreaterThanOrEqual(119);
    expect(byId.get('ev-4')).toMatchObject({ clockFlag: 'OCCURRED_IN_FUTURE' });
    const [row] = await systemQuery<{ n: number }>(t, `SELECT count(*)::int AS n FROM device_events WHERE device_id = $1 AND event_id = 'ev-2'`, [device.id]);
    expect(row?.n).toBe(1);

    const invalid = await deviceRequest(t, device, 'POST', '/device/v1/events', { eventId: 'ev-5', type: 'powerbank.removed', occurredAt: 'yesterday' });
    expect(invalid.statusCode).toBe(400);
    expect((invalid.json() as { code: string; errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['occurredAt', 'slot']);
    const unknown = await deviceRequest(t, device, 'POST', '/device/v1/events', { eventId: 'ev-6', type: 'made.up', occurredAt: t1 });
    expect(unknown.json()).toMatchObject({ status: 400, code: 'DEVICE_BODY_INVALID' });
  });
  it('refuses a signed event over 16 KiB (and a heartbeat over 4 KiB) with 413 problem+json, storing nothing; one at the limit is recorded', async () => {
    const device = await register();
    const occurredAt = new Date().toISOString();
    /** A device.fault event whose JSON is exactly `bytes` long. */
    const eventOf = (eventId: string, bytes: number) => {
      const base = { eventId, type: 'device.fault', occurredAt, reason: '' };
      return { ...base, reason: 'x'.repeat(bytes - JSON.stringify(base).length) };
    };
    const atLimit = eventOf('ev-at-limit', 16 * 1024);
    expect(JSON.stringify(atLimit).length).toBe(16_384);
    expect((await deviceRequest(t, device, 'POST', '/device/v1/events', atLimit)).json()).toEqual({ eventId: 'ev-at-limit', duplicate: false });

    const over = await deviceRequest(t, device, 'POST', '/device/v1/events', eventOf('ev-over', 16 * 1024 + 1));
    expect(over.statusCode).toBe(413);
    expect(over.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(over.json()).toMatchObject({ status: 413, code: 'DEVICE_BODY_TOO_LARGE', detail: 'A request to /device/v1/events is limited to 16384 bytes.' });
    const huge = await deviceRequest(t, device, 'POST', '/device/v1/events', eventOf('ev-huge', 1_000_000)); // was: stored, and echoed in device detail
    expect(huge.json()).toMatchObject({ status: 413, code: 'DEVICE_BODY_TOO_LARGE' });
    const stored = await systemQuery<{ event_id: string }>(t, `SELECT event_id FROM device_events WHERE device_id = $1 AND source = 'DEVICE'`, [device.id]);
    expect(stored.map((r) => r.event_id)).toEqual(['ev-at-limit']);
    expect((await detail(device.id)).events.filter((e) => e.source === 'DEVICE').map((e) => e.eventId)).toEqual(['ev-at-limit']);

    const heartbeat = await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', { firmware: '1.0.0', blob: 'x'.repeat(4096) });
    expect(heartbeat.json()).toMatchObject({ status: 413, code: 'DEVICE_BODY_TOO_LARGE', detail: 'A request to /device/v1/heartbeat is limited to 4096 bytes.' });
  });
});
