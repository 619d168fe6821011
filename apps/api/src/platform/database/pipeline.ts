import { createRequire } from 'node:module';
import { Logger } from '@nestjs/common';
import type pg from 'pg';
import type { DataSource } from 'typeorm';

const require = createRequire(import.meta.url);
// pg's own row parser (the type parsers of the client, int8 → number included: see database.ts)
const Result = require('pg/lib/result.js') as new (rowMode: undefined, types: unknown) => PgResult;
const { prepareValue } = require('pg/lib/utils.js') as { prepareValue(value: unknown): unknown };

interface PgResult {
  rows: Record<string, unknown>[];
  addFields(fields: unknown[]): void;
  parseRow(data: unknown[]): Record<string, unknown>;
  addRow(row: Record<string, unknown>): void;
  addCommandComplete(message: unknown): void;
}

/** One statement of a pipeline: SQL with `$n` parameters and their values. */
export interface Statement {
  readonly text: string;
  readonly values?: readonly unknown[];
}

/**
 * Statement texts prepared by name (parsed and planned once per connection, then only bound and executed):
 * the first PREPARED_TEXTS distinct texts a process sends through pipelines. A text made of other parts each time
 * (a filter combination, a page size written into the SQL) past that bound is sent unnamed, so neither this map nor
 * a connection's prepared statements grow without end.
 */
const PREPARED_TEXTS = 256;
const preparedNames = new Map<string, string>();
function nameOf(text: string): string | undefined {
  let name = preparedNames.get(text);
  if (name === undefined && preparedNames.size < PREPARED_TEXTS) {
    name = `zizhu_p${preparedNames.size}`;
    preparedNames.set(text, name);
  }
  return name;
}

/** The wire connection of a pg client (not in pg's types): the extended-protocol messages a pipeline writes. */
interface WireConnection {
  /** pg's record of the statements parsed on this connection, by name (pg sets it on ParseComplete, see `name`). */
  parsedStatements: Record<string, string>;
  stream: { cork?(): void; uncork?(): void };
  parse(message: { text: string; name?: string; types?: unknown[] }): void;
  bind(message: { portal?: string; statement?: string; values?: readonly unknown[]; valueMapper?: (value: unknown) => unknown }): void;
  describe(message: { type: 'P' | 'S'; name?: string }): void;
  execute(message: { portal?: string; rows?: number }): void;
  sync(): void;
}

/** Who watches the round trips (tests count them, see test/tenant-reads.e2e-spec.ts): the client and the statements of each. */
export const roundTripProbes = new Set<(event: { client: unknown; statements: readonly string[] }) => void>();

/**
 * Sends the statements to the server as one extended-protocol pipeline (Parse/Bind/Describe/Execute each, then a
 * single Sync): one round trip. Up to the Sync they run in one implicit transaction, so `set_config(…, true)`
 * by the first statement holds for the others, and the transaction ends (committed, or rolled back on any error,
 * the remaining statements skipped) with the Sync — no BEGIN, no COMMIT, nothing left open on the connection.
 * Resolves with each statement's rows; rejects with the server's error.
 *
 * The same works on the embedded database: PGlite's node-postgres adapter hands each protocol message to its one
 * backend in order (a multi-statement simple query could not carry parameters; this carries them as binds).
 */
export async function pipeline(client: pg.PoolClient | pg.Client, statements: readonly Statement[]): Promise<Record<string, unknown>[][]> {
  return (await pipelineResults(client, statements)).map((r) => r.rows);
}

/** A statement's answer as pg's client gives it (`client.query`'s result: rows, rowCount, command, fields). */
export type StatementResult = Pick<PgResult, 'rows'> & { rowCount: number | null; command: string };

/** `pipeline`, answering each statement's whole result (what `client.query` would have answered for it alone). */
export function pipelineResults(client: pg.PoolClient | pg.Client, statements: readonly Statement[]): Promise<StatementResult[]> {
  for (const probe of roundTripProbes) probe({ client, statements: statements.map((s) => s.text) });
  const types = (client as unknown as { _types?: unknown })._types;
  return new Promise((resolve, reject) => {
    const results: PgResult[] = statements.map(() => new Result(undefined, types));
    /** per statement: the name it is parsed under in this pipeline (undefined: unnamed, or parsed on the connection before) */
    const parsing: (string | undefined)[] = [];
    let current = 0;
    let failure: Error | null = null;
    const submittable = {
      /** The texts of the pipeline's statements, in order (for a statement counter: test/support/statement-counter.ts). */
      pipelined: statements.map((s) => s.text),
      /**
       * What pg's client reads on each ParseComplete to record a named statement as parsed on the connection: the
       * statement whose answer is awaited is the one just parsed (a failed Parse answers an error instead, and is not recorded).
       */
      get name(): string | undefined {
        return parsing[current];
      },
      get text(): string | undefined {
        return statements[current]?.text;
      },
      submit(connection: WireConnection): null {
        connection.stream.cork?.();
        try {
          for (const statement of statements) {
            const name = nameOf(statement.text);
            // parsed on this connection before, or earlier in this very pipeline (a second Parse of a name is an error)
            const parsed = name !== undefined && (connection.parsedStatements[name] === statement.text || parsing.includes(name));
            if (!parsed) connection.parse({ text: statement.text, name, types: [] });
            parsing.push(parsed ? undefined : name);
            connection.bind({ statement: name, values: statement.values ?? [], valueMapper: prepareValue });
            connection.describe({ type: 'P', name: '' });
            connection.execute({ portal: '' });
          }
          connection.sync();
        } finally {
          connection.stream.uncork?.();
        }
        return null;
      },
      handleRowDescription(message: { fields: unknown[] }) {
        results[current]?.addFields(message.fields);
      },
      handleDataRow(message: { fields: unknown[] }) {
        const result = results[current];
        if (!result || failure) return;
        try {
          result.addRow(result.parseRow(message.fields));
        } catch (error) {
          failure = error as Error;
        }
      },
      handleCommandComplete(message: unknown) {
        results[current]?.addCommandComplete(message);
        current++;
      },
      handleEmptyQuery() {
        current++;
      },
      handlePortalSuspended() {},
      handleCopyInResponse() {},
      handleCopyData() {},
      handleError(error: Error) {
        // the server skips to the Sync and rolls the implicit transaction back; the client is ready again after it
        reject(error);
      },
      handleReadyForQuery() {
        if (failure) reject(failure);
        else if (current !== statements.length) reject(new Error(`pipeline answered ${current} of ${statements.length} statements`));
        else resolve(results as unknown as StatementResult[]);
      },
    };
    client.query(submittable as never);
  });
}

const log = new Logger('Pipeline');

/** The pg pool behind TypeORM's data source (node-postgres on both databases: PGlite through its pg adapter). */
function poolOf(dataSource: DataSource): pg.Pool {
  return (dataSource.driver as unknown as { master: pg.Pool }).master;
}

/**
 * `pipelineResults` on a connection of the pool, outside any transaction: the statements are one implicit transaction
 * ending at the Sync (one round trip, no BEGIN or COMMIT). A server's error leaves the connection ready (the Sync rolled
 * it back); anything else drops the connection. A statement prepared on it that no longer fits the schema (another
 * process migrated: 0A000 "cached plan must not change result type"; 26000 a name the server no longer has) is not an
 * answer: the connection forgets its prepared statements (DEALLOCATE ALL) and the pipeline is sent once more.
 */
export async function pooledPipeline(dataSource: DataSource, statements: readonly Statement[]): Promise<StatementResult[]> {
  const client = await idleClient(dataSource);
  let released = false;
  try {
    try {
      return await pipelineResults(client, statements);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== '0A000' && code !== '26000') throw error;
      await client.query('DEALLOCATE ALL');
      forgetPrepared(client);
      return await pipelineResults(client, statements);
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
 * rolled back), they would outlive the pipeline and its statements would run in someone else's transaction. Such a
 * connection is rolled back first (the embedded database's one session cannot be swapped for another) and the
 * incident logged.
 */
async function idleClient(dataSource: DataSource): Promise<pg.PoolClient> {
  const client = await poolOf(dataSource).connect();
  const status = transactionStatus(client);
  if (status === 'I' || status === null) return client;
  try {
    log.error({ status }, 'a pooled connection was given back inside a transaction: rolled back before a pipeline');
    await client.query('ROLLBACK');
    const after = transactionStatus(client);
    if (after !== 'I' && after !== null) throw new Error(`the connection is still in a transaction (${after}) after ROLLBACK`);
    return client;
  } catch (error) {
    client.release(error as Error);
    throw error;
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
