// POST /sim/faults: injected failures on the WeChat-side routes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createSimulator } from '../src/server.js';
import { createBody, newOrderNo, queryOrder, simPost, startHarness, type Harness } from './support/wx-test-kit.js';

describe('fault injection', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());
  afterEach(async () => {
    await simPost(h.sim, '/sim/faults', { rules: [] });
  });

  it('status 500 at rate 1 fails every matching request before processing, with a signed SYSTEM_ERROR', async () => {
    await simPost(h.sim, '/sim/faults', { rules: [{ path: '^/v3/payscore/serviceorder$', status: 500, rate: 1, delayMs: 0 }] });
    const no = newOrderNo();
    const res = await h.client.post('/v3/payscore/serviceorder', createBody(h, no));
    expect(res.status).toBe(500);
    expect(res.json['code']).toBe('SYSTEM_ERROR');
    expect(res.verified).toBe(true);
    // the query path does not match: the order was never created
    expect((await queryOrder(h, no)).status).toBe(404);
    await simPost(h.sim, '/sim/faults', { rules: [] });
    expect((await h.client.post('/v3/payscore/serviceorder', createBody(h, no))).status).toBe(200);
  });

  it('phase "after" processes the request and loses the answer (the retry then re-enters)', async () => {
    await simPost(h.sim, '/sim/faults', { rules: [{ path: '^/v3/payscore/serviceorder$', status: 503, rate: 1, phase: 'after' }] });
    const no = newOrderNo();
    const res = await h.client.post('/v3/payscore/serviceorder', createBody(h, no));
    expect(res.status).toBe(503);
    expect(res.json['code']).toBe('SERVICE_UNAVAILABLE');
    await simPost(h.sim, '/sim/faults', { rules: [] });
    expect((await queryOrder(h, no)).json['state']).toBe('CREATED');
    expect((await h.client.post('/v3/payscore/serviceorder', createBody(h, no))).status).toBe(200);
  });

  it('delayMs without a status only slows the answer; 429 answers FREQUENCY_LIMITED', async () => {
    await simPost(h.sim, '/sim/faults', { rules: [{ path: 'serviceorder\\?', delayMs: 200, rate: 1 }] });
    const start = Date.now();
    const res = await queryOrder(h, 'NOPE');
    expect(Date.now() - start).toBeGreaterThanOrEqual(190);
    expect(res.status).toBe(404);
    await simPost(h.sim, '/sim/faults', { rules: [{ path: 'serviceorder', status: 429 }] });
    const limited = await h.client.post('/v3/payscore/serviceorder', createBody(h, newOrderNo()));
    expect(limited.status).toBe(429);
    expect(limited.json['code']).toBe('FREQUENCY_LIMITED');
  });

  it('rate 0 never fires; /sim control routes are never faulted; GET /sim/faults lists the rules', async () => {
    await simPost(h.sim, '/sim/faults', { rules: [{ path: '.*', status: 500, rate: 0 }] });
    expect((await h.client.post('/v3/payscore/serviceorder', createBody(h, newOrderNo()))).status).toBe(200);
    await simPost(h.sim, '/sim/faults', { rules: [{ path: '.*', status: 500, rate: 1 }] });
    const list = await fetch(`${h.sim.url}/sim/faults`);
    expect(list.status).toBe(200);
    expect(((await list.json()) as { rules: unknown[] }).rules).toEqual([{ path: '.*', status: 500, rate: 1, delayMs: 0, phase: 'before' }]);
    const sns = await fetch(`${h.sim.url}/sns/jscode2session?appid=wx1&js_code=test:o1`);
    expect(sns.status).toBe(500);
  });

  it('signature "invalid" / "missing" spoil the answer’s signature: without a status the work is still done', async () => {
    await simPost(h.sim, '/sim/faults', { rules: [{ path: '^/v3/payscore/serviceorder$', signature: 'invalid' }] });
    const no = newOrderNo();
    const created = await h.client.post('/v3/payscore/serviceorder', createBody(h, no));
    expect(created.status).toBe(200);
    expect(created.headers.get('wechatpay-signature')).toBeTruthy();
    expect(created.verified).toBe(false);
    await simPost(h.sim, '/sim/faults', { rules: [{ path: 'serviceorder\\?', status: 404, signature: 'missing' }] });
    const unsigned = await queryOrder(h, no);
    expect(unsigned.status).toBe(404);
    expect(unsigned.headers.get('wechatpay-signature')).toBeNull();
    expect(unsigned.headers.get('wechatpay-serial')).toBeNull();
    await simPost(h.sim, '/sim/faults', { rules: [] });
    // WeChat did create it: the real query (signed) shows the order
    const real = await queryOrder(h, no);
    expect(real).toMatchObject({ status: 200, verified: true });
    expect(real.json['state']).toBe('CREATED');
    expect((await simPost(h.sim, '/sim/faults', { rules: [{ path: 'x', signature: 'forged' }] })).status).toBe(400);
  });

  it('rejects malformed rules', async () => {
    expect((await simPost(h.sim, '/sim/faults', { rules: [{ path: '(' }] })).status).toBe(400);
    expect((await simPost(h.sim, '/sim/faults', { rules: [{ path: 'x', rate: 2 }] })).status).toBe(400);
    expect((await simPost(h.sim, '/sim/faults', {})).status).toBe(400);
  });

  it('the rate is drawn from the injectable random source', async () => {
    const draws = [0.1, 0.9, 0.3, 0.7];
    let i = 0;
    const sim = await createSimulator({ port: 0, random: () => draws[i++ % draws.length] ?? 1 });
    try {
      await simPost(sim, '/sim/faults', { rules: [{ path: '^/sns/', status: 502, rate: 0.5 }] });
      const statuses: number[] = [];
      for (let n = 0; n < 4; n++) statuses.push((await fetch(`${sim.url}/sns/jscode2session?appid=wx1&js_code=test:o1`)).status);
      expect(statuses).toEqual([502, 200, 502, 200]);
    } finally {
      await sim.close();
    }
  });
});
