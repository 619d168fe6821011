// Issue 10 item 22: a charged power-bank session without waiting out the demo plan's 5 free minutes,
// through fleet-sim's `--free-minutes 0` (setRentalFreeMinutes), over loopback like the README's walk-through.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Fleet, setRentalFreeMinutes, type SimDevice } from '@zizhu/fleet-sim';
import { LoopHarness } from './support/loop-harness.js';

describe('fleet-sim --free-minutes', () => {
  let loop: LoopHarness;
  let cabinet: SimDevice;
  let ops: string;
  const stop = new AbortController();
  let running: Promise<void>;

  beforeAll(async () => {
    loop = await LoopHarness.start();
    ops = await loop.operator('ops@powerbank.demo');
    cabinet = await loop.demoDevice('PB-0001', ops);
    // fleet-sim's defaults: the power bank comes back 50–300 ms after it was taken
    const fleet = new Fleet([cabinet], { baseUrl: loop.apiUrl, heartbeatSeconds: 2, waitSeconds: 2, loss: 0, driftSeconds: 0, failRate: 0 });
    running = fleet.start(stop.signal);
  });

  afterAll(async () => {
    stop.abort();
    await running;
    await loop.close();
  });

  /** The README's steps: log in as alice, scan PB-0001, confirm as alice, wait for the end. */
  const rent = async (openid: string): Promise<Record<string, unknown>> => {
    const token = await loop.consumer(openid);
    const scan = await loop.request<{ sessionId: string; outOrderNo: string }>('POST', '/v1/consumer/sessions', { token, body: { deviceCode: 'PB-0001' } });
    expect(scan.status).toBe(201);
    expect((await loop.decide(scan.body.outOrderNo, openid, 'confirm')).status).toBe(200);
    return loop.waitFor(scan.body.sessionId, token, (s) => s['state'] === 'PAID' || s['state'] === 'CANCELLED');
  };
  const freeMinutes = async (): Promise<unknown> => {
    const detail = (await loop.request<{ plan: { version: number; plan: { rental: { freeMinutes: number } } } }>('GET', `/v1/devices/${cabinet.deviceId}`, { token: ops })).body;
    return { version: detail.plan.version, freeMinutes: detail.plan.plan.rental.freeMinutes };
  };

  it('on the demo plan a quick rental is free (CANCELLED); with --free-minutes 0 the same rental is charged one started hour and PAID; 5 puts the demo plan back', async () => {
    expect(await rent('alice')).toMatchObject({ state: 'CANCELLED' });

    expect(await setRentalFreeMinutes(loop.apiUrl, [cabinet], 0)).toEqual(['PB-0001']);
    expect(await freeMinutes()).toEqual({ version: 2, freeMinutes: 0 });
    expect(await rent('bob')).toMatchObject({ state: 'PAID', totalFen: 300, paidFen: 300 });

    expect(await setRentalFreeMinutes(loop.apiUrl, [cabinet], 5)).toEqual(['PB-0001']);
    expect(await freeMinutes()).toEqual({ version: 3, freeMinutes: 5 });
    expect(await rent('carol')).toMatchObject({ state: 'CANCELLED' });
  });
});
