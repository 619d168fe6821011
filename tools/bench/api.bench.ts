// The API's own overhead: an authenticated, RLS-scoped GET beside a plain Fastify hello-world, cold start
// to ready and idle memory, on the embedded database and on a PostgreSQL server, in one run.
//   node --import ./tools/register.mjs tools/bench/api.bench.ts
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { rssMiB, serverDatabase, start, stop } from './support.js';

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
  const server = await serverDatabase('zizhu_bench_');
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
