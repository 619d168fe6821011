// Where each merchant's money is, as far as the simulator moved it (wechatpay-bills-sharing-complaints.md §2.1, §2.4):
// a Pay Score payment completed with `profit_sharing: true` lands FROZEN on its transaction (splittable), any other
// payment lands in the merchant's AVAILABLE balance. Splits move frozen money to receivers, unfreezing moves the rest
// to the payer's balance, returns move a receiver's balance back, refunds take frozen money first and then the balance,
// transfers take the balance. The balance starts at 0 and holds only these movements (POST /sim/merchants/{mchid}/balance
// sets it, e.g. to stand for money earned outside the simulator).
import { type SimClock } from '../platform/clock.js';
import { WxError } from '../platform/wx-error.js';
import { type OrderRecord, type PaymentRecord } from '../orders/order-model.js';

export const SPLIT_WINDOW_MS = 30 * 24 * 3600 * 1000;

/** The frozen, splittable amount of one profit-sharing payment. */
export interface SharingLedger {
  readonly mchid: string;
  readonly transactionId: string;
  readonly outOrderNo: string;
  readonly orderId: string;
  readonly amountFen: number;
  readonly paidAtMs: number;
  /** Still frozen (not split, not refunded, not released). */
  unsplitFen: number;
  /** Sent to receivers so far (pending or succeeded); the maximum ratio caps it. */
  splitFen: number;
  /** Split requests so far (≤ 50). */
  requests: number;
  /** OPEN: splits allowed. UNFROZEN: released by unfreeze / unfreeze_unsplit. EXPIRED: released after 30 days. */
  state: 'OPEN' | 'UNFROZEN' | 'EXPIRED';
  releasedAtMs?: number;
  /** What the 30-day expiry released (for the bill). */
  expiredFen?: number;
}

export const notEnough = (): WxError => new WxError(403, 'NOT_ENOUGH', '基本账户余额不足，请充值后重新发起');

/** WeChat's fees (funds/fees.ts): a payment lands net of its fee, a refund takes its amount minus the fee it gives back. */
export interface LedgerFees {
  paymentFee(transactionId: string): number;
  /** The fee a new refund of `refundFen` on the transaction gives back. */
  nextRefundFee(transactionId: string, refundFen: number): number;
}

export class FundsLedger {
  private readonly balances = new Map<string, number>();
  private readonly sharing = new Map<string, SharingLedger>();

  constructor(
    private readonly clock: SimClock,
    private readonly fees?: LedgerFees,
  ) {}

  /** OrderService tells of every payment. */
  recordPayment(order: OrderRecord, payment: PaymentRecord): void {
    if (payment.paidType !== 'NEWTON' || !payment.transactionId || payment.amount <= 0) return;
    // the splittable (or available) amount is the payment minus WeChat's fee (§2.1 "Amount base")
    const net = payment.amount - (this.fees?.paymentFee(payment.transactionId) ?? 0);
    if (order.profitSharing === true) {
      this.sharing.set(payment.transactionId, {
        mchid: order.mchid,
        transactionId: payment.transactionId,
        outOrderNo: order.outOrderNo,
        orderId: order.orderId,
        amountFen: payment.amount,
        paidAtMs: payment.paidAtMs,
        unsplitFen: net,
        splitFen: 0,
        requests: 0,
        state: 'OPEN',
      });
    } else {
      this.credit(order.mchid, net);
    }
  }

  balance(mchid: string): number {
    return this.balances.get(mchid) ?? 0;
  }

  setBalance(mchid: string, fen: number): void {
    this.balances.set(mchid, fen);
  }

  credit(mchid: string, fen: number): void {
    this.balances.set(mchid, this.balance(mchid) + fen);
  }

  /** Takes `fen` from the available balance, or throws 403 NOT_ENOUGH. */
  debit(mchid: string, fen: number): void {
    if (this.balance(mchid) < fen) throw notEnough();
    this.balances.set(mchid, this.balance(mchid) - fen);
  }

  /** The profit-sharing ledger of a transaction (after the 30-day expiry was applied), if the payment was flagged. */
  ledger(transactionId: string): SharingLedger | undefined {
    const l = this.sharing.get(transactionId);
    if (l) this.expire(l);
    return l;
  }

  /** Releases what is still frozen to the payer's balance (unfreeze, unfreeze_unsplit, expiry). */
  release(l: SharingLedger, state: 'UNFROZEN' | 'EXPIRED'): number {
    const fen = l.unsplitFen;
    l.unsplitFen = 0;
    if (l.state === 'OPEN') {
      l.state = state;
      l.releasedAtMs = this.clock.now();
    }
    this.credit(l.mchid, fen);
    return fen;
  }

  /** Refunds take the transaction's frozen money first, the available balance for the rest (§2.1 "Refund interaction"). */
  takeForRefund(mchid: string, transactionId: string, refundFen: number): number {
    // WeChat gives the refunded part's fee back: the merchant pays the refund net of it
    const net = refundFen - (this.fees?.nextRefundFee(transactionId, refundFen) ?? 0);
    const l = this.ledger(transactionId);
    const fromFrozen = l && l.mchid === mchid ? Math.min(l.unsplitFen, net) : 0;
    const fromBalance = net - fromFrozen;
    if (fromBalance > this.balance(mchid)) throw notEnough();
    if (l && fromFrozen > 0) l.unsplitFen -= fromFrozen;
    this.balances.set(mchid, this.balance(mchid) - fromBalance);
    return net;
  }

  giveBackClosedRefund(mchid: string, refundFen: number): void {
    this.credit(mchid, refundFen);
  }

  /** After the business clock moved: every ledger past its 30 days releases what is left. */
  sweep(): void {
    for (const l of this.sharing.values()) this.expire(l);
  }

  all(): SharingLedger[] {
    return [...this.sharing.values()];
  }

  balancesView(): Record<string, number> {
    return Object.fromEntries(this.balances);
  }

  clear(): void {
    this.balances.clear();
    this.sharing.clear();
  }

  private expire(l: SharingLedger): void {
    if (l.state !== 'OPEN' || this.clock.now() < l.paidAtMs + SPLIT_WINDOW_MS) return;
    const fen = l.unsplitFen;
    l.unsplitFen = 0;
    l.state = 'EXPIRED';
    l.releasedAtMs = l.paidAtMs + SPLIT_WINDOW_MS;
    l.expiredFen = fen;
    this.credit(l.mchid, fen);
  }
}
