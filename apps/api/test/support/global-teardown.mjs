import { rmSync } from 'node:fs';

/** Removes the run's migrated copy of the embedded database (global-setup.mjs). */
export default async function globalTeardown() {
  const dir = globalThis.__zizhuPgliteTemplateDir;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
