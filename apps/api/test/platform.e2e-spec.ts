import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import type { OperationObject, ResponseObject } from '@nestjs/swagger';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants.js';
import { ACCESS_POLICY } from '../src/platform/auth/access-policy.js';
import { DIRECT_FASTIFY_HANDLER } from '../src/platform/http/direct-handlers.js';
import { TENANT_READ } from '../src/platform/tenancy/tenant-reads.js';
import { buildOpenApiDocument, ERRORS_HEADING, serialiseOpenApi } from '../src/platform/observability/openapi.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('platform: policies on every route, OpenAPI, health, errors', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: false });
  });
  afterAll(() => t.close());

  it('every route handler declares an access policy', () => {
    const controllers = [...t.app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
    const reflector = t.app.get(Reflector);
    const scanner = new MetadataScanner();
    const routes: string[] = [];
    const missing: string[] = [];
    const deviceRoutes: string[] = [];
    const consumerRoutes: string[] = [];
    const directRoutes: string[] = [];
    const kinds = new Set(['public', 'tenant', 'platform-admin', 'device', 'consumer']);
    for (const wrapper of controllers) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || !wrapper.metatype) continue;
      for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const handler = (instance as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
        if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue; // not a route
        const route = `${wrapper.metatype.name}.${name} ${Reflect.getMetadata(PATH_METADATA, handler) as string}`;
        routes.push(route);
        const policy = reflector.getAllAndOverride<{ kind: string } | undefined>(ACCESS_POLICY, [handler, wrapper.metatype]);
        if (!policy) missing.push(route);
        else if (!kinds.has(policy.kind)) missing.push(`${route} (unknown policy kind ${policy.kind})`);
        // the global guard lets @DeviceAuth() through: such a route must carry a guard that checks the signature
        const guards = [...((Reflect.getMetadata(GUARDS_METADATA, wrapper.metatype) as unknown[]) ?? []), ...((Reflect.getMetadata(GUARDS_METADATA, handler) as unknown[]) ?? [])];
        if (policy?.kind === 'device' && guards.length === 0) missing.push(`${route} (device route without a signature guard)`);
        if (policy?.kind === 'device') deviceRoutes.push(route);
        // a route Fastify answers directly (no Nest guard runs) is a device route, whose handler checks the signature itself,
        // or a tenant read, whose handler runs AccessGuard's admission and the interceptor's tenant read (direct-tenant-reads.ts)
        const direct = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as Record<string, unknown> | undefined)?.[DIRECT_FASTIFY_HANDLER];
        const tenantRead = Reflect.getMetadata(TENANT_READ, handler) === true && Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.GET;
        if (direct !== undefined) directRoutes.push(`${route} (${policy?.kind ?? 'no policy'}${tenantRead ? ', tenant read' : ''})`);
        // consumer routes (mini-program) carry a consumer token, verified by the global guard; never a tenant transaction
        if (policy?.kind === 'consumer') consumerRoutes.push(route);
      }
    }
    expect(routes.length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
    expect(deviceRoutes.length).toBeGreaterThanOrEqual(4);
    expect(deviceRoutes).toContain('DeviceApiController.heartbeat heartbeat');
    expect(directRoutes.sort()).toEqual([
      'DeviceApiController.heartbeat heartbeat (device)',
      'DevicesController.list / (tenant, tenant read)',
      'OrganizationsController.list / (tenant, tenant read)',
      'SessionsController.list sessions (tenant, tenant read)',
    ]);
    expect(consumerRoutes).toContain('ConsumersController.me me');
    // issue 12's routes are walked like the others
    expect(routes).toEqual(
      expect.arrayContaining([
        'AgreementsController.put :id/agreement',
        'AgreementsController.inForce :id/agreement',
        'AgreementsController.history :id/agreements',
        'EarningsController.get /',
        'StatementsController.list /',
        'StatementsController.get :id',
        'StatementsController.close :id/close',
        'StatementsController.exportCsv :id/export.csv',
        'StatementsController.exportXlsx :id/export.xlsx',
        'PayoutsController.create /',
        'PayoutsController.list /',
        'PayoutsController.get :id',
        'LedgerController.balances balances',
        'LedgerController.entries entries',
        'LedgerController.check check',
      ]),
    );
  });

  it('apps/api/openapi.json matches the code (run `npm run openapi` after changing routes)', () => {
    const checkedIn = readFileSync(new URL('../openapi.json', import.meta.url), 'utf8');
    expect(serialiseOpenApi(buildOpenApiDocument(t.app))).toBe(checkedIn);
  });

  it('documents every OpenAPI operation: a summary, what it does, who may call it and every error code it answers', () => {
    const document = buildOpenApiDocument(t.app);
    const generated = ['**Who may call:**', '**Idempotent**', ERRORS_HEADING];
    const problems: string[] = [];
    const codesOf = (name: string) => {
      const [path, method] = name.split(' ') as [string, string];
      return document.paths[path]![method as 'get']!.description!.split(ERRORS_HEADING)[1]!;
    };
    let operations = 0;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item) as [string, OperationObject][]) {
        operations += 1;
        const name = `${method.toUpperCase()} ${path} (${operation.operationId})`;
        if (!operation.summary?.trim()) problems.push(`${name}: no summary: add @ApiOperation({ summary, description })`);
        const description = operation.description ?? '';
        const own = description.split('\n\n')[0]!.trim();
        if (!own || generated.some((g) => own.startsWith(g))) problems.push(`${name}: no description of what it does: add @ApiOperation({ summary, description })`);
        if (!description.includes(generated[0]!)) problems.push(`${name}: does not say who may call it (no access policy?)`);
        const section = description.split(ERRORS_HEADING)[1];
        if (section === undefined) {
          problems.push(`${name}: lists no error codes: add @ApiErrors(...) with the codes its path raises (@ApiErrors() for none)`);
          continue;
        }
        // the list in the description and the problem+json responses by status say the same
        const listed = [...section.matchAll(/^- (\d{3}) `([A-Z0-9_]+)`: \S/gm)].map((m) => `${m[1]} ${m[2]}`).sort();
        const answered = Object.entries(operation.responses)
          .filter(([status]) => Number(status) >= 400)
          .flatMap(([status, response]) => {
            const { content, description: codes } = response as ResponseObject;
            if (!content?.['application/problem+json']) problems.push(`${name}: response ${status} is not application/problem+json`);
            return [...codes.matchAll(/`([A-Z0-9_]+)`/g)].map((m) => `${status} ${m[1]}`);
          })
          .sort();
        if (listed.length === 0 && !section.includes('none of its own')) problems.push(`${name}: its error list is empty`);
        if (JSON.stringify(listed) !== JSON.stringify(answered)) problems.push(`${name}: described errors ${listed.join(', ')} but responses ${answered.join(', ')}`);
      }
    }
    expect(operations).toBeGreaterThanOrEqual(53);
    expect(problems).toEqual([]);

    // the access policy and idempotency are added from the route's metadata, with the guard's codes
    expect(codesOf('/v1/sessions/{id}/refunds post')).toEqual(expect.stringContaining('422 `IDEMPOTENCY_KEY_REUSED`'));
    expect(codesOf('/v1/sessions/{id}/refunds post')).toEqual(expect.stringContaining('403 `AUTH_READ_ONLY`'));
    expect(codesOf('/v1/sessions/{id}/refunds post')).toEqual(expect.stringContaining('422 `SESSION_REFUND_EXCEEDS_PAID`'));
    expect(codesOf('/v1/organizations post')).toEqual(expect.stringContaining('403 `AUTH_FORBIDDEN`'));
    expect(codesOf('/v1/devices get')).not.toContain('AUTH_FORBIDDEN');
    expect(codesOf('/v1/devices get')).not.toContain('AUTH_READ_ONLY');
    expect(codesOf('/device/v1/heartbeat post')).toEqual(expect.stringContaining('401 `DEVICE_AUTH_BAD_SIGNATURE`'));
    expect(codesOf('/v1/auth/login post')).not.toContain('AUTH_REQUIRED');
  });

  it('answers the documented 401 code on every operation that needs a token or a device signature', async () => {
    const document = buildOpenApiDocument(t.app);
    const mismatches: string[] = [];
    let probed = 0;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item) as [string, OperationObject][]) {
        const unauthorized = (operation.responses['401'] as ResponseObject | undefined)?.description ?? '';
        const expected = unauthorized.includes('`DEVICE_AUTH_MISSING`') ? 'DEVICE_AUTH_MISSING' : unauthorized.includes('`AUTH_REQUIRED`') ? 'AUTH_REQUIRED' : null;
        if (!expected) continue; // public
        probed += 1;
        const url = path.replace(/\{code\}/g, 'PB-0001').replace(/\{[^}]+\}/g, randomUUID());
        const response = await t.http(method.toUpperCase() as 'GET', url, method === 'get' ? {} : { body: {} });
        const code = response.headers['content-type']?.toString().startsWith('application/problem+json') ? (response.json() as { code: string }).code : response.body;
        if (response.statusCode !== 401 || code !== expected) mismatches.push(`${method.toUpperCase()} ${path}: ${response.statusCode} ${code}, documented 401 ${expected}`);
      }
    }
    expect(probed).toBeGreaterThanOrEqual(40);
    expect(mismatches).toEqual([]);
  });

  it('serves the OpenAPI document and its UI at /docs', async () => {
    const json = await t.http('GET', '/docs/openapi.json');
    expect(json.statusCode).toBe(200);
    expect((json.json() as { paths: Record<string, unknown> }).paths).toHaveProperty(['/v1/auth/login']);
    const ui = await t.http('GET', '/docs');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers liveness and readiness (which checks the database)', async () => {
    expect((await t.http('GET', '/health/live')).json()).toEqual({ status: 'ok' });
    expect((await t.http('GET', '/health/ready')).json()).toEqual({ status: 'ok' });
  });

  it('answers unknown routes as problem+json with the request id it was given', async () => {
    const response = await t.http('GET', '/v1/nothing-here', { headers: { 'x-request-id': 'trace-123' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.json()).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND', requestId: 'trace-123' });
  });

  it('reports readiness failure as 503 when the database is gone', async () => {
    const other = await createTestApp({ seedDemo: false });
    await other.database.dataSource.destroy();
    const response = await other.http('GET', '/health/ready');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    await other.close();
  });
});

describe('bad input answers 4xx problem+json, never 500 (issue 10 item 6)', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    token = await t.login('ops@vendor.demo');
  });
  afterAll(() => t.close());

  const post = (url: string, payload: string, contentType = 'application/json') =>
    t.app.inject({ method: 'POST', url, headers: { 'content-type': contentType }, payload });

  function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string, field?: string): void {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json() as { code: string; errors?: { field: string }[] };
    expect(problem).toMatchObject({ status, code });
    if (field) expect(problem.errors?.map((e) => e.field)).toEqual([field]);
  }

  it('refuses a uuid filter of 36 dashes with 400 naming the field (a loose pattern let it through to a 500)', async () => {
    for (const url of ['/v1/sites?organizationId=------------------------------------', '/v1/sites?organizationId=0000000000000000000000000000000000-0']) {
      expectProblem(await t.http('GET', url, { token }), 400, 'VALIDATION_FAILED', 'organizationId');
    }
    // a repeated parameter is not silently dropped either
    const dup = '/v1/sites?organizationId=00000000-0000-4000-8000-000000000030&organizationId=00000000-0000-4000-8000-000000000031';
    expectProblem(await t.http('GET', dup, { token }), 400, 'VALIDATION_FAILED', 'organizationId');
    // the same loose pattern guarded the audit cursor
    const admin = await t.login('ops@powerbank.demo');
    expectProblem(await t.http('GET', '/v1/audit-log?cursor=1_------------------------------------', { token: admin }), 400, 'VALIDATION_FAILED', 'cursor');
    // a well-formed filter still works
    const ok = await t.http('GET', '/v1/sites?organizationId=00000000-0000-4000-8000-000000000030', { token });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses a body of 100,000 nested [ with 400 REQUEST_TOO_DEEP naming body (it overflowed the stack in validation: 500)', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expectProblem(await post('/v1/auth/login', deep), 400, 'REQUEST_TOO_DEEP', 'body');
    expectProblem(await post('/v1/auth/login', '['.repeat(100_000)), 400, 'REQUEST_TOO_DEEP', 'body');
    // nested inside a field, and on the device and Pay Score routes that keep their raw body
    const inField = `{"login":${'['.repeat(5000)}${']'.repeat(5000)},"password":"x"}`;
    expectProblem(await post('/v1/auth/login', inField), 400, 'REQUEST_TOO_DEEP', 'body');
    // (a device event is at most 16 KiB: the depth is checked on a body under that cap; the whole `deep` is 413 there)
    const deepSmall = '['.repeat(5000) + ']'.repeat(5000);
    expectProblem(await post('/device/v1/events', deepSmall), 400, 'REQUEST_TOO_DEEP', 'body');
    expectProblem(await post('/device/v1/events', deep), 413, 'DEVICE_BODY_TOO_LARGE');
    expectProblem(await post('/v1/payscore/notify/00000000-0000-4000-8000-000000000001', deep), 400, 'REQUEST_TOO_DEEP', 'body');
    // brackets inside strings are not nesting; 32 levels are accepted
    const inString = JSON.stringify({ login: '['.repeat(150), password: '{"'.repeat(60) });
    expectProblem(await post('/v1/auth/login', inString), 401, 'AUTH_INVALID_CREDENTIALS');
    const shallow = `{"login":"a@b.c","password":"x","extra":${'['.repeat(31)}${']'.repeat(31)}}`;
    expectProblem(await post('/v1/auth/login', shallow), 400, 'VALIDATION_FAILED', 'extra');
  });

  it('answers other malformed bodies with 4xx problem+json', async () => {
    for (const payload of ['[1,2]', '"login"', 'null', '42']) expectProblem(await post('/v1/auth/login', payload), 400, 'VALIDATION_FAILED', 'body');
    expectProblem(await post('/v1/auth/login', '{"login":'), 400, 'BAD_REQUEST');
    expectProblem(await post('/v1/auth/login', ''), 400, 'BAD_REQUEST');
    expectProblem(await post('/v1/auth/login', '{"__proto__":{"admin":true},"login":"a@b.c","password":"x"}'), 400, 'BAD_REQUEST');
    expectProblem(await post('/v1/auth/login', 'login=a&password=b', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectProblem(await post('/v1/auth/login', '<login/>', 'application/xml'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectProblem(await post('/v1/auth/login', `{"login":"${'x'.repeat(1_100_000)}"}`), 413, 'PAYLOAD_TOO_LARGE');
    expectProblem(await t.http('GET', '/v1/devices/not-a-uuid', { token }), 400, 'VALIDATION_FAILED', 'id');
  });

  it('refuses a NUL character, which PostgreSQL cannot store, with 400 naming where it was (it failed as a 500)', async () => {
    expectProblem(await t.http('POST', '/v1/auth/login', { body: { login: 'ops\u0000@vendor.demo', password: 'x' } }), 400, 'REQUEST_NUL_CHARACTER', 'body');
    expectProblem(await t.http('POST', '/v1/sites', { token, body: { name: 'a\u0000b', address: 'x', city: 'y' } }), 400, 'REQUEST_NUL_CHARACTER', 'body');
    const inPath = await t.http('GET', '/v1/devices/by-code/PB%000001', { token, headers: { 'x-request-id': 'nul-probe' } });
    expectProblem(inPath, 400, 'REQUEST_NUL_CHARACTER', 'url');
    expect(inPath.headers['x-request-id']).toBe('nul-probe');
    expectProblem(await t.http('GET', '/v1/sessions?state=%00', { token }), 400, 'REQUEST_NUL_CHARACTER', 'url');
    // an escaped backslash followed by "u0000" is six ordinary characters
    expectProblem(await t.http('POST', '/v1/auth/login', { body: { login: 'ops\\u0000@vendor.demo', password: 'x' } }), 401, 'AUTH_INVALID_CREDENTIALS');
  });
});
