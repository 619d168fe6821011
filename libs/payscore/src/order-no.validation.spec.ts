import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { assertOutOrderNo, assertOutRefundNo, isValidOutOrderNo, outOrderNoFor } from './order-no.js';
import { FakeWechat } from './test-support/fake-wechat.js';

const ALLOWED = /^[A-Za-z0-9_-]{1,32}$/;

describe('order numbers: [A-Za-z0-9_-], ≤ 32 (out_order_no) / ≤ 64 (out_refund_no)', () => {
  it.each(['a', 'zz1234567890', 'A-b_C-9', 'x'.repeat(32)])('accepts out_order_no %s', (no) => {
    expect(() => assertOutOrderNo(no)).not.toThrow();
    expect(isValidOutOrderNo(no)).toBe(true);
  });

  it.each(['', 'x'.repeat(33), 'A|B', 'A*B', 'a@b', 'a b', 'a/b', '订单1', 'a%7C', 'a.b'])('refuses out_order_no %j', (no) => {
    expect(() => assertOutOrderNo(no)).toThrow(expect.objectContaining({ code: 'PAYSCORE_INVALID_ARGUMENT' }) as unknown as Error);
    expect(isValidOutOrderNo(no)).toBe(false);
  });

  it('out_refund_no may be 64 long, not 65', () => {
    expect(() => assertOutRefundNo('R'.repeat(64))).not.toThrow();
    expect(() => assertOutRefundNo('R'.repeat(65))).toThrow(expect.objectContaining({ code: 'PAYSCORE_INVALID_ARGUMENT' }) as unknown as Error);
    expect(() => assertOutRefundNo('R|1')).toThrow(expect.objectContaining({ code: 'PAYSCORE_INVALID_ARGUMENT' }) as unknown as Error);
  });

  it('agrees with the allowed-charset regex on arbitrary strings (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => isValidOutOrderNo(s) === ALLOWED.test(s)));
  });

  it('the client refuses a bad number in every call before any network traffic', async () => {
    const wx = new FakeWechat();
    const client = wx.client();
    const bad = 'A|B';
    const attempts = [
      client.createOrder({ out_order_no: bad, service_introduction: 'x', risk_fund: { name: 'DEPOSIT', amount: 1 }, time_range: { start_time: 'OnAccept' } }),
      client.queryOrder({ out_order_no: bad }),
      client.cancelOrder(bad, { reason: 'r' }, { current: 'CREATED' }),
      client.completeOrder(bad, { post_payments: [{ name: 'n', amount: 1 }], total_amount: 1 }, { current: 'USER_CONFIRMED' }),
      client.modifyOrder(bad, { post_payments: [{ name: 'n', amount: 1 }], total_amount: 1, reason: 'r' }, { current: 'MCH_COMPLETE' }),
      client.payOrder(bad, { current: 'MCH_COMPLETE' }),
      client.syncOrder(bad, { paid_time: '20261127100000' }, { current: 'MCH_COMPLETE' }),
      client.createRefund({ transaction_id: '4200000000', out_refund_no: 'R*1', amount: { refund: 1, total: 1 } }),
      client.queryRefund('R 1'),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_ARGUMENT' });
    expect(wx.requests).toHaveLength(0);
  });
});

describe('outOrderNoFor(sessionId)', () => {
  it('is deterministic, 32 characters of the allowed charset, and differs per attempt', () => {
    const id = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    expect(outOrderNoFor(id)).toBe(outOrderNoFor(id));
    expect(outOrderNoFor(id)).toMatch(ALLOWED);
    expect(outOrderNoFor(id)).toHaveLength(32);
    expect(outOrderNoFor(id, 1)).not.toBe(outOrderNoFor(id, 0));
    expect(outOrderNoFor(id)).not.toBe(outOrderNoFor('7c9e6679-7425-40de-944b-e07fc1f90ae8'));
  });

  it('always yields a valid out_order_no, without collisions across distinct sessions (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 64 }), { minLength: 2, maxLength: 30 }), (ids) => {
        const nos = ids.map((id) => outOrderNoFor(id));
        return nos.every(isValidOutOrderNo) && new Set(nos).size === ids.length;
      }),
    );
  });

  it('refuses an empty session id or a negative attempt', () => {
    expect(() => outOrderNoFor('')).toThrow(expect.objectContaining({ code: 'PAYSCORE_INVALID_ARGUMENT' }) as unknown as Error);
    expect(() => outOrderNoFor('s', -1)).toThrow(expect.objectContaining({ code: 'PAYSCORE_INVALID_ARGUMENT' }) as unknown as Error);
  });
});
