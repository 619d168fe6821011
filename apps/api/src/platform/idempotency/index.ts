export { Idempotent } from './idempotent.decorator.js';
export { IdempotencyInterceptor } from './idempotency.interceptor.js';
export { idempotencyErrors, type IdempotencyErrorCode } from './idempotency.errors.js';
export { IdempotencyModule } from './idempotency.module.js';
export { IDEMPOTENCY_WINDOW_SECONDS } from './idempotency.store.js';
export type { IdempotentOptions } from './idempotency-request.js';
