// Issue 10, items 9 and 10: only a verified answer of WeChat (or a local refusal before any call) is a
// definite "no"; an answer that fails verification, or an unsigned error answer, is an unknown outcome.
import { describe, expect, it } from '@jest/globals';
import { isVerifiedNotFound, isVerifiedRefusal, outcomeOf, PayScoreError } from './errors.js';
import { generateRsaKeyPair } from './testing.js';
import { FakeWechat, serviceOrder } from './test-support/fake-wechat.js';

async function failure(promise: Promise<unknown>): Promise<PayScoreError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PayScoreError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const query = { out_order_no: 'zzORDER0001' } as const;
const refund = { transaction_id: '4200000000000000000000000001', out_refund_no: 'R0001', amount: { refund: 100, total: 100 } };
const refundAnswer = { out_refund_no: 'R0001', refund_id: '50000000000000000001', status: 'PROCESSING', transaction_id: refund.transaction_id };

describe('outcomeOf: a verified no vs an unknown outcome', () => {
  it('a signed error answer of WeChat is a refusal; a signed 404 is a verified not-found', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 404, json: { code: 'ORDER_NOT_EXIST', message: '订单不存在' } }));
    const error = await failure(wx.client({ requireSignedErrors: true }).queryOrder(query));
    expect(error).toMatchObject({ code: 'PAYSCORE_ORDER_NOT_FOUND', verified: true });
    expect(outcomeOf(error)).toBe('refused');
    expect(isVerifiedNotFound(error)).toBe(true);
  });

  it('an unsigned 404 is unknown (not "no such order"), with or without requireSignedErrors', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 404, json: { code: 'ORDER_NOT_EXIST', message: '订单不存在' }, unsigned: true }));
    const lenient = await failure(wx.client().queryOrder(query));
    expect(lenient).toMatchObject({ code: 'PAYSCORE_ORDER_NOT_FOUND', verified: false });
    expect(outcomeOf(lenient)).toBe('unknown');
    expect(isVerifiedNotFound(lenient)).toBe(false);
    const strict = await failure(wx.client({ requireSignedErrors: true }).queryOrder(query));
    expect(strict.code).toBe('PAYSCORE_RESPONSE_UNSIGNED');
    expect(outcomeOf(strict)).toBe('unknown');
  });

  it('a refund whose answer fails verification (tampered, unknown serial, stale, unsigned) is unknown, never a refusal', async () => {
    const answers = [
      { tamper: (b: string) => b.replace('PROCESSING', 'ABNORMAL') },
      { signWith: { serial: 'PUB_KEY_ID_UNKNOWN' } },
      { signWith: { timestampOffsetSeconds: -3600 } },
      { signWith: { privateKey: generateRsaKeyPair().privateKey } },
      { unsigned: true },
    ];
    const codes: string[] = [];
    for (const spoil of answers) {
      const wx = new FakeWechat().handle(() => ({ status: 200, json: refundAnswer, ...spoil }));
      const error = await failure(wx.client().createRefund(refund));
      codes.push(error.code);
      expect(outcomeOf(error)).toBe('unknown');
      expect(isVerifiedRefusal(error)).toBe(false);
    }
    expect(codes).toEqual([
      'PAYSCORE_RESPONSE_BAD_SIGNATURE',
      'PAYSCORE_RESPONSE_UNKNOWN_SERIAL',
      'PAYSCORE_RESPONSE_STALE',
      'PAYSCORE_RESPONSE_BAD_SIGNATURE',
      'PAYSCORE_RESPONSE_UNSIGNED',
    ]);
  });

  it('a verified answer that is not what was asked (malformed) is unknown', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 200, json: { ...refundAnswer, out_refund_no: 'R9999' } }));
    const error = await failure(wx.client().createRefund(refund));
    expect(error.code).toBe('PAYSCORE_RESPONSE_MALFORMED');
    expect(outcomeOf(error)).toBe('unknown');
  });

  it('transient answers and transport failures are unknown; local refusals before any call are refusals', async () => {
    const busy = new FakeWechat().handle(() => ({ status: 500, json: { code: 'SYSTEM_ERROR', message: '系统异常' } }));
    expect(outcomeOf(await failure(busy.client({ retry: { maxAttempts: 1 } }).queryOrder(query)))).toBe('unknown');
    const down = new FakeWechat().handle(() => {
      throw new Error('ECONNRESET');
    });
    expect(outcomeOf(await failure(down.client({ retry: { maxAttempts: 1 } }).queryOrder(query)))).toBe('unknown');
    const local = new FakeWechat().handle(() => ({ status: 200, json: serviceOrder() }));
    const refused = await failure(local.client().completeOrder('zzORDER0001', { post_payments: [{ name: 'x', amount: 1 }], total_amount: 1 }, { current: 'CREATED' }));
    expect(refused.code).toBe('PAYSCORE_INVALID_TRANSITION');
    expect(outcomeOf(refused)).toBe('refused');
    expect(local.requests).toHaveLength(0);
    expect(outcomeOf(new Error('not ours'))).toBe('unknown');
  });

  it('a refused complete whose re-entry query shows an unknown order state is unknown, not a refusal (the call was sent)', async () => {
    const wx = new FakeWechat().handle((r) =>
      r.method === 'POST' ? { status: 400, json: { code: 'PARAM_ERROR', message: '完结订单状态不合法' } } : { status: 200, json: serviceOrder({ state: 'DOING', state_description: 'SOMETHING_NEW' as never }) },
    );
    const error = await failure(wx.client().completeOrder('zzORDER0001', { post_payments: [{ name: 'x', amount: 1 }], total_amount: 1 }, { current: 'USER_CONFIRMED' }));
    expect(error.code).toBe('PAYSCORE_UNKNOWN_ORDER_STATE');
    expect(wx.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
    expect(outcomeOf(error)).toBe('unknown');
    expect(isVerifiedRefusal(error)).toBe(false);
  });
});
