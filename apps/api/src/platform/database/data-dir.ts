import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * DATA_DIR holds the embedded database (password hashes, openids, the WAL), the generated JWT secret and
 * master key, and the demo devices' secrets: it is the owner's alone. A boot failure of this kind is
 * answered with its message only (main.ts prints no stack trace for it).
 */
export class DataDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirError';
  }
}

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

function describe(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message; // (an fs error may come from another realm: no instanceof)
  return typeof message === 'string' ? message : String(error);
}

/**
 * Creates DATA_DIR 0700 if it is missing, refuses one that is not a directory or belongs to another user
 * (its owner could open it up again at any time), and tightens what is already there: directories 0700,
 * files 0600, recursively (symbolic links are left alone, never followed).
 *
 * Why not `process.umask(0o077)`: PGlite's file system (Emscripten's NODEFS) creates every file and then
 * chmods it to 0666 itself, so a umask does not reach its files, while it would change the mode of
 * everything else this process (or a test runner hosting it) creates. What protects files PGlite creates
 * later (new WAL segments, new relations) is this directory's 0700: no other user can traverse it. The
 * next boot, and `tightenDataDir` after the database is opened, bring their own modes down too.
 */
export function secureDataDir(dir: string): void {
  const path = resolve(dir);
  if (!existsSync(path)) {
    try {
      mkdirSync(path, { recursive: true, mode: DIR_MODE });
    } catch (error) {
      throw new DataDirError(`DATA_DIR ${path} cannot be created (${describe(error)}); set DATA_DIR to a directory this user may create`);
    }
  }
  const stat = statSync(path);
  if (!stat.isDirectory()) throw new DataDirError(`DATA_DIR ${path} is not a directory; set DATA_DIR to a directory (it is created if missing)`);
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) {
    throw new DataDirError(
      `DATA_DIR ${path} belongs to uid ${stat.uid}, not to this user (uid ${uid}); it holds the database and its keys, so it must be this user's own: chown it, or set DATA_DIR to another directory`,
    );
  }
  tightenDataDir(path);
}

/**
 * Directories 0700 and files 0600 under (and including) `dir`, whose own link, if it is one, is followed;
 * refuses with a DataDirError where chmod fails. A file that vanishes meanwhile (a live database's
 * temporary file) is skipped.
 */
export function tightenDataDir(dir: string): void {
  const tighten = (target: string, mode: number, current: number): void => {
    if ((current & 0o777) === mode) return;
    try {
      chmodSync(target, mode);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw new DataDirError(
        `DATA_DIR: cannot restrict ${target} to mode ${mode.toString(8)} (${describe(error)}); it must be readable by this user only: fix its owner or mode, or set DATA_DIR to another directory`,
      );
    }
  };
  const walk = (current: string, follow: boolean): void => {
    let stat;
    try {
      stat = follow ? statSync(current) : lstatSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw new DataDirError(`DATA_DIR: cannot inspect ${current} (${describe(error)}); fix its owner or mode, or set DATA_DIR to another directory`);
    }
    if (stat.isSymbolicLink()) return;
    if (!stat.isDirectory()) return tighten(current, FILE_MODE, stat.mode);
    tighten(current, DIR_MODE, stat.mode);
    let entries: string[];
    try {
      entries = readdirSync(current);
    } catch (error) {
      throw new DataDirError(`DATA_DIR: cannot list ${current} (${describe(error)}); fix its owner or mode, or set DATA_DIR to another directory`);
    }
    for (const entry of entries) walk(join(current, entry), false);
  };
  walk(resolve(dir), true);
}
