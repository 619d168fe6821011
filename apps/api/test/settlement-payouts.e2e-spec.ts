import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_MERCHANTS, DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { LedgerService } from '../src/modules/settlement/ledger.service.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { LoopHarness } from './support/loop-harness.js';

const O = DEMO_ORGS;
const BRAND_MCHID = '1900000020';

interface Payout {
  id: string;
  statementId: string;
  state: string;
  wechatState: string | null;
  packageInfo: string | null;
  outBillNo: string | null;
  retryOf: string | null;
  failure: string | null;
  reference: string | null;
  amountFen: number;
  [k: string]: unknown;
}

/**
 * Issue 12: payouts by WeChat merchant transfer (商家转账) against the simulator, one API over loopback: the payee,
 * the transfer sent by a job and followed by the verified callback or a query, the user's confirmation, failure and
 * retry with a new out_bill_no, a lost answer, the real-name threshold, idempotency and no double payout.
 */
describe('settlement: payouts by WeChat merchant transfer (issue 12)', () => {
  let h: LoopHarness;
  const tokens: Record<string, string> = {};
  const call = async (login: string, method: string, url: string, body?: unknown, key?: string) =>
    h.request<Record<string, unknown> & { code?: string }>(method, url, { token: tokens[login], ...(body !== undefined ? { body } : {}), ...(key ? { headers: { 'idempotency-key': key } } : {}) });
  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    h.zizhu.app.get(Transactions).asSystem(async (m) => (await m.query(text, params)) as T[]);
  let month = 0;
  /** A CLOSED franchise statement owing `payableFen` (periods of 2026 before the agreements, one month each). */
  const closedStatement = async (org: string, payableFen: number) => {
    month += 1;
    const start = `2026-${String(month).padStart(2, '0')}-01`;
    const [row] = await sql<{ id: string }>(
      `INSERT INTO statements (tenant_id, parent_tenant_id, kind, period, period_start, period_end, status, net_fen, payable_fen, closed_at)
       VALUES ($1, $2, 'FRANCHISE', 'MONTHLY', $3::date, ($3::date + interval '1 month' - interval '1 day')::date, 'CLOSED', $4, $4, now()) RETURNING id`,
      [org, O.fridge.id, start, payableFen],
    );
    return row!.id;
  };
  const pay = (statementId: string, key = randomUUID()) => call('ops@fridge.demo', 'POST', '/v1/payouts', { statementId, method: 'WECHAT_TRANSFER' }, key);
  const payout = async (id: string) => (await call('ops@fridge.demo', 'GET', `/v1/payouts/${id}`)).body as unknown as Payout;
  /**
   * Reads the payout until `ok` (the job and the callback run on their own). Each new bill moves the simulator's
   * business clock past its transfer delay once (2 s: signatures stay well inside the 300 s window); then only reads.
   */
  const advanced = new Set<string>();
  const until = async (id: string, ok: (p: Payout) => boolean, timeoutMs = 15_000): Promise<Payout> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const p = await payout(id);
      if (ok(p) || Date.now() > deadline) return p;
      if (p.wechatState && p.wechatState !== 'WAIT_USER_CONFIRM' && !advanced.has(`${id}:${p.wechatState}`)) {
        advanced.add(`${id}:${p.wechatState}`);
        await h.simRequest('POST', '/sim/clock', { advanceSeconds: 2 });
      } else {
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  };
  const statusOf = async (statementId: string) => ((await call('ops@fridge.demo', 'GET', `/v1/statements/${statementId}`)).body as { status: string }).status;
  const billsOf = async (outBillNo: string) =>
    ((await h.simRequest<{ bills: { out_bill_no: string; state: string }[] }>('GET', '/sim/transfers')).body.bills).filter(
      (b) => b.out_bill_no === outBillNo,
    );
  const transferEntries = async (payoutId: string) => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_entries WHERE source_kind = 'TRANSFER' AND source_id = $1`, [payoutId]))[0]!.n;

  beforeAll(async () => {
    h = await LoopHarness.start({ sim: { transferDelayMs: 1000 } });
    for (const login of ['ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'ops@vendor.demo']) tokens[login] = await h.operator(login);
    await h.simRequest('POST', `/sim/merchants/${BRAND_MCHID}/balance`, { availableFen: 100_000_000 });
    await h.simRequest('POST', '/sim/settings', { transferConfirm: 'auto' });
  });
  afterAll(() => h.close());

  it('the payee: set by the brand or the franchisee’s admin, the real name stored encrypted and never returned; others get 404', async () => {
    expect((await pay(await closedStatement(O.fridgeF1.id, 100))).body.code).toBe('PAYOUT_PAYEE_MISSING');
    const set = await call('ops@fridge.demo', 'PUT', `/v1/organizations/${O.fridgeF1.id}/payout-payee`, { openid: 'payee-f1' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ organizationId: O.fridgeF1.id, appid: 'wxd0000000000demo', openid: 'payee-f1', realNameSet: false });
    const own = await call('f2@fridge.demo', 'PUT', `/v1/organizations/${O.fridgeF2.id}/payout-payee`, { openid: 'payee-f2', realName: '王小二' });
    expect(own.body).toMatchObject({ openid: 'payee-f2', realNameSet: true });
    expect(JSON.stringify(own.body)).not.toContain('王小二');
    const [stored] = await sql<{ c: string }>(`SELECT real_name_ciphertext AS c FROM payout_payees WHERE tenant_id = $1`, [O.fridgeF2.id]);
    expect(stored!.c).not.toContain('王小二');
    expect((await call('f1@fridge.demo', 'GET', `/v1/organizations/${O.fridgeF2.id}/payout-payee`)).status).toBe(404);
    expect((await call('f1@fridge.demo', 'PUT', `/v1/organizations/${O.fridgeF2.id}/payout-payee`, { openid: 'x' })).status).toBe(404);
    expect((await call('ops@vendor.demo', 'PUT', `/v1/organizations/${O.fridgeF1.id}/payout-payee`, { openid: 'x' })).status).toBe(404);
    expect((await call('ops@fridge.demo', 'PUT', `/v1/organizations/${O.fridge.id}/payout-payee`, { openid: 'x' })).body.code).toBe('PAYOUT_PAYEE_NOT_APPLICABLE');
    expect((await call('f2@fridge.demo', 'GET', `/v1/organizations/${O.fridgeF2.id}/payout-payee`)).body).toMatchObject({ openid: 'payee-f2', realNameSet: true });
    // the name is kept when only the openid changes
    await call('ops@fridge.demo', 'PUT', `/v1/organizations/${O.fridgeF2.id}/payout-payee`, { openid: 'payee-f2' });
    expect((await call('ops@fridge.demo', 'GET', `/v1/organizations/${O.fridgeF2.id}/payout-payee`)).body).toMatchObject({ realNameSet: true });
  });

  it('success (auto confirm): REQUESTED → SUCCEEDED by the job and the verified callback; statement SETTLED; TRANSFER posted once; the same key replays', async () => {
    const statementId = await closedStatement(O.fridgeF1.id, 12_345);
    const key = randomUUID();
    const made = await pay(statementId, key);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ method: 'WECHAT_TRANSFER', state: 'REQUESTED', amountFen: 12_345, organizationId: O.fridgeF1.id, retryOf: null });
    expect(String(made.body['outBillNo'])).toMatch(/^PO[0-9a-f]{30}$/);
    expect(await pay(statementId, key)).toEqual(made); // replayed, not a second payout
    const done = await until(String(made.body['id']), (p) => p.state === 'SUCCEEDED');
    expect(done).toMatchObject({ state: 'SUCCEEDED', wechatState: 'SUCCESS', packageInfo: null });
    expect(done.reference).toBeTruthy(); // WeChat's transfer_bill_no
    expect(await statusOf(statementId)).toBe('SETTLED');
    expect(await transferEntries(done.id)).toBe(4);
    expect(await billsOf(done.outBillNo!)).toEqual([expect.objectContaining({ state: 'SUCCESS' })]);
    expect((await pay(statementId)).body.code).toBe('PAYOUT_STATEMENT_NOT_CLOSED');
    expect((await call('f1@fridge.demo', 'GET', `/v1/payouts?statementId=${statementId}`)).body).toMatchObject({ total: 1, items: [{ id: done.id, state: 'SUCCEEDED' }] });
    expect((await call('f2@fridge.demo', 'GET', `/v1/payouts/${done.id}`)).status).toBe(404);
    const check = await h.zizhu.app.get(Transactions).asSystem((m) => h.zizhu.app.get(LedgerService).check(m));
    expect(check.mismatches).toEqual([]);
  });

  it('the user confirms: WAIT_USER_CONFIRM shows the package_info until the franchisee confirms in WeChat, then SUCCEEDED', async () => {
    await h.simRequest('POST', '/sim/settings', { transferConfirm: 'user' });
    try {
      const statementId = await closedStatement(O.fridgeF2.id, 5_000);
      const made = await pay(statementId);
      const waiting = await until(String(made.body['id']), (p) => p.wechatState === 'WAIT_USER_CONFIRM');
      expect(waiting).toMatchObject({ state: 'PROCESSING', wechatState: 'WAIT_USER_CONFIRM' });
      expect(waiting.packageInfo).toEqual(expect.any(String));
      expect(await statusOf(statementId)).toBe('CLOSED');
      expect((await h.simRequest('POST', `/sim/transfers/${waiting.outBillNo}/confirm`, {})).status).toBe(200);
      const done = await until(waiting.id, (p) => p.state === 'SUCCEEDED');
      expect(done).toMatchObject({ state: 'SUCCEEDED', packageInfo: null });
      expect(await statusOf(statementId)).toBe('SETTLED');
    } finally {
      await h.simRequest('POST', '/sim/settings', { transferConfirm: 'auto' });
    }
  });

  it('a failed transfer: FAILED with WeChat’s reason, statement still CLOSED, nothing posted; a retry is a new bill that succeeds, once', async () => {
    // the franchisee's alert webhook (JSON) is told of the failure
    const received: string[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push(body);
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hook = await call('f1@fridge.demo', 'PUT', '/v1/alert-webhooks', { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/f1`, format: 'JSON' });
    expect(hook.status).toBe(200);
    const statementId = await closedStatement(O.fridgeF1.id, 7_777);
    await h.simRequest('POST', '/sim/transfers/failures', { openid: 'payee-f1', failReason: 'ACCOUNT_FROZEN' });
    const made = await pay(statementId);
    const failed = await until(String(made.body['id']), (p) => p.state === 'FAILED');
    expect(failed).toMatchObject({ state: 'FAILED', wechatState: 'FAIL', failure: 'ACCOUNT_FROZEN' });
    expect(await statusOf(statementId)).toBe('CLOSED');
    expect(await transferEntries(failed.id)).toBe(0);
    expect((await call('ops@fridge.demo', 'GET', `/v1/payouts?state=FAILED&statementId=${statementId}`)).body).toMatchObject({ total: 1 });
    expect((await call('f1@fridge.demo', 'POST', `/v1/payouts/${failed.id}/retry`, undefined, randomUUID())).status).toBe(403);
    expect((await call('ops@vendor.demo', 'POST', `/v1/payouts/${failed.id}/retry`, undefined, randomUUID())).status).toBe(404);
    const key = randomUUID();
    const retried = await call('ops@fridge.demo', 'POST', `/v1/payouts/${failed.id}/retry`, undefined, key);
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({ retryOf: failed.id, state: 'REQUESTED', statementId });
    expect(retried.body['outBillNo']).not.toBe(failed.outBillNo);
    expect(await call('ops@fridge.demo', 'POST', `/v1/payouts/${failed.id}/retry`, undefined, key)).toEqual(retried); // replayed
    expect((await call('ops@fridge.demo', 'POST', `/v1/payouts/${failed.id}/retry`, undefined, randomUUID())).body.code).toBe('PAYOUT_EXISTS');
    const done = await until(String(retried.body['id']), (p) => p.state === 'SUCCEEDED');
    expect(done.state).toBe('SUCCEEDED');
    expect(await statusOf(statementId)).toBe('SETTLED');
    const all = (await call('ops@fridge.demo', 'GET', `/v1/payouts?statementId=${statementId}`)).body as { items: Payout[] };
    expect(all.items.map((p) => p.state).sort()).toEqual(['FAILED', 'SUCCEEDED']);
    expect(await billsOf(failed.outBillNo!)).toEqual([expect.objectContaining({ state: 'FAIL' })]);
    expect((await call('ops@fridge.demo', 'POST', `/v1/payouts/${done.id}/retry`, undefined, randomUUID())).body.code).toBe('PAYOUT_NOT_RETRYABLE');
    // PAYOUT_FAILED reached the franchisee's inbox and its brand's, once for the failed payout (not for the retry that succeeded); no other franchisee's
    const alertsOf = async (login: string) =>
      ((await call(login, 'GET', '/v1/alerts?kind=PAYOUT_FAILED')).body as unknown as { items: { subjectType: string; subjectId: string; facts: Record<string, unknown> }[] }).items.filter(
        (a) => a.subjectType === 'payout' && (a.subjectId === failed.id || a.subjectId === done.id),
      );
    for (const login of ['ops@fridge.demo', 'f1@fridge.demo']) {
      expect(await alertsOf(login)).toEqual([expect.objectContaining({ subjectId: failed.id, facts: expect.objectContaining({ what: 'TRANSFER', amountFen: 7_777, failure: 'ACCOUNT_FROZEN' }) })]);
    }
    expect(await alertsOf('f2@fridge.demo')).toEqual([]);
    expect(await alertsOf('ops@vendor.demo')).toEqual([]);
    try {
      for (const deadline = Date.now() + 20_000; !received.some((b) => b.includes(failed.id)) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 100));
      const delivered = received.filter((b) => b.includes(failed.id)).map((b) => JSON.parse(b) as Record<string, unknown>);
      expect(delivered).toEqual([expect.objectContaining({ alert: expect.objectContaining({ kind: 'PAYOUT_FAILED', category: 'MONEY', facts: expect.objectContaining({ what: 'TRANSFER', failure: 'ACCOUNT_FROZEN' }) }) })]);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('a lost answer: WeChat made the bill but its answer never came; the job queries the out_bill_no and follows the same bill', async () => {
    const statementId = await closedStatement(O.fridgeF1.id, 3_210);
    await h.simRequest('POST', '/sim/faults', { rules: [{ path: '^/v3/fund-app/mch-transfer/transfer-bills$', status: 500, phase: 'after' }] });
    try {
      const made = await pay(statementId);
      const moved = await until(String(made.body['id']), (p) => p.state !== 'REQUESTED');
      expect(moved.state).not.toBe('FAILED');
    } finally {
      await h.simRequest('POST', '/sim/faults', { rules: [] });
    }
    const [p] = (await call('ops@fridge.demo', 'GET', `/v1/payouts?statementId=${statementId}`)).body['items'] as Payout[];
    const done = await until(p!.id, (x) => x.state === 'SUCCEEDED');
    expect(done.state).toBe('SUCCEEDED');
    expect(await billsOf(done.outBillNo!)).toHaveLength(1);
    expect(await transferEntries(done.id)).toBe(4);
  });

  it('the real-name rule: from 2,000 CNY a payee without a real name is refused before WeChat; with one the transfer carries it', async () => {
    const big = await closedStatement(O.fridgeF1.id, 200_000);
    const refused = await pay(big);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('PAYOUT_REAL_NAME_REQUIRED');
    expect((await call('ops@fridge.demo', 'GET', `/v1/payouts?statementId=${big}`)).body).toMatchObject({ total: 0 });
    const f2big = await closedStatement(O.fridgeF2.id, 250_000); // F2's payee has its real name
    const made = await pay(f2big);
    expect(made.status).toBe(201);
    expect((await until(String(made.body['id']), (p) => p.state === 'SUCCEEDED')).state).toBe('SUCCEEDED');
  });

  it('two requests at once for one statement: one payout, the other refused; paid once', async () => {
    const statementId = await closedStatement(O.fridgeF1.id, 4_321);
    const [a, b] = await Promise.all([pay(statementId), pay(statementId)]);
    expect([a.status, b.status].sort()).toEqual([201, 422]);
    expect([a, b].find((r) => r.status === 422)!.body.code).toBe('PAYOUT_EXISTS');
    const id = String([a, b].find((r) => r.status === 201)!.body['id']);
    expect((await until(id, (p) => p.state === 'SUCCEEDED')).state).toBe('SUCCEEDED');
    expect((await call('ops@fridge.demo', 'GET', `/v1/payouts?statementId=${statementId}`)).body).toMatchObject({ total: 1 });
    const [{ n }] = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_entries WHERE source_kind = 'TRANSFER' AND source_id = $1`, [id])) as [{ n: number }];
    expect(n).toBe(4);
  });

  it('the transfer callback is verified: a forged one is refused and changes nothing', async () => {
    const [account] = await sql<{ id: string }>(`SELECT id FROM merchant_accounts WHERE mchid = $1`, [BRAND_MCHID]);
    const forged = await h.request('POST', `/v1/payouts/transfer-notify/${account!.id}`, {
      body: { id: 'x', event_type: 'MCHTRANSFER.BILL.FINISHED', resource: { ciphertext: 'AAAA', nonce: 'n', associated_data: 'a', algorithm: 'AEAD_AES_256_GCM' } },
      headers: { 'wechatpay-timestamp': String(Math.floor(Date.now() / 1000)), 'wechatpay-nonce': 'n', 'wechatpay-signature': 'bad', 'wechatpay-serial': 'PUB_KEY_ID_X' },
    });
    expect(forged.status).toBe(401);
    expect((await h.request('POST', `/v1/payouts/transfer-notify/${randomUUID()}`, { body: {} })).status).toBe(404);
  });
  it('the transfer scene: 1005 by default; an account’s own scene and report items (validated, audited) are what its next transfer is sent under', async () => {
    const account = `/v1/merchant-accounts/${DEMO_MERCHANTS.fridge.id}`;
    expect((await call('ops@fridge.demo', 'GET', account)).body['transferScene']).toEqual({
      sceneId: '1005',
      reportInfos: [
        { infoType: '岗位类型', infoContent: '加盟商' },
        { infoType: '报酬说明', infoContent: '分成结算{period}' },
      ],
      isDefault: true,
    });
    const scene = { sceneId: '1010', reportInfos: [{ infoType: '岗位类型', infoContent: '加盟商' }, { infoType: '报酬说明', infoContent: '加盟分成{period}' }] };
    // refused: not 4 digits, an infoType twice, a content too long once {period} (17 characters) is filled in
    expect((await call('ops@fridge.demo', 'PUT', `${account}/transfer-scene`, { ...scene, sceneId: '10x' })).body.code).toBe('VALIDATION_FAILED');
    expect((await call('ops@fridge.demo', 'PUT', `${account}/transfer-scene`, { ...scene, reportInfos: [] })).body.code).toBe('VALIDATION_FAILED');
    const twice = await call('ops@fridge.demo', 'PUT', `${account}/transfer-scene`, { ...scene, reportInfos: [scene.reportInfos[0], scene.reportInfos[0]] });
    expect(twice).toMatchObject({ status: 400, body: { code: 'MERCHANT_INVALID', errors: [expect.objectContaining({ field: 'reportInfos.1.infoType' })] } });
    const long = await call('ops@fridge.demo', 'PUT', `${account}/transfer-scene`, { ...scene, reportInfos: [{ infoType: '报酬说明', infoContent: `${'佣'.repeat(16)}{period}` }] });
    expect(long).toMatchObject({ status: 400, body: { code: 'MERCHANT_INVALID', errors: [expect.objectContaining({ field: 'reportInfos.0.infoContent' })] } });
    // only the account's organisation (its admins): others get 404
    expect((await call('ops@vendor.demo', 'PUT', `${account}/transfer-scene`, scene)).status).toBe(404);
    expect((await call('ops@fridge.demo', 'GET', account)).body['transferScene']).toMatchObject({ sceneId: '1005', isDefault: true });

    const set = await call('ops@fridge.demo', 'PUT', `${account}/transfer-scene`, scene);
    expect(set.status).toBe(200);
    expect(set.body['transferScene']).toEqual({ ...scene, isDefault: false });
    const audit = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'merchant-account.transfer-scene.set' AND resource_id = $1`, [DEMO_MERCHANTS.fridge.id]);
    expect(audit[0]!.n).toBe(1);

    const statementId = await closedStatement(O.fridgeF1.id, 4_321);
    const made = await pay(statementId);
    const done = await until(String(made.body['id']), (p) => p.state === 'SUCCEEDED');
    expect(done.state).toBe('SUCCEEDED');
    const [period] = await sql<{ p: string }>(`SELECT to_char(period_start, 'YYYYMMDD') || '-' || to_char(period_end, 'YYYYMMDD') AS p FROM statements WHERE id = $1`, [statementId]);
    const bill = h.sim.core.transfers.all().find((b) => b.outBillNo === done.outBillNo)!;
    expect(bill.sceneId).toBe('1010');
    expect(JSON.parse(bill.canonical)).toMatchObject({
      transfer_scene_id: '1010',
      transfer_scene_report_infos: [
        { info_type: '岗位类型', info_content: '加盟商' },
        { info_type: '报酬说明', info_content: `加盟分成${period!.p}` },
      ],
    });
  });
});
