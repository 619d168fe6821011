// The API's own overhead: an authenticated, RLS-scoped GET beside a plain Fastify hello-world, cold start
// to ready and idle memory, on the embedded database and on a PostgreSQL server, in one run.
//   node --import ./tools/register.mjs tools/bench/api.bench.ts
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';

const root = new URL('../../', import.meta.url).pathname;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, headers: Record<string, string> = {}): Promise<Load> {
  await autocannon({ url, connections: 10, duration: 1, headers }); // warm-up
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; port: number; ms: number }> {
  const began = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`did not start within 90 s: ${out.slice(-500)}`)), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = ready.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]), ms: performance.now() - began });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out.slice(-500)}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
}

async function measureApi(label: string, env: Record<string, string>): Promise<{ label: string; coldMs: number; rssMiB: number; get: Load }> {
  const { child, port, ms } = await start(['--import', './tools/register.mjs', 'apps/api/src/main.ts'], { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'true', ...env }, /ready on http:\/\/localhost:(\d+)/);
  try {
    const base = `http://127.0.0.1:${port}`;
    const coldMs = ms;
    await new Promise((r) => setTimeout(r, 2000));
    const rss = rssMiB(child.pid!);
    const login = await fetch(`${base}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'ops@fridge.demo', password: 'zizhu-demo' }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const get = await load(`${base}/v1/organizations`, { authorization: `Bearer ${accessToken}` });
    return { label, coldMs, rssMiB: rss, get };
  } finally {
    await stop(child);
  }
}

async function serverDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `zizhu_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function runApiBench(): Promise<string> {
  const hello = await start(['tools/bench/hello-fastify.mjs'], {}, /listening (\d+)/);
  let plain: Load;
  try {
    plain = await load(`http://127.0.0.1:${hello.port}/`);
  } finally {
    await stop(hello.child);
  }
  const rows: Awaited<ReturnType<typeof measureApi>>[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'zizhu-bench-'));
  try {
    rows.push(await measureApi('embedded PostgreSQL (PGlite)', { DATA_DIR: dataDir }));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const server = await serverDatabase();
  if (server) {
    try {
      rows.push(await measureApi('PostgreSQL server', { DATABASE_URL: server.url, JWT_SECRET: randomBytes(32).toString('hex'), MASTER_KEY: randomBytes(32).toString('hex') }));
    } finally {
      await server.drop();
    }
  }
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const lines = [
    '## API: authenticated tenant-scoped GET vs plain Fastify',
    '',
    `autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per row after a 1 s warm-up, client and server on the same 2-core machine. ` +
      'The GET is `GET /v1/organizations` as a franchise brand admin: JWT check, one transaction (BEGIN, `zizhu_enter_tenant`, an RLS-filtered SELECT, COMMIT: four round trips). Idle RSS is read from /proc 2 s after ready.',
    '',
    '| target | req/s | vs plain | p50 ms | p99 ms | errors | cold start → ready | idle RSS |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    `| plain Fastify hello-world | ${fmt(plain.rps)} | 100% | ${plain.p50} | ${plain.p99} | ${plain.errors} | | |`,
    ...rows.map(
      (r) =>
        `| API, ${r.label} | ${fmt(r.get.rps)} | ${((100 * r.get.rps) / plain.rps).toFixed(1)}% | ${r.get.p50} | ${r.get.p99} | ${r.get.errors} | ${(r.coldMs / 1000).toFixed(1)} s | ${r.rssMiB} MiB |`,
    ),
  ];
  if (!server) lines.push('', 'No PostgreSQL server was reachable: the server row is missing.');
  return lines.join('\n');
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) process.stdout.write(`${await runApiBench()}\n`);
