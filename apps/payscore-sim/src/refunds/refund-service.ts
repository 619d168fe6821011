// Refunds of Pay Score payments: POST /v3/refund/domestic/refunds and GET …/{out_refund_no}
// (payscore-protocol.md §4.8). Keyed by transaction_id; never above what was paid.
import { randomDigits } from '../platform/wechatpay-crypto.js';
import { type Scheduler, type SimClock } from '../platform/clock.js';
import { rfc3339 } from '../platform/beijing-time.js';
import { canonicalJson, isObject } from '../platform/json.js';
import { WxError, invalidRequest, paramError } from '../platform/wx-error.js';
import { type Merchant } from '../merchants/merchant-registry.js';
import { type Notifier } from '../notifications/notifier.js';
import { type OrderService } from '../orders/order-service.js';
import { fen, str } from '../orders/order-validation.js';
import { checkNotifyUrl } from '../platform/notify-url.js';

export interface RefundRecord {
  readonly mchid: string;
  readonly refundId: string;
  readonly outRefundNo: string;
  readonly transactionId: string;
  readonly outOrderNo: string;
  readonly appid: string;
  readonly openid?: string;
  readonly billOutTradeNo: string;
  readonly totalFen: number;
  readonly refundFen: number;
  readonly reason?: string;
  readonly notifyUrl?: string;
  readonly createdAtMs: number;
  readonly canonical: string;
  status: 'PROCESSING' | 'SUCCESS' | 'ABNORMAL' | 'CLOSED';
  successAtMs?: number;
  /** What the refund took from the merchant (the refund net of the fee given back). */
  takenFen?: number;
}

/** Where refunded money comes from (the funds ledger): frozen profit-sharing funds first, then the available balance. */
export interface RefundFunds {
  /** Takes the refund or throws WeChat's refusal (403 NOT_ENOUGH); nothing changes when it throws. */
  takeForRefund(mchid: string, transactionId: string, refundFen: number): number | void;
  /** A refund that ended CLOSED: its money is back with the merchant. */
  giveBackClosedRefund(mchid: string, refundFen: number): void;
}

export interface RefundServiceOptions {
  readonly clock: SimClock;
  readonly scheduler: Scheduler;
  readonly notifier: Notifier;
  readonly refundDelayMs: number;
}

export class RefundService {
  private readonly refunds = new Map<string, RefundRecord>();

  constructor(
    private readonly options: RefundServiceOptions,
    private readonly orders: OrderService,
    private readonly merchantOf: (mchid: string) => Merchant | undefined,
    private readonly funds?: RefundFunds,
  ) {}

  create(merchant: Merchant, body: Record<string, unknown>): Record<string, unknown> {
    const outRefundNo = str(body, 'out_refund_no', 64, true);
    if (!/^[A-Za-z0-9_\-|*@]{1,64}$/.test(outRefundNo)) throw paramError('out_refund_no只能是数字、字母或_-|*@', 'out_refund_no');
    const transactionId = str(body, 'transaction_id', 32, false);
    if (transactionId === undefined) {
      if (body['out_trade_no'] !== undefined) throw new WxError(404, 'RESOURCE_NOT_EXISTS', '订单不存在（支付分订单退款请使用transaction_id）');
      throw paramError('缺少参数transaction_id', 'transaction_id');
    }
    const reason = str(body, 'reason', 80, false);
    const notifyUrl = str(body, 'notify_url', 256, false);
    if (notifyUrl !== undefined) checkNotifyUrl(notifyUrl, 'notify_url', this.orders.settings.lenient);
    const amount = body['amount'];
    if (!isObject(amount)) throw paramError('缺少参数amount', 'amount');
    const refund = fen(amount, 'refund', true, 'amount.refund');
    const total = fen(amount, 'total', true, 'amount.total');
    if (amount['currency'] !== undefined && amount['currency'] !== 'CNY') throw paramError('amount.currency只支持CNY', 'amount.currency');
    if (refund <= 0) throw paramError('amount.refund必须大于0', 'amount.refund');

    const canonical = canonicalJson(body);
    const key = `${merchant.mchid}|${outRefundNo}`;
    const existing = this.refunds.get(key);
    if (existing) {
      if (existing.canonical === canonical) return this.wire(existing);
      throw invalidRequest('out_refund_no已存在且参数不一致（退款重入参数校验失败）');
    }

    const found = this.orders.findPayment(merchant.mchid, transactionId);
    if (!found) throw new WxError(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    const { order, payment } = found;
    if (total !== payment.amount) throw paramError(`订单金额与实际支付金额不一致（实付${payment.amount}分）`, 'amount.total');
    if (payment.refundedFen + refund > payment.amount) {
      throw invalidRequest(`申请退款金额超过订单可退金额（已支付${payment.amount}分，已退${payment.refundedFen}分）`);
    }
    const taken = this.funds?.takeForRefund(merchant.mchid, transactionId, refund);
    payment.refundedFen += refund;
    const now = this.options.clock.now();
    const record: RefundRecord = {
      mchid: merchant.mchid,
      refundId: `50${randomDigits(27)}`,
      outRefundNo,
      transactionId,
      outOrderNo: order.outOrderNo,
      appid: order.appid,
      ...(order.openid ? { openid: order.openid } : {}),
      billOutTradeNo: payment.billOutTradeNo ?? order.outOrderNo,
      totalFen: payment.amount,
      refundFen: refund,
      ...(reason !== undefined ? { reason } : {}),
      ...(notifyUrl !== undefined ? { notifyUrl } : {}),
      createdAtMs: now,
      canonical,
      status: 'PROCESSING',
      ...(typeof taken === 'number' ? { takenFen: taken } : {}),
    };
    this.refunds.set(key, record);
    this.options.scheduler.after(this.options.refundDelayMs, () => this.finish(record, payment));
    return this.wire(record);
  }

  query(merchant: Merchant, outRefundNo: string): Record<string, unknown> {
    const record = this.refunds.get(`${merchant.mchid}|${outRefundNo}`);
    if (!record) throw new WxError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    return this.wire(record);
  }

  all(): RefundRecord[] {
    return [...this.refunds.values()];
  }

  clear(): void {
    this.refunds.clear();
  }

  /** The refund ends as /sim/settings `refundOutcome` says, and REFUND.<status> goes to its notify_url. */
  private finish(record: RefundRecord, payment: { refundedFen: number }): void {
    if (record.status !== 'PROCESSING') return;
    const outcome = this.orders.settings.refundOutcome;
    record.status = outcome;
    if (outcome === 'SUCCESS') record.successAtMs = this.options.clock.now();
    if (outcome === 'CLOSED') {
      payment.refundedFen -= record.refundFen; // the money was never returned: refundable again
      this.funds?.giveBackClosedRefund(record.mchid, record.takenFen ?? record.refundFen);
    }
    const merchant = this.merchantOf(record.mchid);
    if (!record.notifyUrl || !merchant) return;
    this.options.notifier.notify({
      url: record.notifyUrl,
      apiV3Key: merchant.apiV3Key,
      eventType: `REFUND.${outcome}`,
      summary: outcome === 'SUCCESS' ? '退款成功' : outcome === 'ABNORMAL' ? '退款异常' : '退款关闭',
      originalType: 'refund',
      orderKey: `${record.mchid}|refund|${record.outRefundNo}`,
      resource: {
        mchid: record.mchid,
        out_trade_no: record.billOutTradeNo,
        transaction_id: record.transactionId,
        out_refund_no: record.outRefundNo,
        refund_id: record.refundId,
        refund_status: outcome,
        ...(record.successAtMs !== undefined ? { success_time: rfc3339(record.successAtMs) } : {}),
        user_received_account: '支付用户零钱',
        amount: { total: record.totalFen, refund: record.refundFen, payer_total: record.totalFen, payer_refund: record.refundFen },
      },
    });
  }

  private wire(r: RefundRecord): Record<string, unknown> {
    return {
      refund_id: r.refundId,
      out_refund_no: r.outRefundNo,
      transaction_id: r.transactionId,
      out_trade_no: r.billOutTradeNo,
      channel: 'ORIGINAL',
      user_received_account: '支付用户零钱',
      ...(r.successAtMs !== undefined ? { success_time: rfc3339(r.successAtMs) } : {}),
      create_time: rfc3339(r.createdAtMs),
      status: r.status,
      funds_account: 'AVAILABLE',
      amount: {
        total: r.totalFen,
        refund: r.refundFen,
        from: [],
        payer_total: r.totalFen,
        payer_refund: r.refundFen,
        settlement_refund: r.refundFen,
        settlement_total: r.totalFen,
        discount_refund: 0,
        currency: 'CNY',
      },
      promotion_detail: [],
    };
  }
}

