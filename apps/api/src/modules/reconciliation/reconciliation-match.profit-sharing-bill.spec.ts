import { describe, expect, it } from '@jest/globals';
import { parseProfitSharingBill } from '@zizhu/payscore';
import { matchProfitSharingBill, type LocalSplit, type LocalSplitReturn } from './reconciliation-match.js';

const DAY = '2026-12-05';
const HEADER = '分账时间,分账发起方,分账方,分账接收方类型,分账接收方,分账金额(元),业务类型,处理状态,分账描述,微信订单号,微信分账/回退单号,商户分账/回退单号,明细单号';
const SUMMARY_HEADER = '总条数,分账总金额(元),分账回退总金额(元),解冻总金额(元)';
const ROWS = [
  ['2026-12-05 10:00:00', '1900000001', '1900000001', 'MERCHANT_ID', '1900000020', '0.35', '分账', 'SUCCESS', '品牌佣金', 'tx1', 'wxps1', 'PSa', 'd1'],
  ['2026-12-05 10:00:00', '1900000001', '1900000001', 'MERCHANT_ID', '1900000001', '3.15', '解冻给分账方', 'SUCCESS', '品牌佣金', 'tx1', 'wxps1', 'PSa', 'd1'],
  ['2026-12-05 11:00:00', '1900000001', '1900000001', 'MERCHANT_ID', '1900000020', '0.10', '分账回退', 'SUCCESS', '退款回退品牌佣金', 'tx1', 'wxrt1', 'RTa', 'wxrt1'],
  ['2026-12-05 12:00:00', '1900000001', '1900000001', 'MERCHANT_ID', '1900000020', '0.20', '分账', 'CLOSED', '品牌佣金', 'tx2', 'wxps2', 'PSb', 'd2'],
];
const SUMMARY = ['4', '0.35', '0.10', '3.15'];

const splits: LocalSplit[] = [
  { sessionId: 's1', outOrderNo: 'PSa', wechatOrderId: 'wxps1', transactionId: 'tx1', amountFen: 35, state: 'FINISHED', doneOn: DAY },
  { sessionId: 's2', outOrderNo: 'PSb', wechatOrderId: 'wxps2', transactionId: 'tx2', amountFen: 20, state: 'FAILED', doneOn: DAY },
];
const returns: LocalSplitReturn[] = [{ sessionId: 's1', outOrderNo: 'PSa', outReturnNo: 'RTa', returnId: 'wxrt1', transactionId: 'tx1', amountFen: 10, state: 'SUCCEEDED', doneOn: DAY }];

describe('the profit-sharing bill against the splits and returns', () => {
  it('matches the backtick form and the plain form alike, with zero differences (release rows are not matched)', () => {
    const withTicks = [HEADER, ...ROWS.map((r) => r.map((c) => `\`${c}`).join(',')), SUMMARY_HEADER, SUMMARY.map((c) => `\`${c}`).join(',')].join('\r\n');
    const plain = [HEADER, ...ROWS.map((r) => r.join(',')), SUMMARY_HEADER, SUMMARY.join(',')].join('\n');
    for (const text of [withTicks, plain]) {
      const bill = parseProfitSharingBill(text);
      expect(bill.summaryDifferences).toEqual([]);
      expect(matchProfitSharingBill(DAY, bill.rows, splits, returns)).toEqual({ matched: 3, splits: 2, returns: 1, candidates: [], statesToQuery: [] });
    }
  });

  it('finds the four kinds: a split absent from the bill, an amount, a state to query, a row naming nothing of ours', () => {
    const rows = parseProfitSharingBill([HEADER, ...[ROWS[0]!.map((c, i) => (i === 5 ? '0.99' : c)), ROWS[2]!.map((c, i) => (i === 7 ? 'PROCESSING' : c)), ROWS[3]!.map((c, i) => (i === 11 ? 'PSforeign' : i === 10 ? 'wxother' : c))].map((r) => r.join(',')), SUMMARY_HEADER, '3,0.99,0.00,0.00'].join('\n')).rows;
    const result = matchProfitSharingBill(DAY, rows, splits, returns);
    expect(result.candidates.map((c) => [c.kind, c.outOrderNo, c.outRefundNo, c.localFen, c.billFen])).toEqual([
      ['AMOUNT_MISMATCH', 'PSa', null, 35, 99],
      ['MISSING_LOCAL', 'PSforeign', null, null, 20],
      ['MISSING_AT_WECHAT', 'PSb', null, 20, null],
    ]);
    expect(result.statesToQuery).toEqual([expect.objectContaining({ kind: 'REFUND_STATE_MISMATCH', bill: 'PROFIT_SHARING', outOrderNo: 'PSa', outRefundNo: 'RTa', localState: 'SUCCEEDED', billState: 'PROCESSING' })]);
  });

  it('expects nothing on the bill of a split WeChat never made or that finished on another day', () => {
    const other: LocalSplit[] = [
      { sessionId: 's3', outOrderNo: 'PSc', wechatOrderId: null, transactionId: 'tx3', amountFen: 30, state: 'FAILED', doneOn: DAY },
      { sessionId: 's4', outOrderNo: 'PSd', wechatOrderId: 'wxps4', transactionId: 'tx4', amountFen: 30, state: 'FINISHED', doneOn: '2026-12-04' },
      { sessionId: 's5', outOrderNo: 'PSe', wechatOrderId: 'wxps5', transactionId: 'tx5', amountFen: 0, state: 'FINISHED', doneOn: DAY },
    ];
    expect(matchProfitSharingBill(DAY, [], other, []).candidates).toEqual([]);
  });
});
