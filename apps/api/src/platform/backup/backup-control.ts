import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../../config/app-config.js';
import { decodeMasterKey, masterKeyId } from '../crypto/envelope.js';
import type { OpenDatabase } from '../database/database.js';
import { DATA_DIR_FILES, PGDATA_ENTRY, packBackup, type BackupEntry, type BackupManifest } from './backup-archive.js';

/** Where the running API tells `npm run backup` how to reach it: `{pid, url, token}`, 0600, rewritten at every listen. */
export const CONTROL_FILE = 'backup-control.json';
/** The API's backup route: outside /v1 (not an operator API, not in the OpenAPI document). */
export const BACKUP_PATH = '/internal/backup';

export interface BackupControl {
  readonly pid: number;
  readonly url: string;
  readonly token: string;
}

/** The DATA_DIR files and the manifest's key facts: what a backup carries beside the database. */
export function dataDirEntries(dataDir: string, envMasterKey: string | null): { entries: BackupEntry[]; meta: Pick<BackupManifest, 'masterKeyId' | 'masterKeySource'> } {
  const entries: BackupEntry[] = [];
  for (const name of DATA_DIR_FILES) {
    const path = join(dataDir, name);
    if (existsSync(path)) entries.push({ name, data: readFileSync(path) });
  }
  // MASTER_KEY, when set, wins over the file (modules/fleet/device-secrets.ts): the backup then cannot carry it
  if (envMasterKey) return { entries, meta: { masterKeyId: masterKeyId(decodeMasterKey(envMasterKey)), masterKeySource: 'environment' } };
  const file = entries.find((e) => e.name === 'master-key');
  return { entries, meta: file ? { masterKeyId: masterKeyId(decodeMasterKey(file.data.toString('utf8').trim())), masterKeySource: 'data-dir' } : { masterKeyId: null, masterKeySource: 'none' } };
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;
const digest = (text: string) => createHash('sha256').update(text).digest();

function refuse(reply: FastifyReply, status: number, code: string, detail: string): FastifyReply {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', title: status === 401 ? 'Unauthorized' : 'Forbidden', status, code, detail, requestId: reply.request.id });
}

/**
 * The embedded database belongs to the running API (PGlite is one process's), so a backup taken while it runs is
 * made by it: `POST /internal/backup` answers the backup file (backup-archive.ts). Only to a loopback peer (the TCP
 * socket's, never X-Forwarded-For) bearing the token of DATA_DIR/backup-control.json, a fresh random one per boot:
 * whoever can read that file can read the database and its keys under DATA_DIR anyway, so the route gives nobody
 * more than they have. Nothing is installed for a server database (pg_dump) or an in-memory one. Returns the
 * function that removes the control file (at shutdown).
 */
export function installBackupControl(app: NestFastifyApplication, config: AppConfig, database: OpenDatabase): () => void {
  const dataDir = config.database.kind === 'embedded' ? config.database.dataDir : null;
  const dump = database.dumpDataDir;
  if (!dataDir || !dump) return () => undefined;
  const token = randomBytes(32).toString('base64url');
  const expected = digest(`Bearer ${token}`);
  const file = join(dataDir, CONTROL_FILE);
  const fastify = app.getHttpAdapter().getInstance();

  fastify.addHook('onListen', function (done) {
    const address = this.server.address() as AddressInfo | null;
    if (address && typeof address === 'object') {
      const host = address.family === 'IPv6' ? (address.address === '::' ? '[::1]' : `[${address.address}]`) : address.address === '0.0.0.0' ? '127.0.0.1' : address.address;
      const control: BackupControl = { pid: process.pid, url: `http://${host}:${address.port}`, token };
      writeFileSync(file, JSON.stringify(control), { mode: 0o600 });
    }
    done();
  });

  fastify.post(BACKUP_PATH, async (request, reply) => {
    if (!LOOPBACK.test(request.raw.socket.remoteAddress ?? '')) {
      return refuse(reply, 403, 'BACKUP_LOOPBACK_ONLY', 'backups are taken on the machine that runs the API: npm run backup');
    }
    if (!timingSafeEqual(digest(request.headers.authorization ?? ''), expected)) {
      return refuse(reply, 401, 'BACKUP_TOKEN_INVALID', `the bearer token is the one in ${CONTROL_FILE} under DATA_DIR (new at every start)`);
    }
    const pgdata = await dump();
    const keys = dataDirEntries(dataDir, config.masterKey);
    const archive = await packBackup({ taken: 'online', ...keys.meta }, [{ name: PGDATA_ENTRY, data: pgdata }, ...keys.entries]);
    request.log.warn({ bytes: archive.length }, 'backup taken (it holds the database and its keys)');
    return reply.header('cache-control', 'no-store').type('application/gzip').send(archive);
  });

  return () => {
    try {
      const current = JSON.parse(readFileSync(file, 'utf8')) as Partial<BackupControl>;
      if (current.token === token) rmSync(file, { force: true });
    } catch {
      // gone already, or another process's: leave it
    }
  };
}
