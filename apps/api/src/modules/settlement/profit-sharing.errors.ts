import { defineErrors } from '../../platform/errors/domain-error.js';

export const profitSharingErrors = defineErrors({
  PROFIT_SHARING_ORDER_NOT_FOUND: [404, 'No such profit-sharing order.'],
  PROFIT_SHARING_NOT_RETRYABLE: [422, 'Only a FAILED profit-sharing order within 30 days of its payment can be retried.'],
});
