// Profit sharing (分账) and merchant transfer (商家转账) against the running simulator, driven by the @zizhu/payscore
// client over loopback HTTP: the 1-minute and 30-day windows, the maximum ratio, receivers that were never added,
// refunds of split money, returns, unfreezing, the 分账动账通知, transfers (idempotency, user confirmation, failure,
// cancel, callback), injected faults followed by a query, and the profit-sharing bill.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PayScoreClient, createFetchTransport, encryptSensitiveField, parseFundFlowBill, parseProfitSharingBill, verifyAndDecryptFundNotification, type PayScoreError } from '@zizhu/payscore';
import { createSimulator, type Simulator } from '../src/server.js';
import {
  FAST,
  WxTestClient,
  authorization,
  bjTime,
  completeBody,
  confirmedOrder,
  decryptCallback,
  newMerchant,
  queryOrder,
  registrationBody,
  simGet,
  simPost,
  startReceiver,
  verifyCallback,
  type CallbackReceiver,
  type Harness,
  type TestMerchant,
} from './support/wx-test-kit.js';

const FRANCHISEE_NAME = '深圳市一号加盟店有限公司';
const DAY = 86_400_000;

describe('profit sharing and merchant transfer', () => {
  let sim: Simulator;
  let brand: TestMerchant;
  let franchisee: TestMerchant;
  let brandReceiver: CallbackReceiver;
  let franchiseeReceiver: CallbackReceiver;
  let h: Harness;
  let client: PayScoreClient;
  let platformKeys: Record<string, string>;
  let seq = 0;
  const paidTransactions: string[] = [];
  const no = (prefix: string): string => `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

  const clientFor = (m: TestMerchant, overrides: Partial<ConstructorParameters<typeof PayScoreClient>[0]> = {}): PayScoreClient =>
    new PayScoreClient({
      mchid: m.mchid,
      merchantSerialNo: m.serialNo,
      merchantPrivateKey: m.privateKey,
      platformKeys,
      appid: m.appid,
      serviceId: m.useFirstServiceId,
      baseUrl: sim.url,
      wechatpaySerial: sim.platformPublicKeyId,
      transport: createFetchTransport({ timeoutMs: 3000 }),
      retry: { maxAttempts: 1 },
      ...overrides,
    });
  const simNow = async (): Promise<number> => (await simGet(sim, '/sim/clock')).json['nowMs'] as number;
  const advance = (seconds: number) => simPost(sim, '/sim/clock', { advanceSeconds: seconds });
  const until = async <T>(probe: () => Promise<T | undefined>, what: string): Promise<T> => {
    for (let i = 0; i < 300; i++) {
      const v = await probe();
      if (v !== undefined) return v;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  /** A Pay Score order of the brand, completed with profit_sharing and paid; answers its transaction_id. */
  const paidOrder = async (totalFen: number, profitSharing = true): Promise<{ outOrderNo: string; transactionId: string }> => {
    const outOrderNo = await confirmedOrder(h);
    const end = bjTime(0, await simNow());
    const done = await h.client.post(`/v3/payscore/serviceorder/${outOrderNo}/complete`, completeBody(h, totalFen, { time_range: { end_time: end }, profit_sharing: profitSharing }));
    expect(done.status).toBe(200);
    const order = await until(async () => {
      const q = await queryOrder(h, outOrderNo);
      return q.json['state'] === 'DONE' ? q.json : undefined;
    }, 'the debit');
    const details = (order['collection'] as { details: Array<{ transaction_id: string }> }).details;
    paidTransactions.push(String(details[0]?.transaction_id));
    return { outOrderNo, transactionId: String(details[0]?.transaction_id) };
  };
  const splitTo = (transactionId: string, amount: number, extra: { unfreeze?: boolean; account?: string } = {}) =>
    client.createProfitSharingOrder({
      transaction_id: transactionId,
      out_order_no: no('PS'),
      receivers: [{ type: 'MERCHANT_ID', account: extra.account ?? franchisee.mchid, amount, description: '加盟分成' }],
      unfreeze_unsplit: extra.unfreeze ?? false,
    });
  const finished = (outOrderNo: string, transactionId: string) =>
    until(async () => {
      const q = await client.queryProfitSharingOrder(outOrderNo, transactionId);
      return q.state === 'FINISHED' ? q : undefined;
    }, 'FINISHED');
  const refund = (transactionId: string, refundFen: number, totalFen: number) =>
    client.createRefund({ transaction_id: transactionId, out_refund_no: no('RF'), amount: { refund: refundFen, total: totalFen } });
  const balance = async (mchid: string): Promise<number> => (await simGet(sim, `/sim/merchants/${mchid}/balance`)).json['availableFen'] as number;

  beforeAll(async () => {
    // no fees here (the amounts below are the payments'); fees and the splittable amount: bills-and-complaints.e2e-spec.ts
    sim = await createSimulator({ ...FAST, profitSharingDelayMs: 20, transferDelayMs: 20, feeRateBasisPoints: 0 });
    brand = newMerchant(0);
    franchisee = newMerchant(1);
    const reg = await simPost(sim, '/sim/merchants', registrationBody(brand));
    await simPost(sim, '/sim/merchants', { ...registrationBody(franchisee), name: FRANCHISEE_NAME });
    platformKeys = { [String(reg.json['platformPublicKeyId'])]: String(reg.json['platformPublicKeyPem']) };
    brandReceiver = await startReceiver();
    franchiseeReceiver = await startReceiver('/wechat/profitsharing');
    await simPost(sim, `/sim/merchants/${franchisee.mchid}/profit-sharing-notify-url`, { url: franchiseeReceiver.url });
    h = { sim, merchant: brand, client: new WxTestClient(sim.url, brand, String(reg.json['platformPublicKeyPem'])), receiver: brandReceiver, close: async () => undefined };
    client = clientFor(brand, { transferNotifyUrl: brandReceiver.url });
    await client.addProfitSharingReceiver({ type: 'MERCHANT_ID', account: franchisee.mchid, name: FRANCHISEE_NAME, relation_type: 'BRAND' });
    // a business day of its own: the clock starts at 09:00 Shanghai the next morning, so every order and split of this file
    // falls on one bill day, whenever the suite runs (a run crossing midnight in Beijing split them over two bills)
    const now = await simNow();
    const nextMorning = Date.parse(`${new Date(now + 8 * 3600_000).toISOString().slice(0, 10)}T09:00:00+08:00`) + DAY;
    await advance(Math.ceil((nextMorning - now) / 1000));
  });
  afterAll(async () => {
    await sim.close();
    await brandReceiver.close();
    await franchiseeReceiver.close();
  });

  it('receiver add: the name must be ciphertext under the named key and match the merchant’s legal name', async () => {
    const raw = h.client;
    const cipher = encryptSensitiveField('别的公司', sim.platformPublicKeyPem);
    const body = { appid: brand.appid, type: 'MERCHANT_ID', account: franchisee.mchid, relation_type: 'BRAND' };
    const noSerial = await raw.call('POST', '/v3/profitsharing/receivers/add', { ...body, name: cipher });
    expect(noSerial.status).toBe(400); // an encrypted name without the Wechatpay-Serial header
    expect(noSerial.json['message']).toContain('Wechatpay-Serial');
    await expect(client.addProfitSharingReceiver({ type: 'MERCHANT_ID', account: franchisee.mchid, name: '别的公司', relation_type: 'BRAND' })).rejects.toMatchObject({
      code: 'PAYSCORE_INVALID_REQUEST',
      wechatMessage: expect.stringContaining('主体名称不一致'),
    });
    const clear = await fetch(`${sim.url}/v3/profitsharing/receivers/add`, { method: 'POST' }); // unsigned: refused before anything
    expect(clear.status).toBe(401);
    // a foreign mchid: the simulator checks the name it was told
    await simPost(sim, '/sim/profit-sharing/account-names', { account: '1900099999', name: '外部品牌方' });
    await expect(client.addProfitSharingReceiver({ type: 'MERCHANT_ID', account: '1900099999', name: '外部品牌方', relation_type: 'HEADQUARTER' })).resolves.toMatchObject({ account: '1900099999' });
    // adding twice is idempotent
    await expect(client.addProfitSharingReceiver({ type: 'MERCHANT_ID', account: franchisee.mchid, name: FRANCHISEE_NAME, relation_type: 'BRAND' })).resolves.toMatchObject({ type: 'MERCHANT_ID' });
  });

  it('the 1-minute rule, receivers not added, the maximum ratio, unflagged orders; then PROCESSING → FINISHED and the 分账动账通知', async () => {
    const { transactionId } = await paidOrder(1000);
    await expect(splitTo(transactionId, 100)).rejects.toMatchObject({ code: 'PAYSCORE_PROFIT_SHARING_NOT_READY', wechatMessage: '订单处理中，请稍后重试' });
    await advance(61);
    await expect(splitTo(transactionId, 100, { account: '1900012345' })).rejects.toMatchObject({ wechatMessage: expect.stringContaining('分账接收方关系不存在') });
    await expect(splitTo(transactionId, 301)).rejects.toMatchObject({ code: 'PAYSCORE_AMOUNT_INVALID', wechatMessage: '分账金额超出最大分账比例' });
    const unflagged = await paidOrder(500, false);
    await advance(61);
    await expect(splitTo(unflagged.transactionId, 10)).rejects.toMatchObject({ wechatMessage: '非分账订单不支持分账' });

    const before = await balance(franchisee.mchid);
    const split = await splitTo(transactionId, 300);
    expect(split.state).toBe('PROCESSING');
    expect(split.receivers?.[0]?.result).toBe('PENDING');
    expect((await client.queryProfitSharingUnsplitAmount(transactionId)).unsplit_amount).toBe(700);
    // the ratio is cumulative: 30% is used up
    await expect(splitTo(transactionId, 1)).rejects.toMatchObject({ wechatMessage: '分账金额超出最大分账比例' });
    await advance(1);
    const done = await finished(split.out_order_no, transactionId);
    expect(done.receivers?.[0]).toMatchObject({ result: 'SUCCESS', amount: 300, account: franchisee.mchid });
    expect(await balance(franchisee.mchid)).toBe(before + 300);
    const [cb] = await franchiseeReceiver.waitFor((all) => all.some((c) => c.envelope['event_type'] === 'PROFITSHARING.SUCCESS'));
    expect(cb && verifyCallback(sim.platformPublicKeyPem, cb)).toBe(true);
    const resource = decryptCallback(franchisee.apiV3Key, cb?.envelope ?? {});
    expect(resource).toMatchObject({ mchid: brand.mchid, transaction_id: transactionId, out_order_no: split.out_order_no, receiver: { type: 'MERCHANT_ID', account: franchisee.mchid, amount: 300 } });
    expect((cb?.envelope['resource'] as Record<string, unknown>)['original_type']).toBe('profitsharing');
    const event = verifyAndDecryptFundNotification({ headers: cb?.headers ?? {}, rawBody: cb?.body ?? '' }, { platformKeys, apiV3Key: franchisee.apiV3Key, now: Date.now });
    expect(event).toMatchObject({ eventType: 'PROFITSHARING.SUCCESS', kind: 'SPLIT', profitSharing: { out_order_no: split.out_order_no } });

    // a per-merchant maximum ratio (万分比) raises the cap
    await simPost(sim, `/sim/merchants/${brand.mchid}/profit-sharing-max-ratio`, { maxRatio: 5000 });
    await expect(splitTo(transactionId, 200)).resolves.toMatchObject({ state: 'PROCESSING' });
    await simPost(sim, `/sim/merchants/${brand.mchid}/profit-sharing-max-ratio`, { maxRatio: 3000 });
  });

  it('a refund that the frozen remainder cannot cover is refused until the split is returned; a return the receiver cannot cover fails', async () => {
    const { transactionId } = await paidOrder(1000);
    await advance(61);
    const split = await splitTo(transactionId, 300);
    await advance(1);
    await finished(split.out_order_no, transactionId);
    await simPost(sim, `/sim/merchants/${brand.mchid}/balance`, { availableFen: 0 });
    await expect(refund(transactionId, 1000, 1000)).rejects.toMatchObject({ code: 'PAYSCORE_BALANCE_NOT_ENOUGH', wechatCode: 'NOT_ENOUGH' });
    await expect(client.queryProfitSharingUnsplitAmount(transactionId)).resolves.toMatchObject({ unsplit_amount: 700 });

    // the receiver spent the money: the return fails BALANCE_NOT_ENOUGH (synchronously)
    await simPost(sim, `/sim/merchants/${franchisee.mchid}/balance`, { availableFen: 100 });
    const poor = await client.createProfitSharingReturn({ out_order_no: split.out_order_no, out_return_no: no('RT'), return_mchid: franchisee.mchid, amount: 300, description: '退款前回退' });
    expect(poor).toMatchObject({ result: 'FAILED', fail_reason: 'BALANCE_NOT_ENOUGH' });
    await simPost(sim, `/sim/merchants/${franchisee.mchid}/balance`, { availableFen: 300 });
    const outReturnNo = no('RT');
    const ret = await client.createProfitSharingReturn({ out_order_no: split.out_order_no, out_return_no: outReturnNo, return_mchid: franchisee.mchid, amount: 300, description: '退款前回退' });
    expect(ret).toMatchObject({ result: 'SUCCESS', amount: 300 });
    await expect(client.queryProfitSharingReturn(outReturnNo, split.out_order_no)).resolves.toMatchObject({ result: 'SUCCESS' });
    await expect(client.createProfitSharingReturn({ out_order_no: split.out_order_no, out_return_no: no('RT'), return_mchid: franchisee.mchid, amount: 1, description: '多退' })).rejects.toMatchObject({ code: 'PAYSCORE_AMOUNT_INVALID' });
    await franchiseeReceiver.waitFor((all) => all.some((c) => c.envelope['event_type'] === 'PROFITSHARING.RETURN'));

    await expect(refund(transactionId, 1000, 1000)).resolves.toMatchObject({ status: 'PROCESSING' });
    expect(await balance(brand.mchid)).toBe(0);
    // a fully refunded order has nothing left to split
    await expect(splitTo(transactionId, 1)).rejects.toMatchObject({ wechatMessage: '分账金额不足' });
  });

  it('unfreeze releases the rest; a split’s number does nothing; afterwards splits are refused; a CLOSED line keeps its money frozen', async () => {
    const { transactionId } = await paidOrder(2000);
    await advance(61);
    await simPost(sim, '/sim/profit-sharing/receiver-failures', { account: franchisee.mchid, failReason: 'ACCOUNT_ABNORMAL' });
    const split = await splitTo(transactionId, 200);
    await advance(1);
    const closed = await finished(split.out_order_no, transactionId);
    expect(closed.receivers?.[0]).toMatchObject({ result: 'CLOSED', fail_reason: 'ACCOUNT_ABNORMAL' });
    expect((await client.queryProfitSharingUnsplitAmount(transactionId)).unsplit_amount).toBe(2000);

    const reused = await client.unfreezeProfitSharing({ transaction_id: transactionId, out_order_no: split.out_order_no, description: '解冻' });
    expect(reused.order_id).toBe(split.order_id);
    expect((await client.queryProfitSharingUnsplitAmount(transactionId)).unsplit_amount).toBe(2000);

    const before = await balance(brand.mchid);
    const unfreeze = await client.unfreezeProfitSharing({ transaction_id: transactionId, out_order_no: no('UF'), description: '解冻剩余资金' });
    expect(unfreeze.state).toBe('PROCESSING');
    await advance(1);
    const released = await finished(unfreeze.out_order_no, transactionId);
    expect(released.receivers?.[0]).toMatchObject({ type: 'MERCHANT_ID', account: brand.mchid, amount: 2000, result: 'SUCCESS' });
    expect(await balance(brand.mchid)).toBe(before + 2000);
    await expect(splitTo(transactionId, 10)).rejects.toMatchObject({ wechatMessage: '订单已完结分账，不支持分账' });
  });

  it('a split whose answer was lost is found by query, and re-sending it answers the same order', async () => {
    const { transactionId } = await paidOrder(1000);
    await advance(61);
    await simPost(sim, '/sim/faults', { rules: [{ path: '^/v3/profitsharing/orders$', status: 500, phase: 'after' }] });
    const input = { transaction_id: transactionId, out_order_no: no('PS'), receivers: [{ type: 'MERCHANT_ID' as const, account: franchisee.mchid, amount: 100, description: '加盟分成' }], unfreeze_unsplit: false };
    const lost = await client.createProfitSharingOrder(input).catch((e: PayScoreError) => e);
    expect(lost).toMatchObject({ code: 'PAYSCORE_SYSTEM_ERROR', retryable: true });
    await simPost(sim, '/sim/faults', { rules: [] });
    const found = await client.queryProfitSharingOrder(input.out_order_no, transactionId);
    const again = await client.createProfitSharingOrder(input);
    expect(again.order_id).toBe(found.order_id);
    await expect(client.createProfitSharingOrder({ ...input, receivers: [{ ...input.receivers[0]!, amount: 101 }] })).rejects.toMatchObject({ code: 'PAYSCORE_REENTRY_MISMATCH' });
    expect((await client.queryProfitSharingUnsplitAmount(transactionId)).unsplit_amount).toBe(900);
  });

  it('merchant transfer: NOT_ENOUGH without balance, idempotent by out_bill_no, the user confirms, SUCCESS with its callback', async () => {
    const transfer = {
      out_bill_no: no('TB'),
      transfer_scene_id: '1005',
      openid: 'o_franchisee_1',
      transfer_amount: 250_000,
      user_name: '王五',
      transfer_remark: '11月分成',
      transfer_scene_report_infos: [{ info_type: '岗位类型', info_content: '加盟商' }, { info_type: '报酬说明', info_content: '11月分成' }],
    };
    await simPost(sim, `/sim/merchants/${brand.mchid}/balance`, { availableFen: 0 });
    await expect(client.createTransferBill(transfer)).rejects.toMatchObject({ code: 'PAYSCORE_BALANCE_NOT_ENOUGH' });
    await simPost(sim, `/sim/merchants/${brand.mchid}/balance`, { availableFen: 300_000 });
    const created = await client.createTransferBill(transfer);
    expect(created).toMatchObject({ state: 'WAIT_USER_CONFIRM', package_info: expect.any(String) });
    expect(await balance(brand.mchid)).toBe(50_000);
    const again = await client.createTransferBill(transfer); // the name is encrypted again: still the same bill
    expect(again.transfer_bill_no).toBe(created.transfer_bill_no);
    await expect(client.createTransferBill({ ...transfer, transfer_amount: 250_001 })).rejects.toMatchObject({ code: 'PAYSCORE_REENTRY_MISMATCH' });
    expect((await simPost(sim, `/sim/transfers/${transfer.out_bill_no}/confirm`, {})).json['state']).toBe('TRANSFERING');
    await advance(1);
    const done = await until(async () => {
      const q = await client.queryTransferBill(transfer.out_bill_no);
      return q.state === 'SUCCESS' ? q : undefined;
    }, 'SUCCESS');
    expect(done).toMatchObject({ transfer_amount: 250_000, openid: 'o_franchisee_1', mch_id: brand.mchid });
    const [cb] = (await brandReceiver.waitFor((all) => all.some((c) => c.envelope['event_type'] === 'MCHTRANSFER.BILL.FINISHED'))).filter((c) => c.envelope['event_type'] === 'MCHTRANSFER.BILL.FINISHED');
    expect(decryptCallback(brand.apiV3Key, cb?.envelope ?? {})).toMatchObject({ out_bill_no: transfer.out_bill_no, state: 'SUCCESS', transfer_amount: 250_000 });
    const event = verifyAndDecryptFundNotification({ headers: cb?.headers ?? {}, rawBody: cb?.body ?? '' }, { platformKeys, apiV3Key: brand.apiV3Key, now: Date.now });
    expect(event).toMatchObject({ eventType: 'MCHTRANSFER.BILL.FINISHED', transfer: { state: 'SUCCESS' } });
  });

  it('merchant transfer: an injected failure ends FAIL with its reason and gives the money back; cancel; a lost answer then query', async () => {
    await simPost(sim, `/sim/merchants/${brand.mchid}/balance`, { availableFen: 10_000 });
    await simPost(sim, '/sim/settings', { transferConfirm: 'auto' });
    await simPost(sim, '/sim/transfers/failures', { openid: 'o_frozen', failReason: 'ACCOUNT_FROZEN' });
    const base = { transfer_scene_id: '1005', transfer_amount: 1000, transfer_remark: '分成', transfer_scene_report_infos: [{ info_type: '岗位类型', info_content: '店长' }, { info_type: '报酬说明', info_content: '分成' }] };
    const failing = await client.createTransferBill({ ...base, out_bill_no: no('TB'), openid: 'o_frozen' });
    await advance(1);
    const failed = await until(async () => {
      const q = await client.queryTransferBill(failing.out_bill_no);
      return q.state === 'FAIL' ? q : undefined;
    }, 'FAIL');
    expect(failed.fail_reason).toBe('ACCOUNT_FROZEN');
    expect(await balance(brand.mchid)).toBe(10_000);

    await simPost(sim, '/sim/settings', { transferConfirm: 'user' });
    const waiting = await client.createTransferBill({ ...base, out_bill_no: no('TB'), openid: 'o_user_2' });
    expect((await client.cancelTransferBill(waiting.out_bill_no)).state).toBe('CANCELING');
    await advance(1);
    await until(async () => ((await client.queryTransferBill(waiting.out_bill_no)).state === 'CANCELLED' ? true : undefined), 'CANCELLED');
    expect(await balance(brand.mchid)).toBe(10_000);

    await simPost(sim, '/sim/faults', { rules: [{ path: '^/v3/fund-app/mch-transfer/transfer-bills$', status: 503, phase: 'after' }] });
    const lostNo = no('TB');
    await expect(client.createTransferBill({ ...base, out_bill_no: lostNo, openid: 'o_user_3' })).rejects.toMatchObject({ code: 'PAYSCORE_UNAVAILABLE', retryable: true });
    await simPost(sim, '/sim/faults', { rules: [] });
    await expect(client.queryTransferBill(lostNo)).resolves.toMatchObject({ state: 'WAIT_USER_CONFIRM' });
    await client.cancelTransferBill(lostNo);
    await advance(1);
    expect(await balance(brand.mchid)).toBe(10_000);
    await expect(client.queryTransferBill(no('TB'))).rejects.toMatchObject({ code: 'PAYSCORE_ORDER_NOT_FOUND' });
  });

  it('the profit-sharing bill of the day lists the splits, returns and releases; the trade bill keeps the profit-sharing payments; the fund-flow bills of payer and receiver', async () => {
    const billDate = new Date((await simNow()) + 8 * 3600_000).toISOString().slice(0, 10);
    const dayStart = Date.parse(`${billDate}T00:00:00+08:00`);
    await advance(Math.max(0, (dayStart + DAY + 11 * 3600_000 - (await simNow())) / 1000));
    const applied = await client.applyProfitSharingBill(billDate, { gzip: true });
    const url = new URL(applied.download_url);
    const file = await fetch(applied.download_url, { headers: { Authorization: authorization(brand, 'GET', url.pathname + url.search, '') } });
    expect(file.status).toBe(200);
    expect(file.headers.get('wechatpay-signature')).toBeNull(); // file streams are unsigned, as WeChat's
    const csv = gunzipSync(Buffer.from(await file.arrayBuffer())).toString('utf8');
    expect(createHash('sha1').update(csv).digest('hex')).toBe(applied.hash_value);
    const lines = csv.split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toBe('分账时间,分账发起方,分账方,分账接收方类型,分账接收方,分账金额(元),业务类型,处理状态,分账描述,微信订单号,微信分账/回退单号,商户分账/回退单号,明细单号');
    const rows = lines.slice(1, -2).map((l) => l.split(',').map((f) => f.replace(/^`/, '')));
    const kinds = new Set(rows.map((r) => r[6]));
    expect(kinds).toEqual(new Set(['分账', '分账回退', '解冻给分账方']));
    expect(rows.some((r) => r[6] === '分账' && r[5] === '3.00' && r[7] === 'SUCCESS')).toBe(true);
    expect(rows.some((r) => r[6] === '分账' && r[7] === 'CLOSED')).toBe(true);
    expect(rows.some((r) => r[6] === '分账回退' && r[5] === '3.00' && r[7] === 'SUCCESS')).toBe(true);
    expect(rows.some((r) => r[6] === '解冻给分账方' && r[5] === '20.00')).toBe(true);
    expect(lines[lines.length - 2]).toBe('总条数,分账总金额(元),分账回退总金额(元),解冻总金额(元)');

    const trade = await h.client.get(`/v3/bill/tradebill?bill_date=${billDate}&bill_type=SUCCESS`);
    expect(trade.status).toBe(200);
    const tradeUrl = new URL(String(trade.json['download_url']));
    const tradeCsv = (await h.client.get(tradeUrl.pathname + tradeUrl.search)).text;
    const auth = tradeCsv.split('\r\n').filter((l) => l.includes('`AUTH,'));
    // every paid order of this file, split or not, is one AUTH row with its full amount (splits are not trades)
    expect(auth).toHaveLength(paidTransactions.length);
    for (const tx of paidTransactions) expect(auth.some((l) => l.includes(`\`${tx},`))).toBe(true);
    expect(auth.filter((l) => l.includes('`10.00,'))).toHaveLength(3);
    // the lib's parser agrees with the file's summary
    expect(parseProfitSharingBill(csv).summaryDifferences).toEqual([]);
    // the fund-flow bills: the payer pays splits out and gets returns and transfers back, the receiver the reverse
    const brandFlow = parseFundFlowBill((await client.downloadBill(await client.applyFundFlowBill(billDate))).bytes.toString('utf8'));
    const types = (rows: typeof brandFlow.rows, dir: 'INCOME' | 'EXPENSE'): Set<string> => new Set(rows.filter((r) => r.direction === dir).map((r) => r.businessType));
    expect(types(brandFlow.rows, 'EXPENSE')).toEqual(new Set(['分账', '退款', '商家转账']));
    expect(types(brandFlow.rows, 'INCOME')).toEqual(new Set(['交易', '分账回退', '商家转账退回']));
    expect(brandFlow.summaryDifferences).toEqual([]);
    const franchiseeFlow = parseFundFlowBill((await clientFor(franchisee).downloadBill(await clientFor(franchisee).applyFundFlowBill(billDate))).bytes.toString('utf8'));
    expect(franchiseeFlow.rows.filter((r) => r.businessType === '分账' && r.direction === 'INCOME').length).toBeGreaterThan(0);
    expect(franchiseeFlow.rows.some((r) => r.businessType === '分账回退' && r.direction === 'EXPENSE' && r.amountFen === 300)).toBe(true);

    // no movement that day: NO_STATEMENT_EXIST
    const empty = await h.client.get(`/v3/profitsharing/bills?bill_date=${new Date(dayStart - DAY + 8 * 3600_000).toISOString().slice(0, 10)}`);
    expect(empty.json['code']).toBe('NO_STATEMENT_EXIST');
  });

  it('merchant transfer: ACCEPTED → PROCESSING → WAIT_USER_CONFIRM on the clock; unconfirmed for 24 h → FAIL OVERDUE_CLOSE', async () => {
    await simPost(sim, `/sim/merchants/${brand.mchid}/balance`, { availableFen: 5_000 });
    await simPost(sim, '/sim/settings', { transferAcceptMs: 1000 });
    const input = { out_bill_no: no('TB'), transfer_scene_id: '1005', openid: 'o_user_4', transfer_amount: 500, transfer_remark: '分成', transfer_scene_report_infos: [{ info_type: '岗位类型', info_content: '店长' }, { info_type: '报酬说明', info_content: '分成' }] };
    const created = await client.createTransferBill(input);
    expect(created.state).toBe('ACCEPTED');
    expect(created.package_info).toBeUndefined();
    await advance(1);
    expect((await client.queryTransferBill(input.out_bill_no)).state).toBe('PROCESSING');
    await advance(1);
    const waiting = await client.createTransferBill(input); // re-sent to learn the package_info
    expect(waiting).toMatchObject({ state: 'WAIT_USER_CONFIRM', package_info: expect.any(String), transfer_bill_no: created.transfer_bill_no });
    await simPost(sim, '/sim/settings', { transferAcceptMs: 0 });
    await advance(86_400);
    expect(await client.queryTransferBill(input.out_bill_no)).toMatchObject({ state: 'FAIL', fail_reason: 'OVERDUE_CLOSE' });
    expect(await balance(brand.mchid)).toBe(5_000);
  });

  it('30 days after payment the unsplit rest is released: the split is refused and the unsplit amount is 0', async () => {
    const { transactionId } = await paidOrder(1000);
    await advance(61);
    expect((await client.queryProfitSharingUnsplitAmount(transactionId)).unsplit_amount).toBe(1000);
    const before = await balance(brand.mchid);
    await advance(30 * 86_400);
    await expect(splitTo(transactionId, 100)).rejects.toMatchObject({ wechatMessage: '分账金额不足' });
    expect((await client.queryProfitSharingUnsplitAmount(transactionId)).unsplit_amount).toBe(0);
    expect(await balance(brand.mchid)).toBeGreaterThanOrEqual(before + 1000);
  });
});
