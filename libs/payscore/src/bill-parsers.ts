/**
 * Parsers of WeChat Pay's bill files (wechatpay-bills-sharing-complaints.md §1.4, §1.5, §1.7, §2.3.7): the trade
 * bill, the fund-flow bill and the profit-sharing bill. Pure: text in, typed rows out, no I/O, no clock.
 *
 * Layout: a header line (no backticks), detail rows, a summary header line (second to last) and the summary row
 * (last). Data and summary cells carry one leading backtick each (the profit-sharing bill with or without it: WeChat
 * changed it). Columns are found by header name (never by position: legacy formats differ). CRLF or LF, a UTF-8 BOM
 * and blank lines are accepted. Amounts are yuan strings parsed exactly into integer fen (fees, with 5 decimals, into
 * integer milli-fen); times `yyyy-MM-dd HH:mm:ss` are Beijing time (UTC+8) and become instants.
 * Anything else throws `PAYSCORE_BILL_MALFORMED` whose `detail` is `{ line, column?, header?, value? }` (1-based).
 */
import { PayScoreError } from './errors.js';

export interface BillCellPosition {
  /** 1-based line number in the file. */
  line: number;
  /** 1-based column (cell) number, when a cell is at fault. */
  column?: number;
  /** The column's header name. */
  header?: string;
  value?: string;
}

function malformed(message: string, at: BillCellPosition): PayScoreError {
  const where = `line ${at.line}${at.column === undefined ? '' : `, column ${at.column}${at.header ? ` (${at.header})` : ''}`}`;
  return new PayScoreError('PAYSCORE_BILL_MALFORMED', { message: `${where}: ${message}`, detail: at });
}

// ---------------------------------------------------------------------------------------------- value parsers

/**
 * A yuan amount with at most `decimals` decimals (`3.50`, `-0.02`, `12`) as an integer number of 1/10^`decimals`
 * yuan, exactly (digit arithmetic, never floats). Undefined when the text is not such an amount.
 */
function parseScaled(text: string, decimals: number): number | undefined {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const frac = m[3] ?? '';
  if (frac.length > decimals) return undefined;
  const value = Number(m[2]) * 10 ** decimals + Number(frac.padEnd(decimals, '0') || '0');
  if (!Number.isSafeInteger(value)) return undefined;
  return m[1] && value !== 0 ? -value : value;
}

/** `"3.50"` → 350. Exact; undefined for anything that is not yuan with ≤ 2 decimals. */
export function yuanToFen(text: string): number | undefined {
  return parseScaled(text, 2);
}

/** A fee `"0.02100"` (≤ 5 decimals of yuan) → 21 milli-fen (1/1000 fen). Exact. */
export function yuanToMilliFen(text: string): number | undefined {
  return parseScaled(text, 5);
}

/** Milli-fen rounded half away from zero to whole fen. */
export function milliFenToFen(milliFen: number): number {
  const sign = milliFen < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(milliFen) + 500) / 1000);
}

/** `"0.60%"` → 60 basis points (exact for up to 2 decimals of a percent; `0.375%` → 37.5). */
export function feeRateToBasisPoints(text: string): number | undefined {
  const m = /^(\d+)(?:\.(\d+))?%$/.exec(text.trim());
  if (!m) return undefined;
  const frac = m[2] ?? '';
  const scaled = Number(m[1] + frac); // the percent × 10^frac.length
  // basis points = percent × 100
  return frac.length <= 2 ? scaled * 10 ** (2 - frac.length) : scaled / 10 ** (frac.length - 2);
}

/** `yyyy-MM-dd HH:mm:ss` in Beijing time (UTC+8, no DST) → the instant. */
export function beijingBillTimeToDate(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h - 8, mi, s);
  const check = new Date(ms + 8 * 3600_000);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return undefined;
  return new Date(ms);
}

// ---------------------------------------------------------------------------------------------- the layout

interface RawLine {
  readonly line: number;
  readonly text: string;
}

interface Table {
  readonly header: { line: number; names: string[] };
  readonly rows: Array<{ line: number; cells: string[] }>;
  readonly summaryHeader: { line: number; names: string[] };
  readonly summary: { line: number; cells: string[] };
  /** The summary row (and so the data rows) carry the backtick prefix. */
  readonly backticked: boolean;
}

/** Cells of a data line: backtick-prefixed (`` `a,`b,` ``: split on ``,` ``) or plain (split on `,`). */
function cellsOf(text: string): string[] {
  if (text.startsWith('`')) return text.slice(1).split(',`');
  return text.split(',');
}

function splitTable(text: string, what: string, opts: { backticks: 'required' | 'optional' }): Table {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines: RawLine[] = [];
  src.split(/\r?\n/).forEach((t, i) => {
    if (t.trim() !== '') lines.push({ line: i + 1, text: t });
  });
  if (lines.length < 3) throw malformed(`a ${what} needs a header line, a summary header and a summary row; found ${lines.length} non-empty line(s)`, { line: lines[lines.length - 1]?.line ?? 1 });
  const first = lines[0] as RawLine;
  const sumHead = lines[lines.length - 2] as RawLine;
  const sum = lines[lines.length - 1] as RawLine;
  if (first.text.startsWith('`')) throw malformed(`the ${what}'s first line must be its header (no backticks)`, { line: first.line, column: 1 });
  if (sumHead.text.startsWith('`')) throw malformed(`the second-to-last line of a ${what} must be the summary header (no backticks)`, { line: sumHead.line, column: 1 });
  const rows = lines.slice(1, -2).map((l) => {
    if (opts.backticks === 'required' && !l.text.startsWith('`')) throw malformed('a data row must prefix every cell with a backtick', { line: l.line, column: 1, value: l.text.slice(0, 40) });
    if (l.text.startsWith('`') === false && l.text.includes(',`')) throw malformed('mixed backtick and plain cells', { line: l.line });
    return { line: l.line, cells: cellsOf(l.text) };
  });
  if (opts.backticks === 'required' && !sum.text.startsWith('`')) throw malformed('the summary row must prefix every cell with a backtick', { line: sum.line, column: 1 });
  return {
    header: { line: first.line, names: first.text.split(',').map((n) => n.trim()) },
    rows,
    summaryHeader: { line: sumHead.line, names: sumHead.text.split(',').map((n) => n.trim()) },
    summary: { line: sum.line, cells: cellsOf(sum.text) },
    backticked: sum.text.startsWith('`'),
  };
}

/** Full-width and half-width parentheses are the same header (收支金额（元） vs 收支金额(元)). */
const normaliseHeader = (name: string): string => name.replace(/（/g, '(').replace(/）/g, ')');

/** Reads cells by header name, with errors naming line, column and header. */
class RowReader {
  private readonly index = new Map<string, number>();

  constructor(
    private readonly header: { line: number; names: string[] },
    required: readonly (string | readonly string[])[],
    what: string,
  ) {
    header.names.forEach((n, i) => this.index.set(normaliseHeader(n), i));
    for (const r of required) {
      const names = typeof r === 'string' ? [r] : r;
      if (!names.some((n) => this.index.has(normaliseHeader(n)))) {
        throw malformed(`the ${what} header lacks the column ${names.join(' / ')}`, { line: header.line, header: names[0] });
      }
    }
  }

  width(): number {
    return this.header.names.length;
  }

  has(name: string): boolean {
    return this.index.has(normaliseHeader(name));
  }

  private pos(names: string | readonly string[]): { i: number; name: string } | undefined {
    for (const n of typeof names === 'string' ? [names] : names) {
      const i = this.index.get(normaliseHeader(n));
      if (i !== undefined) return { i, name: n };
    }
    return undefined;
  }

  text(row: { line: number; cells: string[] }, names: string | readonly string[]): string {
    const p = this.pos(names);
    return p === undefined ? '' : (row.cells[p.i] ?? '').trim();
  }

  private parsed<T>(row: { line: number; cells: string[] }, names: string | readonly string[], parse: (s: string) => T | undefined, what: string, optional: boolean): T | undefined {
    const p = this.pos(names);
    if (p === undefined) return undefined;
    const value = (row.cells[p.i] ?? '').trim();
    if (value === '' && optional) return undefined;
    const out = parse(value);
    if (out === undefined) throw malformed(`${JSON.stringify(value)} is not ${what}`, { line: row.line, column: p.i + 1, header: p.name, value });
    return out;
  }

  fen(row: { line: number; cells: string[] }, names: string | readonly string[], optional = false): number {
    return this.parsed(row, names, yuanToFen, 'a yuan amount with at most 2 decimals', optional) ?? 0;
  }

  milliFen(row: { line: number; cells: string[] }, names: string | readonly string[], optional = false): number {
    return this.parsed(row, names, yuanToMilliFen, 'a yuan amount with at most 5 decimals', optional) ?? 0;
  }

  time(row: { line: number; cells: string[] }, names: string | readonly string[], optional = false): Date | undefined {
    return this.parsed(row, names, beijingBillTimeToDate, 'a time yyyy-MM-dd HH:mm:ss', optional);
  }

  int(row: { line: number; cells: string[] }, names: string | readonly string[]): number {
    return this.parsed(row, names, (s) => (/^\d+$/.test(s) ? Number(s) : undefined), 'a count', false) ?? 0;
  }

  rate(row: { line: number; cells: string[] }, names: string | readonly string[]): number | undefined {
    return this.parsed(row, names, feeRateToBasisPoints, 'a fee rate like 0.60%', true);
  }

  checkWidth(row: { line: number; cells: string[] }): void {
    if (row.cells.length !== this.width()) {
      throw malformed(`${row.cells.length} cells, the header has ${this.width()}`, { line: row.line, column: Math.min(row.cells.length, this.width()) + 1 });
    }
  }
}

// ---------------------------------------------------------------------------------------------- trade bill

/** A Pay Score order reference in 商户数据包: `wxzff|<order_id>|<out_order_no>` (§1.5). */
export interface PayScoreBillReference {
  orderId: string;
  outOrderNo: string;
}

/** `wxzff|order_id|out_order_no` (prefix case-insensitive: its case stability is UNCONFIRMED) → the parts. */
export function parsePayScoreAttach(attach: string): PayScoreBillReference | undefined {
  const parts = attach.split('|');
  if (parts.length !== 3 || parts[0]?.toLowerCase() !== 'wxzff' || !parts[1] || !parts[2]) return undefined;
  return { orderId: parts[1], outOrderNo: parts[2] };
}

export interface TradeBillRow {
  /** 1-based line of the file. */
  line: number;
  /** `REFUND` rows (交易状态 REFUND) are refunds; every other state (SUCCESS, REVOKED) a payment row. */
  kind: 'PAYMENT' | 'REFUND';
  /** 交易时间: payment success, or the refund's initiation (not its success). */
  tradeTime: Date;
  appid: string;
  mchid: string;
  /** 特约商户号: `0` for a direct merchant. */
  subMchid: string;
  deviceInfo: string;
  /** 微信订单号 (the original order's on refund rows). */
  transactionId: string;
  /** 商户订单号: WeChat-generated on Pay Score AUTH rows (not our out_order_no), out_order_no on JSAPI rows. */
  outTradeNo: string;
  openid: string;
  /** 交易类型: `AUTH` (Pay Score auto-debit), `JSAPI`, … */
  tradeType: string;
  /** 交易状态: `SUCCESS`, `REFUND`, `REVOKED`. */
  tradeState: string;
  bankType: string;
  currency: string;
  /** 应结订单金额 (legacy files: 总金额). */
  settlementTotalFen: number;
  /** 代金券金额 (legacy: 企业红包金额). */
  couponFen: number;
  /** `undefined` on payment rows (where WeChat writes `0`). */
  refundId: string | undefined;
  outRefundNo: string | undefined;
  refundFen: number;
  rechargeCouponRefundFen: number;
  refundType: string;
  /** 退款状态 as at the refund's initiation (not updated later): `SUCCESS`, `PROCESSING`, `REFUNDCLOSE`, `CHANGE`. */
  refundState: string;
  goodsName: string;
  /** 商户数据包. */
  attach: string;
  /** 手续费 exactly, in 1/1000 fen (5 decimals of yuan); on refund rows the fee given back. */
  feeMilliFen: number;
  /** {@link feeMilliFen} rounded to whole fen (half away from zero). */
  feeFen: number;
  /** 费率 as written, e.g. `0.60%`. */
  feeRate: string;
  /** 费率 in basis points (60 for 0.60%), undefined when blank. */
  feeRateBasisPoints: number | undefined;
  /** 订单金额 (0 when the column is absent). */
  orderAmountFen: number;
  /** 申请退款金额. */
  applyRefundFen: number;
  feeRemark: string;
  /** REFUND bills only. */
  refundApplyTime?: Date;
  refundSuccessTime?: Date;
  /** Present on Pay Score rows whose 商户数据包 is `wxzff|…`. */
  payScore: PayScoreBillReference | undefined;
  /** The key to our order (§5): `payScore.outOrderNo` when present, else 商户订单号. */
  outOrderNo: string;
}

export interface TradeBillSummary {
  line: number;
  totalCount: number;
  settlementTotalFen: number;
  refundTotalFen: number;
  rechargeCouponRefundTotalFen: number;
  feeTotalMilliFen: number;
  orderTotalFen: number;
  applyRefundTotalFen: number;
}

export interface TradeBill {
  rows: TradeBillRow[];
  summary: TradeBillSummary;
  /** Summary figures that disagree with the rows (empty when the file is consistent). */
  summaryDifferences: string[];
}

const dash = (v: string): string | undefined => (v === '' || v === '0' ? undefined : v);

/** Parses a trade bill (`ALL`, `SUCCESS` or `REFUND`, current or legacy column set) by header names. */
export function parseTradeBill(text: string): TradeBill {
  const t = splitTable(text, 'trade bill', { backticks: 'required' });
  const r = new RowReader(t.header, ['交易时间', '微信订单号', '商户订单号', '交易类型', '交易状态', ['应结订单金额', '总金额'], '手续费'], 'trade bill');
  const rows = t.rows.map((row): TradeBillRow => {
    r.checkWidth(row);
    const tradeState = r.text(row, '交易状态');
    const attach = r.text(row, '商户数据包');
    const payScore = parsePayScoreAttach(attach);
    const outTradeNo = r.text(row, '商户订单号');
    const feeMilliFen = r.milliFen(row, '手续费', true);
    const out: TradeBillRow = {
      line: row.line,
      kind: tradeState === 'REFUND' ? 'REFUND' : 'PAYMENT',
      tradeTime: r.time(row, '交易时间') as Date,
      appid: r.text(row, '公众账号ID'),
      mchid: r.text(row, '商户号'),
      subMchid: r.text(row, '特约商户号'),
      deviceInfo: r.text(row, '设备号'),
      transactionId: r.text(row, '微信订单号'),
      outTradeNo,
      openid: r.text(row, '用户标识'),
      tradeType: r.text(row, '交易类型'),
      tradeState,
      bankType: r.text(row, '付款银行'),
      currency: r.text(row, '货币种类'),
      settlementTotalFen: r.fen(row, ['应结订单金额', '总金额']),
      couponFen: r.fen(row, ['代金券金额', '企业红包金额'], true),
      refundId: dash(r.text(row, '微信退款单号')),
      outRefundNo: dash(r.text(row, '商户退款单号')),
      refundFen: r.fen(row, '退款金额', true),
      rechargeCouponRefundFen: r.fen(row, '充值券退款金额', true),
      refundType: r.text(row, '退款类型'),
      refundState: r.text(row, '退款状态'),
      goodsName: r.text(row, '商品名称'),
      attach,
      feeMilliFen,
      feeFen: milliFenToFen(feeMilliFen),
      feeRate: r.text(row, '费率'),
      feeRateBasisPoints: r.rate(row, '费率'),
      orderAmountFen: r.fen(row, '订单金额', true),
      applyRefundFen: r.fen(row, '申请退款金额', true),
      feeRemark: r.text(row, '费率备注'),
      payScore,
      outOrderNo: payScore?.outOrderNo ?? outTradeNo,
    };
    if (r.has('退款申请时间')) {
      const applied = r.time(row, '退款申请时间', true);
      const succeeded = r.time(row, '退款成功时间', true);
      if (applied) out.refundApplyTime = applied;
      if (succeeded) out.refundSuccessTime = succeeded;
    }
    if (out.kind === 'REFUND' && out.refundId === undefined) {
      throw malformed('a refund row without 微信退款单号', { line: row.line, header: '微信退款单号' });
    }
    return out;
  });
  const s = new RowReader(t.summaryHeader, ['总交易单数'], 'trade bill summary');
  const sr = t.summary;
  s.checkWidth(sr);
  const summary: TradeBillSummary = {
    line: sr.line,
    totalCount: s.int(sr, '总交易单数'),
    settlementTotalFen: s.fen(sr, '应结订单总金额', true),
    refundTotalFen: s.fen(sr, '退款总金额', true),
    rechargeCouponRefundTotalFen: s.fen(sr, '充值券退款总金额', true),
    feeTotalMilliFen: s.milliFen(sr, '手续费总金额', true),
    orderTotalFen: s.fen(sr, '订单总金额', true),
    applyRefundTotalFen: s.fen(sr, '申请退款总金额', true),
  };
  const differences: string[] = [];
  const check = (name: string, stated: number, computed: number): void => {
    if (stated !== computed) differences.push(`${name}: summary ${stated}, rows ${computed}`);
  };
  const sum = (f: (row: TradeBillRow) => number): number => rows.reduce((acc, row) => acc + f(row), 0);
  check('总交易单数', summary.totalCount, rows.length);
  check('应结订单总金额', summary.settlementTotalFen, sum((x) => x.settlementTotalFen));
  if (s.has('退款总金额')) check('退款总金额', summary.refundTotalFen, sum((x) => x.refundFen));
  // refund rows give the fee back: the total is net
  check('手续费总金额', summary.feeTotalMilliFen, sum((x) => (x.kind === 'REFUND' ? -Math.abs(x.feeMilliFen) : x.feeMilliFen)));
  return { rows, summary, summaryDifferences: differences };
}

// ---------------------------------------------------------------------------------------------- fund-flow bill

export interface FundFlowBillRow {
  line: number;
  /** 记账时间. */
  bookedAt: Date;
  /** 微信支付业务单号: transaction_id, refund_id, split order_id, transfer_bill_no … */
  businessNo: string;
  /** 资金流水单号. */
  flowNo: string;
  /** 业务名称. */
  businessName: string;
  /** 业务类型, e.g. 交易, 退款, 扣除交易手续费, 分账 (the value set is UNCONFIRMED). */
  businessType: string;
  direction: 'INCOME' | 'EXPENSE';
  /** 收支金额, always ≥ 0; `direction` gives the sign. */
  amountFen: number;
  /** 账户结余 after the movement. */
  balanceFen: number;
  /** 资金变更提交申请人. */
  applicant: string;
  remark: string;
  /** 业务凭证号 (the merchant's order / refund / split / bill number). */
  voucherNo: string;
}

export interface FundFlowBillSummary {
  line: number;
  totalCount: number;
  incomeCount: number;
  incomeFen: number;
  expenseCount: number;
  expenseFen: number;
}

export interface FundFlowBill {
  rows: FundFlowBillRow[];
  summary: FundFlowBillSummary;
  summaryDifferences: string[];
}

/** Parses a fund-flow bill (资金账单, e.g. the BASIC account). 收支金额(元) and 收支金额（元） are both accepted. */
export function parseFundFlowBill(text: string): FundFlowBill {
  const t = splitTable(text, 'fund-flow bill', { backticks: 'required' });
  const r = new RowReader(t.header, ['记账时间', '微信支付业务单号', '业务类型', '收支类型', '收支金额(元)', '账户结余(元)'], 'fund-flow bill');
  const rows = t.rows.map((row): FundFlowBillRow => {
    r.checkWidth(row);
    const dir = r.text(row, '收支类型');
    if (dir !== '收入' && dir !== '支出') {
      throw malformed(`收支类型 must be 收入 or 支出, got ${JSON.stringify(dir)}`, { line: row.line, column: t.header.names.indexOf('收支类型') + 1, header: '收支类型', value: dir });
    }
    const amountFen = r.fen(row, '收支金额(元)');
    if (amountFen < 0) throw malformed('收支金额 is never negative (收支类型 gives the direction)', { line: row.line, header: '收支金额(元)' });
    return {
      line: row.line,
      bookedAt: r.time(row, '记账时间') as Date,
      businessNo: r.text(row, '微信支付业务单号'),
      flowNo: r.text(row, '资金流水单号'),
      businessName: r.text(row, '业务名称'),
      businessType: r.text(row, '业务类型'),
      direction: dir === '收入' ? 'INCOME' : 'EXPENSE',
      amountFen,
      balanceFen: r.fen(row, '账户结余(元)'),
      applicant: r.text(row, '资金变更提交申请人'),
      remark: r.text(row, '备注'),
      voucherNo: r.text(row, '业务凭证号'),
    };
  });
  const s = new RowReader(t.summaryHeader, ['资金流水总笔数', '收入笔数', '收入金额', '支出笔数', '支出金额'], 'fund-flow bill summary');
  const sr = t.summary;
  s.checkWidth(sr);
  const summary: FundFlowBillSummary = {
    line: sr.line,
    totalCount: s.int(sr, '资金流水总笔数'),
    incomeCount: s.int(sr, '收入笔数'),
    incomeFen: s.fen(sr, '收入金额'),
    expenseCount: s.int(sr, '支出笔数'),
    expenseFen: s.fen(sr, '支出金额'),
  };
  const differences: string[] = [];
  const income = rows.filter((x) => x.direction === 'INCOME');
  const expense = rows.filter((x) => x.direction === 'EXPENSE');
  const pairs: Array<[string, number, number]> = [
    ['资金流水总笔数', summary.totalCount, rows.length],
    ['收入笔数', summary.incomeCount, income.length],
    ['收入金额', summary.incomeFen, income.reduce((a, x) => a + x.amountFen, 0)],
    ['支出笔数', summary.expenseCount, expense.length],
    ['支出金额', summary.expenseFen, expense.reduce((a, x) => a + x.amountFen, 0)],
  ];
  for (const [name, stated, computed] of pairs) if (stated !== computed) differences.push(`${name}: summary ${stated}, rows ${computed}`);
  return { rows, summary, summaryDifferences: differences };
}

// ---------------------------------------------------------------------------------------------- profit-sharing bill

export interface ProfitSharingBillRow {
  line: number;
  /** 分账时间. */
  time: Date;
  /** 分账发起方. */
  initiatorMchid: string;
  /** 分账方 (the paying merchant). */
  payerMchid: string;
  /** 分账接收方类型: MERCHANT_ID / PERSONAL_OPENID. */
  receiverType: string;
  /** 分账接收方 (mchid or openid). */
  receiverAccount: string;
  amountFen: number;
  /** 业务类型: 分账 (split), 分账回退 (return), 解冻给分账方 (release to the payer). */
  businessType: string;
  kind: 'SPLIT' | 'RETURN' | 'UNFREEZE' | 'OTHER';
  /** 处理状态: SUCCESS / CLOSED (a split line) / FAILED (a return) / PROCESSING. */
  state: string;
  description: string;
  transactionId: string;
  /** 微信分账/回退单号. */
  orderId: string;
  /** 商户分账/回退单号. */
  outOrderNo: string;
  /** 明细单号. */
  detailId: string;
}

export interface ProfitSharingBillSummary {
  line: number;
  totalCount: number;
  splitTotalFen: number;
  returnTotalFen: number;
  unfreezeTotalFen: number;
}

export interface ProfitSharingBillFile {
  rows: ProfitSharingBillRow[];
  summary: ProfitSharingBillSummary;
  summaryDifferences: string[];
  /** Whether the data rows carried the backtick prefix (WeChat changed it; both parse). */
  backticks: boolean;
}

const KIND: Record<string, ProfitSharingBillRow['kind']> = { 分账: 'SPLIT', 分账回退: 'RETURN', 解冻给分账方: 'UNFREEZE' };

/**
 * Parses a profit-sharing bill (分账账单), with or without the backtick prefix. The column list is UNCONFIRMED
 * (§2.8 item 8): columns are read by name and only 分账时间, 分账金额(元), 微信订单号 are required.
 */
export function parseProfitSharingBill(text: string): ProfitSharingBillFile {
  const t = splitTable(text, 'profit-sharing bill', { backticks: 'optional' });
  const r = new RowReader(t.header, ['分账时间', '分账金额(元)', '微信订单号'], 'profit-sharing bill');
  const rows = t.rows.map((row): ProfitSharingBillRow => {
    r.checkWidth(row);
    const businessType = r.text(row, '业务类型');
    return {
      line: row.line,
      time: r.time(row, '分账时间') as Date,
      initiatorMchid: r.text(row, '分账发起方'),
      payerMchid: r.text(row, '分账方'),
      receiverType: r.text(row, '分账接收方类型'),
      receiverAccount: r.text(row, '分账接收方'),
      amountFen: r.fen(row, '分账金额(元)'),
      businessType,
      kind: KIND[businessType] ?? 'OTHER',
      state: r.text(row, '处理状态'),
      description: r.text(row, '分账描述'),
      transactionId: r.text(row, '微信订单号'),
      orderId: r.text(row, '微信分账/回退单号'),
      outOrderNo: r.text(row, '商户分账/回退单号'),
      detailId: r.text(row, '明细单号'),
    };
  });
  const s = new RowReader(t.summaryHeader, ['总条数'], 'profit-sharing bill summary');
  const sr = t.summary;
  s.checkWidth(sr);
  const summary: ProfitSharingBillSummary = {
    line: sr.line,
    totalCount: s.int(sr, '总条数'),
    splitTotalFen: s.fen(sr, '分账总金额(元)', true),
    returnTotalFen: s.fen(sr, '分账回退总金额(元)', true),
    unfreezeTotalFen: s.fen(sr, '解冻总金额(元)', true),
  };
  const counted = (kind: ProfitSharingBillRow['kind']): number =>
    rows.filter((x) => x.kind === kind && x.state !== 'CLOSED' && x.state !== 'FAILED').reduce((a, x) => a + x.amountFen, 0);
  const differences: string[] = [];
  const pairs: Array<[string, number, number]> = [
    ['总条数', summary.totalCount, rows.length],
    ['分账总金额', summary.splitTotalFen, counted('SPLIT')],
    ['分账回退总金额', summary.returnTotalFen, counted('RETURN')],
    ['解冻总金额', summary.unfreezeTotalFen, counted('UNFREEZE')],
  ];
  for (const [name, stated, computed] of pairs) if (stated !== computed) differences.push(`${name}: summary ${stated}, rows ${computed}`);
  return { rows, summary, summaryDifferences: differences, backticks: t.backticked };
}
