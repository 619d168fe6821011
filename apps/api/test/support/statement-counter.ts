import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { contextStorage } from '../../src/platform/tenancy/context-storage.js';

/** One statement sent to the database: its text, the async context that sent it (request id, `job:<name>:<id>`), the rows it answered. */
export interface CountedStatement {
  readonly text: string;
  readonly context: string | undefined;
  /** The pg-boss queues it names, in its parameters or its text (a fetch, a completion). */
  readonly queues: readonly string[];
  rows?: number;
  /** It opened a transaction: an explicit BEGIN / START TRANSACTION, or a statement run on its own (autocommit), or the first of a pipeline without a BEGIN (one implicit transaction). */
  readonly opensTransaction: boolean;
  /** It was sent in a round trip of its own, or first of a pipeline (the statements after it in the pipeline travel with it). */
  readonly roundTrip: boolean;
}

const WRAPPED = Symbol('counted');

/**
 * Counts every statement the API process sends, on every pooled connection (TypeORM's query runners and
 * pg-boss alike: both check clients out of the driver's one pool), with the async context that sent it,
 * so a test can attribute them to a lifecycle and leave out background timers (sweeps, flushes, polls).
 */
export class StatementCounter {
  readonly statements: CountedStatement[] = [];
  private on = false;
  private readonly inTransaction = new WeakMap<object, boolean>();

  constructor(
    dataSource: DataSource,
    private readonly queueNames: readonly string[],
  ) {
    const pool = (dataSource.driver as PostgresDriver).master as Pool & { [WRAPPED]?: boolean };
    if (pool[WRAPPED]) throw new Error('the pool is already counted');
    pool[WRAPPED] = true;
    const connect = pool.connect.bind(pool) as (cb?: (err: Error | undefined, client: PoolClient, done: () => void) => void) => unknown;
    (pool as unknown as { connect: unknown }).connect = (cb?: (err: Error | undefined, client: PoolClient, done: () => void) => void) => {
      if (cb) return connect((err, client, done) => cb(err, err ? client : this.wrap(client), done));
      return (connect() as Promise<PoolClient>).then((client) => this.wrap(client));
    };
  }

  start(): void {
    this.statements.length = 0;
    this.on = true;
  }

  stop(): CountedStatement[] {
    this.on = false;
    return [...this.statements];
  }

  private wrap(client: PoolClient): PoolClient {
    const c = client as PoolClient & { [WRAPPED]?: boolean };
    if (c[WRAPPED]) return client;
    c[WRAPPED] = true;
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      const first = args[0];
      // a pipeline (platform/database/pipeline.ts) is one round trip carrying several statements
      const pipelined = (first as { pipelined?: readonly string[] } | undefined)?.pipelined;
      const texts = pipelined ?? [typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '')];
      const values = Array.isArray(args[1]) ? (args[1] as unknown[]) : ((first as { values?: unknown[] } | undefined)?.values ?? []);
      const context = contextStorage.getStore()?.requestId;
      let entry: CountedStatement | undefined;
      let implicit = false; // inside a pipeline's implicit transaction (it ends with the pipeline's Sync)
      texts.forEach((text, i) => {
        const head = text.trimStart().slice(0, 20).toUpperCase();
        const was = (this.inTransaction.get(client) ?? false) || implicit;
        const begins = head.startsWith('BEGIN') || head.startsWith('START TRANSACTION');
        const ends = /^(COMMIT|ROLLBACK)/.test(head) || (begins && /COMMIT\s*;?\s*$/i.test(text));
        this.inTransaction.set(client, begins ? !ends : ends ? false : (this.inTransaction.get(client) ?? false));
        const counted: CountedStatement = {
          text,
          context,
          queues: this.queueNames.filter((q) => values.includes(q) || text.includes(`'${q}'`)),
          opensTransaction: begins || (!was && !ends),
          roundTrip: i === 0,
        };
        if (pipelined && !begins && !this.inTransaction.get(client)) implicit = true;
        entry ??= counted;
        if (this.on) this.statements.push(counted);
      });
      const result = query(...args);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        void (result as Promise<{ rowCount?: number | null; rows?: unknown[] }>).then(
          (r) => void (entry && !pipelined && (entry.rows = r?.rows?.length ?? r?.rowCount ?? 0)),
          () => undefined,
        );
      }
      return result;
    };
    return client;
  }
}
