import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { consumerOf } from '../../platform/auth/access-admission.js';
import type { ConsumerPrincipal } from '../../platform/auth/token.service.js';

export { ConsumerAuth } from '../../platform/auth/access-policy.js';
export type { ConsumerPrincipal } from '../../platform/auth/token.service.js';

/** The end user of a `@ConsumerAuth()` route, as admitted by AccessAdmission (the AccessGuard) from the consumer token. */
export const CurrentConsumer = createParamDecorator((_data: unknown, execution: ExecutionContext): ConsumerPrincipal => {
  const consumer = consumerOf(execution.switchToHttp().getRequest<object>());
  if (!consumer) throw new Error('CurrentConsumer used on a route without @ConsumerAuth()');
  return consumer;
});
