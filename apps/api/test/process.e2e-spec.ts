import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from '@jest/globals';

const root = new URL('../../../', import.meta.url).pathname;

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** Log lines at error level or above (pino: 50 error, 60 fatal), and anything that looks like a stack trace. */
function errorsIn(output: string): string[] {
  return output.split('\n').filter((line) => /"level":(5\d|6\d)\b/.test(line) || /^\s+at .+:\d+:\d+\)?$/.test(line) || /\\n\s+at /.test(line));
}

function runApi(env: Record<string, string>, entry = 'apps/api/src/main.ts') {
  const child = spawn(process.execPath, ['--import', './tools/register.mjs', entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /ready on http:\/\/localhost:(\d+)/.exec(stdout);
      if (match) {
        clearInterval(timer);
        resolve(Number(match[1]));
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`exited ${child.exitCode}: ${stderr}`));
      }
    }, 50);
  });
  ready.catch(() => undefined); // a test that expects the process to fail never awaits it
  return { child, ready, exited, output: () => ({ stdout, stderr }) };
}

/** The real process, as `npm start` runs it: boot on the laptop defaults, answer, shut down cleanly. */
describe('the API process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zizhu-proc-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('boots on an empty DATA_DIR, prints the demo logins, answers ready, and stops cleanly on SIGTERM', async () => {
    const api = runApi({ DATA_DIR: dataDir });
    try {
      const port = await api.ready;
      expect(api.output().stdout).toContain('ops@fridge.demo');
      expect(errorsIn(api.output().stdout + api.output().stderr)).toEqual([]);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(200);
      expect(existsSync(join(dataDir, 'zizhu.pid'))).toBe(true);
    } finally {
      api.child.kill('SIGTERM');
    }
    expect(await api.exited).toBe(0);
    expect(existsSync(join(dataDir, 'zizhu.pid'))).toBe(false); // the lock is released on the way out
  });

  it('`npm start` (tools/start.mjs: the simulator and the API) starts clean on an empty DATA_DIR: no error, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zizhu-start-'));
    const simPort = await freePort();
    const api = runApi({ DATA_DIR: join(dir, 'data'), PAYSCORE_SIM_PORT: String(simPort) }, 'tools/start.mjs');
    try {
      const port = await api.ready;
      expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);
      await sleep(3_000); // the merchant registration with the simulator and the reconciler's next ticks
      const { stdout, stderr } = api.output();
      expect(stdout).toContain('payscore-sim listening');
      expect(errorsIn(stdout + stderr)).toEqual([]); // was: "periodic enqueue failed" JOBS_NOT_STARTED with its stack
    } finally {
      api.child.kill('SIGTERM');
      await api.exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start on a DATA_DIR it cannot make its own, with one line saying why and no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zizhu-badir-'));
    try {
      writeFileSync(join(dir, 'file'), '');
      const api = runApi({ DATA_DIR: join(dir, 'file') });
      expect(await api.exited).toBe(1);
      const { stdout, stderr } = api.output();
      expect(stderr.trim()).toMatch(/^zizhu API cannot start: DATA_DIR \S+ is not a directory; set DATA_DIR to a directory \(it is created if missing\)$/);
      expect(errorsIn(stdout + stderr)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to boot on a bad environment, listing every invalid variable', async () => {
    const api = runApi({ PORT: 'eighty', SEED_DEMO: 'maybe', DATABASE_URL: 'mysql://nope' });
    expect(await api.exited).toBe(78);
    const { stderr } = api.output();
    expect(stderr).toContain('PORT:');
    expect(stderr).toContain('SEED_DEMO: must be true or false');
    expect(stderr).toContain('DATABASE_URL: must be a postgres:// URL');
  });
});
