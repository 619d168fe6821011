import { defineErrors } from '../../platform/errors/domain-error.js';

export const adjustmentErrors = defineErrors({
  ADJUSTMENT_NOT_APPLICABLE: [422, 'Only a franchisee (by its franchise brand) or a hardware reseller’s customer (by its reseller) gets adjustments.'],
  ADJUSTMENT_PERIOD_CLOSED: [422, 'effectiveDate falls in a statement period that is already closed: an adjustment lands on an open statement; date it in a later, open period.'],
  ADJUSTMENT_NO_STATEMENT: [422, 'No statement period of this organisation holds effectiveDate (no agreement was in force then): set its agreement first or choose a later date.'],
});
