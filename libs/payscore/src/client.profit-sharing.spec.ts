import { describe, expect, it } from '@jest/globals';
import { FakeWechat, serviceOrder } from './test-support/fake-wechat.js';
import { decryptSensitiveField } from './sensitive-field.js';

const TX = '4200000000202611271234567890';
const split = (overrides: Record<string, unknown> = {}) => ({
  transaction_id: TX,
  out_order_no: 'PS-zz0001-1',
  order_id: '3008450740201411110007820472',
  state: 'PROCESSING',
  receivers: [{ type: 'MERCHANT_ID', account: '1900000110', amount: 300, description: '品牌佣金', result: 'PENDING', detail_id: '36011111111111111111111', create_time: '2026-11-27T10:01:35+08:00' }],
  ...overrides,
});

describe('profit sharing: requests on the wire and answers', () => {
  it('completeOrder sends profit_sharing: true (the order becomes splittable)', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 200, json: serviceOrder({ state: 'DOING', state_description: 'MCH_COMPLETE', total_amount: 1000 }) }));
    await wx.client().completeOrder('zzORDER0001', { post_payments: [{ name: '商品信息', amount: 1000 }], total_amount: 1000, profit_sharing: true }, { current: 'USER_CONFIRMED' });
    expect(wx.requests[0]?.json).toMatchObject({ profit_sharing: true, total_amount: 1000 });
  });

  it('split, query, unfreeze, unsplit amount, return and its query hit the documented paths with signed requests', async () => {
    const wx = new FakeWechat().handle((req) => {
      if (req.path === '/v3/profitsharing/orders') return { status: 200, json: split() };
      if (req.path.startsWith('/v3/profitsharing/orders/PS-zz0001-1?')) return { status: 200, json: split({ state: 'FINISHED' }) };
      if (req.path === '/v3/profitsharing/orders/unfreeze') return { status: 200, json: split({ out_order_no: 'PS-zz0001-U', receivers: [] }) };
      if (req.path.endsWith('/amounts')) return { status: 200, json: { transaction_id: TX, unsplit_amount: 700 } };
      const ret = { order_id: '3008', out_order_no: 'PS-zz0001-1', out_return_no: 'RT-zz0001-1', return_id: '3008450740201411110007820472', return_mchid: '1900000110', amount: 300, description: '退款前回退', result: 'SUCCESS', create_time: '2026-11-27T10:05:00+08:00' };
      return { status: 200, json: ret };
    });
    const client = wx.client();
    const created = await client.createProfitSharingOrder({
      transaction_id: TX,
      out_order_no: 'PS-zz0001-1',
      receivers: [{ type: 'MERCHANT_ID', account: '1900000110', amount: 300, description: '品牌佣金' }],
      unfreeze_unsplit: false,
    });
    expect(created.state).toBe('PROCESSING');
    expect(wx.requests[0]?.json).toEqual({
      appid: 'wxd678efh567hg6787',
      transaction_id: TX,
      out_order_no: 'PS-zz0001-1',
      receivers: [{ type: 'MERCHANT_ID', account: '1900000110', amount: 300, description: '品牌佣金' }],
      unfreeze_unsplit: false,
    });
    expect((await client.queryProfitSharingOrder('PS-zz0001-1', TX)).state).toBe('FINISHED');
    expect(wx.requests[1]?.path).toBe(`/v3/profitsharing/orders/PS-zz0001-1?transaction_id=${TX}`);
    await client.unfreezeProfitSharing({ transaction_id: TX, out_order_no: 'PS-zz0001-U', description: '解冻剩余' });
    expect(await client.queryProfitSharingUnsplitAmount(TX)).toEqual({ transaction_id: TX, unsplit_amount: 700 });
    expect(wx.requests[3]?.path).toBe(`/v3/profitsharing/transactions/${TX}/amounts`);
    const ret = await client.createProfitSharingReturn({ out_order_no: 'PS-zz0001-1', out_return_no: 'RT-zz0001-1', return_mchid: '1900000110', amount: 300, description: '退款前回退' });
    expect(ret.result).toBe('SUCCESS');
    await client.queryProfitSharingReturn('RT-zz0001-1', 'PS-zz0001-1');
    expect(wx.requests[5]?.path).toBe('/v3/profitsharing/return-orders/RT-zz0001-1?out_order_no=PS-zz0001-1');
    expect(wx.requests.every((r) => r.signatureValid)).toBe(true);
    // no encrypted field: the client's ordinary serial (none configured here)
    expect(wx.requests[0]?.headers['Wechatpay-Serial']).toBeUndefined();
  });

  it('WeChat’s refusals map to codes the caller can act on', async () => {
    const answers: Record<string, { status: number; json: unknown }> = {
      early: { status: 400, json: { code: 'INVALID_REQUEST', message: '订单处理中，请稍后重试' } },
      ratio: { status: 400, json: { code: 'INVALID_REQUEST', message: '分账金额超出最大分账比例' } },
      changed: { status: 400, json: { code: 'INVALID_REQUEST', message: '分账接收方与原请求不一致' } },
      balance: { status: 403, json: { code: 'NOT_ENOUGH', message: '基本账户余额不足，请充值后重新发起' } },
      noRelation: { status: 400, json: { code: 'INVALID_REQUEST', message: '分账接收方关系不存在，请检查后再重试' } },
    };
    let next = 'early';
    const wx = new FakeWechat().handle(() => answers[next] ?? { status: 500, json: {} });
    const client = wx.client({ retry: { maxAttempts: 1 } });
    const body = { transaction_id: TX, out_order_no: 'PS-zz0001-1', receivers: [{ type: 'MERCHANT_ID' as const, account: '1900000110', amount: 300, description: '品牌佣金' }], unfreeze_unsplit: false };
    await expect(client.createProfitSharingOrder(body)).rejects.toMatchObject({ code: 'PAYSCORE_PROFIT_SHARING_NOT_READY', retryable: true, retryAfterMs: 60_000, verified: true });
    next = 'ratio';
    await expect(client.createProfitSharingOrder(body)).rejects.toMatchObject({ code: 'PAYSCORE_AMOUNT_INVALID' });
    next = 'changed';
    await expect(client.createProfitSharingOrder(body)).rejects.toMatchObject({ code: 'PAYSCORE_REENTRY_MISMATCH' });
    next = 'noRelation';
    await expect(client.createProfitSharingOrder(body)).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_REQUEST', wechatMessage: expect.stringContaining('关系不存在') });
    next = 'balance';
    await expect(client.createRefund({ transaction_id: TX, out_refund_no: 'R-zz0001-1', amount: { refund: 1000, total: 1000 } })).rejects.toMatchObject({ code: 'PAYSCORE_BALANCE_NOT_ENOUGH' });
  });

  it('a SYSTEM_ERROR split is retried with the same body (same out_order_no)', async () => {
    const wx = new FakeWechat().handle((_req, i) => (i === 0 ? { status: 500, json: { code: 'SYSTEM_ERROR', message: '系统繁忙' } } : { status: 200, json: split() }));
    await wx.client().createProfitSharingOrder({ transaction_id: TX, out_order_no: 'PS-zz0001-1', receivers: [{ type: 'MERCHANT_ID', account: '1900000110', amount: 300, description: '品牌佣金' }], unfreeze_unsplit: true });
    expect(wx.requests).toHaveLength(2);
    expect(wx.requests[1]?.body).toBe(wx.requests[0]?.body);
  });
});

describe('profit sharing and transfers: local checks before any HTTP call', () => {
  it('bad numbers, amounts, receivers and fields are refused naming the field', async () => {
    const wx = new FakeWechat();
    const client = wx.client();
    const r = { type: 'MERCHANT_ID' as const, account: '1900000110', amount: 300, description: '品牌佣金' };
    const base = { transaction_id: TX, out_order_no: 'PS-zz0001-1', receivers: [r], unfreeze_unsplit: false };
    const field = (f: string) => ({ code: 'PAYSCORE_INVALID_ARGUMENT', detail: expect.objectContaining({ field: f }) });
    await expect(client.createProfitSharingOrder({ ...base, out_order_no: 'PS|1' })).rejects.toMatchObject(field('out_order_no'));
    await expect(client.createProfitSharingOrder({ ...base, transaction_id: '' })).rejects.toMatchObject(field('transaction_id'));
    await expect(client.createProfitSharingOrder({ ...base, receivers: [{ ...r, amount: 0 }] })).rejects.toMatchObject(field('receivers[0].amount'));
    await expect(client.createProfitSharingOrder({ ...base, receivers: [{ ...r, amount: 1.5 }] })).rejects.toMatchObject(field('receivers[0].amount'));
    await expect(client.createProfitSharingOrder({ ...base, receivers: [r, r] })).rejects.toMatchObject(field('receivers[1].account'));
    await expect(client.createProfitSharingOrder({ ...base, receivers: Array.from({ length: 51 }, (_, i) => ({ ...r, account: String(1900000200 + i) })) })).rejects.toMatchObject(field('receivers'));
    await expect(client.createProfitSharingOrder({ ...base, receivers: [{ ...r, description: '' }] })).rejects.toMatchObject(field('receivers[0].description'));
    await expect(client.createProfitSharingOrder({ ...base, receivers: [{ ...r, account: 'o_not_a_mchid' }] })).rejects.toMatchObject(field('receivers[0].account'));
    await expect(client.unfreezeProfitSharing({ transaction_id: TX, out_order_no: 'PS-zz0001-U', description: '' })).rejects.toMatchObject(field('description'));
    await expect(client.createProfitSharingReturn({ out_order_no: 'PS-zz0001-1', out_return_no: 'RT-1', return_mchid: '1900000110', amount: -1, description: 'x' })).rejects.toMatchObject(field('amount'));
    await expect(client.createProfitSharingReturn({ out_return_no: 'RT-1', return_mchid: '1900000110', amount: 1, description: 'x' })).rejects.toMatchObject(field('out_order_no'));
    const transfer = { out_bill_no: 'TB20261201F1', transfer_scene_id: '1005', openid: 'o_franchisee_1', transfer_amount: 100, transfer_remark: '11月分成', transfer_scene_report_infos: [{ info_type: '岗位类型', info_content: '加盟商' }, { info_type: '报酬说明', info_content: '11月分成' }] };
    await expect(client.createTransferBill({ ...transfer, out_bill_no: 'TB-1' })).rejects.toMatchObject(field('out_bill_no'));
    await expect(client.createTransferBill({ ...transfer, transfer_amount: 0 })).rejects.toMatchObject(field('transfer_amount'));
    await expect(client.createTransferBill({ ...transfer, transfer_amount: 200_000 })).rejects.toMatchObject(field('user_name'));
    await expect(client.createTransferBill({ ...transfer, transfer_scene_report_infos: [] })).rejects.toMatchObject(field('transfer_scene_report_infos'));
    await expect(client.createTransferBill({ ...transfer, transfer_remark: '' })).rejects.toMatchObject(field('transfer_remark'));
    await expect(client.queryTransferBill('TB_1')).rejects.toMatchObject(field('out_bill_no'));
    expect(wx.requests).toHaveLength(0);
  });
});

describe('merchant transfer (商家转账)', () => {
  const transfer = {
    out_bill_no: 'TB20261201F1',
    transfer_scene_id: '1005',
    openid: 'o_franchisee_1',
    user_name: '王五',
    transfer_amount: 250_000,
    transfer_remark: '11月分成',
    transfer_scene_report_infos: [{ info_type: '岗位类型', info_content: '加盟商' }, { info_type: '报酬说明', info_content: '11月分成' }],
  };

  it('create encrypts user_name above the real-name threshold, names the key, and answers the bill with its package_info', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 200, json: { out_bill_no: 'TB20261201F1', transfer_bill_no: '1330000071100999991182020050700019480001', create_time: '2026-12-01T10:00:00+08:00', state: 'WAIT_USER_CONFIRM', package_info: 'affffddafdfafddffda==' } }));
    const bill = await wx.client({ transferNotifyUrl: 'https://zizhu.example/wechat/transfer' }).createTransferBill(transfer);
    expect(bill).toMatchObject({ state: 'WAIT_USER_CONFIRM', package_info: 'affffddafdfafddffda==' });
    const req = wx.requests[0];
    expect(req?.path).toBe('/v3/fund-app/mch-transfer/transfer-bills');
    const body = req?.json as Record<string, unknown>;
    expect(decryptSensitiveField(String(body['user_name']), wx.platform.privateKey)).toBe('王五');
    expect(body).toMatchObject({ appid: 'wxd678efh567hg6787', notify_url: 'https://zizhu.example/wechat/transfer', transfer_amount: 250_000 });
    expect(req?.headers['Wechatpay-Serial']).toMatch(/^PUB_KEY_ID_/);
  });

  it('a reused out_bill_no with another body is a re-entry mismatch; query and cancel hit their paths', async () => {
    const wx = new FakeWechat().handle((req) => {
      if (req.method === 'POST' && req.path.endsWith('/cancel')) return { status: 200, json: { out_bill_no: 'TB20261201F1', transfer_bill_no: '133', state: 'CANCELING', update_time: '2026-12-01T10:01:00+08:00' } };
      if (req.method === 'GET') return { status: 200, json: { mch_id: '1230000109', out_bill_no: 'TB20261201F1', transfer_bill_no: '133', appid: 'wxd678efh567hg6787', state: 'FAIL', fail_reason: 'ACCOUNT_FROZEN', transfer_amount: 250_000, transfer_remark: '11月分成', openid: 'o_franchisee_1', create_time: '2026-12-01T10:00:00+08:00', update_time: '2026-12-01T10:01:00+08:00' } };
      return { status: 400, json: { code: 'ALREADY_EXISTS', message: '商户单号已存在，且与原单参数不一致' } };
    });
    const client = wx.client();
    await expect(client.createTransferBill(transfer)).rejects.toMatchObject({ code: 'PAYSCORE_REENTRY_MISMATCH' });
    expect(await client.queryTransferBill('TB20261201F1')).toMatchObject({ state: 'FAIL', fail_reason: 'ACCOUNT_FROZEN' });
    expect(wx.requests[1]?.path).toBe('/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/TB20261201F1');
    expect((await client.cancelTransferBill('TB20261201F1')).state).toBe('CANCELING');
    expect(wx.requests[2]?.path).toBe('/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/TB20261201F1/cancel');
    expect(wx.requests[2]?.signatureValid).toBe(true);
  });
});
