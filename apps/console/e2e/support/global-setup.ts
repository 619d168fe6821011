import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become ready in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * `npm start` as a user runs it (console build, simulator, API on a fresh embedded database with the demo
 * seed), on free ports, plus fleet-sim playing the demo devices. The tests read the URLs from the env.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zizhu-e2e-'));
  const [port, simPort] = [await freePort(), await freePort()];
  // alert rules evaluated every 5 s (default 60): an alert a test provokes reaches the inbox while the test waits
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), PAYSCORE_SIM_PORT: String(simPort), DATA_DIR: dataDir, LOG_LEVEL: 'warn', NX_DAEMON: 'false', ALERTS_EVALUATE_SECONDS: '5' };
  delete env['DATABASE_URL'];
  const stack = spawn(process.execPath, ['tools/start.mjs'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/health/ready`, 120_000);
  const fleet = spawn(
    process.execPath,
    ['--import', './tools/register.mjs', 'tools/fleet-sim/main.ts', '--api', baseUrl, '--heartbeat-seconds', '5', '--wait-seconds', '5', '--session-ms', '1500'],
    { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  );
  process.env['E2E_BASE_URL'] = baseUrl;
  process.env['E2E_SIM_URL'] = `http://127.0.0.1:${simPort}`;
  process.env['E2E_DATA_DIR'] = dataDir;
  writeFileSync(join(dataDir, 'e2e-pids.json'), JSON.stringify([stack.pid, fleet.pid]));
}
