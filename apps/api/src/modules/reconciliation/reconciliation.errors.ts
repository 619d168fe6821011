import { defineErrors } from '../../platform/errors/domain-error.js';

export const reconciliationErrors = defineErrors({
  RECONCILIATION_NOT_FOUND: [404, 'No such reconciliation run.'],
  RECONCILIATION_DIFFERENCE_NOT_FOUND: [404, 'No such difference in this reconciliation run.'],
  RECONCILIATION_DIFFERENCE_RESOLVED: [409, 'This difference was already resolved.'],
  RECONCILIATION_BILL_DATE_INVALID: [422, 'billDate must be a calendar day (YYYY-MM-DD).'],
});
