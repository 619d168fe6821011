import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

/**
 * The backup file of an embedded deployment: a gzip-compressed POSIX tar (`tar -tzf` lists it) holding
 *   zizhu-backup.json   the manifest: format, when, which master key, each entry's size and SHA-256
 *   pgdata.tar          the PostgreSQL data directory as PGlite dumps it (PGlite's own tar of DATA_DIR/pgdata)
 *   master-key          the key that seals device secrets and wraps merchant credentials' data keys (when under DATA_DIR)
 *   jwt-secret          the signing secret of access tokens (when under DATA_DIR)
 *   demo-devices.json   the demo devices' ids and secrets (when the demo was seeded)
 * A restore checks every entry against the manifest before writing anything.
 */
export const BACKUP_FORMAT = 'zizhu-backup/1';
export const MANIFEST_NAME = 'zizhu-backup.json';
export const PGDATA_ENTRY = 'pgdata.tar';
/** The files of DATA_DIR that a backup carries beside the database (the pid lock and the control file are not). */
export const DATA_DIR_FILES = ['master-key', 'jwt-secret', 'demo-devices.json'] as const;

export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly createdAt: string;
  /** `online`: produced by the running API; `offline`: the CLI opened DATA_DIR itself (no API ran). */
  readonly taken: 'online' | 'offline';
  /** The id (masterKeyId) of the master key the database's secrets are sealed with; null when none could be read. */
  readonly masterKeyId: string | null;
  /** `data-dir`: the master-key file is in this backup; `environment`: MASTER_KEY was set, the key is NOT in it. */
  readonly masterKeySource: 'data-dir' | 'environment' | 'none';
  readonly entries: readonly { readonly name: string; readonly bytes: number; readonly sha256: string }[];
}

export interface BackupEntry {
  readonly name: string;
  readonly data: Buffer;
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function tarHeader(name: string, size: number, mtime: number): Buffer {
  if (Buffer.byteLength(name) > 99) throw new Error(`tar entry name too long: ${name}`);
  const header = Buffer.alloc(BLOCK);
  header.write(name, 0, 100, 'utf8');
  header.write(octal(0o600, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  header.write(octal(size, 12), 124, 'ascii');
  header.write(octal(mtime, 12), 136, 'ascii');
  header.write('        ', 148, 'ascii'); // the checksum is computed with its own field as spaces
  header.write('0', 156, 'ascii'); // a regular file
  header.write('ustar\u000000', 257, 'binary');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

/** A POSIX (ustar) tar of `entries`, in order. */
export function writeTar(entries: readonly BackupEntry[], mtime = Math.floor(Date.now() / 1000)): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    parts.push(tarHeader(entry.name, entry.data.length, mtime), entry.data);
    const pad = (BLOCK - (entry.data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

/** The regular files of a tar (names and bytes); anything malformed is an error, never a partial read. */
export function readTar(tar: Buffer): BackupEntry[] {
  const entries: BackupEntry[] = [];
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) return entries;
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim(), 8);
    if (!name || !Number.isSafeInteger(size) || size < 0 || offset + BLOCK + size > tar.length) throw new Error('not a zizhu backup: a damaged tar entry');
    const type = String.fromCharCode(header[156] ?? 0);
    if (type === '0' || type === '\0') entries.push({ name, data: tar.subarray(offset + BLOCK, offset + BLOCK + size) });
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  throw new Error('not a zizhu backup: the tar ends without its end marker (truncated?)');
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The gzip-compressed backup file: the manifest first, then the database, then the DATA_DIR files. */
export async function packBackup(meta: Omit<BackupManifest, 'format' | 'entries' | 'createdAt'>, entries: readonly BackupEntry[], now = new Date()): Promise<Buffer> {
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: now.toISOString(),
    ...meta,
    entries: entries.map((e) => ({ name: e.name, bytes: e.data.length, sha256: sha256(e.data) })),
  };
  const tar = writeTar([{ name: MANIFEST_NAME, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) }, ...entries], Math.floor(now.getTime() / 1000));
  return promisify(gzip)(tar);
}

/** Opens a backup file and checks every entry against its manifest. */
export async function unpackBackup(file: Buffer): Promise<{ manifest: BackupManifest; entries: Map<string, Buffer> }> {
  let tar: Buffer;
  try {
    tar = await promisify(gunzip)(file);
  } catch {
    throw new Error('not a zizhu backup: the file is not gzip-compressed (or it is truncated)');
  }
  const all = readTar(tar);
  const first = all[0];
  if (!first || first.name !== MANIFEST_NAME) throw new Error(`not a zizhu backup: ${MANIFEST_NAME} is missing`);
  const manifest = JSON.parse(first.data.toString('utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`unsupported backup format ${String(manifest.format)} (this version reads ${BACKUP_FORMAT})`);
  const entries = new Map(all.slice(1).map((e) => [e.name, e.data]));
  for (const expected of manifest.entries) {
    const data = entries.get(expected.name);
    if (!data) throw new Error(`damaged backup: ${expected.name} is missing`);
    if (data.length !== expected.bytes || sha256(data) !== expected.sha256) throw new Error(`damaged backup: ${expected.name} does not match its checksum`);
  }
  if (!entries.has(PGDATA_ENTRY)) throw new Error(`not a zizhu backup: ${PGDATA_ENTRY} is missing`);
  return { manifest, entries };
}
