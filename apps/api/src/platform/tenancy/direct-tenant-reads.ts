import { type ArgumentMetadata, type PipeTransform, RequestMethod, type Type } from '@nestjs/common';
import {
  CONTROLLER_WATERMARK,
  HOST_METADATA,
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  OPTIONAL_DEPS_METADATA,
  OPTIONAL_PROPERTY_DEPS_METADATA,
  PATH_METADATA,
  PROPERTY_DEPS_METADATA,
  ROUTE_ARGS_METADATA,
  SCOPE_OPTIONS_METADATA,
  SELF_DECLARED_DEPS_METADATA,
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
import { API_ERRORS } from '../errors/api-errors.js';
import { DIRECT_FASTIFY_HANDLER, type DirectHandlerFactory } from '../http/direct-handlers.js';
import { directTenantReadName, isDirectTenantReadName } from './direct-tenant-read.decorator.js';
import { RequestContext } from './request-context.js';
import { TENANT_READ, TenantReads } from './tenant-reads.js';
import { runTenantRequest, type TenantRequestDeps, TenantTransactionInterceptor, tenantRouteOf } from './tenant-transaction.interceptor.js';

// The handlers of the routes marked `@DirectTenantRead()` (direct-tenant-read.decorator.ts says what they keep of Nest).

/**
 * The route metadata a direct tenant read may carry, on its controller or its method: what the direct path itself reads
 * (path, method, access policy, `@TenantRead()`, the Fastify route config with the marker, `@HttpCode()`, the `@Query()`
 * argument), what only describes the route (ApiErrors and @nestjs/swagger's keys, for the OpenAPI document), how Nest
 * builds the controller (the controller mark, its scope — a singleton is checked —, injected dependencies) and
 * TypeScript's `design:*` types. Any other key (a guard, interceptor, pipe or filter, headers, a redirect, a host, a
 * version, SSE, a key some guard reads, one Nest adds later) may mean something only Nest's pipeline does: the start
 * fails, and the route stays on Nest.
 */
const HARMLESS = new Set<unknown>([
  PATH_METADATA,
  METHOD_METADATA,
  ACCESS_POLICY,
  TENANT_READ,
  FASTIFY_ROUTE_CONFIG_METADATA,
  HTTP_CODE_METADATA,
  ROUTE_ARGS_METADATA,
  API_ERRORS,
  CONTROLLER_WATERMARK,
  SCOPE_OPTIONS_METADATA,
  SELF_DECLARED_DEPS_METADATA,
  OPTIONAL_DEPS_METADATA,
  PROPERTY_DEPS_METADATA,
  OPTIONAL_PROPERTY_DEPS_METADATA,
]);
/** TypeScript's emitted types, and @nestjs/swagger's keys (its DECORATORS_PREFIX, which it does not export). */
const HARMLESS_PREFIXES = ['design:', 'swagger/'];
/** Keys `@Controller()` always defines: harmless while unset (no host, no version). */
const HARMLESS_UNSET = new Set<unknown>([HOST_METADATA, VERSION_METADATA]);

/** The metadata keys of `target` (of its `property`, if given) not known to be harmless, inherited ones included. */
function unknownMetadata(target: object, property?: string): string[] {
  const keys = (property === undefined ? Reflect.getMetadataKeys(target) : Reflect.getMetadataKeys(target, property)) as unknown[];
  const value = (key: unknown): unknown => (property === undefined ? Reflect.getMetadata(key, target) : Reflect.getMetadata(key, target, property));
  return keys
    .filter((key) => !HARMLESS.has(key) && !(typeof key === 'string' && HARMLESS_PREFIXES.some((prefix) => key.startsWith(prefix))))
    .filter((key) => !(HARMLESS_UNSET.has(key) && value(key) === undefined))
    .map(String);
}

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

/** The direct handler of one marked method (`handler`, the controller's own), its every decision made here once. */
function tenantReadHandler(
  app: NestFastifyApplication,
  validation: PipeTransform,
  controller: Type,
  instance: object,
  method: string,
  handler: (...args: unknown[]) => unknown,
): RouteHandlerMethod {
  const name = directTenantReadName(controller, method);
  const policy = app.get(Reflector).getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [handler, controller]);
  if (!policy) throw new Error(`${name}: a direct route needs an access policy`);
  const route = tenantRouteOf(policy, handler);
  if (!route) throw new Error(`${name}: a direct tenant read needs a tenant or platform-admin policy, not ${policy.kind}`);
  if (Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.GET) throw new Error(`${name}: a direct tenant read is a GET`);
  if (route !== 'tenant-read') throw new Error(`${name}: a direct tenant read is marked @TenantRead()`);
  const unknown = [
    ...unknownMetadata(controller),
    ...unknownMetadata(handler),
    ...unknownMetadata(controller, method),
    ...unknownMetadata(controller.prototype as object, method),
  ];
  if (unknown.length > 0) {
    throw new Error(`${name}: has ${[...new Set(unknown)].join(', ')}, which only Nest's pipeline applies (or which the direct path does not know): leave the route on Nest`);
  }
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
    const answer = await runTenantRequest(deps, context.principal, request, route, async () =>
      handler.apply(instance, query === null ? [] : [await validation.transform(request.query, metadata)]),
    );
    return reply.code(status).send(answer);
  };
}

/**
 * The app's global guards, interceptors and pipes must be exactly those the direct path stands in for (AccessGuard,
 * TenantTransactionInterceptor, the ValidationPipe): any other would apply to Nest's routes and not to the direct ones,
 * so the start fails until it is dealt with here. Checked as Fastify registers each direct route, inside app.init() — right
 * after Nest read the same lists for the routes it answers, so one added at any time before is seen. (Nest keeps them in
 * the application's config, which it does not export.)
 */
function checkGlobalEnhancers(app: NestFastifyApplication, validation: PipeTransform): void {
  const config = (app as unknown as { config?: ApplicationConfig }).config;
  if (!config?.getGlobalGuards) throw new Error('direct tenant reads: cannot see the app’s global guards, interceptors and pipes');
  const only = (list: readonly object[], type: abstract new (...args: never[]) => object) => list.length === 1 && list[0] instanceof type;
  const guards = config.getGlobalGuards();
  const interceptors = config.getGlobalInterceptors();
  const pipes = config.getGlobalPipes();
  const scoped = [...config.getGlobalRequestGuards(), ...config.getGlobalRequestInterceptors(), ...config.getGlobalRequestPipes()];
  if (only(guards, AccessGuard) && only(interceptors, TenantTransactionInterceptor) && pipes.length === 1 && pipes[0] === validation && scoped.length === 0) return;
  const names = (list: readonly object[]) => `[${list.map((item) => item.constructor.name).join(', ')}]`;
  throw new Error(
    `direct tenant reads stand in for the global AccessGuard, TenantTransactionInterceptor and the app's ValidationPipe only, but the app has ` +
      `guards ${names(guards)}, interceptors ${names(interceptors)}, pipes ${names(pipes)}${pipes.length === 1 && pipes[0] !== validation ? ' (not the app’s ValidationPipe)' : ''}` +
      `${scoped.length > 0 ? ` and ${scoped.length} request-scoped ones` : ''}: apply the others in platform/tenancy/direct-tenant-reads.ts, or leave the reads on Nest`,
  );
}

/**
 * The direct handlers of every controller method marked `@DirectTenantRead()`, by their DIRECT_FASTIFY_HANDLER name
 * (for installDirectHandlers). `validation`: the app's global ValidationPipe. Called after Nest created the controllers,
 * before it registers their routes: a marked route that needs more than the direct path does fails here; the app's
 * global enhancers are checked as each route is registered (checkGlobalEnhancers).
 */
export function directTenantReadHandlers(app: NestFastifyApplication, validation: PipeTransform): Record<string, DirectHandlerFactory> {
  const factories: Record<string, DirectHandlerFactory> = {};
  const scanner = new MetadataScanner();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const method of scanner.getAllMethodNames(controller.prototype as object)) {
        const handler = (controller.prototype as Record<string, unknown>)[method] as (...args: unknown[]) => unknown;
        const marker = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as Record<string, unknown> | undefined)?.[DIRECT_FASTIFY_HANDLER];
        if (!isDirectTenantReadName(marker)) continue;
        const name = directTenantReadName(controller, method);
        // an inherited marked method names its base class: Fastify would answer this controller's route with the base's
        // handler (the base's policy, guards and instance)
        if (marker !== name) {
          throw new Error(`${name}: inherits the direct tenant read ${marker}, which would answer this controller's route as the other's: declare the route on this controller with its own @DirectTenantRead()`);
        }
        if (Object.hasOwn(factories, name)) throw new Error(`${name}: two controllers of this name mark a direct tenant read`);
        const instance = wrapper.instance as object | undefined;
        if (!instance || !wrapper.isDependencyTreeStatic()) throw new Error(`${name}: a direct tenant read needs a singleton controller`);
        const direct = tenantReadHandler(app, validation, controller, instance, method, handler);
        factories[name] = () => {
          checkGlobalEnhancers(app, validation);
          return direct;
        };
      }
    }
  }
  return factories;
}
