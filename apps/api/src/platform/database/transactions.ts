import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { pipeline, type Statement } from './pipeline.js';
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

/** What a system transaction runs first: row-level security opened for this transaction only. */
export const SYSTEM_ENTRY: Statement = { text: `SELECT set_config('app.all_tenants', 'on', true)` };
const BEGIN: Statement = { text: 'BEGIN' };

/**
 * `DataSource.transaction`, with the BEGIN sent together with the transaction's first statement (the tenant entry,
 * the system switch): one extended-protocol pipeline (`pipeline.ts`), one write and one round trip instead of two. The
 * BEGIN makes the pipeline's implicit transaction an explicit block, which the Sync leaves open; the rest is TypeORM's
 * own path — its query runner, COMMIT or ROLLBACK, the commit and rollback events the after-commit actions wait for.
 * `fn` gets the opening statement's rows. Should the opening fail, the block is rolled back and the error thrown.
 */
export async function transactionOpenedWith<T>(
  dataSource: DataSource,
  opening: Statement,
  fn: (manager: EntityManager, opened: Record<string, unknown>[]) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as pg.PoolClient;
    // what startTransaction records (its start events have no listener here): from now on a failure rolls back
    const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
    state.isTransactionActive = true;
    state.transactionDepth = 1;
    const [, opened = []] = await pipeline(client, [BEGIN, opening]);
    recordAllTenants(runner.manager, opening === SYSTEM_ENTRY);
    const result = await fn(runner.manager, opened);
    await runner.commitTransaction();
    return result;
  } catch (error) {
    // the original error is thrown even when the rollback fails (a broken connection), as DataSource.transaction does
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

const ALL_TENANTS = 'zizhu.allTenants';

/**
 * Whether row-level security is lifted (`app.all_tenants`) in the transaction of `manager`, where this layer knows it
 * without asking the database: on in a transaction opened as the system, off in one opened for a tenant, as switched
 * since by `recordAllTenants`; undefined for a transaction opened elsewhere.
 */
export function allTenantsKnown(manager: EntityManager): boolean | undefined {
  return (manager.queryRunner?.data as Record<string, boolean | undefined> | undefined)?.[ALL_TENANTS];
}

/** Records a switch of `app.all_tenants` in the transaction of `manager` (whoever switches it with set_config says so here). */
export function recordAllTenants(manager: EntityManager, on: boolean): void {
  const runner = manager.queryRunner;
  if (runner) runner.data = { ...(runner.data as object), [ALL_TENANTS]: on };
}

/** A system transaction outside the request context (device routes, verifiers): RLS opened for it alone, BEGIN sent with the switch. */
export function systemTransaction<T>(dataSource: DataSource, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
  return transactionOpenedWith(dataSource, SYSTEM_ENTRY, (manager) => fn(manager));
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
    return transactionOpenedWith(this.dataSource, tenantEntry(principal), async (manager, [row]) => {
      checkTenantEntry(row?.['kind']);
      // no SET ROLE round trip: every application connection already is zizhu_app (see openDatabase)
      return this.context.within({ principal, manager, scope: 'tenant' }, () => fn(manager));
    });
  }

  async asSystem<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.context.hasTransaction) {
      if (this.context.scope !== 'system') throw tenancyErrors.TRANSACTION_NESTING_REFUSED();
      return fn(this.context.manager);
    }
    return systemTransaction(this.dataSource, (manager) => this.context.within({ manager, scope: 'system' }, () => fn(manager)));
  }
}
