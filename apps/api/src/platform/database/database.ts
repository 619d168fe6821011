import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../../config/app-config.js';
import { entities } from './entities.js';
import { migrations } from '../../migrations/index.js';
import { secureDataDir, tightenDataDir } from './data-dir.js';
import { lockDataDir } from './embedded-lock.js';
import { openPglite } from './embedded-pglite.js';

// int8 (bigint, count(*)) comes back as a string from pg; our integers (fen, counters) fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} exceeds the safe integer range`);
  return n;
});

export interface OpenDatabase {
  readonly dataSource: DataSource;
  readonly kind: DatabaseConfig['kind'];
  /**
   * Embedded only: a consistent copy of the PostgreSQL data directory (PGlite's tar of it), taken while the
   * database serves. It holds the one pooled client, so every transaction has ended and the rest wait (the whole
   * API is paused for the dump: a second or two per 100 MB), checkpoints, and dumps the files; platform/backup.
   */
  readonly dumpDataDir?: () => Promise<Buffer>;
  close(): Promise<void>;
}

/** The role the application works as (created by the first migration; NOBYPASSRLS). */
export const APP_ROLE = 'zizhu_app';

const common = { type: 'postgres', entities, migrations, synchronize: false, migrationsRun: false, logging: false } as const;

async function migrate(options: DataSourceOptions): Promise<void> {
  const ds = await new DataSource(options).initialize();
  const runner = ds.createQueryRunner();
  try {
    await runner.connect();
    // several API processes may start at once: one migrates, the others wait and then find nothing to do
    await runner.query(`SELECT pg_advisory_lock(hashtext('zizhu:migrations'))`);
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext('zizhu:migrations'))`).catch(() => undefined);
    await runner.release();
    await ds.destroy();
  }
}

/** Opens the database (embedded PGlite under DATA_DIR, in memory when dataDir is null, or a server) and migrates it. */
export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  if (config.kind === 'server') {
    await migrate({ ...common, url: config.migrationUrl, poolSize: 2 }); // one connection holds the lock, one migrates
    // every application connection is the zizhu_app role from its first statement: it cannot bypass row-level security
    const dataSource = await new DataSource({ ...common, url: config.url, poolSize: config.poolSize, extra: { options: `-c role=${APP_ROLE}` } }).initialize();
    return { dataSource, kind: 'server', close: async () => { if (dataSource.isInitialized) await dataSource.destroy(); } };
  }
  // the owner's alone: created 0700, what is already there tightened, refused when it cannot be (data-dir.ts)
  if (config.dataDir) secureDataDir(config.dataDir);
  const release = config.dataDir ? lockDataDir(config.dataDir) : () => undefined;
  try {
    const pglite = await openPglite(config.dataDir, config.sharedBuffersMb, config.dataDir === null ? config.initialDataDir : undefined);
    // PGlite is one PostgreSQL session: exactly one pooled client, so a transaction holds it and the rest queue.
    const dataSource = new DataSource({ ...common, poolSize: 1, extra: { ...createPgConfig(pglite), max: 1 } });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    // PGlite is one superuser session: drop to the application role for good once the schema is in place
    await dataSource.query(`SET ROLE ${APP_ROLE}`);
    // PGlite chmods the files it creates to 0666 (a new cluster: about a thousand of them); DATA_DIR's 0700 already shuts others out
    if (config.dataDir) tightenDataDir(config.dataDir);
    return {
      dataSource,
      kind: 'embedded',
      dumpDataDir: async () => {
        const runner = dataSource.createQueryRunner();
        await runner.connect(); // the only client: no transaction is open while we hold it, and none can start
        try {
          // CHECKPOINT is the superuser's: PGlite's session user is one, the application role only what it switched to
          await runner.query('RESET ROLE');
          try {
            await runner.query('CHECKPOINT');
          } finally {
            await runner.query(`SET ROLE ${APP_ROLE}`);
          }
          const tar = await pglite.dumpDataDir('none');
          return Buffer.from(await tar.arrayBuffer());
        } finally {
          await runner.release();
        }
      },
      close: async () => {
        try {
          if (dataSource.isInitialized) await dataSource.destroy();
          if (!pglite.closed) await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
