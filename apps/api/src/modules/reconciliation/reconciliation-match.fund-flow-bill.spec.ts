import { describe, expect, it } from '@jest/globals';
import { parseFundFlowBill, type FundFlowBillRow } from '@zizhu/payscore';
import { matchFundFlowBill, type LocalPayment, type LocalRefund, type LocalTransfer } from './reconciliation-match.js';

const DAY = '2026-12-05';
const HEADER = '记账时间,微信支付业务单号,资金流水单号,业务名称,业务类型,收支类型,收支金额（元）,账户结余（元）,资金变更提交申请人,备注,业务凭证号';
const SUMMARY_HEADER = '资金流水总笔数,收入笔数,收入金额,支出笔数,支出金额';

/** A fund-flow bill as WeChat (and the simulator) writes it: backticks, a running balance, the summary line. */
function bill(rows: [businessNo: string, name: string, type: string, signedFen: number, voucherNo: string][]): FundFlowBillRow[] {
  let balance = 0;
  const yuan = (fen: number) => (fen / 100).toFixed(2);
  const lines = rows.map(([businessNo, name, type, signed, voucher], i) => {
    balance += signed;
    return [`2026-12-05 1${i % 10}:00:00`, businessNo, `flow${i}`, name, type, signed >= 0 ? '收入' : '支出', yuan(Math.abs(signed)), yuan(balance), 'system', '', voucher].map((c) => `\`${c}`).join(',');
  });
  const income = rows.filter((r) => r[3] >= 0);
  const expense = rows.filter((r) => r[3] < 0);
  const summary = [rows.length, income.length, yuan(income.reduce((s, r) => s + r[3], 0)), expense.length, yuan(-expense.reduce((s, r) => s + r[3], 0))].map((c) => `\`${c}`).join(',');
  const parsed = parseFundFlowBill([HEADER, ...lines, SUMMARY_HEADER, summary].join('\r\n'));
  expect(parsed.summaryDifferences).toEqual([]);
  return parsed.rows;
}

const payment = (o: string, fen: number): LocalPayment => ({ sessionId: `s-${o}`, outOrderNo: o, transactionId: `tx-${o}`, paidFen: fen, paidOn: DAY });
const refund = (o: string, no: string, fen: number, state = 'SUCCEEDED', createdOn = DAY, refundId: string | null = `rid-${no}`): LocalRefund => ({
  sessionId: `s-${o}`,
  outOrderNo: o,
  outRefundNo: no,
  refundId,
  amountFen: fen,
  state,
  createdOn,
});
const transfer = (no: string, fen: number, state = 'SUCCEEDED', acceptedOn: string | null = DAY, transferBillNo: string | null = `tb-${no}`): LocalTransfer => ({
  payoutId: `p-${no}`,
  outBillNo: no,
  transferBillNo,
  amountFen: fen,
  state,
  acceptedOn,
});

/** The simulator's rows for a day: payments with their fees, a refund with the fee it gives back, splits, a transfer, a failed transfer's return. */
const DAY_ROWS: [string, string, string, number, string][] = [
  ['tx-A', '交易', '交易', 1200, 'A'],
  ['tx-A', '交易', '扣除交易手续费', -7, 'A'],
  ['tx-B', '交易', '交易', 1200, 'B'],
  ['tx-B', '交易', '扣除交易手续费', -7, 'B'],
  ['rid-RB', '退款', '退款', -500, 'RB'],
  ['rid-RB', '退款', '退还交易手续费', 3, 'RB'],
  ['wxps1', '分账', '分账', -240, 'PS1'],
  ['wxrt1', '分账回退', '分账回退', 100, 'RT1'],
  ['tb-PO1', '商家转账', '商家转账', -800, 'PO1'],
  ['tb-PO2', '商家转账', '商家转账', -300, 'PO2'],
  ['tb-PO2', '商家转账', '商家转账退回', 300, 'PO2'],
];
const PAYMENTS = [payment('A', 1200), payment('B', 1200)];
const REFUNDS = [refund('B', 'RB', 500)];
const TRANSFERS = [transfer('PO1', 800), transfer('PO2', 300, 'FAILED')];

describe('the fund-flow bill against payments, refunds and merchant transfers', () => {
  it('a day whose every movement is ours reconciles with zero differences; fee and profit-sharing rows are not compared', () => {
    expect(matchFundFlowBill(DAY, bill(DAY_ROWS), PAYMENTS, REFUNDS, TRANSFERS)).toEqual([]);
  });

  it('a refund row matches by refund_id (微信支付业务单号) or out_refund_no (业务凭证号); one of no refund of ours is MISSING_LOCAL, another amount AMOUNT_MISMATCH', () => {
    const rows = bill([
      ['rid-R1', '退款', '退款', -300, 'other-voucher'], // found by refund_id
      ['wx-unknown', '退款', '退款', -200, 'R2'], // found by out_refund_no, amount differs
      ['rid-RX', '退款', '退款', -100, 'RX'], // not ours
    ]);
    const candidates = matchFundFlowBill(DAY, rows, [], [refund('C', 'R1', 300), refund('D', 'R2', 250)], []);
    expect(candidates).toEqual([
      expect.objectContaining({ kind: 'AMOUNT_MISMATCH', bill: 'FUND_FLOW', outOrderNo: 'D', outRefundNo: 'R2', refundId: 'rid-R2', sessionId: 's-D', localFen: 250, billFen: 200 }),
      expect.objectContaining({ kind: 'MISSING_LOCAL', bill: 'FUND_FLOW', outRefundNo: 'RX', refundId: 'rid-RX', sessionId: null, localFen: null, billFen: 100 }),
    ]);
    expect(candidates.every((c) => c.subject === undefined)).toBe(true);
  });

  it('a refund WeChat accepted, SUCCEEDED and created that day without its row is MISSING_AT_WECHAT; one of another day, never accepted or not finished is not expected', () => {
    const refunds = [
      refund('A', 'R-gone', 400),
      refund('A', 'R-yesterday', 400, 'SUCCEEDED', '2026-12-04'),
      refund('A', 'R-unanswered', 400, 'FAILED', DAY, null),
      refund('A', 'R-pending', 400, 'PENDING', DAY, null),
      refund('A', 'R-processing', 400, 'PROCESSING'),
      refund('A', 'R-abnormal', 400, 'ABNORMAL'),
      refund('A', 'R-closed', 400, 'FAILED'),
    ];
    expect(matchFundFlowBill(DAY, bill([['tx-A', '交易', '交易', 1200, 'A']]), [payment('A', 1200)], refunds, [])).toEqual([
      {
        kind: 'MISSING_AT_WECHAT',
        bill: 'FUND_FLOW',
        outOrderNo: 'A',
        transactionId: null,
        outRefundNo: 'R-gone',
        refundId: 'rid-R-gone',
        sessionId: 's-A',
        localFen: 400,
        billFen: null,
        localState: 'SUCCEEDED',
        billState: null,
      },
    ]);
    // a refund row present is compared whatever our state (here one that failed after WeChat booked it)
    expect(matchFundFlowBill(DAY, bill([['rid-R-closed', '退款', '退款', -400, 'R-closed']]), [], refunds.slice(6), [])).toEqual([]);
  });

  it('a transfer row matches the payout by out_bill_no (业务凭证号) or transfer_bill_no; none of ours is MISSING_LOCAL, another amount AMOUNT_MISMATCH', () => {
    const rows = bill([
      ['tb-PO1', '商家转账', '商家转账', -800, 'PO1'],
      ['tb-PO3', '商家转账', '商家转账', -450, ''], // by transfer_bill_no, amount differs
      ['tb-X', '商家转账', '商家转账', -999, 'POX'], // not ours
    ]);
    const candidates = matchFundFlowBill(DAY, rows, [], [], [transfer('PO1', 800), transfer('PO3', 500, 'PROCESSING')]);
    expect(candidates.map((c) => [c.kind, c.bill, c.subject, c.outOrderNo, c.transactionId, c.localFen, c.billFen, c.localState, c.billState])).toEqual([
      ['AMOUNT_MISMATCH', 'FUND_FLOW', 'TRANSFER', 'PO3', 'tb-PO3', 500, 450, 'PROCESSING', '商家转账'],
      ['MISSING_LOCAL', 'FUND_FLOW', 'TRANSFER', 'POX', 'tb-X', null, 999, null, '商家转账'],
    ]);
  });

  it('a transfer WeChat accepted that day (SUCCEEDED or on its way here) without its row is MISSING_AT_WECHAT; a refused, failed, unanswered or other-day one is not expected', () => {
    const transfers = [
      transfer('PO-paid', 800),
      transfer('PO-waiting', 600, 'PROCESSING'),
      transfer('PO-refused', 500, 'FAILED', DAY, null), // WeChat refused it (e.g. NOT_ENOUGH): it never had the bill
      transfer('PO-failed', 500, 'FAILED'),
      transfer('PO-requested', 500, 'REQUESTED', null, null),
      transfer('PO-yesterday', 700, 'SUCCEEDED', '2026-12-04'),
    ];
    const candidates = matchFundFlowBill(DAY, bill([['tx-A', '交易', '交易', 1200, 'A']]), [payment('A', 1200)], [], transfers);
    expect(candidates.map((c) => [c.kind, c.subject, c.outOrderNo, c.transactionId, c.localFen, c.localState])).toEqual([
      ['MISSING_AT_WECHAT', 'TRANSFER', 'PO-paid', 'tb-PO-paid', 800, 'SUCCEEDED'],
      ['MISSING_AT_WECHAT', 'TRANSFER', 'PO-waiting', 'tb-PO-waiting', 600, 'PROCESSING'],
    ]);
  });

  it('a failed transfer’s return row (商家转账退回) matches a FAILED payout; with our payout not failed it is MISSING_LOCAL (money back at WeChat that our books lack)', () => {
    const rows = bill([
      ['tb-PO1', '商家转账', '商家转账', -800, 'PO1'],
      ['tb-PO1', '商家转账', '商家转账退回', 800, 'PO1'],
      ['tb-PO2', '商家转账', '商家转账', -300, 'PO2'],
      ['tb-PO2', '商家转账', '商家转账退回', 250, 'PO2'],
      ['tb-PO9', '商家转账', '商家转账退回', 100, 'PO9'],
    ]);
    const candidates = matchFundFlowBill(DAY, rows, [], [], [transfer('PO1', 800, 'SUCCEEDED'), transfer('PO2', 300, 'FAILED')]);
    expect(candidates.map((c) => [c.kind, c.outOrderNo, c.localFen, c.billFen, c.localState, c.billState])).toEqual([
      ['MISSING_LOCAL', 'PO1', null, 800, 'SUCCEEDED', '商家转账退回'],
      ['AMOUNT_MISMATCH', 'PO2', 300, 250, 'FAILED', '商家转账退回'],
      ['MISSING_LOCAL', 'PO9', null, 100, null, '商家转账退回'],
    ]);
  });

  it('only the return row of a transfer accepted on an earlier day is on the bill: it matches, and nothing is expected of the earlier day’s transfer', () => {
    const rows = bill([['tb-PO5', '商家转账', '商家转账退回', 500, 'PO5']]);
    expect(matchFundFlowBill(DAY, rows, [], [], [transfer('PO5', 500, 'FAILED', '2026-12-04')])).toEqual([]);
  });
});
