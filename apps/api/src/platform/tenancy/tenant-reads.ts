import { Injectable, Logger, SetMetadata } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { platformErrors } from '../errors/domain-error.js';
import { pipeline, type Statement } from '../database/pipeline.js';
import { checkTenantEntry, tenantEntry } from '../database/transactions.js';
import { contextStorage } from './context-storage.js';

export type { Statement } from '../database/pipeline.js';
/** A row as the database answered it (cast to the shape the SQL selects). */
export type Row = unknown;

export const TENANT_READ = 'zizhu:tenant-read';

/**
 * Marks a GET handler of a tenant route whose every query goes through `TenantReads`: the request opens no
 * transaction; each `TenantReads.run` enters the tenant (checking the token was not revoked) and runs its
 * statements in one round trip. The handler then has no `RequestContext.manager` (reading it throws:
 * fail-closed), and a handler that read nothing still has its token checked before it answers.
 */
export const TenantRead = () => SetMetadata(TENANT_READ, true);

/** The pg pool behind TypeORM's data source (node-postgres on both databases: PGlite through its pg adapter). */
function poolOf(dataSource: DataSource): pg.Pool {
  return (dataSource.driver as unknown as { master: pg.Pool }).master;
}

/**
 * Reads under row-level security in as few round trips as the database allows (what PostgREST does: the tenant
 * settings and the query in one transaction, one round trip, no ORM hydration).
 *
 * - In a `@TenantRead()` request (no transaction open): one extended-protocol pipeline on a pooled connection —
 *   the tenant entry (`zizhu_enter_session`, which also checks revocation), then the statements, then one Sync: one
 *   implicit transaction, one round trip. The answer of the entry is checked before any row is handed out; a
 *   revoked token or a vanished organisation throws exactly as a transaction's entry does.
 * - Inside an open transaction (any other tenant request, a job, a system transaction): the statements run in it.
 * - Anywhere else (no principal, no transaction): throws TENANT_CONTEXT_MISSING. A statement that reached the
 *   database without the entry would see nothing anyway: the policies fail closed without the settings.
 */
@Injectable()
export class TenantReads {
  private readonly logger = new Logger('TenantReads');

  constructor(private readonly dataSource: DataSource) {}

  async run(statements: readonly Statement[]): Promise<Row[][]> {
    const store = contextStorage.getStore();
    if (store?.manager) {
      const out: Row[][] = [];
      for (const s of statements) out.push((await store.manager.query(s.text, (s.values ?? []) as unknown[])) as Row[]);
      return out;
    }
    const read = store?.tenantRead;
    const principal = store?.principal;
    if (!read || store.scope !== 'tenant' || !principal) throw platformErrors.TENANT_CONTEXT_MISSING('No tenant read or transaction in the request context.');
    const results = await this.send([tenantEntry(principal), ...statements]);
    const [entry, ...rows] = results;
    checkTenantEntry((entry?.[0] as { kind?: unknown } | undefined)?.kind);
    read.entered = true;
    return rows;
  }

  /**
   * One pipeline on a pooled connection. A server's error leaves the connection ready (the Sync rolled it back);
   * anything else drops the connection. A statement prepared on it that no longer fits the schema (another process
   * migrated: 0A000 "cached plan must not change result type"; 26000 a name the server no longer has) is not an
   * answer: the connection forgets its prepared statements (DEALLOCATE ALL) and the pipeline is sent once more.
   */
  private async send(statements: readonly Statement[]): Promise<Row[][]> {
    const client = await this.idleClient();
    let released = false;
    try {
      try {
        return await pipeline(client, statements);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code !== '0A000' && code !== '26000') throw error;
        await client.query('DEALLOCATE ALL');
        forgetPrepared(client);
        return await pipeline(client, statements);
      }
    } catch (error) {
      released = true;
      client.release((error as { code?: unknown }).code === undefined ? (error as Error) : undefined);
      throw error;
    } finally {
      if (!released) client.release();
    }
  }

  /**
   * A pooled connection outside any transaction. A pipeline's settings hold until its Sync only because no transaction
   * is open around it: on a connection given back inside one (a bug elsewhere: a transaction neither committed nor
   * rolled back), they would outlive the read and the read would run in someone else's transaction. Such a connection
   * is rolled back first (the embedded database's one session cannot be swapped for another) and the incident logged.
   */
  private async idleClient(): Promise<pg.PoolClient> {
    const client = await poolOf(this.dataSource).connect();
    const status = transactionStatus(client);
    if (status === 'I' || status === null) return client;
    try {
      this.logger.error({ status }, 'a pooled connection was given back inside a transaction: rolled back before a tenant read');
      await client.query('ROLLBACK');
      const after = transactionStatus(client);
      if (after !== 'I' && after !== null) throw new Error(`the connection is still in a transaction (${after}) after ROLLBACK`);
      return client;
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  }

  /** One statement's rows. */
  async rows<T = Row>(text: string, values: readonly unknown[] = []): Promise<T[]> {
    const [rows] = await this.run([{ text, values }]);
    return rows as T[];
  }

  /** `EntityManager.query`'s shape (code written for a manager reads through this as well). */
  query(text: string, values: readonly unknown[] = []): Promise<unknown> {
    return this.rows(text, values);
  }

  /** Checks the principal's entry (organisation, revocation) where a `@TenantRead()` handler read nothing. */
  async ensureEntered(): Promise<void> {
    const read = contextStorage.getStore()?.tenantRead;
    if (read && !read.entered) await this.run([]);
  }
}

/** The connection's transaction status from its last ReadyForQuery ('I' idle, 'T' in a transaction, 'E' failed one), null when unknown. */
function transactionStatus(client: pg.PoolClient): string | null {
  return (client as unknown as { getTransactionStatus?(): string | null }).getTransactionStatus?.() ?? null;
}

/** pg's record of the statements prepared on a client's connection (not in its types), emptied after DEALLOCATE ALL. */
function forgetPrepared(client: pg.PoolClient): void {
  const connection = (client as unknown as { connection?: { parsedStatements?: Record<string, string> } }).connection;
  if (connection?.parsedStatements) connection.parsedStatements = {};
}
