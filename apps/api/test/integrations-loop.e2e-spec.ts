// Issue 16: business-event webhooks and API keys along the real loop — fleet-sim's cabinet, the Pay Score simulator,
// the sessions the API ends and charges, a refund made server-to-server with an API key.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Fleet, setRentalFreeMinutes, type SimDevice } from '@zizhu/fleet-sim';
import { verifyEventSignature } from '../src/modules/integrations/event-signature.js';
import { LoopHarness } from './support/loop-harness.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  event: { id: string; type: string; data: Record<string, unknown> };
}

describe('integrations along the loop', () => {
  let loop: LoopHarness;
  let cabinet: SimDevice;
  let ops: string;
  let receiver: Server;
  const received: Received[] = [];
  const stop = new AbortController();
  let running: Promise<void>;

  const until = async (what: string, ok: () => boolean, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!ok()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(50);
    }
  };

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body, event: JSON.parse(body) as Received['event'] });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    loop = await LoopHarness.start();
    ops = await loop.operator('ops@powerbank.demo');
    cabinet = await loop.demoDevice('PB-0001', ops);
    const fleet = new Fleet([cabinet], { baseUrl: loop.apiUrl, heartbeatSeconds: 2, waitSeconds: 2, loss: 0, driftSeconds: 0, failRate: 0 });
    running = fleet.start(stop.signal);
  });

  afterAll(async () => {
    stop.abort();
    await running;
    await loop.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  const rent = async (openid: string): Promise<Record<string, unknown>> => {
    const token = await loop.consumer(openid);
    const scan = await loop.request<{ sessionId: string; outOrderNo: string }>('POST', '/v1/consumer/sessions', { token, body: { deviceCode: 'PB-0001' } });
    expect(scan.status).toBe(201);
    expect((await loop.decide(scan.body.outOrderNo, openid, 'confirm')).status).toBe(200);
    return loop.waitFor(scan.body.sessionId, token, (s) => s['state'] === 'PAID' || s['state'] === 'CANCELLED');
  };

  it('a free rental is announced cancelled, a charged one paid, and a refund made with an API key succeeded: each once, signed', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const endpoint = await loop.request<{ id: string; secret: string }>('POST', '/v1/webhook-endpoints', {
      token: ops,
      body: { url, events: ['session.paid', 'session.cancelled', 'refund.succeeded'] },
    });
    expect(endpoint.status).toBe(201);
    const key = await loop.request<{ key: string }>('POST', '/v1/api-keys', { token: ops, body: { name: 'ERP', scopes: ['sessions.read', 'sessions.act'] } });
    expect(key.status).toBe(201);

    const free = await rent('integrator-alice');
    expect(free).toMatchObject({ state: 'CANCELLED' });
    await until('session.cancelled', () => received.some((r) => r.event.type === 'session.cancelled'));

    expect(await setRentalFreeMinutes(loop.apiUrl, [cabinet], 0)).toEqual(['PB-0001']);
    const paid = await rent('integrator-bob');
    expect(paid).toMatchObject({ state: 'PAID', paidFen: 300 });
    await until('session.paid', () => received.some((r) => r.event.type === 'session.paid'));

    // the integrator's server refunds through the operator API with its key
    const sessionId = paid['sessionId'] as string;
    const asKey = await loop.request<{ state: string }>('GET', `/v1/sessions/${sessionId}`, { token: key.body.key });
    expect(asKey).toMatchObject({ status: 200, body: { state: 'PAID' } });
    const refund = await loop.request('POST', `/v1/sessions/${sessionId}/refunds`, { token: key.body.key, headers: { 'idempotency-key': randomUUID() }, body: { amountFen: 100, reason: '充电宝故障' } });
    expect(refund.status).toBe(202);
    await until('refund.succeeded', () => received.some((r) => r.event.type === 'refund.succeeded'));

    const byType = (type: string) => received.filter((r) => r.event.type === type);
    expect(byType('session.cancelled').map((r) => r.event.data['sessionId'])).toEqual([free['sessionId']]);
    expect(byType('session.paid').map((r) => r.event.data)).toEqual([expect.objectContaining({ sessionId, paidFen: 300, state: 'PAID' })]);
    expect(byType('refund.succeeded').map((r) => r.event.data)).toEqual([expect.objectContaining({ sessionId, amountFen: 100 })]);
    for (const r of received) {
      expect(verifyEventSignature(endpoint.body.secret, r.headers['zizhu-signature'] as string, r.body)).toBe(true);
      expect(r.headers['zizhu-event-id']).toBe(r.event.id);
    }
    expect(new Set(received.map((r) => r.event.id)).size).toBe(received.length);
  });
});
