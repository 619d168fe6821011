import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { platformErrors } from '../errors/domain-error.js';
import { type Principal, RequestContext } from '../tenancy/request-context.js';
import { type AccessPolicy, MUTATING_METHODS } from './access-policy.js';
import { API_KEY_PREFIX, ApiKeyVerifier } from './api-key.verifier.js';
import { scopeFor } from './api-key-scopes.js';
import { authErrors } from './auth.errors.js';
import { type ConsumerPrincipal, TokenService } from './token.service.js';

const consumers = new WeakMap<object, ConsumerPrincipal>();

/** The end user admitted for this request (routes with `@ConsumerAuth()`); undefined elsewhere. */
export function consumerOf(request: object): ConsumerPrincipal | undefined {
  return consumers.get(request);
}

/**
 * Who may call a route: the one place that decides, for AccessGuard (every Nest route) and for the routes Fastify
 * answers directly (platform/http/direct-handlers.ts) alike. Fails closed: a route without a policy is refused.
 * An admitted operator's principal is recorded in the request context (`RequestContext.setPrincipal`), a consumer's
 * with the request (`consumerOf`). Synchronous but for API keys (their verification reads the database).
 */
@Injectable()
export class AccessAdmission {
  constructor(
    private readonly tokens: TokenService,
    private readonly context: RequestContext,
    private readonly apiKeys: ApiKeyVerifier,
  ) {}

  /** Admits the request to a route of this policy (true), or throws the refusal's domain error. */
  admit(policy: AccessPolicy | undefined, request: FastifyRequest): true | Promise<true> {
    if (!policy) throw platformErrors.ACCESS_POLICY_MISSING();
    if (policy.kind === 'public' || policy.kind === 'device') return true; // device routes verify their own signature
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) throw authErrors.AUTH_REQUIRED();
    const token = header.slice('Bearer '.length).trim();
    if (policy.kind === 'consumer') {
      consumers.set(request, this.tokens.verifyConsumer(token));
      return true;
    }
    if (token.startsWith(API_KEY_PREFIX)) return this.admitApiKey(policy, request, token);
    return this.admitPrincipal(policy, request, this.tokens.verifyAccess(token));
  }

  /** An organisation's API key: only the operator routes its scopes open, never platform routes (api-key-scopes.ts). */
  private async admitApiKey(policy: AccessPolicy, request: FastifyRequest, token: string): Promise<true> {
    const principal = await this.apiKeys.verify(token);
    if (policy.kind !== 'tenant') throw authErrors.AUTH_API_KEY_NOT_ALLOWED();
    const needed = scopeFor(request.method, request.routeOptions.url ?? '');
    if (!needed) throw authErrors.AUTH_API_KEY_NOT_ALLOWED();
    if (!principal.apiKey?.scopes.includes(needed)) throw authErrors.AUTH_API_KEY_SCOPE_MISSING(`This API key lacks the scope ${needed}.`);
    return this.admitPrincipal(policy, request, principal);
  }

  private admitPrincipal(policy: AccessPolicy, request: FastifyRequest, principal: Principal): true {
    if (principal.role === 'OPERATOR_STAFF' && MUTATING_METHODS.has(request.method)) throw authErrors.AUTH_READ_ONLY();
    if (policy.kind === 'platform-admin' && principal.role !== 'PLATFORM_ADMIN') throw authErrors.AUTH_FORBIDDEN();
    // a technician (issue 16) reaches only the routes that name it: never money, whatever a route forgets to list
    if (policy.kind === 'tenant' && !policy.roles && principal.role === 'TECHNICIAN') throw authErrors.AUTH_FORBIDDEN();
    if (policy.kind === 'tenant' && policy.roles && principal.role !== 'PLATFORM_ADMIN' && !policy.roles.includes(principal.role)) {
      throw authErrors.AUTH_FORBIDDEN();
    }
    this.context.setPrincipal(principal);
    return true;
  }
}
