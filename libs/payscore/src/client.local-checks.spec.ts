import { describe, expect, it } from '@jest/globals';
import { checkItemNames, checkTotalAmount } from './client.js';
import { FakeWechat, serviceOrder } from './test-support/fake-wechat.js';

const refund = (overrides: Record<string, unknown> = {}) => ({
  refund_id: '50000000382019052709732678859',
  out_refund_no: 'R-zzORDER0001-1',
  transaction_id: '4200000000202611271234567890',
  status: 'PROCESSING',
  amount: { total: 600, refund: 300 },
  ...overrides,
});

describe('amounts are checked locally before sending (launch checklist 5, 6, 11, 22)', () => {
  it('total_amount = Σpost_payments − Σpost_discounts, in integer fen', () => {
    expect(() => checkTotalAmount([{ name: 'a', amount: 300 }, { name: 'b', amount: 300 }], [{ name: 'd', description: 'd', amount: 100 }], 500)).not.toThrow();
    expect(() => checkTotalAmount([{ name: 'a', amount: 300 }], [], 301)).toThrow(expect.objectContaining({ code: 'PAYSCORE_INVALID_ARGUMENT' }) as unknown as Error);
    expect(() => checkTotalAmount([{ name: 'a', amount: 1.5 }], [], 1.5)).toThrow(expect.objectContaining({ code: 'PAYSCORE_INVALID_ARGUMENT' }) as unknown as Error);
    expect(() => checkTotalAmount([{ name: 'a', amount: -1 }], [], -1)).toThrow(expect.objectContaining({ code: 'PAYSCORE_INVALID_ARGUMENT' }) as unknown as Error);
    // templates without amounts (power bank, chargers): no sum rule
    expect(() => checkTotalAmount([{ name: '收费标准', description: '1元/1小时' }, { name: '使用时长', description: '1小时38分' }], [], 200)).not.toThrow();
  });

  it('complete with a wrong sum, create above the risk cap, modify upward never reach the network', async () => {
    const wx = new FakeWechat();
    const client = wx.client({ riskCapFen: 5000 });
    await expect(client.completeOrder('zzORDER0001', { post_payments: [{ name: '商品信息', amount: 350 }], total_amount: 300 }, { current: 'USER_CONFIRMED' })).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_ARGUMENT' });
    await expect(
      client.createOrder({ out_order_no: 'zzORDER0001', service_introduction: '充电宝', risk_fund: { name: 'DEPOSIT', amount: 9900 }, time_range: { start_time: 'OnAccept' } }),
    ).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_ARGUMENT' });
    await expect(
      client.createOrder({ out_order_no: 'zzORDER0001', service_introduction: '充电宝', risk_fund: { name: 'DEPOSIT', amount: 99 }, time_range: { start_time: 'OnAccept' }, need_user_confirm: false }),
    ).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_ARGUMENT' });
    const paying = { state: 'DOING', state_description: 'MCH_COMPLETE', total_amount: 350, collection: { state: 'USER_PAYING' } } as const;
    await expect(client.modifyOrder('zzORDER0001', { post_payments: [{ name: '商品信息', amount: 350 }], total_amount: 350, reason: '优惠' }, { current: paying })).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_ARGUMENT' });
    // no emoji (4-byte UTF-8) on the wire, service_introduction ≤ 20 characters
    await expect(client.completeOrder('zzORDER0001', { post_payments: [{ name: '商品信息', amount: 350, description: '可乐🥤' }], total_amount: 350 }, { current: 'USER_CONFIRMED' })).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_ARGUMENT' });
    await expect(
      client.createOrder({ out_order_no: 'zzORDER0001', service_introduction: '充'.repeat(21), risk_fund: { name: 'DEPOSIT', amount: 99 }, time_range: { start_time: 'OnAccept' } }),
    ).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_ARGUMENT' });
    expect(wx.requests).toHaveLength(0);
  });

  it('item names are unique (商品信息 may repeat): a second 商户减免 appended by a modify never reaches the network', async () => {
    expect(() => checkItemNames([{ name: '商品信息', amount: 1 }, { name: '商品信息', amount: 2 }], [{ name: '商户减免', description: 'a', amount: 1 }])).not.toThrow();
    expect(() => checkItemNames([{ name: '使用时长', description: 'a' }, { name: '使用时长', description: 'b' }], [])).toThrow(expect.objectContaining({ code: 'PAYSCORE_INVALID_ARGUMENT' }) as unknown as Error);
    const wx = new FakeWechat();
    const paying = { state: 'DOING', state_description: 'MCH_COMPLETE', total_amount: 900, collection: { state: 'USER_PAYING' } } as const;
    const appended = {
      post_payments: [{ name: '商品信息', amount: 1200, description: '火腿三明治', count: 1 }],
      post_discounts: [
        { name: '商户减免', description: '临期', amount: 300 },
        { name: '商户减免', description: '再减', amount: 100 },
      ],
      total_amount: 800,
      reason: '再减',
    };
    await expect(wx.client().modifyOrder('zzORDER0001', appended, { current: paying })).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_ARGUMENT', message: expect.stringContaining('商户减免') });
    expect(wx.requests).toHaveLength(0);
  });

  it('modify downward is sent with the reason', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 200, json: serviceOrder({ state: 'DOING', state_description: 'MCH_COMPLETE', total_amount: 300 }) }));
    const paying = { state: 'DOING', state_description: 'MCH_COMPLETE', total_amount: 350, collection: { state: 'USER_PAYING' } } as const;
    const order = await wx.client().modifyOrder('zzORDER0001', { post_payments: [{ name: '商品信息', amount: 300 }], total_amount: 300, reason: '优惠' }, { current: paying });
    expect(order.total_amount).toBe(300);
    expect(wx.requests[0]?.json).toMatchObject({ total_amount: 300, reason: '优惠', appid: expect.any(String), service_id: expect.any(String) });
  });

  it('a refund never exceeds what was paid, counting earlier refunds', async () => {
    const wx = new FakeWechat().handle((r) => ({ status: 200, json: refund(r.method === 'GET' ? { status: 'SUCCESS' } : {}) }));
    const client = wx.client({ refundNotifyUrl: 'https://zizhu.example/refund/notify' });
    const input = { transaction_id: '4200000000202611271234567890', out_refund_no: 'R-zzORDER0001-1', reason: '设备故障', amount: { refund: 300, total: 600 } };
    await expect(client.createRefund({ ...input, amount: { refund: 601, total: 600 } })).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_ARGUMENT' });
    await expect(client.createRefund(input, { previouslyRefundedFen: 301 })).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_ARGUMENT' });
    expect(wx.requests).toHaveLength(0);

    await expect(client.createRefund(input, { previouslyRefundedFen: 300 })).resolves.toMatchObject({ status: 'PROCESSING' });
    expect(wx.requests[0]?.path).toBe('/v3/refund/domestic/refunds');
    expect(wx.requests[0]?.json).toEqual({ ...input, notify_url: 'https://zizhu.example/refund/notify', amount: { refund: 300, total: 600, currency: 'CNY' } });
    await expect(client.queryRefund('R-zzORDER0001-1')).resolves.toMatchObject({ status: 'SUCCESS' });
    expect(wx.requests[1]?.path).toBe('/v3/refund/domestic/refunds/R-zzORDER0001-1');
    expect(wx.requests.every((r) => r.signatureValid)).toBe(true);
  });

  it('cancel, pay and sync send the documented bodies to the documented paths', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 200, json: serviceOrder({ state: 'DONE' }) }));
    const client = wx.client();
    await client.cancelOrder('zzORDER0001', { reason: '用户取消' }, { current: 'CREATED' });
    await client.payOrder('zzORDER0001', { current: 'MCH_COMPLETE' });
    await client.syncOrder('zzORDER0001', { paid_time: '20261127103000' }, { current: 'MCH_COMPLETE' });
    expect(wx.requests.map((r) => [r.path, r.json])).toEqual([
      ['/v3/payscore/serviceorder/zzORDER0001/cancel', { appid: expect.any(String), service_id: expect.any(String), reason: '用户取消' }],
      ['/v3/payscore/serviceorder/zzORDER0001/pay', { appid: expect.any(String), service_id: expect.any(String) }],
      ['/v3/payscore/serviceorder/zzORDER0001/sync', { appid: expect.any(String), service_id: expect.any(String), type: 'Order_Paid', detail: { paid_time: '20261127103000' } }],
    ]);
  });

  it('create refuses an answer without the confirmation package', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 200, json: serviceOrder({ package: undefined }) }));
    await expect(
      wx.client().createOrder({ out_order_no: 'zzORDER0001', service_introduction: '充电宝', risk_fund: { name: 'DEPOSIT', amount: 99 }, time_range: { start_time: 'OnAccept' } }),
    ).rejects.toMatchObject({ code: 'PAYSCORE_RESPONSE_MALFORMED' });
  });
});
