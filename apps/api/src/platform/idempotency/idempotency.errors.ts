import { defineErrors } from '../errors/domain-error.js';

export const idempotencyErrors = defineErrors({
  IDEMPOTENCY_KEY_REQUIRED: [400, 'This request needs an Idempotency-Key header.'],
  IDEMPOTENCY_KEY_INVALID: [400, 'The Idempotency-Key header must be 1 to 255 printable ASCII characters.'],
  IDEMPOTENCY_KEY_REUSED: [422, 'This Idempotency-Key was used with another request.'],
});

export type IdempotencyErrorCode = keyof typeof idempotencyErrors;
