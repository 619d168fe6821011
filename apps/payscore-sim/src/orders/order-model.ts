// The service-order object as the simulator holds it, and its wire form (payscore-protocol.md §3).
import type { PostDiscount, PostPayment } from '@zizhu/payscore';
import { type Scenario, type ServiceMode } from '../merchants/merchant-registry.js';

export type OrderState = 'CREATED' | 'DOING' | 'DONE' | 'REVOKED' | 'EXPIRED';
export type StateDescription = 'USER_CONFIRM' | 'MCH_COMPLETE';
export type RiskFundName = 'DEPOSIT' | 'ADVANCE' | 'CASH_DEPOSIT' | 'ESTIMATE_ORDER_COST';

// the wire items are the client library's: one definition of the §3 shapes on both sides of the wire
export type { PostDiscount, PostPayment } from '@zizhu/payscore';
export interface RiskFund {
  name: RiskFundName;
  amount: number;
  description?: string;
}
export interface TimeRange {
  start_time: string;
  start_time_remark?: string;
  end_time?: string;
  end_time_remark?: string;
}

export type DebitOutcome = 'success' | 'insufficient-funds' | 'user-pays-later';

export interface PaymentRecord {
  readonly seq: number;
  readonly amount: number;
  readonly paidType: 'NEWTON' | 'MCH';
  readonly paidAtMs: number;
  readonly paidTime: string;
  /** Only NEWTON payments above 0 carry one. */
  readonly transactionId?: string;
  /** Trade-bill type: AUTH for the automatic debit, JSAPI when the user paid from the pending list. */
  readonly tradeType?: 'AUTH' | 'JSAPI';
  /** 商户订单号 on the bill: WeChat-generated for AUTH, out_order_no for JSAPI. */
  readonly billOutTradeNo?: string;
  refundedFen: number;
}

export interface DebitAttempt {
  readonly at: string;
  readonly result: 'paid' | 'insufficient-funds' | 'waiting-for-user';
}

export interface OrderRecord {
  readonly key: string;
  readonly mchid: string;
  readonly appid: string;
  readonly serviceId: string;
  readonly scenario: Scenario;
  readonly mode: ServiceMode;
  readonly outOrderNo: string;
  readonly orderId: string;
  readonly packageToken: string;
  readonly createCanonical: string;
  readonly createdAtMs: number;
  updatedAtMs: number;
  serviceIntroduction: string;
  postPayments: PostPayment[];
  postDiscounts?: PostDiscount[];
  riskFund: RiskFund;
  timeRange: TimeRange;
  location?: { start_location?: string; end_location?: string };
  attach?: string;
  notifyUrl: string;
  device?: Record<string, unknown>;
  state: OrderState;
  stateDescription?: StateDescription;
  totalAmount?: number;
  needCollection?: boolean;
  openid?: string;
  /** The WeChat user who opened the confirmation page from the mini-program: only they may decide on it. */
  viewerOpenid?: string;
  queryId?: string;
  /** The user decided on the confirmation page (confirm / refuse / assessment): the package is spent. */
  packageUsed: boolean;
  /** The confirmation page was opened with the package (wx.openBusinessView): a second opening fails. */
  pageOpened: boolean;
  /** While a debit runs, cancel / modify / sync answer 单据正在扣款中 (busy lock, §4.3). */
  debitBusyUntilMs?: number;
  userAction?: 'confirmed' | 'refused' | 'assessment-failed' | 'deposit-paid';
  depositPaid: boolean;
  cancelReason?: string;
  completedAtMs?: number;
  modifyCount: number;
  syncCanonical?: string;
  profitSharing?: boolean;
  goodsTag?: string;
  payments: PaymentRecord[];
  debitAttempts: DebitAttempt[];
  debitTask?: number;
  warnings: string[];
}

const RISK_FUND_LABELS: Record<RiskFundName, string> = {
  DEPOSIT: '押金',
  ADVANCE: '预付款',
  CASH_DEPOSIT: '保证金',
  ESTIMATE_ORDER_COST: '预估订单费用',
};

export const riskFundLabel = (name: RiskFundName): string => RISK_FUND_LABELS[name];

export function paidFen(order: OrderRecord): number {
  return order.payments.reduce((sum, p) => sum + p.amount, 0);
}

function collection(order: OrderRecord): Record<string, unknown> | undefined {
  if (!order.needCollection || order.totalAmount === undefined) return undefined;
  const paid = paidFen(order);
  const paidAll = order.state === 'DONE';
  const result: Record<string, unknown> = {
    state: paidAll ? 'USER_PAID' : 'USER_PAYING',
    total_amount: order.totalAmount,
    paying_amount: paidAll ? 0 : order.totalAmount - paid,
    paid_amount: paid,
  };
  if (order.payments.length > 0) {
    result['details'] = order.payments.map((p) => ({
      seq: p.seq,
      amount: p.amount,
      paid_type: p.paidType,
      paid_time: p.paidTime,
      ...(p.transactionId ? { transaction_id: p.transactionId } : {}),
    }));
  }
  return result;
}

/** The order as WeChat answers it (query, complete, modify, sync, callbacks). */
export function orderWire(order: OrderRecord, withPackage = false): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    appid: order.appid,
    mchid: order.mchid,
    out_order_no: order.outOrderNo,
    service_id: order.serviceId,
    service_introduction: order.serviceIntroduction,
    state: order.state,
  };
  if (order.state === 'DOING' && order.stateDescription) wire['state_description'] = order.stateDescription;
  if (order.totalAmount !== undefined) wire['total_amount'] = order.totalAmount;
  wire['post_payments'] = order.postPayments;
  if (order.postDiscounts) wire['post_discounts'] = order.postDiscounts;
  wire['risk_fund'] = order.riskFund;
  wire['time_range'] = order.timeRange;
  if (order.location) wire['location'] = order.location;
  if (order.attach !== undefined) wire['attach'] = order.attach;
  wire['notify_url'] = order.notifyUrl;
  wire['order_id'] = order.orderId;
  if (order.openid) wire['openid'] = order.openid;
  if (order.needCollection !== undefined) wire['need_collection'] = order.needCollection;
  const c = collection(order);
  if (c) wire['collection'] = c;
  if (withPackage) wire['package'] = order.packageToken;
  return wire;
}
