import { describe, expect, it } from '@jest/globals';
import { WxError } from '../platform/wx-error.js';
import { expectedTotal, outOrderNo, postPayments, templateViolations } from './order-validation.js';
import { v2HmacSign } from './order-service.js';

describe('amount rule Σpost_payments − Σpost_discounts', () => {
  it('subtracts discounts and treats missing amounts as 0', () => {
    expect(expectedTotal([{ name: 'a', amount: 300 }, { name: 'b', description: 'x' }], [{ name: 'd', description: 'x', amount: 50 }])).toBe(250);
  });

  it('is not applicable when no item carries an amount (industry templates without amounts)', () => {
    expect(expectedTotal([{ name: '收费标准', description: '1元/1小时' }], undefined)).toBeUndefined();
  });

  it('does not multiply by count (amount is the item total)', () => {
    expect(expectedTotal([{ name: '商品信息', amount: 700, description: '可乐', count: 2 }], undefined)).toBe(700);
  });
});

describe('post_payments', () => {
  it('names are unique except 商品信息', () => {
    expect(postPayments([{ name: '商品信息', amount: 1, description: 'a' }, { name: '商品信息', amount: 2, description: 'b' }], true)).toHaveLength(2);
    expect(() => postPayments([{ name: 'x', amount: 1 }, { name: 'x', amount: 2 }], true)).toThrow(WxError);
  });

  it('requires amount or description, a count in 1..100 and integer fen', () => {
    expect(() => postPayments([{ name: 'x' }], true)).toThrow(WxError);
    expect(() => postPayments([{ name: 'x', amount: 1, count: 101 }], true)).toThrow(WxError);
    expect(() => postPayments([{ name: 'x', amount: 1.5 }], true)).toThrow(WxError);
    expect(() => postPayments([], true)).toThrow(WxError);
  });
});

describe('out_order_no', () => {
  it('allows letters, digits and _-|*@ up to 32 characters', () => {
    expect(outOrderNo('A1_b-2|3*4@5')).toBe('A1_b-2|3*4@5');
    expect(() => outOrderNo('x'.repeat(33))).toThrow(WxError);
    expect(() => outOrderNo('含中文')).toThrow(WxError);
  });
});

describe('industry templates (§9.6)', () => {
  it('vending completes with 商品信息 items carrying amount, description and count', () => {
    expect(templateViolations('VENDING', 'complete', [{ name: '商品信息', amount: 350, description: '可乐', count: 1 }])).toEqual([]);
    expect(templateViolations('VENDING', 'complete', [{ name: '可乐', amount: 350 }])).toHaveLength(1);
    expect(templateViolations('VENDING', 'create', [{ name: '商品信息', amount: 1, description: 'x', count: 1 }])).toHaveLength(1);
  });

  it('power bank uses 收费标准 / 使用时长; water has no template', () => {
    expect(templateViolations('POWERBANK_RENTAL', 'complete', [{ name: '收费标准', description: 'x' }, { name: '使用时长', description: 'y' }])).toEqual([]);
    expect(templateViolations('POWERBANK_RENTAL', 'create', [{ name: '使用时长', description: 'y' }])).toHaveLength(1);
    expect(templateViolations('WATER', 'complete', [{ name: '任意', amount: 1 }])).toEqual([]);
  });
});

describe('APIv2 HMAC-SHA256 sign (§6.5)', () => {
  it('reproduces the official v2 test vector', () => {
    const sign = v2HmacSign(
      { appid: 'wxd930ea5d5a258f4f', body: 'test', device_info: '1000', mch_id: '10000100', nonce_str: 'ibuaiVcKdpRxkhJA' },
      '192006250b4c09247ec02edce69f6a2d',
    );
    expect(sign).toBe('6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6');
  });
});
