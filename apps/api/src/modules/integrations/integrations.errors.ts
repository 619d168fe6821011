import { defineErrors } from '../../platform/errors/domain-error.js';

export const integrationErrors = defineErrors({
  API_KEY_NOT_FOUND: [404, 'No such API key.'],
  API_KEY_PLATFORM_REFUSED: [403, 'The platform administrator has no organisation data to give a key to: API keys and webhook endpoints belong to an organisation.'],
  WEBHOOK_ENDPOINT_NOT_FOUND: [404, 'No such webhook endpoint.'],
  WEBHOOK_DELIVERY_NOT_FOUND: [404, 'No such webhook delivery.'],
});
