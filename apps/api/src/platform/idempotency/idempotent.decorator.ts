import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENT_OPTIONS, type IdempotentOptions } from './idempotency-request.js';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';

/**
 * Makes a money-moving handler idempotent under the `Idempotency-Key` header (Stripe semantics): the same
 * key with the same request replays the stored answer without running the handler again; the same key
 * with another request is 422. Only for handlers that run in the tenant transaction (`@TenantScoped()`
 * or `@PlatformAdmin()`). See README.md.
 */
export const Idempotent = (options: IdempotentOptions = {}): MethodDecorator => {
  const required = options.required ?? true;
  return applyDecorators(
    SetMetadata(IDEMPOTENT_OPTIONS, { required } satisfies IdempotentOptions),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required,
      description: 'Retry-safe key (1–255 printable ASCII characters, remembered for 24 h per organisation and route): the same key with the same request replays the first answer; with another request it is 422.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    }),
  );
};
