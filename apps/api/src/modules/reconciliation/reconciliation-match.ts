import type { FundFlowBillRow, ProfitSharingBillRow, TradeBillRow } from '@zizhu/payscore';

/**
 * Matching a day's bills against what the platform recorded, pure (no I/O): the candidates it answers are re-checked
 * by a query to WeChat before any is stored (reconciliation.service.ts).
 */
export const DIFFERENCE_KINDS = ['MISSING_LOCAL', 'MISSING_AT_WECHAT', 'AMOUNT_MISMATCH', 'REFUND_STATE_MISMATCH'] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];
export const BILL_KINDS = ['TRADE', 'FUND_FLOW', 'PROFIT_SHARING'] as const;
export type BillKind = (typeof BILL_KINDS)[number];

/** A paid session of the account (paid that day, or named by the bill). */
export interface LocalPayment {
  sessionId: string;
  outOrderNo: string;
  transactionId: string | null;
  paidFen: number;
  /** The Beijing day it was recorded paid. */
  paidOn: string;
}

/** A refund of one of those sessions. */
export interface LocalRefund {
  sessionId: string;
  outOrderNo: string;
  outRefundNo: string;
  refundId: string | null;
  amountFen: number;
  /** session_actions state: PENDING | PROCESSING | SUCCEEDED | FAILED | ABNORMAL. */
  state: string;
  /** The Beijing day it was created (a refund's trade-bill row is dated at its initiation). */
  createdOn: string;
}

export interface Candidate {
  kind: DifferenceKind;
  bill: BillKind;
  outOrderNo: string | null;
  transactionId: string | null;
  outRefundNo: string | null;
  refundId: string | null;
  sessionId: string | null;
  localFen: number | null;
  billFen: number | null;
  localState: string | null;
  billState: string | null;
  /**
   * What the difference is about when its numbers alone do not say: a merchant transfer (fund-flow bill), whose
   * out_bill_no is in `outOrderNo` and transfer_bill_no in `transactionId`. Steers the re-check; not stored.
   */
  subject?: 'TRANSFER';
}

/** The trade bill's 退款状态 for a local refund state (SUCCEEDED ↔ SUCCESS, FAILED ↔ REFUNDCLOSE, ABNORMAL ↔ CHANGE). */
const BILL_REFUND_STATE: Record<string, string> = { SUCCEEDED: 'SUCCESS', FAILED: 'REFUNDCLOSE', ABNORMAL: 'CHANGE', PROCESSING: 'PROCESSING', PENDING: 'PROCESSING' };
/** The refund query's status for a local refund state. */
export const QUERY_REFUND_STATE: Record<string, string> = { SUCCEEDED: 'SUCCESS', FAILED: 'CLOSED', ABNORMAL: 'ABNORMAL', PROCESSING: 'PROCESSING', PENDING: 'PROCESSING' };

export function billRefundStateOf(localState: string): string {
  return BILL_REFUND_STATE[localState] ?? localState;
}

export interface MatchResult {
  matched: number;
  payments: number;
  refunds: number;
  /** 手续费 of the day: payment fees minus the fees refunds gave back, whole fen. */
  feeFen: number;
  /**
   * The same fees per session of ours that the bill's rows name (payment row's fee less its refund rows'), in bill
   * order; rows of no session of ours are only in `feeFen` (the merchant of record's). Σ here + those rows = feeFen.
   */
  sessionFees: { sessionId: string; feeFen: number }[];
  candidates: Candidate[];
  /** Refund rows whose state differs from ours but may just be older than ours: compare only after querying the refund. */
  refundStatesToQuery: Candidate[];
}

const base = (bill: BillKind): Omit<Candidate, 'kind'> => ({
  bill,
  outOrderNo: null,
  transactionId: null,
  outRefundNo: null,
  refundId: null,
  sessionId: null,
  localFen: null,
  billFen: null,
  localState: null,
  billState: null,
});

/**
 * The trade bill (ALL) of `billDate` against the account's payments and refunds: a payment row matches a session by
 * out_order_no (the `wxzff` third segment) or transaction_id; a refund row a refund by out_refund_no or refund_id.
 * A local payment of that day (or refund created that day) absent from the bill is MISSING_AT_WECHAT.
 */
export function matchTradeBill(billDate: string, rows: readonly TradeBillRow[], payments: readonly LocalPayment[], refunds: readonly LocalRefund[]): MatchResult {
  const byOrder = new Map(payments.map((p) => [p.outOrderNo, p]));
  const byTransaction = new Map(payments.filter((p) => p.transactionId).map((p) => [p.transactionId!, p]));
  const refundByNo = new Map(refunds.map((r) => [r.outRefundNo, r]));
  const refundById = new Map(refunds.filter((r) => r.refundId).map((r) => [r.refundId!, r]));
  const seenPayments = new Set<string>();
  const seenRefunds = new Set<string>();
  const candidates: Candidate[] = [];
  const refundStatesToQuery: Candidate[] = [];
  let matched = 0;
  let feeFen = 0;
  const feeBySession = new Map<string, number>();
  const sessionFee = (sessionId: string, fen: number) => feeBySession.set(sessionId, (feeBySession.get(sessionId) ?? 0) + fen);
  let paymentRows = 0;
  let refundRows = 0;
  for (const row of rows) {
    if (row.kind === 'PAYMENT') {
      paymentRows += 1;
      feeFen += row.feeFen;
      const local = byOrder.get(row.outOrderNo) ?? byTransaction.get(row.transactionId);
      const ids = { outOrderNo: row.outOrderNo, transactionId: row.transactionId };
      if (!local) {
        candidates.push({ ...base('TRADE'), ...ids, kind: 'MISSING_LOCAL', billFen: row.settlementTotalFen, billState: row.tradeState });
        continue;
      }
      seenPayments.add(local.sessionId);
      sessionFee(local.sessionId, row.feeFen);
      if (local.paidFen !== row.settlementTotalFen) {
        candidates.push({ ...base('TRADE'), ...ids, outOrderNo: local.outOrderNo, sessionId: local.sessionId, kind: 'AMOUNT_MISMATCH', localFen: local.paidFen, billFen: row.settlementTotalFen });
      } else {
        matched += 1;
      }
    } else {
      refundRows += 1;
      feeFen -= row.feeFen;
      const local = (row.outRefundNo ? refundByNo.get(row.outRefundNo) : undefined) ?? (row.refundId ? refundById.get(row.refundId) : undefined);
      const ids = { outOrderNo: row.outOrderNo, transactionId: row.transactionId, outRefundNo: row.outRefundNo ?? null, refundId: row.refundId ?? null };
      if (!local) {
        candidates.push({ ...base('TRADE'), ...ids, kind: 'MISSING_LOCAL', billFen: row.refundFen, billState: row.refundState });
        continue;
      }
      seenRefunds.add(local.outRefundNo);
      sessionFee(local.sessionId, -row.feeFen);
      const withLocal = { ...base('TRADE'), ...ids, outOrderNo: local.outOrderNo, outRefundNo: local.outRefundNo, sessionId: local.sessionId };
      if (local.amountFen !== row.refundFen) {
        candidates.push({ ...withLocal, kind: 'AMOUNT_MISMATCH', localFen: local.amountFen, billFen: row.refundFen, localState: local.state, billState: row.refundState });
      } else if (billRefundStateOf(local.state) !== row.refundState) {
        refundStatesToQuery.push({ ...withLocal, kind: 'REFUND_STATE_MISMATCH', localFen: local.amountFen, billFen: row.refundFen, localState: local.state, billState: row.refundState });
      } else {
        matched += 1;
      }
    }
  }
  for (const p of payments) {
    if (p.paidOn === billDate && !seenPayments.has(p.sessionId)) {
      candidates.push({ ...base('TRADE'), kind: 'MISSING_AT_WECHAT', outOrderNo: p.outOrderNo, transactionId: p.transactionId, sessionId: p.sessionId, localFen: p.paidFen });
    }
  }
  for (const r of refunds) {
    // a refund that never reached WeChat (FAILED before an answer, PENDING) has no bill row to expect
    if (r.createdOn === billDate && r.refundId && !seenRefunds.has(r.outRefundNo)) {
      candidates.push({ ...base('TRADE'), kind: 'MISSING_AT_WECHAT', outOrderNo: r.outOrderNo, outRefundNo: r.outRefundNo, refundId: r.refundId, sessionId: r.sessionId, localFen: r.amountFen, localState: r.state });
    }
  }
  const sessionFees = [...feeBySession].map(([sessionId, fen]) => ({ sessionId, feeFen: fen }));
  return { matched, payments: paymentRows, refunds: refundRows, feeFen, sessionFees, candidates, refundStatesToQuery };
}

/**
 * A merchant transfer (商家转账) the account paid: a WECHAT_TRANSFER payout of a brand to a franchisee (payouts,
 * settlement module). A retry is a new payout with a new out_bill_no.
 */
export interface LocalTransfer {
  payoutId: string;
  /** The merchant's number of the bill (payouts.out_no), 业务凭证号 on the fund-flow bill. */
  outBillNo: string;
  /** WeChat's transfer_bill_no (payouts.reference): set once WeChat answered with the bill, so WeChat has it. */
  transferBillNo: string | null;
  amountFen: number;
  /** payouts.state: REQUESTED | PROCESSING | SUCCEEDED | FAILED. */
  state: string;
  /**
   * The Beijing day WeChat accepted it as far as we know (the first non-final answer, else the final one); null while
   * WeChat has not answered. The re-check by query replaces it with WeChat's own create_time.
   */
  acceptedOn: string | null;
}

/** The fund-flow bill's 业务类型 values compared (UNCONFIRMED wording, as the simulator prints them; see the payscore lib). */
export const FUND_FLOW_TYPES = { payment: '交易', refund: '退款', transfer: '商家转账', transferReturn: '商家转账退回' } as const;

/**
 * The fund-flow bill (资金账单, BASIC) of `billDate`: every movement of the account's money that we record ourselves.
 * - 交易 (income): a payment landing, matched with the session by transaction_id (微信支付业务单号 / 业务凭证号) or
 *   out_order_no (业务凭证号); none of ours → MISSING_LOCAL, amount differs → AMOUNT_MISMATCH.
 * - 退款 (expense): matched with the refund (session_actions REFUND, the same as the trade bill's) by refund_id
 *   (微信支付业务单号) or out_refund_no (业务凭证号); none of ours → MISSING_LOCAL, amount differs → AMOUNT_MISMATCH. A
 *   refund of ours WeChat accepted (it has a refund_id), SUCCEEDED and created on `billDate` with no row →
 *   MISSING_AT_WECHAT: the money leaves the account when WeChat accepts the refund, the day the bill books it (the
 *   re-check by query drops a refund WeChat created on another day). Refunds still PROCESSING, ABNORMAL, FAILED or
 *   PENDING are not expected on the bill (we cannot tell for certain what WeChat booked for them); their rows are
 *   still compared when present.
 * - 商家转账 (expense): matched with the payout by out_bill_no (业务凭证号) or transfer_bill_no (微信支付业务单号); none
 *   of ours → MISSING_LOCAL, amount differs → AMOUNT_MISMATCH; a payout WeChat accepted (it has the transfer_bill_no)
 *   on `billDate`, PROCESSING or SUCCEEDED here, with no row → MISSING_AT_WECHAT (the money leaves the account when
 *   WeChat accepts the bill). A FAILED payout is not expected (whether WeChat booked a failed bill's money out and back
 *   is not certain), but its rows are compared when present.
 * - 商家转账退回 (income: a transfer that failed or was cancelled gave the money back): matched like 商家转账. With the
 *   payout FAILED here it is compared by amount; with the payout not FAILED here (we count the money as paid out or on
 *   its way) it is MISSING_LOCAL: WeChat has a movement — money back in the account — that our books do not. Not
 *   AMOUNT_MISMATCH (the amounts agree) nor REFUND_STATE_MISMATCH (that kind is a refund's, or a split's, state column
 *   on a bill; the fund-flow bill has no state column). Such a difference carries our state as `localState` and the
 *   row's 业务类型 as `billState`.
 * A transfer's difference names its out_bill_no as `outOrderNo` and its transfer_bill_no as `transactionId`, with
 * `subject: 'TRANSFER'` (for the re-check, which queries the transfer bill).
 * Not compared here: fee rows (扣除交易手续费 / 退还交易手续费: the trade bill's 手续费 column is what the ledger takes),
 * profit-sharing rows (分账 / 分账回退: the profit-sharing bill compares them) and any other 业务类型 (e.g. a
 * withdrawal or a top-up the platform does not record).
 */
export function matchFundFlowBill(
  billDate: string,
  rows: readonly FundFlowBillRow[],
  payments: readonly LocalPayment[],
  refunds: readonly LocalRefund[] = [],
  transfers: readonly LocalTransfer[] = [],
): Candidate[] {
  const byTransaction = new Map(payments.filter((p) => p.transactionId).map((p) => [p.transactionId!, p]));
  const byOrder = new Map(payments.map((p) => [p.outOrderNo, p]));
  const refundByNo = new Map(refunds.map((r) => [r.outRefundNo, r]));
  const refundById = new Map(refunds.filter((r) => r.refundId).map((r) => [r.refundId!, r]));
  const transferByNo = new Map(transfers.map((t) => [t.outBillNo, t]));
  const transferById = new Map(transfers.filter((t) => t.transferBillNo).map((t) => [t.transferBillNo!, t]));
  const seenRefunds = new Set<string>();
  const seenTransfers = new Set<string>();
  const out: Candidate[] = [];
  const bill = base('FUND_FLOW');
  for (const row of rows) {
    const type = row.businessType;
    if (row.direction === 'INCOME' && type === FUND_FLOW_TYPES.payment) {
      const local = byTransaction.get(row.businessNo) ?? byTransaction.get(row.voucherNo) ?? byOrder.get(row.voucherNo);
      const ids = { transactionId: row.businessNo, outOrderNo: local?.outOrderNo ?? null };
      if (!local) out.push({ ...bill, ...ids, kind: 'MISSING_LOCAL', billFen: row.amountFen });
      else if (local.paidFen !== row.amountFen) out.push({ ...bill, ...ids, sessionId: local.sessionId, kind: 'AMOUNT_MISMATCH', localFen: local.paidFen, billFen: row.amountFen });
    } else if (row.direction === 'EXPENSE' && type === FUND_FLOW_TYPES.refund) {
      const local = (row.businessNo ? refundById.get(row.businessNo) : undefined) ?? (row.voucherNo ? refundByNo.get(row.voucherNo) : undefined);
      if (!local) {
        out.push({ ...bill, kind: 'MISSING_LOCAL', outRefundNo: row.voucherNo || null, refundId: row.businessNo || null, billFen: row.amountFen });
        continue;
      }
      seenRefunds.add(local.outRefundNo);
      if (local.amountFen !== row.amountFen) {
        out.push({
          ...bill, kind: 'AMOUNT_MISMATCH', outOrderNo: local.outOrderNo, outRefundNo: local.outRefundNo, refundId: local.refundId ?? (row.businessNo || null), sessionId: local.sessionId,
          localFen: local.amountFen, billFen: row.amountFen, localState: local.state,
        });
      }
    } else if ((row.direction === 'EXPENSE' && type === FUND_FLOW_TYPES.transfer) || (row.direction === 'INCOME' && type === FUND_FLOW_TYPES.transferReturn)) {
      const local = (row.voucherNo ? transferByNo.get(row.voucherNo) : undefined) ?? (row.businessNo ? transferById.get(row.businessNo) : undefined);
      const ids = { subject: 'TRANSFER' as const, outOrderNo: local?.outBillNo ?? (row.voucherNo || null), transactionId: local?.transferBillNo ?? (row.businessNo || null), billState: type };
      if (!local) {
        out.push({ ...bill, ...ids, kind: 'MISSING_LOCAL', billFen: row.amountFen });
        continue;
      }
      if (type === FUND_FLOW_TYPES.transfer) seenTransfers.add(local.outBillNo);
      if (type === FUND_FLOW_TYPES.transferReturn && local.state !== 'FAILED') {
        // the money came back at WeChat while we count it paid out (or on its way): see the doc comment
        out.push({ ...bill, ...ids, kind: 'MISSING_LOCAL', billFen: row.amountFen, localState: local.state });
      } else if (local.amountFen !== row.amountFen) {
        out.push({ ...bill, ...ids, kind: 'AMOUNT_MISMATCH', localFen: local.amountFen, billFen: row.amountFen, localState: local.state });
      }
    }
  }
  for (const r of refunds) {
    if (r.refundId && r.state === 'SUCCEEDED' && r.createdOn === billDate && !seenRefunds.has(r.outRefundNo)) {
      out.push({ ...bill, kind: 'MISSING_AT_WECHAT', outOrderNo: r.outOrderNo, outRefundNo: r.outRefundNo, refundId: r.refundId, sessionId: r.sessionId, localFen: r.amountFen, localState: r.state });
    }
  }
  for (const t of transfers) {
    if (t.transferBillNo && (t.state === 'PROCESSING' || t.state === 'SUCCEEDED') && t.acceptedOn === billDate && !seenTransfers.has(t.outBillNo)) {
      out.push({ ...bill, subject: 'TRANSFER', kind: 'MISSING_AT_WECHAT', outOrderNo: t.outBillNo, transactionId: t.transferBillNo, localFen: t.amountFen, localState: t.state });
    }
  }
  return out;
}

/** A profit-sharing split of the account (profit_sharing_orders) the profit-sharing bill may name. */
export interface LocalSplit {
  sessionId: string;
  /** The split's out_order_no (商户分账单号, `PS…`). */
  outOrderNo: string;
  wechatOrderId: string | null;
  transactionId: string;
  amountFen: number;
  /** PENDING | PROCESSING | FINISHED | FAILED. */
  state: string;
  /** The Beijing day it finished or failed (null while open). */
  doneOn: string | null;
}

/** A split return (profit_sharing_returns, 分账回退) of the account. */
export interface LocalSplitReturn {
  sessionId: string;
  /** The split's out_order_no. */
  outOrderNo: string;
  outReturnNo: string;
  returnId: string | null;
  transactionId: string;
  amountFen: number;
  /** PENDING | PROCESSING | SUCCEEDED | FAILED. */
  state: string;
  doneOn: string | null;
}

/** The profit-sharing bill's 处理状态 for a local split / return state. */
const BILL_SPLIT_STATE: Record<string, string> = { FINISHED: 'SUCCESS', FAILED: 'CLOSED', PROCESSING: 'PROCESSING', PENDING: 'PROCESSING' };
const BILL_RETURN_STATE: Record<string, string> = { SUCCEEDED: 'SUCCESS', FAILED: 'FAILED', PROCESSING: 'PROCESSING', PENDING: 'PROCESSING' };
/** The split query's receiver result / the return query's result for a local state (the re-check). */
export const QUERY_SPLIT_RESULT: Record<string, string> = { FINISHED: 'SUCCESS', FAILED: 'CLOSED', PROCESSING: 'PENDING', PENDING: 'PENDING' };
export const QUERY_RETURN_RESULT: Record<string, string> = { SUCCEEDED: 'SUCCESS', FAILED: 'FAILED', PROCESSING: 'PROCESSING', PENDING: 'PROCESSING' };

export interface ProfitSharingMatch {
  matched: number;
  splits: number;
  returns: number;
  candidates: Candidate[];
  /** State differences that may only be older than ours: compared after querying the split / return. */
  statesToQuery: Candidate[];
}

/**
 * The profit-sharing bill of `billDate` against the account's splits and split returns. A split row (分账) matches a
 * split by its 商户分账单号 (out_order_no) or 微信分账单号; a return row (分账回退) a return by out_return_no or WeChat's
 * return id. Release rows (解冻给分账方) move no money between parties and are not matched. A difference names the
 * split's out_order_no as `outOrderNo` and, for a return, its out_return_no as `outRefundNo`. A split that finished
 * (or failed at a receiver line) that day, or a return WeChat answered that day, absent from the bill is
 * MISSING_AT_WECHAT; the re-check by query drops those WeChat made on another day.
 */
export function matchProfitSharingBill(billDate: string, rows: readonly ProfitSharingBillRow[], splits: readonly LocalSplit[], returns: readonly LocalSplitReturn[]): ProfitSharingMatch {
  const splitByNo = new Map(splits.map((s) => [s.outOrderNo, s]));
  const splitById = new Map(splits.filter((s) => s.wechatOrderId).map((s) => [s.wechatOrderId!, s]));
  const returnByNo = new Map(returns.map((r) => [r.outReturnNo, r]));
  const returnById = new Map(returns.filter((r) => r.returnId).map((r) => [r.returnId!, r]));
  const seenSplits = new Set<string>();
  const seenReturns = new Set<string>();
  const candidates: Candidate[] = [];
  const statesToQuery: Candidate[] = [];
  let matched = 0;
  let splitRows = 0;
  let returnRows = 0;
  for (const row of rows) {
    if (row.kind === 'SPLIT') {
      splitRows += 1;
      const local = (row.outOrderNo ? splitByNo.get(row.outOrderNo) : undefined) ?? (row.orderId ? splitById.get(row.orderId) : undefined);
      if (!local) {
        candidates.push({ ...base('PROFIT_SHARING'), kind: 'MISSING_LOCAL', outOrderNo: row.outOrderNo || null, transactionId: row.transactionId || null, billFen: row.amountFen, billState: row.state });
        continue;
      }
      seenSplits.add(local.outOrderNo);
      const withLocal = { ...base('PROFIT_SHARING'), outOrderNo: local.outOrderNo, transactionId: local.transactionId, sessionId: local.sessionId, localFen: local.amountFen, billFen: row.amountFen, localState: local.state, billState: row.state };
      if (local.amountFen !== row.amountFen) candidates.push({ ...withLocal, kind: 'AMOUNT_MISMATCH' });
      else if ((BILL_SPLIT_STATE[local.state] ?? local.state) !== row.state) statesToQuery.push({ ...withLocal, kind: 'REFUND_STATE_MISMATCH' });
      else matched += 1;
    } else if (row.kind === 'RETURN') {
      returnRows += 1;
      const local = (row.outOrderNo ? returnByNo.get(row.outOrderNo) : undefined) ?? (row.orderId ? returnById.get(row.orderId) : undefined);
      if (!local) {
        candidates.push({ ...base('PROFIT_SHARING'), kind: 'MISSING_LOCAL', outRefundNo: row.outOrderNo || null, refundId: row.orderId || null, transactionId: row.transactionId || null, billFen: row.amountFen, billState: row.state });
        continue;
      }
      seenReturns.add(local.outReturnNo);
      const withLocal = {
        ...base('PROFIT_SHARING'), outOrderNo: local.outOrderNo, outRefundNo: local.outReturnNo, refundId: local.returnId, transactionId: local.transactionId, sessionId: local.sessionId,
        localFen: local.amountFen, billFen: row.amountFen, localState: local.state, billState: row.state,
      };
      if (local.amountFen !== row.amountFen) candidates.push({ ...withLocal, kind: 'AMOUNT_MISMATCH' });
      else if ((BILL_RETURN_STATE[local.state] ?? local.state) !== row.state) statesToQuery.push({ ...withLocal, kind: 'REFUND_STATE_MISMATCH' });
      else matched += 1;
    }
  }
  for (const s of splits) {
    // a split WeChat made (it has WeChat's order id) with money to a receiver, finished or closed that day
    if (s.doneOn === billDate && s.wechatOrderId && s.amountFen > 0 && (s.state === 'FINISHED' || s.state === 'FAILED') && !seenSplits.has(s.outOrderNo)) {
      candidates.push({ ...base('PROFIT_SHARING'), kind: 'MISSING_AT_WECHAT', outOrderNo: s.outOrderNo, transactionId: s.transactionId, sessionId: s.sessionId, localFen: s.amountFen, localState: s.state });
    }
  }
  for (const r of returns) {
    if (r.doneOn === billDate && r.returnId && (r.state === 'SUCCEEDED' || r.state === 'FAILED') && !seenReturns.has(r.outReturnNo)) {
      candidates.push({
        ...base('PROFIT_SHARING'), kind: 'MISSING_AT_WECHAT', outOrderNo: r.outOrderNo, outRefundNo: r.outReturnNo, refundId: r.returnId, transactionId: r.transactionId, sessionId: r.sessionId,
        localFen: r.amountFen, localState: r.state,
      });
    }
  }
  return { matched, splits: splitRows, returns: returnRows, candidates, statesToQuery };
}
