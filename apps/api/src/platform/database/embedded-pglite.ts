import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/**
 * PostgreSQL settings of the embedded database: `shared_buffers` from EMBEDDED_SHARED_BUFFERS_MB (32 MB unless set;
 * PGlite's own default, about 160 MB, where no configuration was parsed: the tests' in-memory databases). PGlite keeps
 * PostgreSQL's shared buffers inside its WASM heap and touches them at start, so they are resident from the first
 * second: at PGlite's default they are about 140 MiB of an idle laptop API's RSS. At 32 MB the embedded core loop ran
 * faster, not slower (BENCHMARKS.md, "embedded shared buffers": 12.1–14.4 against 10.7–12.7 lifecycles/s, alternating
 * runs on a quiet machine): a laptop's or a small site's working set fits, and PGlite's file system is in memory too.
 */
export function embeddedPostgresqlConf(sharedBuffersMb?: number): string[] {
  return sharedBuffersMb === undefined ? [] : [`shared_buffers = ${sharedBuffersMb}MB`];
}

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

/**
 * Opens PGlite on `<dataDir>/pgdata` (created first when new), or in memory when dataDir is null: a new cluster, or
 * one loaded from `initialDataDir` (a file of PGlite's `dumpDataDir`: about a second instead of initdb's five to
 * eight here). `sharedBuffersMb`: EMBEDDED_SHARED_BUFFERS_MB.
 */
export async function openPglite(dataDir: string | null, sharedBuffersMb?: number, initialDataDir?: string): Promise<PGlite> {
  const postgresqlconf = embeddedPostgresqlConf(sharedBuffersMb);
  const options = postgresqlconf.length > 0 ? { postgresqlconf } : {};
  if (dataDir === null) {
    return PGlite.create(undefined, initialDataDir === undefined ? options : { ...options, loadDataDir: new Blob([readFileSync(initialDataDir)]) });
  }
  const pgdata = join(dataDir, 'pgdata');
  if (!existsSync(join(pgdata, 'PG_VERSION'))) await initDataDir(pgdata);
  return PGlite.create(pgdata, options);
}
