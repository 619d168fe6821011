// The customer-service lookup over a real session: fleet-sim plays the fridge, the Pay Score simulator confirms, debits
// and refunds, and the identifiers WeChat handed back (transaction_id, refund_id) find the session with what the device
// reported.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Fleet, SessionScript } from '@zizhu/fleet-sim';
import { DEMO_PLANS } from '../src/modules/demo/demo-data.js';
import { systemQuery } from './fleet-support.js';
import { LoopHarness } from './support/loop-harness.js';

type Session = Record<string, unknown> & { sessionId: string; state: string; outOrderNo: string };
interface Found {
  audited: boolean;
  sessions: { id: string; transactionId: string | null; openid: string | null; paidFen: number; refundedFen: number; charges: { amountFen: number }[]; refunds: { refundId: string | null; state: string }[]; deviceReports: { source: string; type: string; ofSession: boolean }[] }[];
}

describe('customer-service lookup over the core loop', () => {
  let loop: LoopHarness;
  let fleet: Fleet;
  const stop = new AbortController();
  let running: Promise<void>;
  const scripts = new Map<string, SessionScript>();
  let ops: string;

  beforeAll(async () => {
    loop = await LoopHarness.start();
    ops = await loop.operator('ops@fridge.demo');
    const device = await loop.demoDevice('FR-0001', ops);
    fleet = loop.scriptedFleet([{ ...device, skus: DEMO_PLANS.fridge.items.catalog.map((i) => i.sku) }], scripts);
    running = fleet.start(stop.signal);
  });
  afterAll(async () => {
    stop.abort();
    await running;
    await loop?.close();
  });

  it('finds a paid and refunded fridge session by its transaction_id, refund_id, openid and the device at its time', async () => {
    const openid = `o-loop-${randomUUID().slice(0, 8)}`;
    const token = await loop.consumer(openid);
    const scanned = await loop.request<Session>('POST', '/v1/consumer/sessions', { token, body: { deviceCode: 'FR-0001' } });
    expect(scanned.status).toBe(201);
    const session = scanned.body;
    scripts.set(session.sessionId, { endAfterMs: 100, items: [{ sku: 'cola-330', count: 2 }] });
    expect((await loop.decide(session.outOrderNo, openid, 'confirm')).status).toBe(200);
    expect(await loop.waitFor(session.sessionId, token, (s) => s['state'] === 'PAID' || s['state'] === 'CANCELLED')).toMatchObject({ state: 'PAID', paidFen: 700 });
    const refund = await loop.request('POST', `/v1/sessions/${session.sessionId}/refunds`, { token: ops, headers: { 'idempotency-key': randomUUID() }, body: { amountFen: 200, reason: '可乐漏气' } });
    expect(refund.status).toBe(202);
    const deadline = Date.now() + 60_000; // the refund job under a loaded CI machine: a wait, not a speed check
    let stored: { transaction_id: string | null; refund_id: string | null; created_at: Date } | undefined;
    for (;;) {
      [stored] = await systemQuery<{ transaction_id: string | null; refund_id: string | null; created_at: Date }>(
        loop.zizhu,
        `SELECT s.transaction_id, r.refund_id, s.created_at FROM service_sessions s JOIN session_actions r ON r.session_id = s.id AND r.kind = 'REFUND'
         WHERE s.id = $1 AND r.state = 'SUCCEEDED'`,
        [session.sessionId],
      );
      if (stored || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(stored?.transaction_id).toEqual(expect.any(String));
    expect(stored?.refund_id).toEqual(expect.any(String));
    const at = new Date(new Date(stored!.created_at).getTime() + 1000).toISOString();
    for (const query of [
      `kind=transactionId&q=${stored!.transaction_id}`,
      `kind=refundNo&q=${stored!.refund_id}`,
      `kind=openid&q=${openid}`,
      `kind=outOrderNo&q=${session.outOrderNo}`,
      `kind=deviceTime&q=FR-0001&at=${encodeURIComponent(at)}&windowMinutes=1`,
    ]) {
      const found = await loop.request<Found>('GET', `/v1/support/lookup?${query}`, { token: ops });
      expect({ query, status: found.status }).toEqual({ query, status: 200 });
      expect({ query, ids: found.body.sessions.map((s) => s.id) }).toEqual({ query, ids: [session.sessionId] });
      const [hit] = found.body.sessions;
      expect(hit).toMatchObject({ transactionId: stored!.transaction_id, openid, paidFen: 700, refundedFen: 200, charges: [{ amountFen: 700 }], refunds: [{ refundId: stored!.refund_id, state: 'SUCCEEDED' }] });
      // what the fridge said about this session: the unlock it acknowledged and the door closing with the items
      const own = hit!.deviceReports.filter((r) => r.ofSession).map((r) => `${r.source} ${r.type}`);
      expect(own).toEqual(expect.arrayContaining(['COMMAND UNLOCK', 'EVENT session.ended']));
    }
  });
});
