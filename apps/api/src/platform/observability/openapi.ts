import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, type OperationObject, SwaggerModule } from '@nestjs/swagger';
import { ROLES } from '../../modules/identity/user.entity.js';
import { ACCESS_POLICY, type AccessPolicy, MUTATING_METHODS } from '../auth/access-policy.js';
import { authErrors } from '../auth/auth.errors.js';
import { tenancyErrors } from '../database/transactions.js';
import { API_ERRORS, documentError as documented, type DocumentedError } from '../errors/api-errors.js';
import { IDEMPOTENT_OPTIONS, type IdempotentOptions } from '../idempotency/idempotency-request.js';
import { idempotencyErrors } from '../idempotency/idempotency.errors.js';

/** Marks the generated list of an operation's errors in its description (the walk test looks for it). */
export const ERRORS_HEADING = '**Errors** (`application/problem+json`, by `code`):';

const PROBLEM_SCHEMA = 'Problem';

const operationIdOf = (controller: string, method: string) => `${controller.replace(/Controller$/, '')}_${method}`;

/** The OpenAPI document of the running app; apps/api/openapi.json is this, checked in. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('zizhu API')
    .setDescription(
      'The zizhu platform: unattended self-service devices charged through WeChat Pay Score. ' +
        'Errors are application/problem+json `{type, title, status, code, detail, requestId, errors?}` with a stable `code`; ' +
        'each operation lists who may call it and the codes it answers. Besides those, any request may answer ' +
        '400 `BAD_REQUEST` (a body that is not JSON), 400 `REQUEST_TOO_DEEP` (JSON nested deeper than 32 levels), 400 `REQUEST_NUL_CHARACTER` (a NUL character in the body, path or query), 413 `PAYLOAD_TOO_LARGE`, 415 `UNSUPPORTED_MEDIA_TYPE`, ' +
        '404 `ROUTE_NOT_FOUND` and 500 `INTERNAL_ERROR`. A resource of another organisation answers 404, never 403.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: operationIdOf });
  describeOperations(app, document);
  return document;
}

export function serialiseOpenApi(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

const list = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);

/** Who may call a route, in words, and the errors its access check answers. */
function access(policy: AccessPolicy | undefined, method: string): { text: string; errors: DocumentedError[] } {
  const mutating = MUTATING_METHODS.has(method);
  switch (policy?.kind) {
    case 'public':
      return { text: 'Public: no sign-in.', errors: [] };
    case 'device':
      return { text: 'A device, by a signed request (`X-Device-Id`, `X-Timestamp`, `X-Nonce`, `X-Signature`; contracts.md §4).', errors: [] };
    case 'consumer':
      return {
        text: 'An end user of the mini-program: `Authorization: Bearer <consumerToken>` from `POST /v1/consumer/login`. Operator tokens are refused.',
        errors: [documented(authErrors.AUTH_REQUIRED), documented(authErrors.AUTH_TOKEN_INVALID)],
      };
    case 'platform-admin':
    case 'tenant': {
      const roles = policy.kind === 'platform-admin' ? [] : policy.roles;
      const who =
        policy.kind === 'platform-admin'
          ? 'Platform admins only.'
          : roles
            ? `Signed-in users with the role ${list(roles.map((r) => `\`${r}\``))}, and platform admins.`
            : 'Any signed-in user but a `TECHNICIAN`.';
      // the guard refuses OPERATOR_STAFF on every mutating method before it looks at the roles
      const refusable = ROLES.filter((r) => r !== 'PLATFORM_ADMIN' && !(mutating && r === 'OPERATOR_STAFF'));
      const forbidden = policy.kind === 'platform-admin' || roles === undefined || refusable.some((r) => !roles.includes(r));
      return {
        text:
          `${who} \`Authorization: Bearer <accessToken>\`. Runs in the caller's tenant transaction: it ${mutating ? 'sees and changes' : 'sees'} only what the caller's organisation may, ` +
          `and a platform admin's every call is written to the audit log.${mutating && (!roles || roles.includes('OPERATOR_STAFF')) ? ' `OPERATOR_STAFF` is read-only.' : ''}`,
        errors: [
          documented(authErrors.AUTH_REQUIRED),
          documented(authErrors.AUTH_TOKEN_INVALID),
          documented(authErrors.AUTH_TOKEN_REVOKED),
          documented(tenancyErrors.AUTH_TENANT_GONE),
          ...(mutating ? [documented(authErrors.AUTH_READ_ONLY)] : []),
          ...(forbidden ? [documented(authErrors.AUTH_FORBIDDEN)] : []),
        ],
      };
    }
    default:
      return { text: '', errors: [] };
  }
}

function idempotency(options: IdempotentOptions | undefined): { text: string; errors: DocumentedError[] } {
  if (!options) return { text: '', errors: [] };
  const required = options.required ?? true;
  return {
    text:
      `**Idempotent** under the \`Idempotency-Key\` header (${required ? 'required' : 'optional'}): the same key with the same request ` +
      'replays the first answer (header `Idempotent-Replayed: true`) without doing it again; the same key with another request is 422.',
    errors: [
      ...(required ? [documented(idempotencyErrors.IDEMPOTENCY_KEY_REQUIRED)] : []),
      documented(idempotencyErrors.IDEMPOTENCY_KEY_INVALID),
      documented(idempotencyErrors.IDEMPOTENCY_KEY_REUSED),
    ],
  };
}

/**
 * Completes every operation from the route's metadata: who may call it (its access policy), whether it
 * is idempotent, and every error code it answers (the guard's, the idempotency key's and its own
 * `@ApiErrors(...)`), in the description and as problem+json responses by status.
 */
function describeOperations(app: INestApplication, document: OpenAPIObject): void {
  const operations = new Map<string, { operation: OperationObject; method: string }>();
  for (const item of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, OperationObject][]) {
      if (operation?.operationId) operations.set(operation.operationId, { operation, method: method.toUpperCase() });
    }
  }
  let used = false;
  const scanner = new MetadataScanner();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (abstract new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      for (const name of scanner.getAllMethodNames(controller.prototype as object)) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as object;
        if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue; // not a route
        const found = operations.get(operationIdOf(controller.name, name));
        if (!found) continue;
        const { operation, method } = found;
        const policy = (Reflect.getMetadata(ACCESS_POLICY, handler) ?? Reflect.getMetadata(ACCESS_POLICY, controller)) as AccessPolicy | undefined;
        const own = [Reflect.getMetadata(API_ERRORS, controller), Reflect.getMetadata(API_ERRORS, handler)] as (DocumentedError[] | undefined)[];
        const caller = access(policy, method);
        const key = idempotency(Reflect.getMetadata(IDEMPOTENT_OPTIONS, handler) as IdempotentOptions | undefined);
        const sections = [operation.description?.trim() ?? '', caller.text && `**Who may call:** ${caller.text}`, key.text];
        // a route lists its own errors (the class's are added to them): a new route without @ApiErrors stays undocumented, and the walk test says so
        if (own[1] !== undefined) {
          const errors = [...new Map([...caller.errors, ...key.errors, ...own.flatMap((e) => e ?? [])].map((e) => [e.code, e])).values()].sort(
            (a, b) => a.status - b.status,
          );
          sections.push(errors.length ? [ERRORS_HEADING, ...errors.map((e) => `- ${e.status} \`${e.code}\`: ${e.message}`)].join('\n') : `${ERRORS_HEADING} none of its own.`);
          for (const status of new Set(errors.map((e) => e.status))) {
            operation.responses[String(status)] = {
              description: errors
                .filter((e) => e.status === status)
                .map((e) => `\`${e.code}\``)
                .join(', '),
              content: { 'application/problem+json': { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` } } },
            };
            used = true;
          }
        }
        const description = sections.filter(Boolean).join('\n\n');
        if (description) operation.description = description;
      }
    }
  }
  if (used) {
    document.components ??= {};
    document.components.schemas ??= {};
    document.components.schemas[PROBLEM_SCHEMA] = {
      type: 'object',
      description: 'RFC 9457 problem details with a stable machine-readable code.',
      required: ['type', 'title', 'status', 'code', 'detail'],
      properties: {
        type: { type: 'string', example: 'https://zizhu.dev/problems/device-not-found' },
        title: { type: 'string', example: 'Not Found' },
        status: { type: 'integer', example: 404 },
        code: { type: 'string', example: 'DEVICE_NOT_FOUND' },
        detail: { type: 'string', example: 'No such device.' },
        requestId: { type: 'string' },
        errors: {
          type: 'array',
          description: 'Field errors (400 and some 422): every invalid field, by its path.',
          items: {
            type: 'object',
            required: ['field', 'messages'],
            properties: { field: { type: 'string', example: 'slot' }, messages: { type: 'array', items: { type: 'string' } } },
          },
        },
      },
    };
  }
}
