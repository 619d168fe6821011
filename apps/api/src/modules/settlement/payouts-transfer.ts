import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EnvelopeKeyring } from '../../platform/crypto/envelope.js';
import { defineJob } from '../../platform/jobs/job-definition.js';
import { MERCHANT_KEYRING } from '../merchants/merchant-credentials.js';
import type { LedgerLine } from './ledger-postings.js';

/** Sends a WECHAT_TRANSFER payout's bill and follows it to SUCCESS / FAIL / CANCELLED (keyed by the payout id). */
export const payoutTransferJob = defineJob<{ readonly payoutId: string }>('settlement.payout-transfer', {
  retry: { limit: 12, delaySeconds: 2, backoff: true, maxDelaySeconds: 300 },
  expireInSeconds: 60,
});
/** Queries a transfer still under way (a missed callback, a user who has not confirmed yet). */
export const payoutSyncJob = defineJob<{ readonly payoutId: string; readonly round: number }>('settlement.payout-sync', {
  retry: { limit: 5, delaySeconds: 5, backoff: true, maxDelaySeconds: 300 },
  expireInSeconds: 60,
  keepFinishedSeconds: 86_400,
});
/** How long after each look a transfer still under way is queried again (seconds); the callback usually comes first. */
export const PAYOUT_SYNC_AFTER_SECONDS = 600;

/** WeChat requires the payee's real name (`user_name`) from this amount (2,000 CNY). */
export const REAL_NAME_THRESHOLD_FEN = 200_000;

export const payeeRealNameAad = (tenantId: string) => `payout-payee-real-name:${tenantId}`;
export const payeeRealNameContext = (tenantId: string) => `payout-payee:${tenantId}`;

/** A new out_bill_no: 'PO' + 30 hex digits (letters and digits, ≤ 32, as WeChat asks). */
export const newOutBillNo = () => `PO${randomUUID().replaceAll('-', '').slice(0, 30)}`;

/**
 * The franchisee received the money from what the brand held for it: by bank (the brand's `BANK` to the franchisee's,
 * kind PAYOUT), or by WeChat transfer (out of the brand's merchant balance at WeChat, `MERCHANT_CLEARING`, into the
 * franchisee's `BANK` — its own money outside the ledger's receivables — kind TRANSFER).
 */
export function payoutPosting(payee: string, payer: string, fen: number, via: 'BANK' | 'WECHAT'): LedgerLine[] {
  const kind = via === 'BANK' ? 'PAYOUT' : 'TRANSFER';
  return [
    { tenant_id: payee, account: 'BANK', counterparty_tenant_id: payer, kind, debit_fen: fen, credit_fen: 0 },
    { tenant_id: payee, account: 'DUE_FROM_MERCHANT', counterparty_tenant_id: payer, kind, debit_fen: 0, credit_fen: fen },
    { tenant_id: payer, account: 'DUE_TO_OWNERS', counterparty_tenant_id: payee, kind, debit_fen: fen, credit_fen: 0 },
    { tenant_id: payer, account: via === 'BANK' ? 'BANK' : 'MERCHANT_CLEARING', counterparty_tenant_id: payee, kind, debit_fen: 0, credit_fen: fen },
  ];
}

/** Opens a payee's sealed real name (the PayoutsService's keyring), kept apart so the job needs no request context. */
@Injectable()
export class PayeeNameOpener {
  constructor(@Inject(MERCHANT_KEYRING) private readonly keyring: EnvelopeKeyring) {}

  open(tenantId: string, row: { real_name_ciphertext: string | null; dek_ciphertext: string | null; master_key_id: string | null }): string | null {
    if (!row.real_name_ciphertext || !row.dek_ciphertext || !row.master_key_id) return null;
    return this.keyring.openSealed(
      { ciphertext: row.real_name_ciphertext, dekCiphertext: row.dek_ciphertext, masterKeyId: row.master_key_id },
      payeeRealNameAad(tenantId),
      payeeRealNameContext(tenantId),
    );
  }
}
