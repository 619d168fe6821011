import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { openPglite } from './embedded-pglite.js';

describe('the embedded database (PGlite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zizhu-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a new data directory apart (initdb in a worker), then opens it with the embedded settings; a restart finds the data', async () => {
    const first = await openPglite(dir);
    try {
      expect(existsSync(join(dir, 'pgdata', 'PG_VERSION'))).toBe(true);
      expect((await first.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows[0]!.shared_buffers).toBe('32MB');
      await first.exec(`CREATE TABLE kept (n int); INSERT INTO kept VALUES (42);`);
    } finally {
      await first.close();
    }
    const again = await openPglite(dir);
    try {
      expect((await again.query<{ n: number }>('SELECT n FROM kept')).rows).toEqual([{ n: 42 }]);
      expect((await again.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows[0]!.shared_buffers).toBe('32MB');
    } finally {
      await again.close();
    }
  }, 120_000);

  it('in memory: the same settings', async () => {
    const db = await openPglite(null);
    try {
      expect((await db.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows[0]!.shared_buffers).toBe('32MB');
    } finally {
      await db.close();
    }
  }, 60_000);

  it('a data directory that cannot be created is refused, naming the path', async () => {
    const file = join(dir, 'not-a-directory');
    writeFileSync(file, 'x');
    await expect(openPglite(file)).rejects.toThrow(join(file, 'pgdata'));
  }, 60_000);
});
