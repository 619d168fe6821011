import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { parseConfig } from '../../config/app-config.js';
import { openPglite } from './embedded-pglite.js';

const sharedBuffers = async (db: Awaited<ReturnType<typeof openPglite>>) => (await db.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows[0]!.shared_buffers;

describe('the embedded database (PGlite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zizhu-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a new data directory apart (initdb in a worker), then opens it; a restart finds the data, with EMBEDDED_SHARED_BUFFERS_MB applied', async () => {
    const first = await openPglite(dir);
    try {
      expect(existsSync(join(dir, 'pgdata', 'PG_VERSION'))).toBe(true);
      await first.exec(`CREATE TABLE kept (n int); INSERT INTO kept VALUES (42);`);
    } finally {
      await first.close();
    }
    const again = await openPglite(dir, 32);
    try {
      expect((await again.query<{ n: number }>('SELECT n FROM kept')).rows).toEqual([{ n: 42 }]);
      expect(await sharedBuffers(again)).toBe('32MB');
    } finally {
      await again.close();
    }
  }, 120_000);

  it('in memory: PGlite’s own shared buffers unless set', async () => {
    const db = await openPglite(null);
    try {
      expect(await sharedBuffers(db)).not.toBe('32MB');
    } finally {
      await db.close();
    }
    const set = await openPglite(null, 48);
    try {
      expect(await sharedBuffers(set)).toBe('48MB');
    } finally {
      await set.close();
    }
  }, 120_000);

  it('EMBEDDED_SHARED_BUFFERS_MB: 32 unless set, whole MB from 16, refused otherwise naming the variable', () => {
    expect(parseConfig({ DATA_DIR: '/tmp/x' }).database).toEqual({ kind: 'embedded', dataDir: '/tmp/x', sharedBuffersMb: 32 });
    expect(parseConfig({ DATA_DIR: '/tmp/x', EMBEDDED_SHARED_BUFFERS_MB: '128' }).database).toEqual({ kind: 'embedded', dataDir: '/tmp/x', sharedBuffersMb: 128 });
    expect(parseConfig({ DATA_DIR: '/tmp/x', EMBEDDED_SHARED_BUFFERS_MB: '32' }).database).toEqual({ kind: 'embedded', dataDir: '/tmp/x', sharedBuffersMb: 32 });
    expect(() => parseConfig({ EMBEDDED_SHARED_BUFFERS_MB: '8' })).toThrow(/EMBEDDED_SHARED_BUFFERS_MB/);
    expect(() => parseConfig({ EMBEDDED_SHARED_BUFFERS_MB: 'lots' })).toThrow(/EMBEDDED_SHARED_BUFFERS_MB/);
  });

  it('a data directory that cannot be created is refused, naming the path', async () => {
    const file = join(dir, 'not-a-directory');
    writeFileSync(file, 'x');
    await expect(openPglite(file)).rejects.toThrow(join(file, 'pgdata'));
  }, 60_000);
});
