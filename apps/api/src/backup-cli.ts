import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, parseConfig } from './config/app-config.js';
import { processEnv } from './config/env.js';
import { BackupError, restoreBackup, takeBackup } from './platform/backup/backup.js';
import { DataDirError } from './platform/database/data-dir.js';
import { DataDirLockedError } from './platform/database/embedded-lock.js';

/**
 * `npm run backup [-- --out FILE] [--api URL]` and `npm run restore -- FILE` for the embedded database under
 * DATA_DIR (README, Backups). A server database (DATABASE_URL) is backed up with pg_dump instead.
 * The compiled build runs the same: `node dist/apps/api/src/backup-cli.js backup|restore …`.
 */
const USAGE = `usage:
  npm run backup  [-- --out FILE] [--api URL]   a consistent backup of DATA_DIR's database and keys (while the API runs, or not)
  npm run restore -- FILE                       restore a backup into an empty (or missing) DATA_DIR`;

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (!value || value.startsWith('--')) throw new BackupError(`${name} needs a value\n${USAGE}`);
  args.splice(at, 2);
  return value;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (command !== 'backup' && command !== 'restore') throw new BackupError(USAGE);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const config = parseConfig(processEnv());
  if (config.database.kind !== 'embedded' || !config.database.dataDir) {
    throw new BackupError('DATABASE_URL is set: back the server up with pg_dump and restore it with pg_restore (README, Backups); keep MASTER_KEY and JWT_SECRET with it');
  }
  const dataDir = resolve(config.database.dataDir);
  if (command === 'backup') {
    const out = resolve(option(args, '--out') ?? `zizhu-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`);
    const apiUrl = option(args, '--api');
    if (args.length > 0) throw new BackupError(`unknown arguments: ${args.join(' ')}\n${USAGE}`);
    if (existsSync(out)) throw new BackupError(`${out} exists already: choose another --out`);
    const { archive, taken } = await takeBackup({ dataDir, masterKey: config.masterKey, ...(apiUrl ? { apiUrl } : {}) });
    writeFileSync(out, archive, { mode: 0o600, flag: 'wx' });
    console.log(`backup of ${dataDir} written to ${out} (${(archive.length / 1048576).toFixed(1)} MiB, ${taken === 'online' ? 'taken by the running API' : 'no API was running'})`);
    console.log('SECRET: it holds the whole database and the keys that open device secrets and merchant credentials; store it encrypted, like the keys themselves.');
    if (config.masterKey) console.log('MASTER_KEY is set, so the master key is NOT in this backup: keep it with the backup (a restore needs it).');
    return;
  }
  const [file, ...rest] = args;
  if (!file || rest.length > 0) throw new BackupError(USAGE);
  if (!existsSync(file)) throw new BackupError(`${resolve(file)}: no such file`);
  const { manifest, warnings } = await restoreBackup(readFileSync(file), dataDir, config.masterKey);
  console.log(`restored the backup of ${manifest.createdAt} (${manifest.taken}) into ${dataDir}; start the API with this DATA_DIR`);
  for (const warning of warnings) console.warn(`warning: ${warning}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof BackupError || error instanceof ConfigError || error instanceof DataDirError || error instanceof DataDirLockedError;
  console.error(known ? (error as Error).message : error);
  process.exit(known ? 2 : 1);
});
