import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DeviceClient } from '@zizhu/device-sdk';
import { createApp, type ZizhuApp } from '../src/app.factory.js';
import type { AppConfig } from '../src/config/app-config.js';
import type { DemoDeviceEntry } from '../src/modules/fleet/demo-fleet.js';
import { LocalNonceStore, NonceStore } from '../src/modules/device-api/nonce-store.js';
import { HeartbeatBuffer } from '../src/modules/device-api/heartbeat-buffer.service.js';
import { freshDatabaseConfig, testConfig } from './support/test-app.js';

/**
 * The durable side of the fleet, on a database that outlives the API process: demo-devices.json written on
 * first start, commands queued before a restart delivered after it, and the nonce store shared by processes.
 */
describe('fleet across API restarts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zizhu-fleet-'));
  let config: AppConfig;
  let drop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    if (process.env.DATABASE_URL) {
      const fresh = await freshDatabaseConfig();
      drop = fresh.drop;
      // a server deployment: the master key is configured, demo-devices.json goes to DATA_DIR
      config = testConfig(fresh.database, { env: 'development', dataDir, masterKey: randomBytes(32).toString('hex') });
    } else {
      config = testConfig({ kind: 'embedded', dataDir });
    }
  });
  afterAll(async () => {
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async (): Promise<{ app: ZizhuApp; baseUrl: string; http: (method: string, url: string, token?: string, body?: unknown) => Promise<{ status: number; json: unknown }> }> => {
    const app = await createApp(config);
    await app.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.app.getHttpServer().address() as { port: number };
    const baseUrl = `http://127.0.0.1:${port}`;
    const http = async (method: string, url: string, token?: string, body?: unknown) => {
      const response = await fetch(`${baseUrl}${url}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: response.status, json: await response.json() };
    };
    return { app, baseUrl, http };
  };

  it('writes demo-devices.json on first start; a command queued before a restart is delivered after it', async () => {
    const first = await start();
    let file: DemoDeviceEntry[];
    let commandId: string;
    let token: string;
    try {
      expect(first.app.seeded).toBe(true);
      file = JSON.parse(readFileSync(join(dataDir, 'demo-devices.json'), 'utf8')) as DemoDeviceEntry[];
      for (const entry of file) expect(Object.keys(entry).sort()).toEqual(['appid', 'code', 'deviceId', 'organization', 'plan', 'secret', 'type']);
      expect(new Set(file.map((e) => e.type))).toEqual(new Set(['FRIDGE', 'POWERBANK_CABINET', 'EV_CHARGER', 'WATER_VALVE']));
      expect(file.some((e) => e.type === 'FRIDGE' && ((e.plan.items as { catalog: unknown[] } | undefined)?.catalog.length ?? 0) >= 2)).toBe(true);
      expect(new Set(file.map((e) => e.appid))).toEqual(new Set(['wxd0000000000demo']));

      // the file's secrets work as real devices, through the SDK over HTTP
      const cabinet = file.find((e) => e.code === 'PB-0001')!;
      const device = new DeviceClient({ baseUrl: first.baseUrl, deviceId: cabinet.deviceId, secret: cabinet.secret });
      expect(await device.heartbeat({ firmware: '3.1.0', battery: 77 })).toMatchObject({ heartbeatIntervalSeconds: 60 });
      const login = await first.http('POST', '/v1/auth/login', undefined, { login: 'ops@powerbank.demo', password: 'zizhu-demo' });
      token = (login.json as { accessToken: string }).accessToken;
      const queued = await first.http('POST', `/v1/devices/${cabinet.deviceId}/commands`, token, { type: 'EJECT', params: { slot: 2 }, ttlSeconds: 600 });
      expect(queued.status).toBe(201);
      commandId = (queued.json as { id: string }).id;
    } finally {
      await first.app.close(); // flushes the buffered heartbeat on the way down
    }

    const second = await start();
    try {
      expect(second.app.seeded).toBe(false);
      const cabinet = file.find((e) => e.code === 'PB-0001')!;
      const device = new DeviceClient({ baseUrl: second.baseUrl, deviceId: cabinet.deviceId, secret: cabinet.secret });
      const commands = await device.pollCommands(5);
      expect(commands).toEqual([{ id: commandId, type: 'EJECT', sessionId: null, params: { slot: 2 }, expiresAt: expect.any(String) }]);
      expect(await device.ack(commandId, { result: 'SUCCEEDED', occurredAt: new Date().toISOString() })).toEqual({ id: commandId, state: 'SUCCEEDED' });
      // the access token and the heartbeat from before the restart are still there
      const detail = await second.http('GET', `/v1/devices/${cabinet.deviceId}`, token);
      expect(detail.json).toMatchObject({ firmware: '3.1.0', telemetry: { battery: 77 }, commands: [expect.objectContaining({ id: commandId, state: 'SUCCEEDED', deliveredAt: expect.any(String) })] });
      await second.app.app.get(HeartbeatBuffer).flush();
    } finally {
      await second.app.close();
    }
  });

  it('shares the nonce store between API processes; the embedded store survives a restart', async () => {
    const app = await createApp(config);
    try {
      const [device] = (await app.database.dataSource.transaction(async (m) => {
        await m.query(`SELECT set_config('app.all_tenants', 'on', true)`);
        return m.query(`SELECT id FROM devices ORDER BY code LIMIT 1`);
      })) as { id: string }[];
      // two stores with nothing in common but the database, as in two processes
      const one = new NonceStore(app.database.dataSource);
      const two = new NonceStore(app.database.dataSource);
      const expires = new Date(Date.now() + 600_000);
      const nonce = randomUUID().slice(0, 24);
      const [a, b] = await Promise.all([one.claim(device!.id, nonce, expires), two.claim(device!.id, nonce, expires)]);
      expect([a.fresh, b.fresh].sort()).toEqual([false, true]);
      expect((await one.claim(device!.id, nonce, expires)).fresh).toBe(false);
      // past the window they are purged
      await one.claim(device!.id, 'expired-nonce-0123456789', new Date(Date.now() - 1000));
      expect(await two.purge()).toBeGreaterThanOrEqual(1);
      expect((await two.claim(device!.id, 'expired-nonce-0123456789', expires)).fresh).toBe(true);

      // the embedded database's in-memory store writes its nonces behind and reads them back after a restart
      const before = new LocalNonceStore(app.database.dataSource);
      const local = randomUUID().slice(0, 24);
      expect((await before.claim(device!.id, local, expires)).fresh).toBe(true);
      expect((await before.claim(device!.id, local, expires)).fresh).toBe(false);
      await before.persist();
      const restarted = new LocalNonceStore(app.database.dataSource);
      await restarted.load();
      expect((await restarted.claim(device!.id, local, expires)).fresh).toBe(false);
    } finally {
      await app.close();
    }
  });
});
