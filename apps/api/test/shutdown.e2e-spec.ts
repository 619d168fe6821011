import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DeviceClient } from '@zizhu/device-sdk';
import { DEMO_PASSWORD, DEMO_SITES } from '../src/modules/demo/demo-data.js';
import { CommandSignal } from '../src/modules/fleet/command-signal.service.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Resolves when the socket is closed (by the server). */
const closed = (socket: Socket) => new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));

describe('graceful shutdown (issue 15): within 10 s, whatever keep-alive clients and long polls do', () => {
  let t: TestApp;
  let port: number;
  let closedApp = false;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(async () => {
    if (!closedApp) await t.close();
  });

  it('closes idle keep-alive connections, finishes the request in flight, answers the long poll empty, and stops', async () => {
    const ops = await t.login('ops@powerbank.demo');
    const created = await t.http('POST', '/v1/devices', { token: ops, body: { siteId: DEMO_SITES.powerbankStation.id, code: 'T-PB-STOP', type: 'POWERBANK_CABINET', slots: 6 } });
    const { device, secret } = created.json() as { device: { id: string }; secret: string };

    // 1. a keep-alive client with an idle connection (the default keepAliveTimeout would hold it for 72 s)
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const idleSocket = await new Promise<Socket>((resolve, reject) => {
      const req = request({ port, host: '127.0.0.1', path: '/health/live', agent }, (res) => {
        res.resume();
        res.once('end', () => resolve(req.socket!));
      });
      req.once('error', reject);
      req.end();
    });
    const idleClosed = closed(idleSocket);

    // 2. a device long poll waiting for commands (up to 30 s)
    const client = new DeviceClient({ baseUrl: `http://127.0.0.1:${port}`, deviceId: device.id, secret });
    const poll = client.pollCommands(30).then((commands) => ({ commands, at: Date.now() }));
    await waitFor(() => t.app.get(CommandSignal).waitingDevices().includes(device.id));

    // 3. a request in flight on a keep-alive connection: headers sent, half of the body still to come
    const body = JSON.stringify({ login: 'ops@powerbank.demo', password: DEMO_PASSWORD });
    const inFlight = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => inFlight.once('connect', () => resolve()));
    let answer = '';
    inFlight.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    const inFlightClosed = closed(inFlight);
    inFlight.write(
      `POST /v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((r) => setTimeout(r, 100));

    // SIGTERM's path in main.ts: ZizhuApp.close()
    const began = Date.now();
    const closing = t.close().then(() => Date.now());
    closedApp = true;
    await new Promise((r) => setTimeout(r, 200));
    inFlight.write(body.slice(10));

    const [closedAt, polled] = await Promise.all([closing, poll]);
    expect(closedAt - began).toBeLessThan(10_000);
    // the long poll was answered, empty, before the application finished closing
    expect(polled.commands).toEqual([]);
    expect(polled.at).toBeLessThanOrEqual(closedAt);
    // the request in flight was answered in full, and its connection closed after it
    await inFlightClosed;
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(answer).toContain('"accessToken"');
    // the idle keep-alive connection did not keep the server open
    await idleClosed;
    // and nothing listens any more
    await expect(new Promise((resolve, reject) => connect(port, '127.0.0.1').once('connect', resolve).once('error', reject))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    agent.destroy();
  });
});

async function waitFor(ok: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}
