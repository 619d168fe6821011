import { randomBytes } from 'node:crypto';
import { Fleet, type SessionScript, type SimDevice } from '@zizhu/fleet-sim';
import { generateRsaKeyPair } from '@zizhu/payscore';
import { DEMO_APPID, DEMO_DEVICES, DEMO_PLANS } from '../../src/modules/demo/demo-data.js';
import { LedgerService } from '../../src/modules/settlement/ledger.service.js';
import { ProfitSharingService } from '../../src/modules/settlement/profit-sharing.service.js';
import { Transactions } from '../../src/platform/database/transactions.js';
import type { LoopHarness } from './loop-harness.js';

/**
 * The franchise brand's loop, shared by the profit-sharing and settlement e2e specs: the demo devices driven by the
 * fleet simulator over loopback, a franchisee's own Pay Score merchant, paid sessions, refunds and split attempts.
 */

export type Session = Record<string, unknown> & { sessionId: string; state: string; outOrderNo: string };

/** SQL as the system (row-level security opened), through the API's own pool. */
export const systemSql =
  (loop: LoopHarness) =>
  <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> =>
    loop.zizhu.app.get(Transactions).asSystem((m) => m.query(text, params)) as Promise<T[]>;

/** The ledger's own check: stored balances equal the entries, every posting balances. */
export async function ledgerCheck(loop: LoopHarness): Promise<{ mismatches: unknown[]; unbalancedPostings: unknown[] }> {
  const check = await loop.zizhu.app.get(Transactions).asSystem((m) => loop.zizhu.app.get(LedgerService).check(m));
  return { mismatches: check.mismatches, unbalancedPostings: check.unbalancedPostings };
}

/**
 * A franchisee's own Pay Score merchant registered with "WeChat" (the simulator), bound to the brand's mini-program
 * appid, with a VENDING service, as its admin adds it through the API (`POST /v1/merchant-accounts` and its service).
 */
export async function registerFranchiseeMerchant(loop: LoopHarness, franchiseeToken: string, name: string): Promise<{ mchid: string; accountId: string; serviceId: string }> {
  const keys = generateRsaKeyPair();
  const merchant = {
    mchid: `19${randomBytes(4).readUInt32BE(0).toString().padStart(10, '0')}`,
    serialNo: randomBytes(20).toString('hex').toUpperCase(),
    apiV3Key: randomBytes(16).toString('hex'),
    apiV2Key: randomBytes(16).toString('hex'),
    appids: [DEMO_APPID],
  };
  const serviceId = `svc${randomBytes(6).toString('hex')}`;
  const registered = await loop.simRequest<Record<string, string>>('POST', '/sim/merchants', {
    ...merchant,
    publicKeyPem: keys.publicKeyPem,
    services: [{ serviceId, scenario: 'VENDING', mode: 'USE_FIRST', riskCapFen: 20000 }],
  });
  if (registered.status !== 200) throw new Error(`the simulator refused the merchant: ${registered.status} ${JSON.stringify(registered.body)}`);
  const account = await loop.request<{ id: string }>('POST', '/v1/merchant-accounts', {
    token: franchiseeToken,
    body: { name, ...merchant, privateKeyPem: keys.privateKeyPem, ...registered.body },
  });
  if (account.status !== 201) throw new Error(`merchant account: ${account.status} ${JSON.stringify(account.body)}`);
  const service = await loop.request('POST', `/v1/merchant-accounts/${account.body.id}/services`, {
    token: franchiseeToken,
    body: { serviceId, name: '加盟店冰柜先享后付', scenario: 'VENDING', mode: 'USE_FIRST', riskCapFen: 20000 },
  });
  if (service.status !== 201) throw new Error(`service: ${service.status} ${JSON.stringify(service.body)}`);
  return { mchid: merchant.mchid, accountId: account.body.id, serviceId };
}

/** Demo devices run by the fleet simulator; each session's script (items bought, when it ends) is set per session. */
export class DemoFleet {
  private readonly scripts = new Map<string, SessionScript>();
  private readonly stopper = new AbortController();
  private running: Promise<void> = Promise.resolve();

  private constructor(private readonly loop: LoopHarness) {}

  static async start(loop: LoopHarness, codes: readonly string[], operatorTokenOf: (code: string) => string): Promise<DemoFleet> {
    const fleet = new DemoFleet(loop);
    const devices: SimDevice[] = [];
    for (const code of codes) {
      const d = await loop.demoDevice(code, operatorTokenOf(code));
      const spec = DEMO_DEVICES.find((x) => x.code === code)!;
      const plan = DEMO_PLANS[spec.plan as keyof typeof DEMO_PLANS] as { items?: { catalog: readonly { sku: string }[] } };
      devices.push({ ...d, ...(plan.items ? { skus: plan.items.catalog.map((i) => i.sku) } : {}) });
    }
    const sim = new Fleet(devices, {
      baseUrl: loop.apiUrl,
      heartbeatSeconds: 2,
      waitSeconds: 2,
      loss: 0,
      driftSeconds: 0,
      failRate: 0,
      sessionScript: (_device, command) => fleet.scripts.get(command.sessionId ?? '') ?? {},
    });
    fleet.running = sim.start(fleet.stopper.signal);
    return fleet;
  }

  async stop(): Promise<void> {
    this.stopper.abort();
    await this.running;
  }

  /**
   * A fridge session: scanned by `openid`, confirmed on the Pay Score page, the door opened by the device, `items`
   * taken, and paid. Answers the session as the consumer started it once it is PAID with `paidFen`.
   */
  async paidSession(openid: string, deviceCode: string, items: readonly { sku: string; count: number }[], paidFen: number): Promise<Session> {
    const token = await this.loop.consumer(openid);
    const answer = await this.loop.request<Session>('POST', '/v1/consumer/sessions', { token, body: { deviceCode } });
    if (answer.status !== 201) throw new Error(`session on ${deviceCode}: ${answer.status} ${JSON.stringify(answer.body)}`);
    this.scripts.set(answer.body.sessionId, { endAfterMs: 100, items });
    const decided = await this.loop.decide(answer.body.outOrderNo, openid, 'confirm');
    if (decided.status !== 200) throw new Error(`confirm: ${decided.status} ${JSON.stringify(decided.body)}`);
    const done = await this.loop.waitFor(answer.body.sessionId, token, (s) => s['state'] === 'PAID' || s['state'] === 'CANCELLED', 20_000);
    if (done['state'] !== 'PAID' || done['paidFen'] !== paidFen) throw new Error(`session ${answer.body.sessionId} ended ${JSON.stringify(done)}, expected PAID ${paidFen}`);
    return answer.body;
  }
}

/**
 * Refunds `amountFen` of a session through the operator API (its own Idempotency-Key) and waits until its refund
 * action is final, moving both business clocks past the simulator's refund delay. Answers the action's state.
 */
export async function refundAndWait(loop: LoopHarness, operatorToken: string, sessionId: string, amountFen: number, reason = '商品破损退款'): Promise<string> {
  const queued = await loop.request('POST', `/v1/sessions/${sessionId}/refunds`, {
    token: operatorToken,
    headers: { 'idempotency-key': `refund-${sessionId}-${amountFen}` },
    body: { amountFen, reason },
  });
  if (queued.status !== 202) throw new Error(`refund: ${queued.status} ${JSON.stringify(queued.body)}`);
  const sql = systemSql(loop);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [row] = await sql<{ state: string }>(`SELECT state FROM session_actions WHERE session_id = $1 AND kind = 'REFUND' ORDER BY created_at DESC LIMIT 1`, [sessionId]);
    if (row?.state === 'SUCCEEDED' || row?.state === 'FAILED' || row?.state === 'HELD' || Date.now() > deadline) return row?.state ?? 'NONE';
    await loop.advance(2);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * One split as the job runs it (`settlement.split-order`): both business clocks moved past WeChat's one-minute rule
 * first, and on a PROCESSING answer (the job would throw and retry after a back-off) moved a little and tried again.
 */
export async function runSplit(loop: LoopHarness, sessionId: string, now?: Date): Promise<string | null> {
  const splits = loop.zizhu.app.get(ProfitSharingService);
  await loop.advance(61);
  for (let i = 0; i < 3; i += 1) {
    try {
      return await splits.split({ sessionId }, now);
    } catch {
      await loop.advance(5);
    }
  }
  return splits.split({ sessionId }, now);
}
