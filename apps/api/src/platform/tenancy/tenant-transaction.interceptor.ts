import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { AuditService } from '../../modules/audit/audit.service.js';
import { policyOf } from '../auth/access.guard.js';
import { Transactions } from '../database/transactions.js';
import { contextStorage } from './context-storage.js';
import { RequestContext } from './request-context.js';
import { TENANT_READ, TenantReads } from './tenant-reads.js';

/**
 * Wraps every authenticated request in one tenant transaction (row-level security set for the
 * principal). A platform admin's every access is written to the audit log first, in a transaction of its own.
 * A GET handler marked `@TenantRead()` opens none: each of its reads enters the tenant in its own round trip
 * (TenantReads), and one that read nothing has its token checked before it answers.
 */
@Injectable()
export class TenantTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly transactions: Transactions,
    private readonly context: RequestContext,
    private readonly audit: AuditService,
    private readonly reads: TenantReads,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const policy = policyOf(this.reflector, execution);
    if (policy?.kind !== 'tenant' && policy?.kind !== 'platform-admin') return next.handle();
    const principal = this.context.principal;
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const run = async () => {
      if (principal.role === 'PLATFORM_ADMIN') {
        // committed on its own first, so a failed or refused request is on record too
        await this.transactions.asSystem(() =>
          this.audit.record({ action: 'platform.access', resourceType: 'route', resourceId: `${request.method} ${request.url}`, subjectTenantId: null }),
        );
      }
      if (request.method === 'GET' && this.reflector.get<boolean | undefined>(TENANT_READ, execution.getHandler())) {
        return contextStorage.run({ ...contextStorage.getStore(), principal, scope: 'tenant', manager: undefined, tenantRead: { entered: false } }, async () => {
          let answer: unknown;
          try {
            answer = await lastValueFrom(next.handle(), { defaultValue: undefined });
          } catch (error) {
            // a revoked token or a vanished organisation answers 401 before anything else, as a transaction's entry would
            await this.reads.ensureEntered();
            throw error;
          }
          await this.reads.ensureEntered();
          return answer;
        });
      }
      return this.transactions.asTenant(principal, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
    };
    return from(run());
  }
}
