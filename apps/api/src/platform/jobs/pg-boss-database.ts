import type { Db as IDatabase } from 'pg-boss';
import type { PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

type Rows = { rows: unknown[] };

/**
 * pg-boss over TypeORM's own pool: the one access path to the database, which on the embedded
 * database is a pool of exactly one client (one PGlite session). Each statement checks a client out,
 * runs, and gives it back, so pg-boss queues behind open transactions like any other caller.
 *
 * pg-boss sends some work as one multi-statement `BEGIN; …; COMMIT` text: when that fails half-way
 * the session is left in an aborted transaction, so the client is rolled back before it goes back.
 * It is never released with an error: on PGlite that would end the shared session for everybody
 * (pg-pool drops a client whose connection really died on its own).
 */
export function poolDatabase(dataSource: DataSource): IDatabase {
  const driver = dataSource.driver as PostgresDriver;
  return {
    async executeSql(text: string, values?: unknown[]) {
      const [client, release] = (await driver.obtainMasterConnection()) as [PoolClient, (error?: Error) => void];
      try {
        return (await client.query(text, values)) as Rows;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        release();
      }
    },
  };
}

/**
 * pg-boss inside the caller's transaction (pass it as `{ db }`): the job row is written by the
 * transaction's own connection, so it exists exactly when the transaction commits. Going through the
 * pool instead would wait forever for the client the transaction holds on the embedded database.
 */
export function transactionDatabase(manager: EntityManager): IDatabase {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('transactionDatabase needs the EntityManager of an open transaction');
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result = (await runner.query(text, values, true)) as { records?: unknown[] };
      return { rows: result.records ?? [] };
    },
  };
}
