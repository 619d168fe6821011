import { defineErrors } from '../../platform/errors/domain-error.js';

export const settlementErrors = defineErrors({
  AGREEMENT_NOT_FOUND: [404, 'No agreement is in force for this organisation on that date.'],
  AGREEMENT_NOT_APPLICABLE: [422, 'Only a franchisee (with its brand) or a hardware reseller’s customer (with its reseller) has an agreement.'],
  AGREEMENT_PERIOD_CLOSED: [422, 'effectiveFrom falls in or before a statement period that is already closed; choose a date after it.'],
  AGREEMENT_COLLECTION_MID_PERIOD: [
    422,
    'collection changes from effectiveFrom, but the statement period holding effectiveFrom already has money booked under the other collection mode: change collection from the first day of a period with nothing booked yet (usually the next one).',
  ],
  AGREEMENT_RATIO_ABOVE_MAXIMUM: [
    422,
    'With FRANCHISEE_COLLECTS the commission arrives by profit sharing: commissionBasisPoints may not exceed the merchant’s maximum profit-sharing ratio (maxProfitSharingRatioBasisPoints).',
  ],
  AGREEMENT_NEEDS_OWN_MERCHANT_ACCOUNT: [422, 'FRANCHISEE_COLLECTS needs a Pay Score merchant account of the franchisee’s own.'],
  EARNINGS_RANGE_INVALID: [400, 'from must be a date on or before to, at most 366 days apart.'],
  STATEMENT_NOT_FOUND: [404, 'No such statement.'],
  STATEMENT_NOT_CLOSABLE: [422, 'Only an OPEN statement whose period has ended can be closed.'],
  STATEMENT_SETTLE_NOT_CLOSED: [409, 'The statement is still OPEN: it may still change; close it first, then record how it was settled.'],
  STATEMENT_ALREADY_SETTLED: [409, 'The statement is already SETTLED (by a payout or a recorded settlement).'],
  STATEMENT_SETTLE_BY_PAYOUT: [
    409,
    'The brand collects for this franchisee and owes it the statement’s payableFen (> 0): that is settled by a payout (POST /v1/payouts), not recorded here.',
  ],
  STATEMENT_SETTLE_SPLITS_PENDING: [
    409,
    'A profit-sharing split of an order of this period is still under way (PENDING or PROCESSING): its commission may yet arrive through WeChat; record the settlement once the splits are final.',
  ],
});

export const payoutErrors = defineErrors({
  PAYOUT_NOT_FOUND: [404, 'No such payout.'],
  PAYOUT_STATEMENT_NOT_CLOSED: [422, 'Only a CLOSED statement is paid out (an open one may still change; a settled one is paid).'],
  PAYOUT_NOT_BRAND_COLLECTS: [422, 'A payout pays a franchisee whose brand collects (BRAND_COLLECTS); with FRANCHISEE_COLLECTS the brand’s commission arrives by profit sharing.'],
  PAYOUT_NOTHING_OWED: [422, 'The statement owes the franchisee nothing (payableFen ≤ 0).'],
  PAYOUT_NOT_RETRYABLE: [422, 'Only a FAILED WECHAT_TRANSFER payout is retried (a new transfer with a new out_bill_no).'],
  PAYOUT_PAYEE_MISSING: [422, 'The franchisee has no payee for WeChat transfers: set its openid (PUT /v1/organizations/{id}/payout-payee).'],
  PAYOUT_PAYEE_NOT_APPLICABLE: [422, 'Only a franchisee has a payout payee.'],
  PAYOUT_REAL_NAME_REQUIRED: [422, 'From 2,000 CNY (200,000 fen) WeChat requires the payee’s real name: set realName on the franchisee’s payout payee.'],
  PAYOUT_NO_MERCHANT_ACCOUNT: [422, 'The brand has no enabled merchant account listing the payee’s appid to transfer from.'],
  PAYOUT_EXISTS: [422, 'This statement already has a payout that has not failed.'],
});

export const payoutNotifyErrors = defineErrors({
  PAYOUT_NOTIFY_REJECTED: [401, 'The transfer callback failed verification (signature, timestamp or decryption); WeChat will send it again.'],
  PAYOUT_NOTIFY_UNKNOWN_ACCOUNT: [404, 'No such merchant account.'],
});
