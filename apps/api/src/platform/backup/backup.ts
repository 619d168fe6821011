import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { decodeMasterKey, masterKeyId } from '../crypto/envelope.js';
import { secureDataDir, tightenDataDir } from '../database/data-dir.js';
import { lockDataDir } from '../database/embedded-lock.js';
import { DATA_DIR_FILES, PGDATA_ENTRY, packBackup, unpackBackup, type BackupManifest } from './backup-archive.js';
import { BACKUP_PATH, CONTROL_FILE, dataDirEntries, type BackupControl } from './backup-control.js';

/** A backup or restore that cannot go ahead, for a reason the operator fixes (the CLI prints the message alone). */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of the live process holding DATA_DIR's lock (embedded-lock.ts), or null. */
function lockHolder(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dataDir, 'zizhu.pid'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export interface TakeBackupOptions {
  readonly dataDir: string;
  /** MASTER_KEY when set (then the key is not under DATA_DIR, and not in the backup). */
  readonly masterKey: string | null;
  /** The running API's base URL; default: the one it wrote to DATA_DIR/backup-control.json when it started listening. */
  readonly apiUrl?: string;
}

/**
 * The backup file of an embedded deployment. While the API runs (it holds DATA_DIR's lock), the API makes it
 * (`POST /internal/backup`, backup-control.ts): PGlite is one process's, and only its owner can pause its work
 * for a consistent copy. With no API running, this process takes the lock and copies the database itself.
 */
export async function takeBackup(options: TakeBackupOptions): Promise<{ archive: Buffer; taken: 'online' | 'offline' }> {
  const dataDir = resolve(options.dataDir);
  if (!existsSync(join(dataDir, 'pgdata', 'PG_VERSION'))) throw new BackupError(`DATA_DIR ${dataDir} holds no embedded database (no pgdata/): nothing to back up`);
  const holder = lockHolder(dataDir);
  if (holder !== null) {
    let control: BackupControl;
    try {
      control = JSON.parse(readFileSync(join(dataDir, CONTROL_FILE), 'utf8')) as BackupControl;
    } catch {
      throw new BackupError(`the API (pid ${holder}) holds DATA_DIR ${dataDir} but is not listening yet (no ${CONTROL_FILE}): wait until it is ready, or stop it`);
    }
    const url = `${(options.apiUrl ?? control.url).replace(/\/+$/, '')}${BACKUP_PATH}`;
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${control.token}` } });
    } catch (error) {
      throw new BackupError(`the API (pid ${holder}) holds DATA_DIR ${dataDir} but ${url} cannot be reached (${(error as Error).message}); pass --api <its URL>`);
    }
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) throw new BackupError(`the API refused the backup (${response.status}): ${body.toString('utf8').slice(0, 500)}`);
    return { archive: body, taken: 'online' };
  }
  const release = lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create(join(dataDir, 'pgdata'));
    let pgdata: Buffer;
    try {
      await pglite.exec('CHECKPOINT');
      pgdata = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
    } finally {
      await pglite.close();
    }
    const keys = dataDirEntries(dataDir, options.masterKey);
    return { archive: await packBackup({ taken: 'offline', ...keys.meta }, [{ name: PGDATA_ENTRY, data: pgdata }, ...keys.entries]), taken: 'offline' };
  } finally {
    release();
  }
}

export interface RestoreResult {
  readonly manifest: BackupManifest;
  /** What the operator must still do or know (a master key kept outside the backup, one that differs). */
  readonly warnings: string[];
}

/**
 * Restores a backup file into an empty (or missing) DATA_DIR: the database, then the key files (0600). Refuses a
 * non-empty directory, so nothing is ever overwritten; checks every entry before writing anything, and removes
 * what it wrote when it fails.
 */
export async function restoreBackup(file: Buffer, targetDir: string, envMasterKey: string | null): Promise<RestoreResult> {
  const dataDir = resolve(targetDir);
  if (existsSync(dataDir)) {
    const present = readdirSync(dataDir);
    if (present.length > 0) {
      throw new BackupError(
        `DATA_DIR ${dataDir} is not empty (${present.slice(0, 5).join(', ')}${present.length > 5 ? ', …' : ''}): a restore never overwrites a database; ` +
          'move that directory aside or set DATA_DIR to a new one, then run the restore again',
      );
    }
  }
  let unpacked: Awaited<ReturnType<typeof unpackBackup>>;
  try {
    unpacked = await unpackBackup(file);
  } catch (error) {
    throw new BackupError((error as Error).message);
  }
  const { manifest, entries } = unpacked;
  secureDataDir(dataDir);
  const release = lockDataDir(dataDir); // no API may start on it meanwhile
  try {
    const pglite = await PGlite.create(join(dataDir, 'pgdata'), { loadDataDir: new Blob([entries.get(PGDATA_ENTRY)!]) });
    try {
      await pglite.query('SELECT 1');
    } finally {
      await pglite.close();
    }
    for (const name of DATA_DIR_FILES) {
      const data = entries.get(name);
      if (data) writeFileSync(join(dataDir, name), data, { mode: 0o600 });
    }
    tightenDataDir(dataDir);
  } catch (error) {
    release();
    for (const entry of readdirSync(dataDir)) rmSync(join(dataDir, entry), { recursive: true, force: true });
    throw error;
  }
  release();

  const warnings: string[] = [];
  if (manifest.masterKeySource === 'environment') {
    warnings.push(`this backup does not hold the master key (MASTER_KEY was set when it was taken): start the API with MASTER_KEY set to the key whose id is ${manifest.masterKeyId}, or device secrets and merchant credentials cannot be read`);
  }
  if (envMasterKey && manifest.masterKeyId && masterKeyId(decodeMasterKey(envMasterKey)) !== manifest.masterKeyId) {
    warnings.push(`MASTER_KEY is set to another key than the one this database's secrets are sealed with (id ${manifest.masterKeyId}): unset it to use the restored master-key file, or set it to that key`);
  }
  return { manifest, warnings };
}
