import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RequestContext, type Principal } from '../tenancy/request-context.js';
import { defineErrors } from '../errors/domain-error.js';
import { authErrors } from '../auth/auth.errors.js';

export const tenancyErrors = defineErrors({
  AUTH_TENANT_GONE: [401, 'The organisation of this login no longer exists.'],
  TRANSACTION_NESTING_REFUSED: [500, 'A transaction for another principal or scope was opened inside an open one.'],
});

/**
 * The statement that enters the principal's tenant (`set_config(…, true)` of the visibility settings the
 * row-level security policies read) and answers the organisation's kind. For a signed-in request the same statement
 * also checks that its token was not revoked (no extra round trip); its answer goes through checkTenantEntry.
 */
export function tenantEntry(principal: Principal): { text: string; values: readonly unknown[] } {
  const platform = principal.role === 'PLATFORM_ADMIN';
  if (principal.apiKey) return { text: `SELECT zizhu_enter_api_key($1, $2) AS kind`, values: [principal.tenantId, principal.apiKey.id] };
  return principal.session
    ? { text: `SELECT zizhu_enter_session($1, $2, $3, $4, $5) AS kind`, values: [principal.tenantId, platform, principal.userId, principal.session.tokenVersion, principal.session.id] }
    : { text: `SELECT zizhu_enter_tenant($1, $2) AS kind`, values: [principal.tenantId, platform] };
}

/** Throws unless the tenant entry's answer lets the request go on (the organisation exists, the token is not revoked). */
export function checkTenantEntry(kind: unknown): void {
  if (!kind) throw tenancyErrors.AUTH_TENANT_GONE();
  if (kind === 'REVOKED') throw authErrors.AUTH_TOKEN_REVOKED();
}

/**
 * Opens transactions and publishes them in the request context. A tenant transaction carries the
 * principal's visibility settings for the row-level security policies (the connection is the
 * `zizhu_app` role, which cannot bypass them);
 * a system transaction is the explicit, named exception for work that is cross-tenant by nature.
 */
@Injectable()
export class Transactions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: RequestContext,
  ) {}

  async asTenant<T>(principal: Principal, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.context.hasTransaction) {
      // joining is only safe for the same principal; a second transaction would deadlock PGlite's one session
      const current = this.context.scope === 'tenant' ? this.context.principal : undefined;
      if (current?.tenantId !== principal.tenantId || current.role !== principal.role) throw tenancyErrors.TRANSACTION_NESTING_REFUSED();
      return fn(this.context.manager);
    }
    return this.dataSource.transaction(async (manager) => {
      const entry = tenantEntry(principal);
      const [row] = (await manager.query(entry.text, entry.values as unknown[])) as { kind: string | null }[];
      checkTenantEntry(row?.kind);
      // no SET ROLE round trip: every application connection already is zizhu_app (see openDatabase)
      return this.context.within({ principal, manager, scope: 'tenant' }, () => fn(manager));
    });
  }

  async asSystem<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.context.hasTransaction) {
      if (this.context.scope !== 'system') throw tenancyErrors.TRANSACTION_NESTING_REFUSED();
      return fn(this.context.manager);
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.all_tenants', 'on', true)`);
      return this.context.within({ manager, scope: 'system' }, () => fn(manager));
    });
  }
}
