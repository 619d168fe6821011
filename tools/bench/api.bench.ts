// The API's own overhead on a tenant read ("reads" section of `npm run bench`): an authenticated, RLS-scoped GET
// beside a plain Fastify hello-world, with the API's and PostgreSQL's CPU per request, the transactions per request,
// cold start to ready and idle memory, on the embedded database and on a PostgreSQL server, in one run.
//   node --import ./tools/register.mjs tools/bench/api.bench.ts
// BENCH_CPU_PROF=<dir> also writes a V8 CPU profile of each API process under load (node --cpu-prof) into <dir>.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
// @ts-expect-error a plain .mjs tool without types
import { serverBuild } from '../server-build.mjs';
import { databaseCounters, loadAverage, processCpuSeconds, rssMiB, serverDatabase, start, stop } from './support.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;
const PROFILE_DIR = process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF) : null;
/** The paths read by a franchise brand admin: the issue's row first, then two more list reads through the same helper. */
const PATHS = ['/v1/organizations', '/v1/devices?limit=20', '/v1/sessions?limit=20'] as const;

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

async function load(url: string, headers: Record<string, string> = {}, seconds = DURATION_S): Promise<Load> {
  await autocannon({ url, connections: 10, duration: 1, headers }); // warm-up
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, requests: result.requests.total };
}

export interface ReadRow {
  path: string;
  get: Load;
  /** ms of CPU per request: the API process, and the PostgreSQL backends of its database (null: embedded, or not visible). */
  apiCpuMs: number;
  dbCpuMs: number | null;
  /** transactions per request (pg_stat_database; null on the embedded database). */
  transactions: number | null;
  load: number;
}

export interface ApiFigures {
  label: string;
  coldMs: number;
  rssMiB: number;
  /** idle RSS 2 s after ready when started again on the same data (the embedded database), else null */
  restartRssMiB: number | null;
  /** the API's CPU when idle, in cores */
  idleCores: number;
  reads: ReadRow[];
}

/**
 * The API as `npm start` and the Docker image run it: the compiled server (tools/server-build.mjs), no compiler loaded;
 * `--cpu-prof` into BENCH_CPU_PROF when set.
 */
function startApi(env: Record<string, string>, profileName: string) {
  const profile = PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', join(PROFILE_DIR, profileName)] : [];
  const { dir } = serverBuild() as { dir: string };
  return start(
    [...profile, '--enable-source-maps', join(dir, 'apps/api/src/main.js')],
    { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'true', CONSOLE_DIR: resolve('apps/console/dist'), ...env },
    /ready on http:\/\/localhost:(\d+)/,
  );
}

async function measureApi(label: string, env: Record<string, string>, databaseUrl: string | null): Promise<ApiFigures> {
  const { child, port, ms } = await startApi(env, databaseUrl ? 'server' : 'embedded');
  let restartRssMiB: number | null = null;
  const db = databaseUrl ? new pg.Client({ connectionString: databaseUrl }) : null;
  try {
    await db?.connect();
    const base = `http://127.0.0.1:${port}`;
    const coldMs = ms;
    await new Promise((r) => setTimeout(r, 2000));
    const rss = rssMiB(child.pid!);
    // the API's CPU with nothing asked of it (job polling, flushes): taken off each row, so a slow row on a busy
    // machine is not charged the background work of its longer window
    const idle0 = { cpu: processCpuSeconds(child.pid!), at: performance.now() };
    await new Promise((r) => setTimeout(r, 3000));
    const idleCores = (processCpuSeconds(child.pid!) - idle0.cpu) / ((performance.now() - idle0.at) / 1000);
    const login = await fetch(`${base}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'ops@fridge.demo', password: 'zizhu-demo' }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const reads: ReadRow[] = [];
    for (const path of PATHS) {
      const headers = { authorization: `Bearer ${accessToken}` };
      await autocannon({ url: `${base}${path}`, connections: 10, duration: 1, headers }); // warm-up
      const cpu0 = processCpuSeconds(child.pid!);
      const at0 = performance.now();
      const db0 = db ? await databaseCounters(db) : null;
      const result = await autocannon({ url: `${base}${path}`, connections: CONNECTIONS, duration: path === PATHS[0] ? DURATION_S : Math.min(DURATION_S, 5), headers });
      const cpu1 = processCpuSeconds(child.pid!);
      const seconds = (performance.now() - at0) / 1000;
      const db1 = db ? await databaseCounters(db) : null;
      const n = Math.max(1, result.requests.total);
      let dbCpu: number | null = null;
      if (db0?.backendCpu != null && db1?.backendCpu != null) {
        dbCpu = 0;
        for (const [pid, cpu] of db1.pids) dbCpu += cpu - (db0.pids.get(pid) ?? 0);
      }
      reads.push({
        path,
        get: { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, requests: result.requests.total },
        apiCpuMs: ((cpu1 - cpu0 - idleCores * seconds) * 1000) / n,
        dbCpuMs: dbCpu === null ? null : (dbCpu * 1000) / n,
        // the bench's own two counter reads are transactions too
        transactions: db0 && db1 ? (db1.transactions - db0.transactions - 2) / n : null,
        load: loadAverage(),
      });
    }
    if (!databaseUrl) {
      // every later start of a laptop's API: the same data directory, migrated and seeded
      await stop(child);
      const again = await startApi(env, 'embedded-restart');
      try {
        await new Promise((r) => setTimeout(r, 2000));
        restartRssMiB = rssMiB(again.child.pid!);
      } finally {
        await stop(again.child);
      }
    }
    return { label, coldMs, rssMiB: rss, restartRssMiB, idleCores, reads };
  } finally {
    await db?.end().catch(() => undefined);
    await stop(child);
  }
}

export interface ApiBenchResult {
  markdown: string;
  plainRps: number;
  /** the issue's row: GET /v1/organizations on the PostgreSQL server (null when none answered) */
  server: ReadRow | null;
  embedded: ApiFigures | null;
}

export async function measureApiBench(): Promise<ApiBenchResult> {
  const hello = await start(['tools/bench/hello-fastify.mjs'], {}, /listening (\d+)/);
  let plain: Load;
  let plainCpuMs: number;
  try {
    const cpu0 = processCpuSeconds(hello.child.pid!);
    plain = await load(`http://127.0.0.1:${hello.port}/`);
    plainCpuMs = ((processCpuSeconds(hello.child.pid!) - cpu0) * 1000) / Math.max(1, plain.requests);
  } finally {
    await stop(hello.child);
  }
  const plainLoad = loadAverage();
  const rows: ApiFigures[] = [];
  if (process.env.BENCH_READS_EMBEDDED !== 'false') {
    const dataDir = mkdtempSync(join(tmpdir(), 'zizhu-bench-'));
    try {
      rows.push(await measureApi('embedded PostgreSQL (PGlite)', { DATA_DIR: dataDir }, null));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const server = await serverDatabase('zizhu_bench_');
  if (server) {
    try {
      rows.push(await measureApi('PostgreSQL server', { DATABASE_URL: server.url, JWT_SECRET: randomBytes(32).toString('hex'), MASTER_KEY: randomBytes(32).toString('hex') }, server.url));
    } finally {
      await server.drop();
    }
  }
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const ms = (n: number | null) => (n === null ? '–' : n.toFixed(3));
  const lines = [
    '## API: authenticated tenant-scoped reads vs plain Fastify',
    '',
    `autocannon, ${CONNECTIONS} connections, ${DURATION_S} s for \`GET /v1/organizations\` (${Math.min(DURATION_S, 5)} s for the other reads) after a 1 s warm-up, client and server on the same 2-core machine, as a franchise brand admin. ` +
      'Each read is a JWT check (a verified token is remembered until it expires) and one tenant read: the tenant entry (which also checks the token was not revoked) and the RLS-filtered queries sent to the database as one pipeline, one round trip. ' +
      'CPU per request from /proc/<pid>/stat (utime + stime) over the measured window: the API process (less its idle CPU, measured over 3 s before the rows), and the PostgreSQL server backends of the bench database; transactions per request from pg_stat_database. ' +
      'The API runs as `npm start` and the Docker image run it: the compiled server (`tools/server-build.mjs`), no compiler loaded; the embedded database with its default shared buffers (32 MB). ' +
      'Idle RSS is read from /proc 2 s after ready: on the embedded database on its first start (initdb, migrations, demo seed) and, after the rows, started again on the same data directory. Load: the 1-minute load average at the end of each row (the machine is shared).',
    '',
    '| target | req/s | vs plain | p50 ms | p99 ms | errors | API CPU ms/req | PostgreSQL CPU ms/req | transactions/req | load | cold start → ready | idle RSS |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| plain Fastify hello-world | ${fmt(plain.rps)} | 100% | ${plain.p50} | ${plain.p99} | ${plain.errors} | ${ms(plainCpuMs)} | | | ${plainLoad.toFixed(1)} | | |`,
    ...rows.flatMap((r) =>
      r.reads.map(
        (read, i) =>
          `| API, ${r.label}, \`GET ${read.path}\` | ${fmt(read.get.rps)} | ${((100 * read.get.rps) / plain.rps).toFixed(1)}% | ${read.get.p50} | ${read.get.p99} | ${read.get.errors} | ${ms(read.apiCpuMs)} | ${ms(read.dbCpuMs)} | ${read.transactions === null ? '–' : read.transactions.toFixed(2)} | ${read.load.toFixed(1)} | ${i === 0 ? `${(r.coldMs / 1000).toFixed(1)} s` : ''} | ${i === 0 ? `${r.rssMiB} MiB${r.restartRssMiB === null ? '' : `; restart ${r.restartRssMiB} MiB`}` : ''} |`,
      ),
    ),
  ];
  lines.push('', `API idle CPU: ${rows.map((r) => `${r.label} ${(100 * r.idleCores).toFixed(1)}% of a core`).join(', ')}.`);
  if (!server) lines.push('', 'No PostgreSQL server was reachable: the server rows are missing.');
  if (PROFILE_DIR) process.stderr.write(`CPU profiles of the API processes under load: ${PROFILE_DIR} (tools/bench/profile-summary.ts sums them up)\n`);
  const serverRows = rows.find((r) => r.label === 'PostgreSQL server');
  return {
    markdown: lines.join('\n'),
    plainRps: plain.rps,
    server: serverRows?.reads[0] ?? null,
    embedded: rows.find((r) => r.label !== 'PostgreSQL server') ?? null,
  };
}

export async function runApiBench(): Promise<string> {
  return (await measureApiBench()).markdown;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) process.stdout.write(`${await runApiBench()}\n`);
