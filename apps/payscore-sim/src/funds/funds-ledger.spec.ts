import { describe, expect, it } from '@jest/globals';
import { SimClock } from '../platform/clock.js';
import { FundsLedger, SPLIT_WINDOW_MS } from './funds-ledger.js';
import { FeeBook, type RefundForFee } from './fees.js';
import { type OrderRecord, type PaymentRecord } from '../orders/order-model.js';

const T0 = Date.UTC(2026, 11, 1, 2, 0, 0);
const order = (profitSharing: boolean): OrderRecord => ({ mchid: '1900000001', outOrderNo: 'zz1', orderId: '1000', profitSharing } as unknown as OrderRecord);
const payment = (transactionId: string, amount: number): PaymentRecord => ({ seq: 1, amount, paidType: 'NEWTON', paidAtMs: T0, paidTime: '', transactionId, refundedFen: 0 });

describe('funds ledger: frozen profit-sharing money, available balances, refunds from frozen first', () => {
  it('a flagged payment is frozen on its transaction, any other is available', () => {
    const funds = new FundsLedger(new SimClock(() => T0));
    funds.recordPayment(order(true), payment('4200A', 1000));
    funds.recordPayment(order(false), payment('4200B', 300));
    expect(funds.ledger('4200A')).toMatchObject({ unsplitFen: 1000, state: 'OPEN' });
    expect(funds.ledger('4200B')).toBeUndefined();
    expect(funds.balance('1900000001')).toBe(300);
  });

  it('a refund takes the frozen money first, then the balance; short → NOT_ENOUGH and nothing changes', () => {
    const funds = new FundsLedger(new SimClock(() => T0));
    funds.recordPayment(order(true), payment('4200A', 1000));
    const l = funds.ledger('4200A');
    if (!l) throw new Error('no ledger');
    l.unsplitFen = 700; // 300 split away
    funds.setBalance('1900000001', 200);
    expect(() => funds.takeForRefund('1900000001', '4200A', 1000)).toThrow(expect.objectContaining({ status: 403, code: 'NOT_ENOUGH' }) as unknown as Error);
    expect(l.unsplitFen).toBe(700);
    expect(funds.balance('1900000001')).toBe(200);
    funds.takeForRefund('1900000001', '4200A', 800);
    expect(l.unsplitFen).toBe(0);
    expect(funds.balance('1900000001')).toBe(100);
  });

  it('30 days after payment what is left is released to the balance, once', () => {
    let now = T0;
    const funds = new FundsLedger(new SimClock(() => now));
    funds.recordPayment(order(true), payment('4200A', 1000));
    now = T0 + SPLIT_WINDOW_MS - 1;
    expect(funds.ledger('4200A')?.state).toBe('OPEN');
    now = T0 + SPLIT_WINDOW_MS;
    funds.sweep();
    funds.sweep();
    expect(funds.ledger('4200A')).toMatchObject({ state: 'EXPIRED', unsplitFen: 0, expiredFen: 1000 });
    expect(funds.balance('1900000001')).toBe(1000);
  });

  it('with fees: payments land net of the fee (the splittable amount too), refunds take their amount net of the fee given back', () => {
    const book = new FeeBook();
    const refunds: RefundForFee[] = [];
    const funds = new FundsLedger(new SimClock(() => T0), {
      paymentFee: (tx) => book.paymentFee(tx)?.feeFen ?? 0,
      nextRefundFee: (tx, fen) => book.nextRefundFee(tx, fen, refunds),
    });
    book.recordPayment('4200A', 1000, 60);
    book.recordPayment('4200B', 350, 60);
    funds.recordPayment(order(true), payment('4200A', 1000));
    funds.recordPayment(order(false), payment('4200B', 350));
    expect(funds.ledger('4200A')?.unsplitFen).toBe(994);
    expect(funds.balance('1900000001')).toBe(348);
    expect(funds.takeForRefund('1900000001', '4200B', 250)).toBe(248); // 1.5 fen back → 2
    refunds.push({ refundId: 'R1', transactionId: '4200B', refundFen: 250, createdAtMs: T0, status: 'SUCCESS' });
    expect(funds.takeForRefund('1900000001', '4200B', 100)).toBe(100); // the last refund gives back the rest: 0
    expect(funds.balance('1900000001')).toBe(0);
  });
});
