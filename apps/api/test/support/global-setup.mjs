import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Once per jest run of the API's tests on the embedded database: one in-memory database migrated and dumped, which
 * every app a test starts in memory then loads (test-app.ts) — about a second, where initdb and every migration take
 * five to eight per app. Each app still runs the migrations (none left to apply) and gets a database of its own.
 * On the PostgreSQL server (DATABASE_URL) every test creates its database as before.
 */
export default async function globalSetup() {
  if (process.env.DATABASE_URL || process.env.ZIZHU_TEST_PGLITE_TEMPLATE) return;
  const root = resolve(import.meta.dirname, '../../../..');
  const dir = mkdtempSync(join(tmpdir(), 'zizhu-pglite-template-'));
  const file = join(dir, 'migrated.tar');
  const made = spawnSync(process.execPath, ['--import', './tools/register.mjs', 'apps/api/test/support/pglite-template.ts', file], { cwd: root, stdio: 'inherit' });
  if (made.status !== 0) throw new Error(`making the migrated embedded database for the tests failed (exit ${made.status})`);
  process.env.ZIZHU_TEST_PGLITE_TEMPLATE = file;
  globalThis.__zizhuPgliteTemplateDir = dir;
}
