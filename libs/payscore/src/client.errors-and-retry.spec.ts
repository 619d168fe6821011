import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { errorFromWechatResponse, ORDER_BUSY_RETRY_AFTER_MS, PayScoreError } from './errors.js';
import { backoffDelayMs, DEFAULT_RETRY_POLICY } from './retry.js';
import { FakeWechat, serviceOrder } from './test-support/fake-wechat.js';

const query = { out_order_no: 'zzORDER0001' } as const;

describe('WeChat error answers map to typed errors (payscore-protocol.md §8)', () => {
  it.each([
    [500, { code: 'SYSTEM_ERROR', message: '系统异常，请稍后重试' }, 'PAYSCORE_SYSTEM_ERROR', true],
    [429, { code: 'FREQUENCY_LIMITED', message: '请求过于频繁' }, 'PAYSCORE_RATE_LIMITED', true],
    [429, { code: 'RATELIMIT_EXCEEDED', message: 'too many' }, 'PAYSCORE_RATE_LIMITED', true],
    [400, { code: 'FREQUENCY_LIMITED', message: '频率限制' }, 'PAYSCORE_RATE_LIMITED', true],
    [503, { code: 'SERVICE_UNAVAILABLE', message: '' }, 'PAYSCORE_UNAVAILABLE', true],
    [502, '<html>Bad Gateway</html>', 'PAYSCORE_UNAVAILABLE', true],
    [504, '', 'PAYSCORE_UNAVAILABLE', true],
    [202, '', 'PAYSCORE_ACCEPTED_NOT_PROCESSED', true],
    [401, { code: 'SIGN_ERROR', message: '错误的签名，验签失败' }, 'PAYSCORE_SIGN_ERROR', false],
    [403, { code: 'NO_AUTH', message: '商户暂无权限使用此服务' }, 'PAYSCORE_NO_AUTH', false],
    [404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' }, 'PAYSCORE_ORDER_NOT_FOUND', false],
    [400, { code: 'PARAM_ERROR', message: '订单重入参数校验失败' }, 'PAYSCORE_REENTRY_MISMATCH', false],
    [400, { code: 'PARAM_ERROR', message: '完结订单状态不合法' }, 'PAYSCORE_INVALID_ORDER_STATE', false],
    [400, { code: 'INVALID_REQUEST', message: '当前订单状态不合法' }, 'PAYSCORE_INVALID_ORDER_STATE', false],
    [400, { code: 'PARAM_ERROR', message: '当前订单状态不满足撤销条件' }, 'PAYSCORE_INVALID_ORDER_STATE', false],
    [400, { code: 'ORDER_DONE', message: '订单已完成' }, 'PAYSCORE_INVALID_ORDER_STATE', false],
    [400, { code: 'PARAM_ERROR', message: '最终总金额计算非法' }, 'PAYSCORE_AMOUNT_INVALID', false],
    [400, { code: 'PARAM_ERROR', message: '创建订单未填写服务结束时间,则结束时间必填' }, 'PAYSCORE_PARAM_ERROR', false],
    [400, { code: 'INVALID_REQUEST', message: '请求参数符合参数格式,但不符合业务规则' }, 'PAYSCORE_INVALID_REQUEST', false],
    [418, { code: 'TEAPOT', message: '?' }, 'PAYSCORE_HTTP_ERROR', false],
  ] as const)('%i %j → %s (retryable: %s)', (status, body, code, retryable) => {
    const e = errorFromWechatResponse(status, typeof body === 'string' ? body : JSON.stringify(body), { requestId: 'R-1' });
    expect(e).toBeInstanceOf(PayScoreError);
    expect(e.code).toBe(code);
    expect(e.retryable).toBe(retryable);
    expect(e.httpStatus).toBe(status);
    expect(e.requestId).toBe('R-1');
    if (typeof body !== 'string') expect(e.wechatCode).toBe(body.code);
  });

  it('a running debit is retryable only after about 3 minutes', () => {
    const e = errorFromWechatResponse(400, JSON.stringify({ code: 'INVALID_REQUEST', message: '单据正在扣款中,请稍后再试' }));
    expect(e).toMatchObject({ code: 'PAYSCORE_ORDER_BUSY', retryable: true, retryAfterMs: ORDER_BUSY_RETRY_AFTER_MS });
  });
});

describe('retries: same body, fresh signature, exponential backoff with jitter, injected sleep', () => {
  it('retries SYSTEM_ERROR and 503 then succeeds, re-sending byte-identical bodies with new nonces', async () => {
    const wx = new FakeWechat().handle((_r, i) =>
      i === 0
        ? { status: 500, json: { code: 'SYSTEM_ERROR', message: '系统异常' } }
        : i === 1
          ? { status: 503, body: 'unavailable', unsigned: true }
          : { status: 200, json: serviceOrder() },
    );
    const order = await wx.client().createOrder({
      out_order_no: 'zzORDER0001',
      service_introduction: '智能售货柜',
      risk_fund: { name: 'ESTIMATE_ORDER_COST', amount: 10000 },
      time_range: { start_time: 'OnAccept' },
    });
    expect(order.package).toBeTruthy();
    expect(wx.requests).toHaveLength(3);
    expect(new Set(wx.requests.map((r) => r.body)).size).toBe(1);
    expect(new Set(wx.requests.map((r) => r.authorization?.nonce_str)).size).toBe(3);
    expect(wx.requests.every((r) => r.signatureValid)).toBe(true);
    // random() = 0.5 → 75 % of the ceiling: 200 ms, then 400 ms ceilings
    expect(wx.sleeps).toEqual([150, 300]);
  });

  it('gives up after maxAttempts and throws the last error', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 429, json: { code: 'FREQUENCY_LIMITED', message: '请求过于频繁' } }));
    await expect(wx.client({ retry: { maxAttempts: 3, baseDelayMs: 100 }, random: () => 0 }).queryOrder(query)).rejects.toMatchObject({
      code: 'PAYSCORE_RATE_LIMITED',
      retryable: true,
    });
    expect(wx.requests).toHaveLength(3);
    expect(wx.sleeps).toEqual([50, 100]);
  });

  it('does not retry non-retryable errors, nor an order-busy error that asks for minutes', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 400, json: { code: 'PARAM_ERROR', message: '订单重入参数校验失败' } }));
    await expect(wx.client().queryOrder(query)).rejects.toMatchObject({ code: 'PAYSCORE_REENTRY_MISMATCH' });
    expect(wx.requests).toHaveLength(1);
    const busy = new FakeWechat().handle(() => ({ status: 400, json: { code: 'INVALID_REQUEST', message: '单据正在扣款中,请稍后再试' } }));
    await expect(busy.client().cancelOrder('zzORDER0001', { reason: '用户取消' }, { current: 'MCH_COMPLETE' })).rejects.toMatchObject({ code: 'PAYSCORE_ORDER_BUSY' });
    expect(busy.requests).toHaveLength(1);
    expect([...wx.sleeps, ...busy.sleeps]).toEqual([]);
  });

  it('retries timeouts and network errors from the transport (foreign errors are wrapped)', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 200, json: serviceOrder() }));
    let calls = 0;
    const client = wx.client({
      transport: async (req) => {
        calls++;
        if (calls === 1) throw new PayScoreError('PAYSCORE_TIMEOUT', { retryable: true });
        if (calls === 2) throw new TypeError('fetch failed: ECONNRESET');
        return wx.transport(req);
      },
    });
    await expect(client.queryOrder(query)).resolves.toMatchObject({ out_order_no: 'zzORDER0001' });
    expect(calls).toBe(3);
    expect(wx.sleeps).toHaveLength(2);

    const down = wx.client({ retry: { maxAttempts: 2 }, transport: async () => Promise.reject(new Error('ECONNREFUSED')) });
    await expect(down.queryOrder(query)).rejects.toMatchObject({ code: 'PAYSCORE_NETWORK_ERROR', retryable: true });
  });

  it('a 202 is repeated unchanged', async () => {
    const wx = new FakeWechat().handle((_r, i) => (i === 0 ? { status: 202, body: '' } : { status: 200, json: { appid: 'wx', out_order_no: 'zzORDER0001', service_id: 's', order_id: 'o' } }));
    await wx.client().payOrder('zzORDER0001', { current: 'MCH_COMPLETE' });
    expect(wx.requests).toHaveLength(2);
    expect(wx.requests[0]?.body).toBe(wx.requests[1]?.body);
  });

  it('backoff: between half and all of min(max, base·2^(n−1)), monotone ceilings (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (retry, r) => {
        const ceiling = Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (retry - 1));
        const d = backoffDelayMs(retry, DEFAULT_RETRY_POLICY, () => r);
        return d >= Math.floor(ceiling / 2) && d <= ceiling;
      }),
    );
    expect(backoffDelayMs(1, DEFAULT_RETRY_POLICY, () => 0)).toBe(100);
    expect(backoffDelayMs(3, DEFAULT_RETRY_POLICY, () => 0.999999)).toBe(800);
    expect(backoffDelayMs(30, DEFAULT_RETRY_POLICY, () => 0.999999)).toBe(5000);
  });
});

describe('re-entry (payscore-protocol.md §8.3)', () => {
  const completion = { post_payments: [{ name: '商品信息', amount: 350, description: '可乐', count: 1 }], total_amount: 350 };
  const completed = (total: number) =>
    serviceOrder({ state: 'DOING', state_description: 'MCH_COMPLETE', total_amount: total, need_collection: true, collection: { state: 'USER_PAYING', paying_amount: total } });

  it('a complete refused for the state, when the order is already completed with the same amount, is success', async () => {
    const wx = new FakeWechat().handle((r) =>
      r.method === 'POST' ? { status: 400, json: { code: 'PARAM_ERROR', message: '完结订单状态不合法' } } : { status: 200, json: completed(350) },
    );
    const order = await wx.client().completeOrder('zzORDER0001', completion, { current: 'USER_CONFIRMED' });
    expect(order.total_amount).toBe(350);
    expect(wx.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  it('the re-entry query names the call’s appid and service_id (a client with several services has no default)', async () => {
    const wx = new FakeWechat().handle((r) =>
      r.method === 'POST' ? { status: 400, json: { code: 'PARAM_ERROR', message: '完结订单状态不合法' } } : { status: 200, json: completed(350) },
    );
    const client = wx.client({ serviceId: '', appid: 'wxdefault000000000' });
    await client.completeOrder('zzORDER0001', { ...completion, appid: 'wxd678efh567hg6787', service_id: '2002000000000558128851361561536' }, { current: 'USER_CONFIRMED' });
    const query = wx.requests.find((r) => r.method === 'GET')!;
    expect(query.url).toContain('service_id=2002000000000558128851361561536');
    expect(query.url).toContain('appid=wxd678efh567hg6787');
  });

  it('…but not when it was completed with another amount', async () => {
    const wx = new FakeWechat().handle((r) =>
      r.method === 'POST' ? { status: 400, json: { code: 'PARAM_ERROR', message: '完结订单状态不合法' } } : { status: 200, json: completed(999) },
    );
    await expect(wx.client().completeOrder('zzORDER0001', completion, { current: 'USER_CONFIRMED' })).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_ORDER_STATE' });
  });

  it('a timed-out complete retried into "already completed" resolves through the query', async () => {
    const wx = new FakeWechat().handle((r, i) =>
      i === 0 ? { status: 504, body: '' } : r.method === 'POST' ? { status: 400, json: { code: 'PARAM_ERROR', message: '完结订单状态不合法' } } : { status: 200, json: completed(350) },
    );
    await expect(wx.client().completeOrder('zzORDER0001', completion, { current: 'USER_CONFIRMED' })).resolves.toMatchObject({ state_description: 'MCH_COMPLETE' });
    expect(wx.requests.map((r) => r.method)).toEqual(['POST', 'POST', 'GET']);
  });

  it('a repeated modify refused as "not lower" is success when the order is already at that amount', async () => {
    const modify = { post_payments: [{ name: '商品信息', amount: 300 }], total_amount: 300, reason: '优惠' };
    for (const [total, ok] of [[300, true], [320, false]] as const) {
      const wx = new FakeWechat().handle((r) =>
        r.method === 'POST' ? { status: 400, json: { code: 'PARAM_ERROR', message: '修改后金额不能大于等于原金额' } } : { status: 200, json: completed(total) },
      );
      const result = wx.client().modifyOrder('zzORDER0001', modify, { current: 'MCH_COMPLETE' });
      if (ok) await expect(result).resolves.toMatchObject({ total_amount: 300 });
      else await expect(result).rejects.toMatchObject({ code: 'PAYSCORE_AMOUNT_INVALID' });
    }
  });

  it('a cancel refused for the state on an order already REVOKED is success', async () => {
    const wx = new FakeWechat().handle((r) =>
      r.method === 'POST' ? { status: 400, json: { code: 'INVALID_REQUEST', message: '当前订单状态不合法' } } : { status: 200, json: serviceOrder({ state: 'REVOKED' }) },
    );
    await expect(wx.client().cancelOrder('zzORDER0001', { reason: '用户取消' }, { current: 'CREATED' })).resolves.toMatchObject({ out_order_no: 'zzORDER0001', order_id: '15646546545165651651' });
  });

  it('a sync is idempotent only when the order is DONE by a merchant payment', async () => {
    const done = (paidType: string) =>
      serviceOrder({ state: 'DONE', total_amount: 350, collection: { state: 'USER_PAID', details: [{ amount: 350, paid_type: paidType, paid_time: '20261127100000' }] } });
    for (const [paidType, ok] of [['MCH', true], ['NEWTON', false]] as const) {
      const wx = new FakeWechat().handle((r) => (r.method === 'POST' ? { status: 400, json: { code: 'INVALID_ORDER_STATE', message: '单据状态错误' } } : { status: 200, json: done(paidType) }));
      const result = wx.client().syncOrder('zzORDER0001', { paid_time: '20261127100000' }, { current: 'MCH_COMPLETE' });
      if (ok) await expect(result).resolves.toMatchObject({ state: 'DONE' });
      else await expect(result).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_ORDER_STATE' });
    }
  });
});
