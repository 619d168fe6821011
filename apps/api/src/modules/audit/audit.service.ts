import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { platformErrors } from '../../platform/errors/domain-error.js';
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
  /** Opaque: the `nextCursor` of the previous page. */
  cursor?: string;
  organizationId?: string;
  actorUserId?: string;
  /** Exact, or a prefix when it ends in `.`. */
  action?: string;
  resourceType?: string;
  resourceId?: string;
  from?: string;
  to?: string;
}

export interface AuditPage {
  items: AuditLogEntity[];
  nextCursor: string | null;
}

/** A page cursor: the last row's time in epoch microseconds (the column's own precision) and its id. */
const CURSOR = /^(\d{1,17})_(.{36})$/;

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
      actorApiKeyId: principal.apiKey?.id ?? null,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      before: (entry.before ?? null) as object | null as never,
      after: (entry.after ?? null) as object | null as never,
      requestId: this.context.requestId ?? null,
    });
  }

  async list(query: AuditQuery): Promise<AuditPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.cursor) {
      const match = CURSOR.exec(query.cursor);
      if (!match || !isUUID(match[2])) throw platformErrors.VALIDATION_FAILED('Invalid fields: cursor', { errors: [{ field: 'cursor', messages: ['cursor must be a nextCursor from a previous page'] }] });
      params.push(match[1], match[2]);
      where.push(`(a.occurred_at, a.id) < (timestamptz 'epoch' + $${params.length - 1}::bigint * interval '1 microsecond', $${params.length}::uuid)`);
    }
    if (query.organizationId) {
      params.push(query.organizationId);
      where.push(`(a.tenant_id = $${params.length} OR a.subject_tenant_id = $${params.length})`);
    }
    const add = (value: unknown, clause: (p: string) => string) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (query.actorUserId) add(query.actorUserId, (p) => `a.actor_user_id = ${p}::uuid`);
    if (query.action?.endsWith('.')) add(`${query.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, (p) => `a.action LIKE ${p}`);
    else if (query.action) add(query.action, (p) => `a.action = ${p}`);
    if (query.resourceType) add(query.resourceType, (p) => `a.resource_type = ${p}`);
    if (query.resourceId) add(query.resourceId, (p) => `a.resource_id = ${p}`);
    if (query.from) add(query.from, (p) => `a.occurred_at >= ${p}::timestamptz`);
    if (query.to) add(query.to, (p) => `a.occurred_at < ${p}::timestamptz`);
    params.push(query.limit);
    const rows = (await this.context.manager.query(
      `SELECT a.*, (extract(epoch FROM a.occurred_at) * 1000000)::bigint AS occurred_us
         FROM audit_log a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.occurred_at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    )) as (Record<string, unknown> & { id: string; occurred_us: number })[];
    const items = rows.map((r) =>
      Object.assign(new AuditLogEntity(), {
        id: r.id,
        tenantId: r.tenant_id,
        subjectTenantId: r.subject_tenant_id,
        actorUserId: r.actor_user_id,
        actorApiKeyId: r.actor_api_key_id,
        action: r.action,
        resourceType: r.resource_type,
        resourceId: r.resource_id,
        before: r.before,
        after: r.after,
        requestId: r.request_id,
        occurredAt: r.occurred_at,
      }),
    );
    const last = rows.at(-1);
    return { items, nextCursor: rows.length === query.limit && last ? `${last.occurred_us}_${last.id}` : null };
  }
}
