import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { platformErrors } from '../errors/domain-error.js';
import { type Principal, RequestContext } from '../tenancy/request-context.js';
import { ACCESS_POLICY, type AccessPolicy, MUTATING_METHODS } from './access-policy.js';
import { API_KEY_PREFIX, ApiKeyVerifier } from './api-key.verifier.js';
import { scopeFor } from './api-key-scopes.js';
import { authErrors } from './auth.errors.js';
import { type ConsumerPrincipal, TokenService } from './token.service.js';

const consumers = new WeakMap<object, ConsumerPrincipal>();

/** The end user the guard verified for this request (routes with `@ConsumerAuth()`); undefined elsewhere. */
export function consumerOf(request: object): ConsumerPrincipal | undefined {
  return consumers.get(request);
}

export function policyOf(reflector: Reflector, context: ExecutionContext): AccessPolicy | undefined {
  return reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
}

/** Global guard: every route must declare a policy, and the caller must satisfy it. Fails closed. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly context: RequestContext,
    private readonly apiKeys: ApiKeyVerifier,
  ) {}

  canActivate(execution: ExecutionContext): boolean | Promise<boolean> {
    const policy = policyOf(this.reflector, execution);
    if (!policy) throw platformErrors.ACCESS_POLICY_MISSING();
    if (policy.kind === 'public' || policy.kind === 'device') return true; // device routes verify their own signature
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) throw authErrors.AUTH_REQUIRED();
    const token = header.slice('Bearer '.length).trim();
    if (policy.kind === 'consumer') {
      consumers.set(request, this.tokens.verifyConsumer(token));
      return true;
    }
    if (token.startsWith(API_KEY_PREFIX)) return this.admitApiKey(policy, request, token);
    return this.admit(policy, request, this.tokens.verifyAccess(token));
  }

  /** An organisation's API key: only the operator routes its scopes open, never platform routes (api-key-scopes.ts). */
  private async admitApiKey(policy: AccessPolicy, request: FastifyRequest, token: string): Promise<boolean> {
    const principal = await this.apiKeys.verify(token);
    if (policy.kind !== 'tenant') throw authErrors.AUTH_API_KEY_NOT_ALLOWED();
    const needed = scopeFor(request.method, request.routeOptions.url ?? '');
    if (!needed) throw authErrors.AUTH_API_KEY_NOT_ALLOWED();
    if (!principal.apiKey?.scopes.includes(needed)) throw authErrors.AUTH_API_KEY_SCOPE_MISSING(`This API key lacks the scope ${needed}.`);
    return this.admit(policy, request, principal);
  }

  private admit(policy: AccessPolicy, request: FastifyRequest, principal: Principal): boolean {
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
