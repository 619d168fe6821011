import { Injectable, SetMetadata } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { platformErrors } from '../errors/domain-error.js';
import { pooledPipeline, type Statement } from '../database/pipeline.js';
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
    const results = (await pooledPipeline(this.dataSource, [tenantEntry(principal), ...statements])).map((r) => r.rows);
    const [entry, ...rows] = results;
    checkTenantEntry((entry?.[0] as { kind?: unknown } | undefined)?.kind);
    read.entered = true;
    return rows;
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
