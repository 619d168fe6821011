import { defineErrors } from '../../platform/errors/domain-error.js';

export const alertErrors = defineErrors({
  ALERT_NOT_FOUND: [404, 'No such alert.'],
  ALERT_WEBHOOK_NOT_FOUND: [404, 'This organisation has no alert webhook.'],
});
