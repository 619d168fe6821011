import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/**
 * PostgreSQL settings of the embedded database. PGlite keeps PostgreSQL's shared buffers inside its WASM heap
 * and touches them at start, so they are resident from the first second: at the default they were about 140 MiB
 * of an idle laptop API's RSS (BENCHMARKS.md, "embedded API idle RSS"). One session on one laptop's data (the
 * demo: a few thousand rows, a working set of a few MB) is served as fast from 32 MB; an operator running a
 * large fleet on the embedded database is told to use the PostgreSQL server anyway (README, production).
 */
export const EMBEDDED_POSTGRESQL_CONF = ['shared_buffers = 32MB', 'maintenance_work_mem = 16MB', 'wal_buffers = 1MB'];

/**
 * A new data directory is created (initdb) in a worker thread that exits once it is done. initdb runs a second
 * WASM instance and unpacks the cluster template in memory: about 400 MiB that, in the API's own thread, stays
 * resident until a major collection, which an idle process may never run. A worker's heap is released when the
 * worker ends, so the API then opens an existing directory like on every later start.
 */
async function initDataDir(pgdata: string): Promise<void> {
  const modulePath = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const { PGlite } = require(workerData.modulePath);
     PGlite.create(workerData.pgdata).then((db) => db.close());`,
    { eval: true, workerData: { modulePath, pgdata } },
  );
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`creating the embedded database in ${pgdata} failed (worker exit ${code})`))));
  });
}

/** Opens PGlite on `<dataDir>/pgdata` (created first when new), or in memory when dataDir is null. */
export async function openPglite(dataDir: string | null): Promise<PGlite> {
  if (dataDir === null) return PGlite.create(undefined, { postgresqlconf: EMBEDDED_POSTGRESQL_CONF });
  const pgdata = join(dataDir, 'pgdata');
  if (!existsSync(join(pgdata, 'PG_VERSION'))) await initDataDir(pgdata);
  return PGlite.create(pgdata, { postgresqlconf: EMBEDDED_POSTGRESQL_CONF });
}
