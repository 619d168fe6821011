// Bills (trade, fund flow, profit sharing) and consumer complaints 2.0 against the running simulator, driven by the
// @zizhu/payscore client over loopback HTTP: fees at the configured rate, the ready gate and NO_STATEMENT_EXIST, the
// streamed download with its SHA1 check and gzip, the lib's parsers on the simulator's files, every kind of bill
// alteration, and a complaint from creation through notification, detail, phone, image, reply (answer lost), user
// message, refund approval and the refund, completion.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  PayScoreClient,
  createFetchTransport,
  decryptComplaintPayerPhone,
  parseFundFlowBill,
  parseProfitSharingBill,
  parseTradeBill,
  verifyAndDecryptComplaintNotification,
  type TradeBill,
} from '@zizhu/payscore';
import { createSimulator, type Simulator } from '../src/server.js';
import {
  FAST,
  WxTestClient,
  bjTime,
  completeBody,
  confirmedOrder,
  newMerchant,
  queryOrder,
  registrationBody,
  simGet,
  simPost,
  startReceiver,
  type CallbackReceiver,
  type Harness,
  type TestMerchant,
} from './support/wx-test-kit.js';

const HOUR = 3_600_000;
const beijingDate = (ms: number): string => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

describe('bills and complaints', () => {
  let sim: Simulator;
  let merchant: TestMerchant;
  let receiver: CallbackReceiver;
  let payScoreReceiver: CallbackReceiver;
  let h: Harness;
  let client: PayScoreClient;
  let platformKeys: Record<string, string>;
  let seq = 0;
  const no = (prefix: string): string => `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();
  const simNow = async (): Promise<number> => (await simGet(sim, '/sim/clock')).json['nowMs'] as number;
  const until = async <T>(probe: () => Promise<T | undefined>, what: string): Promise<T> => {
    for (let i = 0; i < 300; i++) {
      const v = await probe();
      if (v !== undefined) return v;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const paidOrder = async (totalFen: number, profitSharing = false): Promise<{ outOrderNo: string; transactionId: string }> => {
    const outOrderNo = await confirmedOrder(h);
    const done = await h.client.post(`/v3/payscore/serviceorder/${outOrderNo}/complete`, completeBody(h, totalFen, { time_range: { end_time: bjTime(0, await simNow()) }, profit_sharing: profitSharing }));
    expect(done.status).toBe(200);
    const order = await until(async () => {
      const q = await queryOrder(h, outOrderNo);
      return q.json['state'] === 'DONE' ? q.json : undefined;
    }, 'the debit');
    const details = (order['collection'] as { details: Array<{ transaction_id: string }> }).details;
    return { outOrderNo, transactionId: String(details[0]?.transaction_id) };
  };
  const refunded = async (transactionId: string, refundFen: number, totalFen: number): Promise<string> => {
    const outRefundNo = no('RF');
    await client.createRefund({ transaction_id: transactionId, out_refund_no: outRefundNo, amount: { refund: refundFen, total: totalFen } });
    await until(async () => ((await client.queryRefund(outRefundNo)).status === 'SUCCESS' ? true : undefined), 'the refund');
    return outRefundNo;
  };
  const tradeBill = async (date: string): Promise<TradeBill> => {
    const ticket = await client.applyTradeBill(date, { gzip: true });
    const file = await client.downloadBill(ticket);
    expect(file.gzip).toBe(true);
    expect(file.sha1).toBe(ticket.hash_value);
    return parseTradeBill(file.bytes.toString('utf8'));
  };

  let day = '';
  let a: { outOrderNo: string; transactionId: string };
  let b: { outOrderNo: string; transactionId: string };
  let refundNo = '';

  beforeAll(async () => {
    sim = await createSimulator({ ...FAST });
    merchant = newMerchant(0);
    const reg = await simPost(sim, '/sim/merchants', registrationBody(merchant));
    platformKeys = { [String(reg.json['platformPublicKeyId'])]: String(reg.json['platformPublicKeyPem']) };
    receiver = await startReceiver('/wechat/complaints');
    payScoreReceiver = await startReceiver();
    h = { sim, merchant, client: new WxTestClient(sim.url, merchant, String(reg.json['platformPublicKeyPem'])), receiver: payScoreReceiver, close: async () => undefined };
    client = new PayScoreClient({
      mchid: merchant.mchid,
      merchantSerialNo: merchant.serialNo,
      merchantPrivateKey: merchant.privateKey,
      platformKeys,
      appid: merchant.appid,
      serviceId: merchant.useFirstServiceId,
      baseUrl: sim.url,
      transport: createFetchTransport({ timeoutMs: 3000 }),
      retry: { maxAttempts: 1 },
    });
    // the day's business: two Pay Score debits (fees at 0.60%), one partial refund
    expect((await simPost(sim, '/sim/settings', { feeRateBasisPoints: 60 })).json['feeRateBasisPoints']).toBe(60);
    a = await paidOrder(350);
    b = await paidOrder(1000);
    refundNo = await refunded(b.transactionId, 250, 1000);
    day = beijingDate(await simNow());
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
    await payScoreReceiver.close();
  });

  it('bills are not ready before 10:00 Beijing the next day; a day without business has no bill', async () => {
    await expect(client.applyTradeBill(day)).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_REQUEST' }); // today
    const now = await simNow();
    const dayStart = Date.parse(`${day}T00:00:00+08:00`);
    // 09:59 the next day: still being generated
    await simPost(sim, '/sim/clock', { advanceSeconds: Math.ceil((dayStart + 33 * HOUR + 59 * 60_000 - now) / 1000) });
    await expect(client.applyTradeBill(day)).rejects.toMatchObject({ code: 'PAYSCORE_BILL_NOT_READY', retryable: true, wechatCode: 'STATEMENT_CREATING' });
    await expect(client.applyFundFlowBill(day)).rejects.toMatchObject({ code: 'PAYSCORE_BILL_NOT_READY' });
    await simPost(sim, '/sim/clock', { advanceSeconds: 120 });
    const dayBefore = beijingDate(dayStart - 12 * HOUR);
    await expect(client.applyTradeBill(dayBefore)).rejects.toMatchObject({ code: 'PAYSCORE_BILL_NO_STATEMENT', retryable: false, wechatCode: 'NO_STATEMENT_EXIST' });
    await expect(client.applyFundFlowBill(dayBefore)).rejects.toMatchObject({ code: 'PAYSCORE_BILL_NO_STATEMENT' });
  });

  it('the trade bill holds exactly the day: AUTH payments with wxzff references, the refund row, fees and a consistent summary', async () => {
    const bill = await tradeBill(day);
    expect(bill.summaryDifferences).toEqual([]);
    const payments = bill.rows.filter((r) => r.kind === 'PAYMENT');
    expect(payments.map((p) => [p.outOrderNo, p.tradeType, p.settlementTotalFen, p.feeFen, p.feeRateBasisPoints])).toEqual([
      [a.outOrderNo, 'AUTH', 350, 2, 60], // 2.1 fen → 2
      [b.outOrderNo, 'AUTH', 1000, 6, 60],
    ]);
    expect(payments[0]?.payScore?.outOrderNo).toBe(a.outOrderNo);
    expect(payments[0]?.outTradeNo).not.toBe(a.outOrderNo); // WeChat-generated on AUTH rows
    const refund = bill.rows.find((r) => r.kind === 'REFUND');
    expect(refund).toMatchObject({ transactionId: b.transactionId, outRefundNo: refundNo, refundFen: 250, refundState: 'SUCCESS', feeFen: 2, outOrderNo: b.outOrderNo });
    expect(bill.summary).toMatchObject({ totalCount: 3, settlementTotalFen: 1350, refundTotalFen: 250, feeTotalMilliFen: 6000 });
  });

  it('the fund-flow bill (BASIC): income, fees, the refund and its fee back, with the running balance the funds ledger agrees with', async () => {
    const ticket = await client.applyFundFlowBill(day);
    const file = await client.downloadBill(ticket);
    expect(file.gzip).toBe(false);
    const bill = parseFundFlowBill(file.bytes.toString('utf8'));
    expect(bill.summaryDifferences).toEqual([]);
    expect(bill.rows.map((r) => [r.businessType, r.direction, r.amountFen, r.balanceFen])).toEqual([
      ['交易', 'INCOME', 350, 350],
      ['扣除交易手续费', 'EXPENSE', 2, 348],
      ['交易', 'INCOME', 1000, 1348],
      ['扣除交易手续费', 'EXPENSE', 6, 1342],
      ['退款', 'EXPENSE', 250, 1092],
      ['退还交易手续费', 'INCOME', 2, 1094],
    ]);
    expect(bill.rows[0]).toMatchObject({ businessNo: a.transactionId, voucherNo: a.outOrderNo });
    // the funds ledger agrees: payments land net of their fee, the refund takes its amount net of the fee given back
    expect((await simGet(sim, `/sim/merchants/${merchant.mchid}/balance`)).json['availableFen']).toBe(1094);
    // and a profit-sharing payment's splittable amount is the payment minus the fee (§2.1)
    const flagged = await paidOrder(1000, true);
    expect((await client.queryProfitSharingUnsplitAmount(flagged.transactionId)).unsplit_amount).toBe(994);
  });

  it('the download: a wrong hash is refused, an unknown token must be applied for again; file faults (hash mismatch, truncated gzip, LF)', async () => {
    const ticket = await client.applyTradeBill(day);
    await expect(client.downloadBill({ ...ticket, hash_value: '0'.repeat(40) })).rejects.toMatchObject({ code: 'PAYSCORE_BILL_HASH_MISMATCH' });
    await expect(client.downloadBill({ ...ticket, download_url: `${sim.url}/v3/billdownload/file?token=nope` })).rejects.toMatchObject({ code: 'PAYSCORE_BILL_DOWNLOAD_EXPIRED' });
    // file faults at the simulator: each for one application
    await simPost(sim, '/sim/bills/file-faults', { fault: 'hash-mismatch', times: 1 });
    await expect(client.downloadBill(await client.applyTradeBill(day))).rejects.toMatchObject({ code: 'PAYSCORE_BILL_HASH_MISMATCH' });
    await simPost(sim, '/sim/bills/file-faults', { fault: 'truncated', times: 1 });
    await expect(client.downloadBill(await client.applyTradeBill(day, { gzip: true }))).rejects.toMatchObject({ code: 'PAYSCORE_BILL_CORRUPT' });
    await simPost(sim, '/sim/bills/file-faults', { fault: 'lf', times: 1 });
    const lf = await client.downloadBill(await client.applyTradeBill(day));
    expect(lf.bytes.includes('\r\n')).toBe(false);
    expect(parseTradeBill(lf.bytes.toString('utf8')).rows).toHaveLength(3);
    expect((await client.downloadBill(await client.applyTradeBill(day))).bytes.includes('\r\n')).toBe(true); // used up
  });

  it('alterations make each kind of difference, and clearing them restores the bills', async () => {
    const foreignTx = '4200009999202612010000000001';
    const set = await simPost(sim, '/sim/bills/alterations', {} as unknown);
    expect(set.status).toBe(400); // billDate etc. missing
    const alterations = [
      { billDate: day, bill: 'TRADE', outOrderNo: a.outOrderNo, action: 'drop' },
      { billDate: day, bill: 'TRADE', outOrderNo: b.outOrderNo, action: 'amount', amountFen: 990 },
      { billDate: day, bill: 'TRADE', outRefundNo: refundNo, action: 'refundState', refundState: 'PROCESSING' },
      { billDate: day, bill: 'TRADE', transactionId: foreignTx, outOrderNo: 'FOREIGN1', action: 'add', amountFen: 500 },
      { billDate: day, bill: 'FUND_FLOW', outRefundNo: refundNo, action: 'amount', amountFen: 200 },
      { billDate: day, bill: 'PROFIT_SHARING', transactionId: foreignTx, outOrderNo: 'PSFOREIGN', action: 'add', amountFen: 30 },
    ];
    expect((await simPost(sim, '/sim/bills/alterations', alterations)).json['alterations']).toHaveLength(6);
    const bill = await tradeBill(day);
    expect(bill.summaryDifferences).toEqual([]); // the summary follows the altered rows
    expect(bill.rows.some((r) => r.outOrderNo === a.outOrderNo)).toBe(false);
    expect(bill.rows.find((r) => r.kind === 'PAYMENT' && r.outOrderNo === b.outOrderNo)?.settlementTotalFen).toBe(990);
    expect(bill.rows.find((r) => r.kind === 'REFUND')?.refundState).toBe('PROCESSING');
    expect(bill.rows.find((r) => r.transactionId === foreignTx)).toMatchObject({ kind: 'PAYMENT', settlementTotalFen: 500, outOrderNo: 'FOREIGN1' });
    const flow = parseFundFlowBill((await client.downloadBill(await client.applyFundFlowBill(day))).bytes.toString('utf8'));
    expect(flow.rows.find((r) => r.businessType === '退款')?.amountFen).toBe(200);
    expect(flow.rows.find((r) => r.businessType === '退还交易手续费')?.amountFen).toBe(2); // the fee row is not the refund's amount
    expect(flow.summaryDifferences).toEqual([]);
    // a day without splits gets a profit-sharing bill with the foreign row only
    const ps = parseProfitSharingBill((await client.downloadBill(await client.applyProfitSharingBill(day))).bytes.toString('utf8'));
    expect(ps.rows).toEqual([expect.objectContaining({ transactionId: foreignTx, amountFen: 30, kind: 'SPLIT', state: 'SUCCESS' })]);
    expect(ps.backticks).toBe(true);

    const cleared = await fetch(`${sim.url}/sim/bills/alterations`, { method: 'DELETE' });
    expect(cleared.status).toBe(200);
    const restored = await tradeBill(day);
    expect(restored.rows).toHaveLength(3);
    await expect(client.applyProfitSharingBill(day)).rejects.toMatchObject({ code: 'PAYSCORE_BILL_NO_STATEMENT' });
  });

  it('a complaint: notification URL, COMPLAINT.CREATE verified, detail linked to the order, phone, image, reply with a lost answer, user message, refund approval then refund → PROCESSED', async () => {
    await expect(client.queryComplaintNotificationUrl()).rejects.toMatchObject({ code: 'PAYSCORE_COMPLAINT_NOT_FOUND' });
    expect(await client.createComplaintNotificationUrl(`${receiver.url}?x=1`).catch((e: { code: string }) => e.code)).toBe('PAYSCORE_PARAM_ERROR');
    expect(await client.createComplaintNotificationUrl(receiver.url)).toEqual({ mchid: merchant.mchid, url: receiver.url });
    expect((await client.updateComplaintNotificationUrl(receiver.url)).url).toBe(receiver.url);
    expect((await client.queryComplaintNotificationUrl()).url).toBe(receiver.url);

    const created = await simPost(sim, '/sim/complaints', { mchid: merchant.mchid, outOrderNo: b.outOrderNo, text: '归还后仍被扣费', amountFen: 750 });
    expect(created.status).toBe(200);
    const complaintId = String(created.json['complaintId']);
    const [cb] = await receiver.waitFor((all) => all.length >= 1);
    const event = verifyAndDecryptComplaintNotification({ headers: cb?.headers ?? {}, rawBody: cb?.body ?? '' }, { platformKeys, apiV3Key: merchant.apiV3Key, now: Date.now() });
    expect(event).toMatchObject({ eventType: 'COMPLAINT.CREATE', complaint: { complaint_id: complaintId, action_type: 'CREATE_COMPLAINT' } });

    const today = beijingDate(await simNow());
    const list = await client.listComplaints({ begin_date: today, end_date: today });
    expect(list.total_count).toBe(1);
    expect(list.data[0]).toMatchObject({ complaint_id: complaintId, complaint_state: 'PENDING' });
    expect(list.data[0]?.payer_phone).toBeUndefined();
    const detail = await client.queryComplaint(complaintId);
    expect(detail).toMatchObject({
      complaint_detail: '归还后仍被扣费', problem_type: 'REFUND', apply_refund_amount: 750, user_complaint_times: 1, incoming_user_response: false,
      complaint_order_info: [{ transaction_id: b.transactionId, amount: 1000 }],
      service_order_info: [{ out_order_no: b.outOrderNo, state: 'DONE' }],
    });
    expect(decryptComplaintPayerPhone(String(detail.payer_phone), merchant.privateKey)).toMatch(/^138\d{8}$/);
    const mediaUrl = String(detail.complaint_media_list?.[0]?.media_url[0]);
    expect(mediaUrl).toContain('%3D%3D'); // signed exactly as given, percent-encoding kept
    const image = await client.downloadComplaintMedia(mediaUrl);
    expect(image.contentType).toBe('image/png');
    expect(image.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // the download is a signed GET like any APIv3 call: unsigned, it is refused
    const unsigned = await fetch(mediaUrl);
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as { code: string }).code).toBe('SIGN_ERROR');
    await expect(client.downloadComplaintMedia(`${sim.url}/v3/merchant-service/images/unknown`)).rejects.toMatchObject({ code: 'PAYSCORE_COMPLAINT_NOT_FOUND' });

    await expect(client.completeComplaint(complaintId)).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_REQUEST' }); // no reply yet
    // the reply is recorded, its answer lost: read the history before replying again
    await simPost(sim, '/sim/faults', { rules: [{ path: '/response$', status: 503, phase: 'after' }] });
    await expect(client.respondToComplaint(complaintId, { response_content: '已为您核实，将退还费用' })).rejects.toMatchObject({ code: 'PAYSCORE_UNAVAILABLE', retryable: true });
    await simPost(sim, '/sim/faults', { rules: [] });
    const history = await client.listComplaintNegotiationHistory(complaintId);
    expect(history.data.map((e) => e.operate_type)).toEqual(['USER_CREATE_COMPLAINT', 'MERCHANT_RESPONSE']);
    expect((await client.queryComplaint(complaintId)).complaint_state).toBe('PROCESSING');

    expect((await simPost(sim, `/sim/complaints/${complaintId}/user-messages`, { text: '什么时候退？' })).status).toBe(200);
    expect((await client.queryComplaint(complaintId)).incoming_user_response).toBe(true);
    await client.updateComplaintRefundProgress(complaintId, { action: 'APPROVE', launch_refund_day: 0 });
    expect((await client.queryComplaint(complaintId)).complaint_state).toBe('PROCESSING'); // APPROVE moves no money
    await refunded(b.transactionId, 750, 1000);
    expect((await client.queryComplaint(complaintId)).complaint_state).toBe('PROCESSED');
    await receiver.waitFor((all) => all.length >= 5);
    const actions = receiver.received.map((c) => verifyAndDecryptComplaintNotification({ headers: c.headers, rawBody: c.body }, { platformKeys, apiV3Key: merchant.apiV3Key, now: Date.now() }).complaint.action_type);
    expect(actions).toEqual(['CREATE_COMPLAINT', 'MERCHANT_RESPONSE', 'USER_RESPONSE', 'MERCHANT_APPROVE_REFUND', 'REFUND_SUCCESS']);
    const state = await simGet(sim, `/sim/complaints/${complaintId}`);
    expect((state.json['sim'] as Record<string, unknown>)['completeDeadline']).toBeDefined();
  });

  it('a second complaint: an uploaded image in the reply, complete (→ PROCESSED), completing again is refused; REJECT ends a third; the URL can be deleted', async () => {
    const id = String((await simPost(sim, '/sim/complaints', { mchid: merchant.mchid, outOrderNo: a.outOrderNo, text: '设备故障' })).json['complaintId']);
    await expect(client.respondToComplaint(id, { response_content: 'x'.repeat(201) })).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_ARGUMENT', detail: { field: 'response_content' } });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const { media_id: mediaId } = await client.uploadComplaintImage({ filename: '维修记录.png', bytes: png });
    const stored = await fetch(`${sim.url}/sim/uploads/${encodeURIComponent(mediaId)}`);
    expect(stored.status).toBe(200);
    expect(stored.headers.get('content-type')).toBe('image/png');
    expect(stored.headers.get('x-sim-mchid')).toBe(merchant.mchid);
    expect(Buffer.from(await stored.arrayBuffer()).equals(png)).toBe(true);
    expect((await fetch(`${sim.url}/sim/uploads/unknown`)).status).toBe(404);
    await expect(client.downloadComplaintMedia(`${sim.url}/v3/merchant-service/images/${mediaId}`)).rejects.toMatchObject({ code: 'PAYSCORE_PARAM_ERROR', httpStatus: 400 });
    await expect(client.respondToComplaint(id, { response_content: '已安排维修', response_images: ['unknown'] })).rejects.toMatchObject({ code: 'PAYSCORE_PARAM_ERROR' });
    await client.respondToComplaint(id, { response_content: '已安排维修', response_images: [mediaId] });
    const replied = await client.listComplaintNegotiationHistory(id);
    expect(replied.data[1]).toMatchObject({ operate_type: 'MERCHANT_RESPONSE', image_list: [mediaId] });
    await client.completeComplaint(id);
    expect((await client.queryComplaint(id)).complaint_state).toBe('PROCESSED');
    await expect(client.completeComplaint(id)).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_REQUEST' });
    const third = String((await simPost(sim, '/sim/complaints', { mchid: merchant.mchid, outOrderNo: a.outOrderNo, text: '要求退款', amountFen: 350 })).json['complaintId']);
    await client.updateComplaintRefundProgress(third, { action: 'REJECT', reject_reason: '服务已正常提供' });
    expect((await client.queryComplaint(third)).complaint_state).toBe('PROCESSED');
    await expect(client.queryComplaint('200299999999999999')).rejects.toMatchObject({ code: 'PAYSCORE_COMPLAINT_NOT_FOUND' });
    await client.deleteComplaintNotificationUrl();
    await expect(client.queryComplaintNotificationUrl()).rejects.toMatchObject({ code: 'PAYSCORE_COMPLAINT_NOT_FOUND' });
  });
});
