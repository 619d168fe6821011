import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants.js';
import { DIRECT_FASTIFY_HANDLER } from '../http/direct-handlers.js';

/**
 * A hot `@TenantRead()` GET answered by Fastify directly (issue 15; platform/http/direct-handlers.ts): the route is still
 * declared by its controller method, and the method still answers it — called with the same argument, after the same
 * admission, in the same tenant-read context. Per request it skips Nest's router pipeline (execution context, Reflector
 * lookups, rxjs), not a rule: AccessAdmission (AccessGuard's decision, the route's own access policy read once at start),
 * runTenantRequest (TenantTransactionInterceptor's work: the platform admin's audit row, the tenant-read context, the
 * token's check), the app's ValidationPipe on the `@Query()` DTO, the route's `@HttpCode()` and Fastify's serialization.
 * A marked method that needs anything else of Nest (a guard, interceptor, pipe or filter of its own, headers, another
 * kind of argument, another policy or method, any route metadata not known to be harmless) fails the start rather than
 * losing it (direct-tenant-reads.ts, which makes the handlers). Metadata only: a controller imports nothing else.
 */
export const DirectTenantRead = (): MethodDecorator => (target, key, descriptor) => {
  const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, descriptor.value as object) as Record<string, unknown> | undefined) ?? {};
  Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...config, [DIRECT_FASTIFY_HANDLER]: directTenantReadName(target.constructor, key) }, descriptor.value as object);
};

const PREFIX = 'tenantRead:';

/**
 * The DIRECT_FASTIFY_HANDLER name of a direct tenant read: the controller that declares the method, and the method. A
 * subclass inherits the name of its base class's method (direct-tenant-reads.ts refuses to start with it).
 */
export function directTenantReadName(controller: object, key: string | symbol): string {
  return `${PREFIX}${(controller as { name: string }).name}.${String(key)}`;
}

/** Whether a DIRECT_FASTIFY_HANDLER name is a direct tenant read's (another is the device heartbeat's). */
export function isDirectTenantReadName(name: unknown): name is string {
  return typeof name === 'string' && name.startsWith(PREFIX);
}
