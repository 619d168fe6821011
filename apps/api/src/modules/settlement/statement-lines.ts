import type { StatementLineKind } from './dto/statement.dto.js';
import { type Collection, ROUNDINGS, type Rounding } from './settlement-math.js';

/**
 * A statement's lines and totals from its figures, pure. Amounts are signed from the side of the organisation the
 * statement is for (a franchisee, a customer): positive is owed to it, negative owed by it.
 */
export interface FranchiseFigures {
  sessions: number;
  paidFen: number;
  refundedFen: number;
  commissionFen: number;
  adjustedSessions: number;
  adjustedRefundedFen: number;
  commissionBackFen: number;
  /** FRANCHISEE_COLLECTS: commission the brand owes back because a split return (回退) before a refund failed (issue 12). */
  splitReturnOwedFen?: number;
  /**
   * FRANCHISEE_COLLECTS: commission the franchisee owes the brand again because a split return SUCCEEDED and WeChat then
   * refused the refund outright (the refund FAILED; the order was never refunded).
   */
  splitReturnReclaimedFen?: number;
  /**
   * WeChat's channel fee (issue 12) that became known since the last close, from the ledger: `passedOnFen` the share of
   * the franchisee's own orders its brand (the merchant of record) passed on to it under the agreement, `ownFen` its own
   * fee as merchant of record (franchisee collects: WeChat took it from its own collections, nothing between the
   * parties); `…Days` the bill days (merchant account and date) each came from.
   */
  channelFee?: { passedOnFen: number; passedOnDays: number; ownFen: number; ownDays: number };
}

export interface FranchiseMonthTerms {
  /** Only on the statement holding a month's last day: fixed fees and the minimum are monthly. */
  monthEnd: { devices: number; fixedFeePerDeviceMonthFen: number | null; minimumMonthFen: number | null; commissionOfMonthBeforeFen: number } | null;
  collection: Collection;
}

export interface ResellerTerms {
  /** Only on the statement holding a month's last day. */
  monthEnd: { activeDevices: number; platformFeePerActiveDeviceMonthFen: number; fixedMonthFen: number | null } | null;
}

export interface Line {
  kind: StatementLineKind;
  description: string;
  quantity: number | null;
  unitFen: number | null;
  amountFen: number;
  rounding: Rounding | null;
}

export interface Totals {
  sessions: number;
  paidFen: number;
  refundedFen: number;
  netFen: number;
  commissionFen: number;
  fixedFeeFen: number;
  minimumTopUpFen: number;
  resellerFeeFen: number;
  adjustmentFen: number;
  payableFen: number;
}

/** The negative of an amount, never -0 (JSON and the database have no negative zero). */
const neg = (fen: number) => (fen === 0 ? 0 : -fen);

export function franchiseStatement(f: FranchiseFigures, terms: FranchiseMonthTerms): { lines: Line[]; totals: Totals } {
  const netFen = f.paidFen - f.refundedFen;
  const lines: Line[] = [
    { kind: 'SESSIONS_NET', description: `订单净额（实收 ${f.paidFen} 分 − 退款 ${f.refundedFen} 分）`, quantity: f.sessions, unitFen: null, amountFen: netFen, rounding: null },
    { kind: 'COMMISSION', description: '品牌佣金（逐单 ⌊净额 × 比例⌋）', quantity: f.sessions, unitFen: null, amountFen: neg(f.commissionFen), rounding: ROUNDINGS.COMMISSION_FLOOR_PER_ORDER },
  ];
  let fixedFeeFen = 0;
  let minimumTopUpFen = 0;
  if (terms.monthEnd) {
    const m = terms.monthEnd;
    if (m.fixedFeePerDeviceMonthFen) {
      fixedFeeFen = m.devices * m.fixedFeePerDeviceMonthFen;
      lines.push({ kind: 'FIXED_FEE', description: '设备月固定费', quantity: m.devices, unitFen: m.fixedFeePerDeviceMonthFen, amountFen: neg(fixedFeeFen), rounding: ROUNDINGS.FEE_EXACT_PER_DEVICE });
    }
    if (m.minimumMonthFen) {
      const brandGot = m.commissionOfMonthBeforeFen + f.commissionFen + fixedFeeFen;
      minimumTopUpFen = Math.max(0, m.minimumMonthFen - brandGot);
      if (minimumTopUpFen > 0) {
        lines.push({ kind: 'MINIMUM_TOP_UP', description: `月保底补足（保底 ${m.minimumMonthFen} 分，本月已得 ${brandGot} 分）`, quantity: null, unitFen: null, amountFen: neg(minimumTopUpFen), rounding: ROUNDINGS.MINIMUM_ON_MONTH_END });
      }
    }
  }
  const fee = f.channelFee ?? { passedOnFen: 0, passedOnDays: 0, ownFen: 0, ownDays: 0 };
  if (fee.passedOnFen !== 0) {
    lines.push({
      kind: 'CHANNEL_FEE',
      description: '微信支付手续费（品牌收款，按协议由加盟商承担；逐单取自交易账单，按获知日入账）',
      quantity: fee.passedOnDays,
      unitFen: null,
      amountFen: neg(fee.passedOnFen),
      rounding: ROUNDINGS.CHANNEL_FEE_PER_ORDER_FROM_BILL,
    });
  }
  // its own fee as merchant of record is shown, not owed to or by the brand: it is left out of payableFen below
  const ownFeeLine: Line | null =
    fee.ownFen !== 0
      ? { kind: 'CHANNEL_FEE', description: '微信支付手续费（本店商户号收款，微信已扣除；不计入应付）', quantity: fee.ownDays, unitFen: null, amountFen: neg(fee.ownFen), rounding: ROUNDINGS.CHANNEL_FEE_PER_ORDER_FROM_BILL }
      : null;
  if (ownFeeLine) lines.push(ownFeeLine);
  if (f.adjustedRefundedFen > 0) {
    lines.push({ kind: 'ADJUSTMENT', description: '往期订单结账后退款', quantity: f.adjustedSessions, unitFen: null, amountFen: neg(f.adjustedRefundedFen), rounding: null });
  }
  if (f.commissionBackFen > 0) {
    lines.push({ kind: 'ADJUSTMENT', description: '往期退款退回佣金', quantity: f.adjustedSessions, unitFen: null, amountFen: f.commissionBackFen, rounding: ROUNDINGS.COMMISSION_FLOOR_PER_ORDER });
  }
  const owedBack = f.splitReturnOwedFen ?? 0;
  if (owedBack > 0) {
    lines.push({ kind: 'ADJUSTMENT', description: '分账回退失败：品牌应退还的佣金（已分账后退款）', quantity: null, unitFen: null, amountFen: owedBack, rounding: ROUNDINGS.COMMISSION_FLOOR_PER_ORDER });
  }
  const reclaimed = f.splitReturnReclaimedFen ?? 0;
  if (reclaimed > 0) {
    lines.push({ kind: 'ADJUSTMENT', description: '分账已回退但退款失败：加盟商应再付品牌的佣金（订单未退款）', quantity: null, unitFen: null, amountFen: neg(reclaimed), rounding: ROUNDINGS.COMMISSION_FLOOR_PER_ORDER });
  }
  const adjustmentFen = f.commissionBackFen - f.adjustedRefundedFen + owedBack - reclaimed;
  // brand collects: it holds the money and pays the franchisee the rest; franchisee collects: it holds the money
  // and owes the brand what is due to it (negative)
  // (WeChat's fee passed on is owed to the brand in either mode; the franchisee's own fee at WeChat is neither)
  const payableFen =
    terms.collection === 'BRAND_COLLECTS'
      ? lines.reduce((sum, l) => (l === ownFeeLine ? sum : sum + l.amountFen), 0)
      : f.commissionBackFen + owedBack - reclaimed - f.commissionFen - fixedFeeFen - minimumTopUpFen - fee.passedOnFen;
  return {
    lines,
    totals: { sessions: f.sessions, paidFen: f.paidFen, refundedFen: f.refundedFen, netFen, commissionFen: f.commissionFen, fixedFeeFen, minimumTopUpFen, resellerFeeFen: 0, adjustmentFen, payableFen },
  };
}

export function resellerStatement(terms: ResellerTerms): { lines: Line[]; totals: Totals } {
  const lines: Line[] = [];
  if (terms.monthEnd) {
    const m = terms.monthEnd;
    lines.push({
      kind: 'RESELLER_FEE',
      description: '平台服务费（当月有心跳的设备）',
      quantity: m.activeDevices,
      unitFen: m.platformFeePerActiveDeviceMonthFen,
      amountFen: neg(m.activeDevices * m.platformFeePerActiveDeviceMonthFen),
      rounding: ROUNDINGS.FEE_EXACT_PER_DEVICE,
    });
    if (m.fixedMonthFen) lines.push({ kind: 'RESELLER_FIXED_FEE', description: '月固定费', quantity: 1, unitFen: m.fixedMonthFen, amountFen: neg(m.fixedMonthFen), rounding: null });
  }
  const resellerFeeFen = neg(lines.reduce((sum, l) => sum + l.amountFen, 0));
  return {
    lines,
    totals: { sessions: 0, paidFen: 0, refundedFen: 0, netFen: 0, commissionFen: 0, fixedFeeFen: 0, minimumTopUpFen: 0, resellerFeeFen, adjustmentFen: 0, payableFen: resellerFeeFen },
  };
}
