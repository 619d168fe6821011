// Cold start → ready of the API, compiled (`npm run build` first: dist/) vs sources through swc at load time
// (tools/register.mjs), and SIGTERM → exit. Each start is a new process on an already migrated and seeded
// database (the first start of each database, which migrates and seeds, is reported apart).
//   node tools/bench/cold-start.mjs                       embedded (a temporary DATA_DIR)
//   DATABASE_URL=postgres://…/<db> node tools/bench/cold-start.mjs   a server database (JWT_SECRET/MASTER_KEY generated)
// "ready": the process printed its ready line (it listens); then GET /health/ready answers 200.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const runs = Number(process.env.RUNS ?? 5);
const port = 3900 + Math.floor(Math.random() * 90);
const server = process.env.DATABASE_URL;
const dataDir = server ? null : mkdtempSync(join(tmpdir(), 'zizhu-cold-start-'));
const env = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  PORT: String(port),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'error',
  ...(server ? { DATABASE_URL: server, JWT_SECRET: randomBytes(32).toString('hex'), MASTER_KEY: randomBytes(32).toString('hex') } : { DATA_DIR: dataDir }),
};
const variants = {
  compiled: ['--enable-source-maps', 'dist/apps/api/src/main.js'],
  sources: ['--import', './tools/register.mjs', 'apps/api/src/main.ts'],
};

async function once(args) {
  const began = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (c) => {
      out += c;
      if (out.includes('zizhu API ready on')) resolve();
    });
    child.stderr.on('data', (c) => (out += c));
    child.once('exit', (code) => reject(new Error(`exited ${code} before ready:\n${out.slice(-2000)}`)));
  });
  const listening = performance.now() - began;
  const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
  if (response.status !== 200) throw new Error(`/health/ready answered ${response.status}`);
  const ready = performance.now() - began;
  const stopping = performance.now();
  child.kill('SIGTERM');
  const code = await exited;
  return { listening, ready, stop: performance.now() - stopping, code };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

try {
  const first = await once(variants.compiled);
  console.log(`first start (migrates and seeds the ${server ? 'server' : 'embedded'} database), compiled: ready in ${fmt(first.ready)}`);
  const results = {};
  for (let i = 0; i < runs; i++) {
    for (const [name, args] of Object.entries(variants)) (results[name] ??= []).push(await once(args));
  }
  console.log(`\n| ${server ? 'server' : 'embedded'} database, ${runs} starts each | cold start → ready (median) | min – max | SIGTERM → exit (median) |`);
  console.log('|---|---|---|---|');
  for (const [name, list] of Object.entries(results)) {
    const ready = list.map((r) => r.ready);
    console.log(`| ${name === 'compiled' ? '`node dist/apps/api/src/main.js`' : '`node --import ./tools/register.mjs apps/api/src/main.ts`'} | ${fmt(median(ready))} | ${fmt(Math.min(...ready))} – ${fmt(Math.max(...ready))} | ${fmt(median(list.map((r) => r.stop)))} |`);
    const bad = list.filter((r) => r.code !== 0);
    if (bad.length) console.log(`  (${bad.length} exits with a non-zero code)`);
  }
} finally {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
