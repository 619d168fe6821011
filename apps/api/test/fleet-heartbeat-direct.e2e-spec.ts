import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { deviceAuthHeaders } from '@zizhu/device-sdk';
import type { Response as InjectResponse } from 'light-my-request';
import { DEMO_SITES } from '../src/modules/demo/demo-data.js';
import { DeviceAuthenticator } from '../src/modules/device-api/device-authenticator.service.js';
import { FleetSweeper } from '../src/modules/device-api/fleet-sweeper.service.js';
import { DeviceSignatureGuard } from '../src/modules/device-api/device-signature.guard.js';
import { HeartbeatBuffer } from '../src/modules/device-api/heartbeat-buffer.service.js';
import { deviceRequest, systemQuery, type TestDevice } from './fleet-support.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The heartbeat is a plain Fastify handler (heartbeat.route.ts), the other device routes go through Nest and
 * DeviceSignatureGuard. Every rule of the device API holds for it alike: each refusal is compared with the
 * same refusal of `POST /device/v1/events`, answered by the guard.
 */
describe('fleet: the direct heartbeat route keeps every rule of the signed device API', () => {
  let t: TestApp;
  let ops: string;
  let seq = 0;

  const register = async (): Promise<TestDevice> => {
    seq += 1;
    const response = await t.http('POST', '/v1/devices', {
      token: ops,
      body: { siteId: DEMO_SITES.powerbankStation.id, code: `T-HB-${seq}`, type: 'POWERBANK_CABINET', slots: 6 },
    });
    expect(response.statusCode).toBe(201);
    const { device, secret } = response.json() as { device: { id: string }; secret: string };
    return { id: device.id, secret };
  };
  /** The problem+json of a refusal without its request id (which differs per request). */
  const problemOf = (r: InjectResponse) => {
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    const { requestId, ...rest } = r.json() as Record<string, unknown>;
    expect(requestId).toBe(r.headers['x-request-id']);
    return { statusCode: r.statusCode, ...rest } as { statusCode: number } & Record<string, unknown>;
  };
  const event = () => ({ eventId: `ev-${Math.random().toString(36).slice(2)}`, type: 'device.fault', occurredAt: new Date().toISOString(), reason: 'test' });
  const heartbeat = { firmware: '1.0.0', battery: 80 };

  beforeAll(async () => {
    t = await createTestApp();
    ops = await t.login('ops@powerbank.demo');
  });
  afterAll(() => t.close());

  it('is answered by its Fastify handler, not through Nest: the signature guard does not run for it', async () => {
    const guard = t.app.get(DeviceSignatureGuard);
    const canActivate = jest.spyOn(guard, 'canActivate');
    try {
      const device = await register();
      const ok = await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', heartbeat);
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['content-type']).toMatch(/^application\/json/);
      expect(ok.json()).toEqual({ serverTime: expect.any(String), heartbeatIntervalSeconds: 60 });
      expect(canActivate).not.toHaveBeenCalled();
      expect((await deviceRequest(t, device, 'POST', '/device/v1/events', event())).statusCode).toBe(200);
      expect(canActivate).toHaveBeenCalledTimes(1);
    } finally {
      canActivate.mockRestore();
    }
  });

  it('refuses a missing, malformed or bad signature, a stale timestamp and an unknown device with the guard’s codes', async () => {
    const device = await register();
    const both = async (send: (url: string, body: unknown) => Promise<InjectResponse>) => {
      // (a stale timestamp's detail names the skew in seconds, which may tick between the two requests)
      const skewless = (p: Record<string, unknown>) => ({ ...p, detail: String(p.detail).replace(/-?\d+ s away/, 'N s away') });
      const direct = problemOf(await send('/device/v1/heartbeat', heartbeat));
      const guarded = problemOf(await send('/device/v1/events', event()));
      expect(skewless(direct)).toEqual(skewless(guarded));
      return `${direct.statusCode} ${direct.code as string}`;
    };
    expect(await both((url, body) => t.app.inject({ method: 'POST', url, payload: body as object }))).toBe('401 DEVICE_AUTH_MISSING');
    expect(await both((url, body) => deviceRequest(t, device, 'POST', url, body, { secret: 'not-the-secret' }))).toBe('401 DEVICE_AUTH_BAD_SIGNATURE');
    // the signature covers the body bytes
    expect(await both((url, body) => deviceRequest(t, device, 'POST', url, body, { sendBody: `${JSON.stringify(body)} ` }))).toBe('401 DEVICE_AUTH_BAD_SIGNATURE');
    expect(await both((url, body) => deviceRequest(t, device, 'POST', url, body, { now: Date.now() - 301_000 }))).toBe('401 DEVICE_AUTH_STALE_TIMESTAMP');
    expect(await both((url, body) => deviceRequest(t, device, 'POST', url, body, { now: Date.now() + 301_000 }))).toBe('401 DEVICE_AUTH_STALE_TIMESTAMP');
    expect(await both((url, body) => deviceRequest(t, { id: '00000000-0000-4000-8000-00000000beef', secret: 'x' }, 'POST', url, body))).toBe('401 DEVICE_AUTH_UNKNOWN_DEVICE');
    expect(await both((url, body) => deviceRequest(t, device, 'POST', url, body, { nonce: 'short' }))).toBe('401 DEVICE_AUTH_MALFORMED');
    expect(await both((url, body) => deviceRequest(t, device, 'POST', url, body, { headers: { 'x-timestamp': 'soon' } }))).toBe('401 DEVICE_AUTH_MALFORMED');
  });

  it('refuses a replayed nonce (also concurrently, and across the direct and the guarded route)', async () => {
    const device = await register();
    const now = Date.now();
    const nonce = 'direct-replay-0123456789';
    expect((await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', heartbeat, { nonce, now })).statusCode).toBe(200);
    const replayed = problemOf(await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', heartbeat, { nonce, now }));
    expect(replayed).toMatchObject({ statusCode: 401, code: 'DEVICE_AUTH_NONCE_REPLAYED' });
    // one nonce store for every device route: a nonce used on the heartbeat is spent for events too
    expect(problemOf(await deviceRequest(t, device, 'POST', '/device/v1/events', event(), { nonce, now }))).toEqual(replayed);
    const burst = await Promise.all(Array.from({ length: 5 }, () => deviceRequest(t, device, 'POST', '/device/v1/heartbeat', heartbeat, { nonce: 'direct-burst-0123456789', now })));
    expect(burst.map((r) => r.statusCode).sort()).toEqual([200, 401, 401, 401, 401]);
  });

  it('refuses a revoked device, and accepts the rotated secret only', async () => {
    const device = await register();
    expect((await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', heartbeat)).statusCode).toBe(200);
    expect((await t.http('POST', `/v1/devices/${device.id}/secret/revoke`, { token: ops })).statusCode).toBe(200);
    const direct = problemOf(await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', heartbeat));
    expect(direct).toMatchObject({ statusCode: 401, code: 'DEVICE_AUTH_REVOKED' });
    expect(problemOf(await deviceRequest(t, device, 'POST', '/device/v1/events', event()))).toEqual(direct);
    const { secret } = (await t.http('POST', `/v1/devices/${device.id}/secret/rotate`, { token: ops })).json() as { secret: string };
    expect(problemOf(await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', heartbeat))).toMatchObject({ statusCode: 401, code: 'DEVICE_AUTH_BAD_SIGNATURE' });
    expect((await deviceRequest(t, { id: device.id, secret }, 'POST', '/device/v1/heartbeat', heartbeat)).statusCode).toBe(200);
  });

  it('refuses a body over 4 KiB with 413 before the signature is checked, and a bad body with 400 naming the field; nothing is recorded', async () => {
    const device = await register();
    const buffer = t.app.get(HeartbeatBuffer);
    await buffer.flush();
    const over = problemOf(await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', { firmware: '1.0.0', blob: 'x'.repeat(4096) }));
    expect(over).toMatchObject({ statusCode: 413, code: 'DEVICE_BODY_TOO_LARGE', detail: 'A request to /device/v1/heartbeat is limited to 4096 bytes.' });
    // unsigned, too: the size is refused while reading, before anything else
    const unsigned = await t.app.inject({ method: 'POST', url: '/device/v1/heartbeat', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ blob: 'x'.repeat(5000) }) });
    expect(problemOf(unsigned)).toMatchObject({ statusCode: 413, code: 'DEVICE_BODY_TOO_LARGE' });

    const firmware = problemOf(await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', { firmware: 'x'.repeat(65) }));
    expect(firmware).toMatchObject({ statusCode: 400, code: 'DEVICE_BODY_INVALID', errors: [{ field: 'firmware', messages: ['must be a string of at most 64 characters'] }] });
    expect(problemOf(await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', [1, 2]))).toMatchObject({ statusCode: 400, code: 'DEVICE_BODY_INVALID' });
    expect(problemOf(await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', { firmware: 'a\u0000b' }))).toMatchObject({ statusCode: 400, code: 'REQUEST_NUL_CHARACTER' });
    const notJson = await deviceRequest(t, device, 'POST', '/device/v1/heartbeat', heartbeat, { sendBody: '{"firmware":', headers: {} });
    expect(problemOf(notJson)).toMatchObject({ statusCode: 400 });
    expect(buffer.pending).toBe(0);
    expect(await systemQuery(t, `SELECT 1 FROM device_telemetry WHERE device_id = $1`, [device.id])).toEqual([]);
  });

  it('has no rate limit, like every device route: a burst of heartbeats from one device is answered 200 each (the signature and nonce bound it)', async () => {
    // the API rate-limits failed sign-ins only (AUTH_RATE_LIMITED); no device route had a limit before the heartbeat left Nest
    const device = await register();
    const burst = await Promise.all(Array.from({ length: 40 }, () => deviceRequest(t, device, 'POST', '/device/v1/heartbeat', heartbeat)));
    expect(burst.map((r) => r.statusCode)).toEqual(Array.from({ length: 40 }, () => 200));
    const events = await Promise.all(Array.from({ length: 40 }, () => deviceRequest(t, device, 'POST', '/device/v1/events', event())));
    expect(events.map((r) => r.statusCode)).toEqual(Array.from({ length: 40 }, () => 200));
  });

  it('writes a heartbeat of the direct route like before: coalesced, then online with firmware and telemetry', async () => {
    const device = await register();
    for (let beat = 1; beat <= 3; beat += 1) {
      const headers = deviceAuthHeaders(device.id, device.secret, { method: 'POST', pathWithQuery: '/device/v1/heartbeat', body: JSON.stringify({ firmware: `3.0.${beat}`, battery: 50 + beat }) });
      const r = await t.app.inject({ method: 'POST', url: '/device/v1/heartbeat', headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify({ firmware: `3.0.${beat}`, battery: 50 + beat }) });
      expect(r.statusCode).toBe(200);
    }
    await t.app.get(HeartbeatBuffer).flush();
    const [row] = await systemQuery<{ online: boolean; firmware: string; telemetry: Record<string, unknown> }>(t, `SELECT online, firmware, telemetry FROM devices WHERE id = $1`, [device.id]);
    expect(row).toEqual({ online: true, firmware: '3.0.3', telemetry: { battery: 53 } });
  });

  it('deletes old device nonces in bounded batches (the fleet sweep’s once-a-minute purge), keeping those inside the window', async () => {
    const device = await register();
    // the oldest expired nonces of the database, so the batches below take exactly these
    for (let i = 0; i < 7; i += 1) {
      await systemQuery(t, `INSERT INTO device_nonces (device_id, nonce, expires_at) VALUES ($1, $2, now() - interval '10 days' + $3 * interval '1 second')`, [device.id, `old-nonce-${i}-0123456789`, i]);
    }
    for (let i = 0; i < 2; i += 1) {
      await systemQuery(t, `INSERT INTO device_nonces (device_id, nonce, expires_at) VALUES ($1, $2, now() + interval '5 minutes')`, [device.id, `live-nonce-${i}-0123456789`]);
    }
    const left = async () => (await systemQuery<{ nonce: string }>(t, `SELECT nonce FROM device_nonces WHERE device_id = $1 ORDER BY nonce`, [device.id])).map((r) => r.nonce);
    // two statements of three: six deleted, the backlog's rest is for the next call
    expect(await t.app.get(DeviceAuthenticator).nonces.purge(3, 2)).toBe(6);
    expect(await left()).toEqual(['live-nonce-0-0123456789', 'live-nonce-1-0123456789', 'old-nonce-6-0123456789']);
    expect(await t.app.get(FleetSweeper).purgeNonces()).toBeGreaterThanOrEqual(1);
    expect(await left()).toEqual(['live-nonce-0-0123456789', 'live-nonce-1-0123456789']);
  });
});
