import { describe, expect, it } from '@jest/globals';
import {
  beijingBillTimeToDate,
  feeRateToBasisPoints,
  milliFenToFen,
  parseFundFlowBill,
  parsePayScoreAttach,
  parseProfitSharingBill,
  parseTradeBill,
  yuanToFen,
  yuanToMilliFen,
} from './bill-parsers.js';
import { isPayScoreError } from './errors.js';

const ALL_HEADER =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';
const ALL_SUMMARY_HEADER = '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额';
const row = (cells: string[]): string => cells.map((c) => `\`${c}`).join(',');

// every row kind of an ALL bill: a Pay Score auto-debit (AUTH, wxzff), a user-initiated payment (JSAPI, out_order_no),
// a refund of the AUTH payment, a refund still PROCESSING when it started, and the real CloudBase sample row
const AUTH = ['2025-06-01 09:12:33', 'wx1234567890abcdef', '1900000001', '0', '', '4200002345202506010000000001', '1217752501201407033233368018', 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', 'AUTH', 'SUCCESS', 'OTHERS', 'CNY', '3.50', '0.00', '0', '0', '0.00', '0.00', '', '', '充电宝租借', 'wxzff|1000000000201506011234567890|PS20250601000123', '0.02000', '0.60%', '3.50', '0.00', ''];
const JSAPI = ['2025-06-01 23:59:59', 'wx1234567890abcdef', '1900000001', '0', 'DEV01', '4200002345202506010000000002', 'PS20250601000124', 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', 'JSAPI', 'SUCCESS', 'OTHERS', 'CNY', '12.00', '0.00', '0', '0', '0.00', '0.00', '', '', '售货柜', 'dev=W01', '0.07000', '0.60%', '12.00', '0.00', ''];
const REFUND = ['2025-06-01 10:00:00', 'wx1234567890abcdef', '1900000001', '0', '', '4200002345202506010000000001', '1217752501201407033233368018', 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', 'AUTH', 'REFUND', 'OTHERS', 'CNY', '0.00', '0.00', '50300000000000000000000001', 'RF-PS20250601000123-1', '1.00', '0.00', 'ORIGINAL', 'SUCCESS', '充电宝租借', 'wxzff|1000000000201506011234567890|PS20250601000123', '0.01000', '0.60%', '0.00', '1.00', ''];
const REFUND_PROCESSING = [...REFUND.slice(0, 14), '50300000000000000000000002', 'RF-PS20250601000124-1', '2.00', '0.00', 'ORIGINAL', 'PROCESSING', '售货柜', 'dev=W01', '0.01000', '0.60%', '0.00', '2.00', ''];
REFUND_PROCESSING[5] = '4200002345202506010000000002';
REFUND_PROCESSING[6] = 'PS20250601000124';
REFUND_PROCESSING[8] = 'JSAPI';
const CLOUDBASE = '`2022-03-21 13:51:31,`wxfdc955f7104ad557,`180023671,`176531292,`,`420000612032130748613220688,`2021WERUN1647840687637,`oZWaCKXip5njeEiloC4oeOV1TTsk,`JSAPI,`SUCCESS,`OTHERS,`CNY,`0.01,`0.00,`0,`0,`0.00,`0.00,`,`,`微信云托管支付测试,`,`0.00000,`0.90%,`0.01,`0.00,`';

const tradeBill = (rows: string[], summary: string[], eol = '\r\n'): string =>
  [ALL_HEADER, ...rows, ALL_SUMMARY_HEADER, row(summary)].join(eol) + eol;

function malformedAt(fn: () => unknown): { line?: number; column?: number; header?: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isPayScoreError(e, 'PAYSCORE_BILL_MALFORMED')) return { ...(e.detail as object), message: e.message };
    throw e;
  }
  throw new Error('expected PAYSCORE_BILL_MALFORMED');
}

describe('amounts, rates and times are exact', () => {
  it('yuan strings become integer fen without floats; fees keep 5 decimals as milli-fen', () => {
    expect(yuanToFen('0.01')).toBe(1);
    expect(yuanToFen('3.5')).toBe(350);
    expect(yuanToFen('1234567.89')).toBe(123456789);
    expect(yuanToFen('0.29')).toBe(29); // 0.29 × 100 is 28.999… in floating point
    expect(yuanToFen('-1.00')).toBe(-100);
    expect(yuanToFen('1.234')).toBeUndefined();
    expect(yuanToFen('1,00')).toBeUndefined();
    expect(yuanToMilliFen('0.02100')).toBe(2100); // 2.1 fen
    expect(yuanToMilliFen('7.79000')).toBe(779000);
    expect(yuanToMilliFen('0.00001')).toBe(1);
    expect(milliFenToFen(2100)).toBe(2);
    expect(milliFenToFen(2500)).toBe(3);
    expect(milliFenToFen(-2500)).toBe(-3);
  });

  it('fee rates in basis points, times as Beijing instants', () => {
    expect(feeRateToBasisPoints('0.60%')).toBe(60);
    expect(feeRateToBasisPoints('0.38%')).toBe(38);
    expect(feeRateToBasisPoints('1%')).toBe(100);
    expect(feeRateToBasisPoints('0.375%')).toBe(37.5);
    expect(feeRateToBasisPoints('0.6')).toBeUndefined();
    expect(beijingBillTimeToDate('2025-06-01 09:12:33')?.toISOString()).toBe('2025-06-01T01:12:33.000Z');
    expect(beijingBillTimeToDate('2025-06-01 00:30:00')?.toISOString()).toBe('2025-05-31T16:30:00.000Z');
    expect(beijingBillTimeToDate('2025-02-30 00:00:00')).toBeUndefined();
    expect(parsePayScoreAttach('WXZFF|1|PS1')).toEqual({ orderId: '1', outOrderNo: 'PS1' });
    expect(parsePayScoreAttach('dev=W01')).toBeUndefined();
  });
});

describe('trade bill (ALL): every row kind', () => {
  it('AUTH and JSAPI payments, refunds as their own rows, fees, rates and the summary', () => {
    const bill = parseTradeBill(tradeBill([row(AUTH), row(REFUND), row(JSAPI), row(REFUND_PROCESSING)], ['4', '15.50', '3.00', '0.00', '0.07000', '15.50', '3.00']));
    expect(bill.summaryDifferences).toEqual([]);
    const [auth, refund, jsapi, processing] = bill.rows;
    expect(auth).toMatchObject({
      line: 2, kind: 'PAYMENT', tradeType: 'AUTH', transactionId: '4200002345202506010000000001', outTradeNo: '1217752501201407033233368018',
      payScore: { orderId: '1000000000201506011234567890', outOrderNo: 'PS20250601000123' }, outOrderNo: 'PS20250601000123',
      settlementTotalFen: 350, orderAmountFen: 350, feeMilliFen: 2000, feeFen: 2, feeRateBasisPoints: 60, refundId: undefined, outRefundNo: undefined, subMchid: '0',
    });
    expect(auth?.tradeTime.toISOString()).toBe('2025-06-01T01:12:33.000Z');
    expect(refund).toMatchObject({ kind: 'REFUND', refundId: '50300000000000000000000001', outRefundNo: 'RF-PS20250601000123-1', refundFen: 100, applyRefundFen: 100, refundState: 'SUCCESS', refundType: 'ORIGINAL', feeFen: 1, outOrderNo: 'PS20250601000123', settlementTotalFen: 0 });
    expect(jsapi).toMatchObject({ kind: 'PAYMENT', tradeType: 'JSAPI', payScore: undefined, outOrderNo: 'PS20250601000124', attach: 'dev=W01', deviceInfo: 'DEV01', settlementTotalFen: 1200 });
    expect(processing).toMatchObject({ kind: 'REFUND', refundState: 'PROCESSING', outOrderNo: 'PS20250601000124', refundFen: 200 });
    expect(bill.summary).toMatchObject({ line: 7, totalCount: 4, settlementTotalFen: 1550, refundTotalFen: 300, feeTotalMilliFen: 7000 });
  });

  it('the real CloudBase sample (LF, BOM, blank lines) parses; a summary that disagrees with the rows is reported, not thrown', () => {
    const text = `\uFEFF${ALL_HEADER}\n${CLOUDBASE}\n\n${ALL_SUMMARY_HEADER}\n\`12,\`0.06,\`0.06,\`0.00,\`0.00000,\`0.06,\`0.06\n`;
    const bill = parseTradeBill(text);
    expect(bill.rows[0]).toMatchObject({ subMchid: '176531292', settlementTotalFen: 1, feeFen: 0, feeRateBasisPoints: 90, goodsName: '微信云托管支付测试', line: 2 });
    expect(bill.summary.line).toBe(5);
    expect(bill.summaryDifferences).toEqual(['总交易单数: summary 12, rows 1', '应结订单总金额: summary 6, rows 1', '退款总金额: summary 6, rows 0']);
  });

  it('columns are found by name: the SUCCESS (20) and REFUND (29) sets and the legacy 总金额 header', () => {
    const success = '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,商品名称,商户数据包,手续费,费率,订单金额,费率备注';
    const cells = ['2025-06-01 09:12:33', 'wx1', '1900000001', '0', '', '4200000001', 'X1', 'o1', 'AUTH', 'SUCCESS', 'OTHERS', 'CNY', '3.50', '0.00', '充电', 'wxzff|1|PS1', '0.02000', '0.60%', '3.50', ''];
    const s = parseTradeBill([success, row(cells), '总交易单数,应结订单总金额,手续费总金额,订单总金额', row(['1', '3.50', '0.02000', '3.50'])].join('\n'));
    expect(s.rows[0]).toMatchObject({ outOrderNo: 'PS1', settlementTotalFen: 350, refundFen: 0 });
    const legacy = success.replace('应结订单金额', '总金额').replace('代金券金额', '企业红包金额');
    expect(parseTradeBill([legacy, row(cells), '总交易单数,应结订单总金额,手续费总金额,订单总金额', row(['1', '3.50', '0.02000', '3.50'])].join('\n')).rows[0]?.settlementTotalFen).toBe(350);
    const refundHeader = ALL_HEADER.replace('代金券金额,', '代金券金额,退款申请时间,退款成功时间,');
    const refundCells = [...REFUND.slice(0, 14), '2025-06-01 10:00:00', '2025-06-01 10:00:05', ...REFUND.slice(14)];
    const r = parseTradeBill([refundHeader, row(refundCells), ALL_SUMMARY_HEADER, row(['1', '0.00', '1.00', '0.00', '-0.01000', '0.00', '1.00'])].join('\n'));
    expect(r.rows[0]?.refundSuccessTime?.toISOString()).toBe('2025-06-01T02:00:05.000Z');
    expect(r.summaryDifferences).toEqual([]);
  });

  it('malformed input names the line and the column', () => {
    const badAmount = [...AUTH];
    badAmount[12] = '3.5x';
    expect(malformedAt(() => parseTradeBill(tradeBill([row(AUTH), row(badAmount)], ['2', '7.00', '0.00', '0.00', '0.04000', '7.00', '0.00'])))).toMatchObject({ line: 3, column: 13, header: '应结订单金额' });
    const badTime = [...AUTH];
    badTime[0] = '2025/06/01 09:12:33';
    expect(malformedAt(() => parseTradeBill(tradeBill([row(badTime)], ['1', '3.50', '0.00', '0.00', '0.02000', '3.50', '0.00'])))).toMatchObject({ line: 2, column: 1, header: '交易时间' });
    const short = malformedAt(() => parseTradeBill(tradeBill([row(AUTH.slice(0, 20))], ['1', '3.50', '0.00', '0.00', '0.02000', '3.50', '0.00'])));
    expect(short).toMatchObject({ line: 2, column: 21 });
    expect(short.message).toContain('20 cells, the header has 27');
    expect(malformedAt(() => parseTradeBill(tradeBill([AUTH.join(',')], ['1', '3.50', '0.00', '0.00', '0.02000', '3.50', '0.00'])))).toMatchObject({ line: 2, column: 1 });
    expect(malformedAt(() => parseTradeBill([ALL_HEADER.replace('微信订单号', '订单号'), row(AUTH), ALL_SUMMARY_HEADER, row(['1'])].join('\n')))).toMatchObject({ line: 1, header: '微信订单号' });
    expect(malformedAt(() => parseTradeBill(`${ALL_HEADER}\n${row(AUTH)}\n`))).toMatchObject({ line: 2 });
    expect(malformedAt(() => parseTradeBill(tradeBill([row(AUTH)], ['x', '3.50', '0.00', '0.00', '0.02000', '3.50', '0.00'])))).toMatchObject({ line: 4, column: 1, header: '总交易单数' });
  });
});

describe('fund-flow bill', () => {
  const header = '记账时间,微信支付业务单号,资金流水单号,业务名称,业务类型,收支类型,收支金额（元）,账户结余（元）,资金变更提交申请人,备注,业务凭证号';
  const rows = [
    row(['2025-06-01 09:12:33', '4200002345202506010000000001', 'F1', '交易', '交易', '收入', '3.50', '103.50', 'system', '', 'PS20250601000123']),
    row(['2025-06-01 09:12:33', '4200002345202506010000000001', 'F2', '交易', '扣除交易手续费', '支出', '0.02', '103.48', 'system', '', 'PS20250601000123']),
    row(['2025-06-01 10:00:00', '50300000000000000000000001', 'F3', '退款', '退款', '支出', '1.00', '102.48', 'system', '', 'RF-1']),
  ];
  it('rows, directions, running balance and summary (full-width and half-width headers)', () => {
    for (const h of [header, header.replace(/（/g, '(').replace(/）/g, ')')]) {
      const bill = parseFundFlowBill([h, ...rows, '资金流水总笔数,收入笔数,收入金额,支出笔数,支出金额', row(['3', '1', '3.50', '2', '1.02'])].join('\r\n'));
      expect(bill.summaryDifferences).toEqual([]);
      expect(bill.rows.map((r) => [r.businessType, r.direction, r.amountFen, r.balanceFen, r.voucherNo])).toEqual([
        ['交易', 'INCOME', 350, 10350, 'PS20250601000123'],
        ['扣除交易手续费', 'EXPENSE', 2, 10348, 'PS20250601000123'],
        ['退款', 'EXPENSE', 100, 10248, 'RF-1'],
      ]);
    }
  });
  it('a direction that is neither 收入 nor 支出 is refused with its place', () => {
    const bad = row(['2025-06-01 09:12:33', '42', 'F1', '交易', '交易', '入账', '3.50', '3.50', 'system', '', 'X']);
    expect(malformedAt(() => parseFundFlowBill([header, bad, '资金流水总笔数,收入笔数,收入金额,支出笔数,支出金额', row(['1', '1', '3.50', '0', '0.00'])].join('\n')))).toMatchObject({ line: 2, column: 6, header: '收支类型' });
  });
});

describe('profit-sharing bill, with and without the backtick prefix', () => {
  const header = '分账时间,分账发起方,分账方,分账接收方类型,分账接收方,分账金额(元),业务类型,处理状态,分账描述,微信订单号,微信分账/回退单号,商户分账/回退单号,明细单号';
  const cells = [
    ['2025-06-01 09:14:00', '1900000001', '1900000001', 'MERCHANT_ID', '1900000109', '1.05', '分账', 'SUCCESS', '加盟分成', '4200002345202506010000000001', '3008450740201411110007820472', 'PS-1', '36011111111111111111111'],
    ['2025-06-01 09:14:00', '1900000001', '1900000001', 'MERCHANT_ID', '1900000110', '0.10', '分账', 'CLOSED', '品牌佣金', '4200002345202506010000000001', '3008450740201411110007820472', 'PS-1', '36011111111111111111112'],
    ['2025-06-01 11:00:00', '1900000001', '1900000001', 'MERCHANT_ID', '1900000109', '0.50', '分账回退', 'SUCCESS', '退款前回退', '4200002345202506010000000001', '9008450740201411110007820472', 'RT-1', '9008450740201411110007820472'],
    ['2025-06-01 11:01:00', '1900000001', '1900000001', 'MERCHANT_ID', '1900000001', '2.35', '解冻给分账方', 'SUCCESS', '解冻', '4200002345202506010000000001', '3008450740201411110007820473', 'PS-U', ''],
  ];
  const summary = ['4', '1.05', '0.50', '2.35'];
  const summaryHeader = '总条数,分账总金额(元),分账回退总金额(元),解冻总金额(元)';
  it('parses both forms to the same rows', () => {
    const withTicks = parseProfitSharingBill([header, ...cells.map(row), summaryHeader, row(summary)].join('\r\n'));
    const plain = parseProfitSharingBill([header, ...cells.map((c) => c.join(',')), summaryHeader, summary.join(',')].join('\n'));
    expect(withTicks.backticks).toBe(true);
    expect(plain.backticks).toBe(false);
    expect(plain.rows).toEqual(withTicks.rows);
    expect(plain.summaryDifferences).toEqual([]);
    expect(plain.rows.map((r) => [r.kind, r.state, r.amountFen, r.receiverAccount])).toEqual([
      ['SPLIT', 'SUCCESS', 105, '1900000109'],
      ['SPLIT', 'CLOSED', 10, '1900000110'],
      ['RETURN', 'SUCCESS', 50, '1900000109'],
      ['UNFREEZE', 'SUCCESS', 235, '1900000001'],
    ]);
    expect(plain.summary).toMatchObject({ totalCount: 4, splitTotalFen: 105, returnTotalFen: 50, unfreezeTotalFen: 235 });
  });
  it('a bad amount in the plain form names its place', () => {
    const bad = [...(cells[0] as string[])];
    bad[5] = '1.0.5';
    expect(malformedAt(() => parseProfitSharingBill([header, bad.join(','), summaryHeader, summary.join(',')].join('\n')))).toMatchObject({ line: 2, column: 6, header: '分账金额(元)' });
  });
});
