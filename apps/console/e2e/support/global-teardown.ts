import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Stops the stack and fleet-sim (their whole process groups) and removes the temporary data directory. */
export default async function globalTeardown(): Promise<void> {
  const dataDir = process.env['E2E_DATA_DIR'];
  if (!dataDir) return;
  const pids = JSON.parse(readFileSync(join(dataDir, 'e2e-pids.json'), 'utf8')) as number[];
  for (const pid of pids.reverse()) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await new Promise((r) => setTimeout(r, 1500));
  rmSync(dataDir, { recursive: true, force: true });
}
