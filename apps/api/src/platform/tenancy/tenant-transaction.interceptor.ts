import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { AuditService } from '../../modules/audit/audit.service.js';
import { policyOf } from '../auth/access.guard.js';
import type { AccessPolicy } from '../auth/access-policy.js';
import { Transactions } from '../database/transactions.js';
import { contextStorage, type Principal } from './context-storage.js';
import { RequestContext } from './request-context.js';
import { TENANT_READ, TenantReads } from './tenant-reads.js';

export interface TenantRequestDeps {
  readonly transactions: Transactions;
  readonly audit: AuditService;
  readonly reads: TenantReads;
}

/**
 * How runTenantRequest runs the requests of a route, decided from its access policy and its handler's `@TenantRead()`
 * mark (by the interceptor per request, for a direct tenant read once at start): null for a route of another policy
 * (public, device, consumer), which runs without a tenant context; `tenant-read` for a tenant or platform-admin handler
 * marked `@TenantRead()`; else `transaction`.
 */
export type TenantRoute = 'tenant-read' | 'transaction';

export function tenantRouteOf(policy: AccessPolicy | undefined, handler: object): TenantRoute | null {
  if (policy?.kind !== 'tenant' && policy?.kind !== 'platform-admin') return null;
  return Reflect.getMetadata(TENANT_READ, handler) === true ? 'tenant-read' : 'transaction';
}

/**
 * Runs an admitted tenant or platform-admin request's handler: the one implementation, for the interceptor (every Nest
 * route) and the direct tenant reads (direct-tenant-reads.ts) alike. A platform admin's access is audited first, in a
 * system transaction of its own. A GET of a `tenant-read` route: no transaction — the handler's reads enter the tenant
 * themselves (TenantReads), and after it (also when it throws, so a revoked token answers 401 first) the token is checked
 * if it read nothing. Otherwise (a HEAD too) the handler runs in one tenant transaction.
 */
export async function runTenantRequest<T>(
  deps: TenantRequestDeps,
  principal: Principal,
  request: Pick<FastifyRequest, 'method' | 'url'>,
  route: TenantRoute,
  handle: () => Promise<T>,
): Promise<T> {
  const tenantRead = route === 'tenant-read' && request.method === 'GET';
  if (principal.role === 'PLATFORM_ADMIN') {
    // committed on its own first, so a failed or refused request is on record too
    await deps.transactions.asSystem(() =>
      deps.audit.record({ action: 'platform.access', resourceType: 'route', resourceId: `${request.method} ${request.url}`, subjectTenantId: null }),
    );
  }
  if (!tenantRead) return deps.transactions.asTenant(principal, handle);
  return contextStorage.run({ ...contextStorage.getStore(), principal, scope: 'tenant', manager: undefined, tenantRead: { entered: false } }, async () => {
    let answer: T;
    try {
      answer = await handle();
    } catch (error) {
      // a revoked token or a vanished organisation answers 401 before anything else, as a transaction's entry would
      await deps.reads.ensureEntered();
      throw error;
    }
    await deps.reads.ensureEntered();
    return answer;
  });
}

/**
 * Wraps every authenticated request in one tenant transaction (row-level security set for the
 * principal). A platform admin's every access is written to the audit log first, in a transaction of its own.
 * A GET handler marked `@TenantRead()` opens none: each of its reads enters the tenant in its own round trip
 * (TenantReads), and one that read nothing has its token checked before it answers. (runTenantRequest)
 */
@Injectable()
export class TenantTransactionInterceptor implements NestInterceptor {
  private readonly deps: TenantRequestDeps;

  constructor(
    private readonly reflector: Reflector,
    transactions: Transactions,
    private readonly context: RequestContext,
    audit: AuditService,
    reads: TenantReads,
  ) {
    this.deps = { transactions, audit, reads };
  }

  // Keep this a thin wrapper of runTenantRequest (and tenantRouteOf): the direct tenant reads call those, not this.
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = tenantRouteOf(policyOf(this.reflector, execution), execution.getHandler());
    if (!route) return next.handle();
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    return from(runTenantRequest(this.deps, this.context.principal, request, route, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
