import type { FastifyInstance, RouteHandlerMethod } from 'fastify';

/**
 * `@RouteConfig({ [DIRECT_FASTIFY_HANDLER]: name })` on a controller method: Nest still declares the route
 * (its path, access policy, OpenAPI operation and error codes come from the controller's decorators, and
 * the route walk sees it), but Fastify runs the handler of that name directly — no Nest router execution
 * context, guards, interceptors, pipes or exception zone per request. Everything Fastify does for every
 * route still happens: the request id and context hook, the NUL and body-size guards, the device raw-body
 * capture (with DEVICE_BODY_LIMITS), the JSON parser, request logging and metrics, and the error handler
 * (Nest's, which answers through ProblemFilter: the same problem+json and codes). The direct handler must do
 * what the route's guards and interceptors did, through the same code: a device route calls
 * DeviceAuthenticator.authenticate (the heartbeat, modules/device-api/heartbeat.route.ts); a tenant read calls
 * AccessAdmission and runTenantRequest (`@DirectTenantRead()`, platform/tenancy/direct-tenant-reads.ts).
 */
export const DIRECT_FASTIFY_HANDLER = 'zizhuDirectHandler';

/**
 * Makes the direct handler of a marked route, as Fastify registers the route: inside app.init(), right after Nest built
 * that route's own pipeline (reading the app's global guards, interceptors and pipes as they are then). A check made
 * here that throws fails the start. Called again for the GET's HEAD route.
 */
export type DirectHandlerFactory = () => RouteHandlerMethod;

/**
 * Hands Fastify the direct handlers of the routes marked DIRECT_FASTIFY_HANDLER (the GET's HEAD route too), by name; a
 * marked route without one fails the start. Installed before Nest registers its routes (createApp, before app.init()).
 */
export function installDirectHandlers(instance: FastifyInstance, factories: Readonly<Record<string, DirectHandlerFactory>>): void {
  instance.addHook('onRoute', (route) => {
    const name = (route.config as Record<string, unknown> | undefined)?.[DIRECT_FASTIFY_HANDLER];
    if (name === undefined) return;
    const factory = typeof name === 'string' && Object.hasOwn(factories, name) ? factories[name] : undefined;
    if (!factory) throw new Error(`${String(route.method)} ${route.url} asks for the direct handler ${String(name)}, which is not installed`);
    route.handler = factory();
  });
}
