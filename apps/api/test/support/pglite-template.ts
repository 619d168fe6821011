import { writeFileSync } from 'node:fs';
import { openDatabase } from '../../src/platform/database/database.js';

/**
 * `node --import ./tools/register.mjs apps/api/test/support/pglite-template.ts <file>`: a new in-memory embedded
 * database with every migration applied, dumped (PGlite's dumpDataDir) to <file>. global-setup.mjs makes one per run.
 */
const file = process.argv[2];
if (!file) throw new Error('usage: pglite-template.ts <file>');
const db = await openDatabase({ kind: 'embedded', dataDir: null });
try {
  writeFileSync(file, await db.dumpDataDir!());
} finally {
  await db.close();
}
