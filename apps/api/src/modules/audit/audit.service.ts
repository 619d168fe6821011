import { Injectable } from '@nestjs/common';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditLogEntity } from './audit-log.entity.js';

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId: string | null;
  /** The organisation the action concerns, when it is not the actor's own. */
  subjectTenantId: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditQuery {
  limit: number;
  before?: Date;
  organizationId?: string;
}

/** Writes audit rows in the caller's transaction, so an action and its record commit or roll back together. */
@Injectable()
export class AuditService {
  constructor(private readonly context: RequestContext) {}

  async record(entry: AuditEntry): Promise<void> {
    const principal = this.context.principal;
    await this.context.manager.insert(AuditLogEntity, {
      tenantId: principal.tenantId,
      subjectTenantId: entry.subjectTenantId && entry.subjectTenantId !== principal.tenantId ? entry.subjectTenantId : null,
      actorUserId: principal.userId,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      before: (entry.before ?? null) as object | null as never,
      after: (entry.after ?? null) as object | null as never,
      requestId: this.context.requestId ?? null,
    });
  }

  async list(query: AuditQuery): Promise<AuditLogEntity[]> {
    const qb = this.context.manager
      .createQueryBuilder(AuditLogEntity, 'a')
      .orderBy('a.occurred_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(query.limit);
    if (query.before) qb.andWhere('a.occurred_at < :before', { before: query.before });
    if (query.organizationId) qb.andWhere('(a.tenant_id = :org OR a.subject_tenant_id = :org)', { org: query.organizationId });
    return qb.getMany();
  }
}
