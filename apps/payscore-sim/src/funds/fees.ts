// WeChat's fee (手续费) per payment and per refund (wechatpay-bills-sharing-complaints.md §1.4): the rate in basis points
// (POST /sim/settings {"feeRateBasisPoints": 60} → 0.60%) is taken at payment time and kept with the payment. The fee is
// rounded half up to whole fen (四舍五入) — the doc's real sample shows a 0.01 yuan order at 0.90% with fee 0.00000, so
// WeChat rounds to the fen and prints 5 decimals. A refund gives back the fee of the refunded part, rounded the same
// way, never more than what is left of the payment's fee; the refund that empties the payment gives back the rest.
// UNCONFIRMED: WeChat's exact rule for partial-refund fee returns (proportional, as here, is the common reading).

/** ⌊fen × bp / 10000 + ½⌋: the fee of `fen` at `basisPoints`, to the fen, half up. */
export function feeOf(fen: number, basisPoints: number): number {
  return Math.floor((fen * basisPoints + 5000) / 10000);
}

interface PaymentFee {
  readonly amountFen: number;
  readonly basisPoints: number;
  readonly feeFen: number;
}

export interface RefundForFee {
  readonly refundId: string;
  readonly transactionId: string;
  readonly refundFen: number;
  readonly createdAtMs: number;
  readonly status: string;
}

export class FeeBook {
  private readonly payments = new Map<string, PaymentFee>();

  recordPayment(transactionId: string, amountFen: number, basisPoints: number): void {
    if (this.payments.has(transactionId)) return;
    this.payments.set(transactionId, { amountFen, basisPoints, feeFen: feeOf(amountFen, basisPoints) });
  }

  paymentFee(transactionId: string): { feeFen: number; basisPoints: number } | undefined {
    return this.payments.get(transactionId);
  }

  /** The fee each refund gives back, by refund id: refunds of one payment in creation order (CLOSED ones give none). */
  refundFees(refunds: readonly RefundForFee[]): Map<string, { feeFen: number; basisPoints: number }> {
    const out = new Map<string, { feeFen: number; basisPoints: number }>();
    const byTx = new Map<string, RefundForFee[]>();
    for (const r of refunds) byTx.set(r.transactionId, [...(byTx.get(r.transactionId) ?? []), r]);
    for (const [tx, list] of byTx) {
      const p = this.payments.get(tx);
      let refunded = 0;
      let feeBack = 0;
      for (const r of [...list].sort((a, b) => a.createdAtMs - b.createdAtMs)) {
        if (!p || r.status === 'CLOSED') {
          out.set(r.refundId, { feeFen: 0, basisPoints: p?.basisPoints ?? 0 });
          continue;
        }
        refunded += r.refundFen;
        const fee = refunded >= p.amountFen ? p.feeFen - feeBack : Math.min(feeOf(r.refundFen, p.basisPoints), p.feeFen - feeBack);
        feeBack += fee;
        out.set(r.refundId, { feeFen: fee, basisPoints: p.basisPoints });
      }
    }
    return out;
  }

  /** The fee a new refund of `refundFen` on `transactionId` gives back, after the `existing` refunds. */
  nextRefundFee(transactionId: string, refundFen: number, existing: readonly RefundForFee[]): number {
    const next: RefundForFee = { refundId: '\u0000next', transactionId, refundFen, createdAtMs: Number.MAX_SAFE_INTEGER, status: 'PROCESSING' };
    return this.refundFees([...existing.filter((r) => r.transactionId === transactionId), next]).get(next.refundId)?.feeFen ?? 0;
  }

  clear(): void {
    this.payments.clear();
  }
}
