import { defineErrors } from '../../platform/errors/domain-error.js';

export const settlementErrors = defineErrors({
  AGREEMENT_NOT_FOUND: [404, 'No agreement is in force for this organisation on that date.'],
  AGREEMENT_NOT_APPLICABLE: [422, 'Only a franchisee (with its brand) or a hardware reseller’s customer (with its reseller) has an agreement.'],
  AGREEMENT_PERIOD_CLOSED: [422, 'effectiveFrom falls in or before a statement period that is already closed; choose a date after it.'],
  AGREEMENT_RATIO_ABOVE_MAXIMUM: [
    422,
    'With FRANCHISEE_COLLECTS the commission arrives by profit sharing: commissionBasisPoints may not exceed the merchant’s maximum profit-sharing ratio (maxProfitSharingRatioBasisPoints).',
  ],
  AGREEMENT_NEEDS_OWN_MERCHANT_ACCOUNT: [422, 'FRANCHISEE_COLLECTS needs a Pay Score merchant account of the franchisee’s own.'],
  EARNINGS_RANGE_INVALID: [400, 'from must be a date on or before to, at most 366 days apart.'],
  STATEMENT_NOT_FOUND: [404, 'No such statement.'],
  STATEMENT_NOT_CLOSABLE: [422, 'Only an OPEN statement whose period has ended can be closed.'],
});
