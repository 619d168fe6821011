import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { generateRsaKeyPair } from '@zizhu/payscore';
import { createSimulator, type Simulator, type SimulatorOptions } from '@zizhu/payscore-sim';
import { Fleet, type SessionScript, type SimDevice } from '@zizhu/fleet-sim';
import { createApp, type ZizhuApp } from '../../src/app.factory.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { DEMO_APPID, DEMO_DEVICES, DEMO_PASSWORD } from '../../src/modules/demo/demo-data.js';
import { TestClock } from './test-clock.js';
import { freshDatabaseConfig, testConfig } from './test-app.js';

/** A free loopback port (the API's notify URL must be known before it listens). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface LoopOptions {
  readonly sim?: Partial<SimulatorOptions>;
  readonly sessions?: Partial<AppConfig['sessions']>;
  /** An already-running simulator (restart tests); default: one of its own. */
  readonly simulator?: Simulator;
  /** Reuse this database (restart tests); default: a fresh one, dropped at close. */
  readonly database?: AppConfig['database'];
}

export interface JsonAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
}

/**
 * The whole core loop over loopback: the Pay Score simulator and the API listening on real ports, so
 * WeChat's callbacks and the fleet simulator's device requests travel over HTTP as in production.
 */
export class LoopHarness {
  private constructor(
    readonly zizhu: ZizhuApp,
    readonly sim: Simulator,
    readonly apiUrl: string,
    private readonly ownsSim: boolean,
    private readonly drop: () => Promise<void>,
    /** The API's business clock: real time until `advance` moves it (with the simulator's). */
    readonly clock: TestClock,
  ) {}

  static async start(options: LoopOptions = {}): Promise<LoopHarness> {
    const sim =
      options.simulator ??
      (await createSimulator({
        port: 0,
        debitDelayMs: 50,
        debitRetryMs: 200,
        refundDelayMs: 50,
        callbackRetryScheduleMs: [100, 200, 400, 800, 1600, 3200, 3200, 3200, 3200],
        ...options.sim,
      }));
    const fresh = options.database ? { database: options.database, drop: async () => undefined } : await freshDatabaseConfig();
    const port = await freePort();
    const base = testConfig(fresh.database);
    const config: AppConfig = {
      ...base,
      port,
      host: '127.0.0.1',
      payscore: { apiBaseUrl: sim.url, wechatApiBaseUrl: sim.url, publicBaseUrl: `http://127.0.0.1:${port}`, simulated: true },
      sessions: { confirmTimeoutSeconds: 30, startTimeoutSeconds: 5, reconcileIntervalSeconds: 1, reconcileAfterSeconds: 2, ...options.sessions },
      jobs: { pollingIntervalSeconds: 0.5 },
      fleet: { ...base.fleet, heartbeatFlushMs: 100, sweepMs: 500 },
    };
    const clock = new TestClock();
    const zizhu = await createApp(config, { clock });
    await zizhu.app.listen({ port, host: '127.0.0.1' });
    return new LoopHarness(zizhu, sim, `http://127.0.0.1:${port}`, !options.simulator, fresh.drop, clock);
  }

  async close(): Promise<void> {
    // keep-alive connections of the simulator's callback client would hold the server open for its 72 s keep-alive timeout
    const server = this.zizhu.app.getHttpServer() as import('node:http').Server;
    const cut = setTimeout(() => server.closeAllConnections(), 500);
    await this.zizhu.close();
    clearTimeout(cut);
    if (this.ownsSim) await this.sim.close();
    await this.drop();
  }

  async request<T = Record<string, unknown>>(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<JsonAnswer<T>> {
    const response = await fetch(`${this.apiUrl}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  async simRequest<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<JsonAnswer<T>> {
    const response = await fetch(`${this.sim.url}${path}`, {
      method,
      ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  /**
   * Moves the business clocks together by whole seconds: the API's (first, so it never lags WeChat's) and the
   * simulator's (expiry, debits, refunds, splits, transfers). Signatures and device timestamps stay real time.
   */
  async advance(seconds: number): Promise<void> {
    const whole = Math.ceil(seconds);
    this.clock.advance(whole);
    const moved = await this.simRequest('POST', '/sim/clock', { advanceSeconds: whole });
    if (moved.status !== 200) throw new Error(`the simulator's clock did not move: ${moved.status} ${JSON.stringify(moved.body)}`);
  }

  /** Moves both business clocks to `instant` (never back). */
  async advanceTo(instant: Date): Promise<void> {
    const seconds = (instant.getTime() - this.clock.now().getTime()) / 1000;
    if (seconds < 0) throw new Error(`the clocks only move forward: ${instant.toISOString()} is behind ${this.clock.now().toISOString()}`);
    await this.advance(seconds);
  }

  async operator(login: string): Promise<string> {
    const answer = await this.request<{ accessToken: string }>('POST', '/v1/auth/login', { body: { login, password: DEMO_PASSWORD } });
    if (answer.status !== 200) throw new Error(`login ${login}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.accessToken;
  }

  async consumer(openid: string, appid = DEMO_APPID): Promise<string> {
    const answer = await this.request<{ consumerToken: string }>('POST', '/v1/consumer/login', { body: { appid, code: `test:${openid}` } });
    if (answer.status !== 200) throw new Error(`consumer login ${openid}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.consumerToken;
  }

  /** A demo device's id and a fresh secret (rotated through the operator API, as an installer would). */
  /** fleet-sim playing `devices` without faults (heartbeats and command polls every 2 s); a session ends as `scripts` says for its id. */
  scriptedFleet(devices: SimDevice[], scripts: ReadonlyMap<string, SessionScript>): Fleet {
    return new Fleet(devices, {
      baseUrl: this.apiUrl,
      heartbeatSeconds: 2,
      waitSeconds: 2,
      loss: 0,
      driftSeconds: 0,
      failRate: 0,
      sessionScript: (_device, command) => scripts.get(command.sessionId ?? '') ?? {},
    });
  }

  async demoDevice(code: string, operatorToken: string): Promise<{ deviceId: string; secret: string; code: string; type: (typeof DEMO_DEVICES)[number]['type'] }> {
    const spec = DEMO_DEVICES.find((d) => d.code === code);
    if (!spec) throw new Error(`no demo device ${code}`);
    const answer = await this.request<{ secret: string }>('POST', `/v1/devices/${spec.id}/secret/rotate`, { token: operatorToken });
    if (answer.status !== 200 && answer.status !== 201) throw new Error(`rotate ${code}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return { deviceId: spec.id, secret: answer.body.secret, code, type: spec.type };
  }

  /** The user acts on the Pay Score confirmation page. */
  async decide(outOrderNo: string, openid: string, outcome: 'confirm' | 'refuse' | 'assessment-failed'): Promise<JsonAnswer> {
    return this.simRequest('POST', `/sim/orders/${encodeURIComponent(outOrderNo)}/confirm`, { openid, outcome });
  }

  /**
   * A new merchant registered with "WeChat" (the simulator): its credentials as `POST /v1/merchant-accounts`
   * takes them (name, mchid, keys, one fresh appid, the platform key WeChat answered with), for an EV-charging
   * service of a 1 元 risk cap (`serviceId`, random unless given).
   */
  async newSimMerchant(serviceId = `svc${randomBytes(6).toString('hex')}`): Promise<{ mchid: string; appid: string; body: Record<string, unknown> }> {
    const keys = generateRsaKeyPair();
    const merchant = {
      mchid: `19${randomBytes(4).readUInt32BE(0).toString().padStart(10, '0')}`,
      serialNo: randomBytes(20).toString('hex').toUpperCase(),
      apiV3Key: randomBytes(16).toString('hex'),
      apiV2Key: randomBytes(16).toString('hex'),
      appids: [`wx${randomBytes(8).toString('hex')}`],
    };
    const registered = await this.simRequest<{ platformPublicKeyId: string; platformPublicKeyPem: string }>('POST', '/sim/merchants', {
      ...merchant,
      publicKeyPem: keys.publicKeyPem,
      services: [{ serviceId, scenario: 'EV_CHARGING', mode: 'USE_FIRST', riskCapFen: 100 }],
    });
    if (registered.status !== 200) throw new Error(`the simulator refused the merchant: ${registered.status} ${JSON.stringify(registered.body)}`);
    return { mchid: merchant.mchid, appid: merchant.appids[0]!, body: { name: '第二个商户号', ...merchant, privateKeyPem: keys.privateKeyPem, ...registered.body } };
  }

  async session(id: string, consumerToken: string): Promise<Record<string, unknown>> {
    return (await this.request('GET', `/v1/consumer/sessions/${id}`, { token: consumerToken })).body;
  }

  /** Waits until the consumer's view of the session satisfies `ok` (or times out and answers the last view). */
  async waitFor(id: string, consumerToken: string, ok: (s: Record<string, unknown>) => boolean, timeoutMs = 15_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = await this.session(id, consumerToken);
      if (ok(s) || Date.now() > deadline) return s;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
