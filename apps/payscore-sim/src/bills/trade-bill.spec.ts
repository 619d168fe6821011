import { describe, expect, it } from '@jest/globals';
import { fee5, fenOf, yuan } from './trade-bill.js';
import { FeeBook, feeOf } from '../funds/fees.js';
import { PAYSCORE_RETRY_SCHEDULE_MS } from '../notifications/notifier.js';

describe('bill amounts', () => {
  it('fen → yuan with two decimals, integer arithmetic', () => {
    expect(yuan(0)).toBe('0.00');
    expect(yuan(1)).toBe('0.01');
    expect(yuan(350)).toBe('3.50');
    expect(yuan(123456)).toBe('1234.56');
    expect(yuan(-100)).toBe('-1.00');
  });

  it('fees are whole fen printed with five decimals (the real sample: a 0.01 order at 0.90% has fee 0.00000)', () => {
    expect(fee5(2)).toBe('0.02000');
    expect(fee5(0)).toBe('0.00000');
    expect(fee5(6000)).toBe('60.00000');
    expect(fenOf('0.02000')).toBe(2);
    expect(fenOf('3.50')).toBe(350);
    expect(fenOf('-1.00')).toBe(-100);
  });

  it('fee rounding: half up to the fen at the configured basis points', () => {
    expect(feeOf(350, 60)).toBe(2); // 2.1 fen
    expect(feeOf(1, 90)).toBe(0); // 0.009 fen, as in the real sample
    expect(feeOf(250, 60)).toBe(2); // 1.5 fen → 2
    expect(feeOf(1_000_000, 60)).toBe(6000);
    expect(feeOf(1000, 38)).toBe(4); // 3.8 fen
  });

  it('refunds give back the fee of the refunded part, never more than the payment’s fee; the last refund the rest', () => {
    const book = new FeeBook();
    book.recordPayment('T1', 1000, 60); // fee 6
    const r = (refundId: string, refundFen: number, at: number, status = 'SUCCESS') => ({ refundId, transactionId: 'T1', refundFen, createdAtMs: at, status });
    const fees = book.refundFees([r('R1', 250, 1), r('R2', 250, 2), r('RX', 100, 3, 'CLOSED'), r('R3', 500, 4)]);
    expect(fees.get('R1')?.feeFen).toBe(2); // 1.5 → 2
    expect(fees.get('R2')?.feeFen).toBe(2);
    expect(fees.get('RX')?.feeFen).toBe(0);
    expect(fees.get('R3')?.feeFen).toBe(2); // empties the payment: 6 − 4
  });
});

describe('Pay Score callback retry schedule (§7.4)', () => {
  it('is 15s/15s/30s/180s/1800s×4/3600s: nine retries over 3 h 4 min', () => {
    expect(PAYSCORE_RETRY_SCHEDULE_MS.map((ms) => ms / 1000)).toEqual([15, 15, 30, 180, 1800, 1800, 1800, 1800, 3600]);
    expect(PAYSCORE_RETRY_SCHEDULE_MS.reduce((a, b) => a + b, 0)).toBe((3 * 3600 + 4 * 60) * 1000);
  });
});
