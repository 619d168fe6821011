import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { pipelineResults, pooledPipeline, type Statement, type StatementResult } from './pipeline.js';
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

/** How a transaction is opened: its first statement, and what its answer must be for the work to go on. */
export interface Opening {
  readonly statement: Statement;
  /** Throws unless the opening statement's rows let the transaction go on (the tenant entry's answer). */
  readonly check?: (rows: readonly Record<string, unknown>[]) => void;
  /**
   * Send the opening with the work's first statement instead of before the work starts (one round trip less). Only
   * where nothing but statements can come of the work before that first statement's answer: the opening's check then
   * runs on that answer, before any row is handed out, and a failed check is what the transaction throws, whatever
   * the work made of it. A request signed in as a user opens eagerly: its token is checked before its handler runs.
   */
  readonly deferred?: boolean;
}

/**
 * `DataSource.transaction`, with the BEGIN sent together with the transaction's opening statement (the tenant entry,
 * the system switch) — and, when the opening may be deferred, with the work's first statement too: one
 * extended-protocol pipeline (`pipeline.ts`), one write and one round trip where there were two or three. The BEGIN
 * makes the pipeline's implicit transaction an explicit block, which the Sync leaves open; the rest is TypeORM's own
 * path — its query runner, COMMIT or ROLLBACK, the commit and rollback events the after-commit actions wait for.
 * Should the opening fail (an error, or its check), the block is rolled back and that error thrown. A deferred
 * opening whose work sent no statement is sent at the commit, so its check still decides.
 */
export async function transactionOpenedWith<T>(dataSource: DataSource, opening: Opening, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  // what startTransaction and commit/rollback keep (TypeORM's; its start events have no listener here)
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  let refusal: { error: unknown } | undefined;
  let sent = false;
  let restore = () => {};
  let client: pg.PoolClient | undefined;
  /** Sends BEGIN, the opening and (deferred) the work's first statement; answers that statement's result. */
  const open = async (first?: Statement): Promise<StatementResult | undefined> => {
    sent = true;
    restore();
    const results = await pipelineResults(client!, first ? [BEGIN, opening.statement, first] : [BEGIN, opening.statement]);
    try {
      opening.check?.(results[1]?.rows ?? []);
    } catch (error) {
      refusal = { error };
      throw error;
    }
    return results[2];
  };
  try {
    client = (await runner.connect()) as pg.PoolClient;
    // from now on a failure rolls back
    state.isTransactionActive = true;
    state.transactionDepth = 1;
    recordAllTenants(runner.manager, opening.statement === SYSTEM_ENTRY);
    if (opening.deferred) restore = deferOpening(client, open);
    else await open();
    const result = await fn(runner.manager);
    if (!sent) await open();
    if (refusal) throw refusal.error; // refused, even if the work caught the error and went on: never committed
    await runner.commitTransaction();
    return result;
  } catch (error) {
    restore();
    if (runner.isTransactionActive && !sent) {
      // nothing reached the database: nothing to roll back there, but the work's after-commit actions are dropped
      state.isTransactionActive = false;
      state.transactionDepth = 0;
      await runner.broadcaster.broadcast('AfterTransactionRollback');
    }
    // the original error is thrown even when the rollback fails (a broken connection), as DataSource.transaction does
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw refusal ? refusal.error : error;
  } finally {
    await runner.release();
  }
}

/**
 * Until the work's first statement, the client's `query` sends it with the opening (`open`): TypeORM's query runner
 * calls `client.query(text, values)` and handles the answer as its own. Anything else (a stream, a callback) is sent
 * after the opening. Answers the function that puts the client's own `query` back (called by `open` itself).
 */
function deferOpening(client: pg.PoolClient, open: (first?: Statement) => Promise<StatementResult | undefined>): () => void {
  const target = client as unknown as { query: (...args: unknown[]) => unknown };
  const own = Object.getOwnPropertyDescriptor(target, 'query');
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    if (own) Object.defineProperty(target, 'query', own);
    else delete (target as { query?: unknown }).query;
  };
  target.query = (...args: unknown[]) => {
    const [text, values] = args;
    if (typeof text === 'string' && args.length <= 2 && (values === undefined || Array.isArray(values))) return open({ text, values: values as unknown[] | undefined });
    return open().then(() => target.query(...args));
  };
  return restore;
}

/** A system transaction outside the request context (device routes, verifiers): RLS opened for it alone, with its first statement. */
export function systemTransaction<T>(dataSource: DataSource, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
  return transactionOpenedWith(dataSource, { statement: SYSTEM_ENTRY, deferred: true }, fn);
}

/**
 * Work that is exactly one statement, as the system: the switch and the statement in one pipeline on a pooled
 * connection (one round trip, and no BEGIN or COMMIT: the pipeline's implicit transaction, which ends at its Sync, is
 * the transaction, so row-level security is lifted for this statement alone). Where a system transaction would send
 * BEGIN, switch and statement, then COMMIT: two round trips. Outside any transaction of the caller's, as `systemTransaction`.
 */
export async function systemStatement<Row = Record<string, unknown>>(dataSource: DataSource, statement: Statement): Promise<{ rows: Row[]; rowCount: number | null }> {
  const [, result] = await pooledPipeline(dataSource, [SYSTEM_ENTRY, statement]);
  return result as unknown as { rows: Row[]; rowCount: number | null };
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
    // a user's or an API key's request has its token checked before its handler runs; a job's or a callback's principal opens with its first statement
    const opening: Opening = { statement: tenantEntry(principal), check: ([row]) => checkTenantEntry(row?.['kind']), deferred: !principal.session && !principal.apiKey };
    return transactionOpenedWith(this.dataSource, opening, async (manager) => {
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
