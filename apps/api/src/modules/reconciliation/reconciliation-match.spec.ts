import { describe, expect, it } from '@jest/globals';
import type { FundFlowBillRow, TradeBillRow } from '@zizhu/payscore';
import { matchFundFlowBill, matchTradeBill, type LocalPayment, type LocalRefund } from './reconciliation-match.js';

const DAY = '2026-12-05';

function payment(outOrderNo: string, transactionId: string, fen: number, feeFen: number): TradeBillRow {
  return { kind: 'PAYMENT', outOrderNo, transactionId, settlementTotalFen: fen, feeFen, tradeState: 'SUCCESS', refundFen: 0, refundState: '' } as unknown as TradeBillRow;
}
function refund(outOrderNo: string, outRefundNo: string, fen: number, state: string, feeFen: number): TradeBillRow {
  return { kind: 'REFUND', outOrderNo, transactionId: `tx-${outOrderNo}`, outRefundNo, refundId: `rid-${outRefundNo}`, refundFen: fen, refundState: state, feeFen, settlementTotalFen: 0 } as unknown as TradeBillRow;
}
const local = (outOrderNo: string, paidFen: number, paidOn = DAY): LocalPayment => ({ sessionId: `s-${outOrderNo}`, outOrderNo, transactionId: `tx-${outOrderNo}`, paidFen, paidOn });
const localRefund = (outOrderNo: string, outRefundNo: string, amountFen: number, state: string): LocalRefund => ({
  sessionId: `s-${outOrderNo}`,
  outOrderNo,
  outRefundNo,
  refundId: `rid-${outRefundNo}`,
  amountFen,
  state,
  createdOn: DAY,
});

describe('matchTradeBill', () => {
  it('matches payments and refunds by out_order_no / out_refund_no and nets the fees (payments − refunds)', () => {
    const result = matchTradeBill(DAY, [payment('A', 'tx-A', 1200, 7), payment('B', 'tx-B', 1200, 7), refund('B', 'RB', 500, 'SUCCESS', 3)], [local('A', 1200), local('B', 1200)], [
      localRefund('B', 'RB', 500, 'SUCCEEDED'),
    ]);
    expect(result).toMatchObject({ matched: 3, payments: 2, refunds: 1, feeFen: 11, candidates: [], refundStatesToQuery: [] });
    // per order as the bill has them: B's payment fee less the fee its refund gave back
    expect(result.sessionFees).toEqual([
      { sessionId: 's-A', feeFen: 7 },
      { sessionId: 's-B', feeFen: 4 },
    ]);
  });

  it('keeps each order’s fee from its own rows; rows of no session of ours stay only in the day’s total, which the per-order fees and they make up exactly', () => {
    const result = matchTradeBill(DAY, [payment('B', 'tx-B', 990, 6), payment('X', 'tx-X', 500, 3), refund('C', 'RC', 300, 'REFUNDCLOSE', 2), refund('Y', 'RY', 100, 'SUCCESS', 1)], [local('B', 1200), local('C', 1200)], [
      localRefund('C', 'RC', 300, 'SUCCEEDED'),
    ]);
    expect(result.feeFen).toBe(6 + 3 - 2 - 1);
    expect(result.sessionFees).toEqual([
      { sessionId: 's-B', feeFen: 6 },
      { sessionId: 's-C', feeFen: -2 },
    ]);
    const unmatched = 3 - 1;
    expect(result.sessionFees.reduce((sum, s) => sum + s.feeFen, 0) + unmatched).toBe(result.feeFen);
  });

  it('finds each kind: a payment WeChat lacks, one we lack, an amount that differs, a refund state to query', () => {
    const result = matchTradeBill(DAY, [payment('B', 'tx-B', 990, 6), payment('X', 'tx-X', 500, 3), refund('C', 'RC', 300, 'REFUNDCLOSE', 0)], [local('A', 1200), local('B', 1200), local('C', 1200)], [
      localRefund('C', 'RC', 300, 'SUCCEEDED'),
    ]);
    expect(result.candidates.map((c) => [c.kind, c.outOrderNo, c.localFen, c.billFen]).sort()).toEqual(
      [
        ['AMOUNT_MISMATCH', 'B', 1200, 990],
        ['MISSING_AT_WECHAT', 'A', 1200, null],
        ['MISSING_AT_WECHAT', 'C', 1200, null],
        ['MISSING_LOCAL', 'X', null, 500],
      ].sort(),
    );
    expect(result.refundStatesToQuery).toEqual([expect.objectContaining({ kind: 'REFUND_STATE_MISMATCH', outRefundNo: 'RC', localState: 'SUCCEEDED', billState: 'REFUNDCLOSE' })]);
  });

  it('matches by transaction_id when the bill row carries WeChat’s own order number, and expects no row for a payment of another day', () => {
    const result = matchTradeBill(DAY, [payment('wechat-generated', 'tx-A', 1200, 7)], [local('A', 1200), local('Z', 800, '2026-12-04')], []);
    expect(result).toMatchObject({ matched: 1, candidates: [] });
  });
});

describe('matchFundFlowBill', () => {
  it('compares payment income rows with the sessions by transaction_id and leaves fee rows alone', () => {
    const row = (businessNo: string, businessType: string, direction: 'INCOME' | 'EXPENSE', amountFen: number) =>
      ({ businessNo, businessType, direction, amountFen, voucherNo: '' }) as unknown as FundFlowBillRow;
    const candidates = matchFundFlowBill(
      DAY,
      [row('tx-A', '交易', 'INCOME', 1200), row('tx-A', '扣除交易手续费', 'EXPENSE', 7), row('tx-B', '交易', 'INCOME', 1000), row('tx-X', '交易', 'INCOME', 50)],
      [local('A', 1200), local('B', 1200)],
    );
    expect(candidates.map((c) => [c.kind, c.bill, c.transactionId])).toEqual([
      ['AMOUNT_MISMATCH', 'FUND_FLOW', 'tx-B'],
      ['MISSING_LOCAL', 'FUND_FLOW', 'tx-X'],
    ]);
  });
});
