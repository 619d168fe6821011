import { type ArgumentMetadata, type PipeTransform, RequestMethod, type Type } from '@nestjs/common';
import {
  EXCEPTION_FILTERS_METADATA,
  GUARDS_METADATA,
  HEADERS_METADATA,
  HTTP_CODE_METADATA,
  INTERCEPTORS_METADATA,
  METHOD_METADATA,
  PIPES_METADATA,
  REDIRECT_METADATA,
  RENDER_METADATA,
  ROUTE_ARGS_METADATA,
  SSE_METADATA,
  VERSION_METADATA,
} from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { type ApplicationConfig, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants.js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { AuditService } from '../../modules/audit/audit.service.js';
import { AccessAdmission } from '../auth/access-admission.js';
import { AccessGuard } from '../auth/access.guard.js';
import { ACCESS_POLICY, type AccessPolicy } from '../auth/access-policy.js';
import { Transactions } from '../database/transactions.js';
import { DIRECT_FASTIFY_HANDLER } from '../http/direct-handlers.js';
import { RequestContext } from './request-context.js';
import { TENANT_READ, TenantReads } from './tenant-reads.js';
import { runTenantRequest, type TenantRequestDeps, TenantTransactionInterceptor } from './tenant-transaction.interceptor.js';

/**
 * A hot `@TenantRead()` GET answered by Fastify directly (issue 15; platform/http/direct-handlers.ts): the route is still
 * declared by its controller method, and the method still answers it — called with the same argument, after the same
 * admission, in the same tenant-read context. Per request it skips Nest's router pipeline (execution context, Reflector
 * lookups, rxjs), not a rule: AccessAdmission (AccessGuard's decision, the route's own access policy read once at start),
 * runTenantRequest (TenantTransactionInterceptor's work: the platform admin's audit row, the tenant-read context, the
 * token's check), the app's ValidationPipe on the `@Query()` DTO, the route's `@HttpCode()` and Fastify's serialization.
 * A marked method that needs anything else of Nest (a guard, interceptor, pipe or filter of its own, headers, another
 * kind of argument, another policy or method) fails the start rather than losing it.
 */
export const DirectTenantRead = (): MethodDecorator => (target, key, descriptor) => {
  const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, descriptor.value as object) as Record<string, unknown> | undefined) ?? {};
  Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...config, [DIRECT_FASTIFY_HANDLER]: directName(target.constructor, key) }, descriptor.value as object);
};

function directName(controller: object, key: string | symbol): string {
  return `tenantRead:${(controller as { name: string }).name}.${String(key)}`;
}

/** Nest's per-route pieces the direct path does not run: a marked route that has one fails the start (such a route stays on Nest). */
const NEST_ONLY = [GUARDS_METADATA, INTERCEPTORS_METADATA, PIPES_METADATA, EXCEPTION_FILTERS_METADATA, HEADERS_METADATA, REDIRECT_METADATA, RENDER_METADATA, SSE_METADATA, VERSION_METADATA];

/** The DTO class of the method's one `@Query()` argument (the whole query), or null for a method without arguments. */
function queryArgument(name: string, controller: Type, method: string): Type | null {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) as Record<string, { index: number; data?: unknown; pipes?: unknown[] }> | undefined) ?? {};
  const keys = Object.keys(args);
  if (keys.length === 0) return null;
  const query = args[`${RouteParamtypes.QUERY}:0`];
  if (keys.length > 1 || !query || query.data !== undefined || (query.pipes?.length ?? 0) > 0) {
    throw new Error(`${name}: a direct tenant read takes no argument or one @Query() DTO, without a pipe of its own`);
  }
  const metatype = (Reflect.getMetadata('design:paramtypes', controller.prototype as object, method) as Type[] | undefined)?.[0];
  if (typeof metatype !== 'function' || metatype === Object) throw new Error(`${name}: its @Query() argument must be typed by a DTO class`);
  return metatype;
}

/** The direct handler of one marked method, its every decision made here once. */
function tenantReadHandler(app: NestFastifyApplication, validation: PipeTransform, controller: Type, instance: object, method: string): RouteHandlerMethod {
  const name = directName(controller, method);
  const handler = (controller.prototype as Record<string, unknown>)[method] as (...args: unknown[]) => unknown;
  const reflector = app.get(Reflector);
  const policy = reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [handler, controller]);
  if (!policy) throw new Error(`${name}: a direct route needs an access policy`);
  if (policy.kind !== 'tenant' && policy.kind !== 'platform-admin') throw new Error(`${name}: a direct tenant read needs a tenant or platform-admin policy, not ${policy.kind}`);
  if (Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.GET) throw new Error(`${name}: a direct tenant read is a GET`);
  if (reflector.get<boolean | undefined>(TENANT_READ, handler) !== true) throw new Error(`${name}: a direct tenant read is marked @TenantRead()`);
  const nestOnly = NEST_ONLY.filter((key) => Reflect.getMetadata(key, handler) !== undefined || Reflect.getMetadata(key, controller) !== undefined);
  if (nestOnly.length > 0) throw new Error(`${name}: has ${nestOnly.join(', ')}, which only Nest's pipeline applies`);
  const query = queryArgument(name, controller, method);
  const metadata: ArgumentMetadata = { type: 'query', metatype: query ?? undefined, data: undefined };
  const status = (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? 200;
  const admission = app.get(AccessAdmission);
  const context = app.get(RequestContext);
  const deps: TenantRequestDeps = { transactions: app.get(Transactions), audit: app.get(AuditService), reads: app.get(TenantReads) };
  return async function directTenantRead(request: FastifyRequest, reply: FastifyReply) {
    // a refusal thrown here goes to the error handler (ProblemFilter), as from AccessGuard
    await admission.admit(policy, request);
    // (a HEAD request, which Fastify routes here too, runs in a transaction, as the interceptor runs it)
    const answer = await runTenantRequest(deps, context.principal, request, request.method === 'GET', async () =>
      handler.apply(instance, query === null ? [] : [await validation.transform(request.query, metadata)]),
    );
    return reply.code(status).send(answer);
  };
}

/**
 * The app's global guards, interceptors and pipes must be exactly those the direct path stands in for (AccessGuard,
 * TenantTransactionInterceptor, the ValidationPipe): one added later would be skipped by the direct routes, so the start
 * fails until it is dealt with here. (Nest keeps them in the application's config, which it does not export.)
 */
function checkGlobalEnhancers(app: NestFastifyApplication, validation: PipeTransform): void {
  const config = (app as unknown as { config?: ApplicationConfig }).config;
  if (!config?.getGlobalGuards) throw new Error('direct tenant reads: cannot see the app’s global guards, interceptors and pipes');
  const only = (list: readonly object[], type: abstract new (...args: never[]) => object) => list.length === 1 && list[0] instanceof type;
  const scoped = [...config.getGlobalRequestGuards(), ...config.getGlobalRequestInterceptors(), ...config.getGlobalRequestPipes()];
  if (!only(config.getGlobalGuards(), AccessGuard) || !only(config.getGlobalInterceptors(), TenantTransactionInterceptor) || config.getGlobalPipes().length !== 1 || config.getGlobalPipes()[0] !== validation || scoped.length > 0) {
    throw new Error('direct tenant reads stand in for AccessGuard, TenantTransactionInterceptor and the ValidationPipe only: the app has other global guards, interceptors or pipes');
  }
}

/**
 * The direct handlers of every controller method marked `@DirectTenantRead()`, by their DIRECT_FASTIFY_HANDLER name
 * (for installDirectHandlers). `validation`: the app's global ValidationPipe. Called after Nest created the controllers,
 * before it registers their routes.
 */
export function directTenantReadHandlers(app: NestFastifyApplication, validation: PipeTransform): Record<string, RouteHandlerMethod> {
  const handlers: Record<string, RouteHandlerMethod> = {};
  const scanner = new MetadataScanner();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const method of scanner.getAllMethodNames(controller.prototype as object)) {
        const handler = (controller.prototype as Record<string, unknown>)[method] as object;
        const direct = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as Record<string, unknown> | undefined)?.[DIRECT_FASTIFY_HANDLER];
        const name = directName(controller, method);
        if (direct !== name) continue;
        if (Object.hasOwn(handlers, name)) throw new Error(`${name}: two controllers of this name mark a direct tenant read`);
        const instance = wrapper.instance as object | undefined;
        if (!instance || !wrapper.isDependencyTreeStatic()) throw new Error(`${name}: a direct tenant read needs a singleton controller`);
        handlers[name] = tenantReadHandler(app, validation, controller, instance, method);
      }
    }
  }
  if (Object.keys(handlers).length > 0) checkGlobalEnhancers(app, validation);
  return handlers;
}
