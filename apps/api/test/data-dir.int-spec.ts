// Issue 10 item 3: the embedded database's DATA_DIR (WAL with password hashes and openids, pg_authid,
// the generated keys) is the owner's alone. Real directories under the system temp dir, real PGlite.
import { chmodSync, chownSync, existsSync, lstatSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { openDatabase } from '../src/platform/database/database.js';
import { DataDirError } from '../src/platform/database/data-dir.js';

/** Every path under (and including) dir whose mode lets anyone but the owner in, with that mode. */
function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const walk = (path: string): void => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) found.push(`${(stat.mode & 0o777).toString(8)} ${path}`);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  walk(dir);
  return found;
}

/** Opens every directory 0755 and every file 0666, as PGlite and a 022 umask left them before the fix. */
function loosen(dir: string): void {
  const walk = (path: string): void => {
    const stat = lstatSync(path);
    if (stat.isDirectory()) {
      chmodSync(path, 0o755);
      for (const entry of readdirSync(path)) walk(join(path, entry));
    } else if (stat.isFile()) chmodSync(path, 0o666);
  };
  walk(dir);
}

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

describe('DATA_DIR is the owner’s alone (embedded database)', () => {
  const parent = mkdtempSync(join(tmpdir(), 'zizhu-datadir-'));
  chmodSync(parent, 0o755);
  const dataDir = join(parent, 'data');
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('a new DATA_DIR is created 0700, and after the first boot every directory under it is 0700 and every file 0600', async () => {
    const db = await openDatabase({ kind: 'embedded', dataDir });
    try {
      expect(modeOf(dataDir)).toBe('700');
      expect(existsSync(join(dataDir, 'pgdata', 'global', 'pg_control'))).toBe(true);
      expect(openToOthers(dataDir)).toEqual([]); // was: DATA_DIR 755, pgdata's directories 755 and ~970 files 666
      await db.dataSource.query('RESET ROLE'); // (PGlite's superuser, for this probe table only)
      await db.dataSource.query('CREATE TABLE public.probe (x int)');
      await db.dataSource.query('INSERT INTO public.probe VALUES (42)');
    } finally {
      await db.close();
    }
  });

  it('an existing DATA_DIR left 0755 with 0666 files (and a 0644 key beside it) is tightened at boot, its data intact', async () => {
    writeFileSync(join(dataDir, 'jwt-secret'), 'x'.repeat(43), { mode: 0o644 });
    loosen(dataDir);
    expect(openToOthers(dataDir).length).toBeGreaterThan(900);
    const db = await openDatabase({ kind: 'embedded', dataDir });
    try {
      expect(openToOthers(dataDir)).toEqual([]);
      expect(modeOf(join(dataDir, 'jwt-secret'))).toBe('600');
      await db.dataSource.query('RESET ROLE');
      expect(await db.dataSource.query('SELECT x FROM public.probe')).toEqual([{ x: 42 }]);
    } finally {
      await db.close();
    }
  });

  it('refuses, with a message saying what to do and without touching it, a DATA_DIR that belongs to another user', async () => {
    // as root (CI) a directory of its own handed to nobody; otherwise the temp dir's parent, which is root's
    const isRoot = process.getuid?.() === 0;
    const foreign = isRoot ? mkdtempSync(join(parent, 'foreign-')) : tmpdir();
    if (isRoot) {
      chmodSync(foreign, 0o755);
      chownSync(foreign, 65534, 65534);
    }
    const before = modeOf(foreign);
    const error = await openDatabase({ kind: 'embedded', dataDir: foreign }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirError);
    expect((error as Error).message).toMatch(/^DATA_DIR .+ belongs to uid \d+, not to this user \(uid \d+\).*chown it, or set DATA_DIR to another directory$/);
    expect(modeOf(foreign)).toBe(before);
    expect(existsSync(join(foreign, 'zizhu.pid'))).toBe(false);
  });

  it('refuses a DATA_DIR that is a file', async () => {
    const file = join(parent, 'not-a-dir');
    writeFileSync(file, '');
    const error = await openDatabase({ kind: 'embedded', dataDir: file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirError);
    expect((error as Error).message).toMatch(/is not a directory/);
    const nested = await openDatabase({ kind: 'embedded', dataDir: join(file, 'data') }).catch((e: unknown) => e);
    expect(nested).toBeInstanceOf(DataDirError);
    expect((nested as Error).message).toMatch(/cannot be created \(ENOTDIR/);
  });
});
