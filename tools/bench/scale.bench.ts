// Growth, proven (issue 15): one and then two API processes on the same PostgreSQL server, each saturated with signed
// heartbeats and with complete session lifecycles; the CPU per request of the API processes and of the server's
// backends, what each table grows by per lifecycle and per heartbeat, and from those measured figures the processes
// and the database a fleet of 100k, 1M and 10M devices needs. Loopback only, about four minutes.
//   node --import ./tools/register.mjs tools/bench/scale.bench.ts     (or `npm run bench -- scale`)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { procCpu, signedHeartbeats } from './heartbeat-profile.js';
import { BackendCpu, measureLoop, type Row as LoopRow } from './loop.bench.js';
import { serverDatabase, start, stop } from './support.js';
import { api, login, provisionDevices } from '../fleet-sim/provision.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;
const DEVICES = 5000;
/** Closed-loop users per API-process count: enough to keep every process busy. */
const LOOP_USERS = (process.env.BENCH_SCALE_USERS ?? '16').split(',').map(Number);
/** The sizing's assumptions (named in the report): a heartbeat a minute, sessions per device per day, the evening peak over the day's mean. */
const HEARTBEAT_SECONDS = 60;
const SESSIONS_PER_DEVICE_DAY = Number(process.env.BENCH_SESSIONS_PER_DEVICE_DAY ?? 3);
const PEAK_FACTOR = 4;
/** A process is planned at this share of its core (a single-threaded Node process), the rest is headroom for bursts and GC. */
const CORE_BUDGET = 0.6;
const TELEMETRY_SAMPLE_SECONDS = 300; // FLEET_TELEMETRY_SAMPLE_SECONDS' default
const TELEMETRY_RETENTION_DAYS = 90; // TELEMETRY_RETENTION_DAYS' default
const FLEETS = [100_000, 1_000_000, 10_000_000] as const;

interface HeartbeatRow {
  processes: number;
  rps: number;
  p99: number;
  errors: number;
  apiCpuUs: number;
  pgCpuUs: number | null;
  load: number;
}

/** Starts `processes` API processes on one fresh server database, the first seeding the demo. */
async function startApis(processes: number, url: string, dir: string, env: Record<string, string> = {}) {
  const common = { HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', SEED_DEMO: 'true', DATABASE_URL: url, JWT_SECRET: randomBytes(32).toString('hex'), MASTER_KEY: randomBytes(32).toString('hex'), ...env };
  const children: Awaited<ReturnType<typeof start>>[] = [];
  for (let i = 0; i < processes; i += 1) {
    children.push(await start(['--import', './tools/register.mjs', 'apps/api/src/main.ts'], { ...common, DATA_DIR: join(dir, `process-${i}`) }, /ready on http:\/\/localhost:(\d+)/));
  }
  return children;
}

async function heartbeatsWith(processes: number): Promise<HeartbeatRow> {
  const server = await serverDatabase('zizhu_scale_bench_');
  if (!server) throw new Error('no PostgreSQL server');
  const dir = mkdtempSync(join(tmpdir(), 'zizhu-scale-bench-'));
  const apis = await startApis(processes, server.url, dir).catch(async (error: unknown) => {
    await server.drop();
    throw error;
  });
  try {
    const bases = apis.map((a) => `http://127.0.0.1:${a.port}`);
    const token = await login(bases[0]!, 'ops@powerbank.demo');
    const cabinet = await api<{ siteId: string }>(bases[0]!, token, 'GET', '/v1/devices/by-code/PB-0001');
    const devices = await provisionDevices(bases[0]!, token, 'POWERBANK_CABINET', cabinet.siteId, DEVICES);
    // device k heartbeats to process k mod N, as a load balancer hashing on the device would send it
    const shares = bases.map((_, i) => devices.filter((_d, k) => k % processes === i));
    const connections = Math.ceil(CONNECTIONS / processes);
    await Promise.all(bases.map((b, i) => signedHeartbeats(b, shares[i]!, { amount: 2 * shares[i]!.length, connections })));
    await new Promise((r) => setTimeout(r, 1500));
    const backends = await BackendCpu.open(server.url);
    try {
      const cpu = () => apis.reduce((sum, a) => sum + procCpu(a.child.pid!), 0);
      const api0 = cpu();
      const pg0 = await backends.read();
      const results = await Promise.all(bases.map((b, i) => signedHeartbeats(b, shares[i]!, { duration: DURATION_S, connections })));
      const api1 = cpu();
      const pg1 = await backends.read();
      const total = results.reduce((n, r) => n + r.requests.total, 0);
      let pgCpu: number | null = null;
      if (pg0 && pg1) {
        pgCpu = 0;
        for (const [pid, seconds] of pg1) pgCpu += seconds - (pg0.get(pid) ?? 0);
      }
      return {
        processes,
        rps: results.reduce((n, r) => n + r.requests.average, 0),
        p99: Math.max(...results.map((r) => r.latency.p99)),
        errors: results.reduce((n, r) => n + r.errors + r.non2xx, 0),
        apiCpuUs: ((api1 - api0) * 1e6) / total,
        pgCpuUs: pgCpu === null ? null : (pgCpu * 1e6) / total,
        load: loadavg()[0]!,
      };
    } finally {
      await backends.close();
    }
  } finally {
    for (const a of apis) await stop(a.child);
    await server.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface TableGrowth {
  table: string;
  rows: number;
  /** What one row costs once the table is big: its average stored size (pg_column_size) + 28 bytes of tuple header and line pointer + about 32 bytes per index entry. */
  bytesPerRow: number;
}

/** Tables whose rows are deleted within minutes or days (not part of what the database keeps). */
const TRANSIENT = new Set(['device_nonces', 'idempotency_keys']);

/**
 * Every table's rows and per-row size. The per-row size is estimated from the rows' own stored size and the table's
 * index count, not from pg_total_relation_size, which on a table of a few hundred rows is mostly empty pages.
 */
async function tableSizes(url: string): Promise<TableGrowth[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('ANALYZE');
    const { rows } = await client.query<{ table: string; indexes: string }>(
      `SELECT c.relname AS table, (SELECT count(*) FROM pg_index i WHERE i.indrelid = c.oid) AS indexes
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = 'public'`,
    );
    const out: TableGrowth[] = [];
    for (const r of rows) {
      const [{ n, avg }] = (await client.query<{ n: string; avg: string | null }>(`SELECT count(*) AS n, avg(pg_column_size(t.*)) AS avg FROM "${r.table}" t`)).rows as [
        { n: string; avg: string | null },
      ];
      out.push({ table: r.table, rows: Number(n), bytesPerRow: Number(avg ?? 0) + 28 + 32 * Number(r.indexes) });
    }
    return out;
  } finally {
    await client.end();
  }
}

interface LoopResult {
  processes: number;
  rows: LoopRow[];
  sessions: number;
  growth: TableGrowth[];
  baseline: TableGrowth[];
}

async function lifecyclesWith(processes: number): Promise<LoopResult> {
  const server = await serverDatabase('zizhu_scale_bench_');
  if (!server) throw new Error('no PostgreSQL server');
  const dir = mkdtempSync(join(tmpdir(), 'zizhu-scale-bench-'));
  try {
    let baseline: TableGrowth[] = [];
    const rows = await measureLoop(
      `PostgreSQL server, ${processes} API process${processes > 1 ? 'es' : ''}`,
      { DATA_DIR: dir, DATABASE_URL: server.url, JWT_SECRET: randomBytes(32).toString('hex'), MASTER_KEY: randomBytes(32).toString('hex') },
      server.url,
      { processes, levels: LOOP_USERS.map((u) => u * processes), beforeLoad: async () => void (baseline = await tableSizes(server.url)) },
    );
    const growth = await tableSizes(server.url);
    const sessions = growth.find((t) => t.table === 'service_sessions')!.rows - (baseline.find((t) => t.table === 'service_sessions')?.rows ?? 0);
    return { processes, rows, sessions, growth, baseline };
  } finally {
    await server.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const one = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const gib = (bytes: number) => (bytes >= 1024 ** 4 ? `${(bytes / 1024 ** 4).toFixed(1)} TiB` : bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GiB` : `${(bytes / 1024 ** 2).toFixed(0)} MiB`);

export async function runScaleBench(): Promise<string> {
  if (!(await serverDatabase('zizhu_scale_probe_').then(async (s) => (s ? (await s.drop(), true) : false)))) {
    return '## Growth: one and two API processes on the PostgreSQL server\n\nNo PostgreSQL server was reachable: nothing measured.';
  }
  const began = performance.now();
  const heartbeats: HeartbeatRow[] = [];
  const loops: LoopResult[] = [];
  for (const processes of [1, 2]) {
    heartbeats.push(await heartbeatsWith(processes));
    loops.push(await lifecyclesWith(processes));
  }
  const best = (l: LoopResult) => l.rows.reduce((a, b) => (b.done / b.seconds > a.done / a.seconds ? b : a));
  const perLifecycleMs = (cpu: number | null, r: LoopRow) => (cpu === null || r.done === 0 ? NaN : (1000 * cpu) / r.done);

  const lines = [
    '## Growth: one and two API processes on the PostgreSQL server',
    '',
    `The same PostgreSQL server, a fresh database per run; the API as 1 and then 2 processes (the first seeds the demo). Heartbeats: ${fmt(DEVICES)} signed devices, ` +
      `device k sent to process k mod N (as a load balancer hashing on the device would), ${CONNECTIONS} connections in all, ${DURATION_S} s after a warm-up. ` +
      `Lifecycles: the core loop of the section above, ${LOOP_USERS.join(', ')} users per process, end users taking the processes in turn, each device polling its own process, ` +
      'WeChat’s callbacks to the process that created the order. CPU per request from /proc (the API processes summed; PostgreSQL: the backends connected to the bench database). ' +
      `The load generator, the fleet, the simulator and PostgreSQL share the same ${cpus().length} cores, so req/s stops growing with processes long before the server would: ` +
      'the CPU per request is the figure that carries to a bigger machine.',
    '',
    '| | API processes | req or lifecycles/s | p99 / p50 ms | errors or failed | API CPU per request | PostgreSQL CPU per request | DB transactions per request | load average |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...heartbeats.map(
      (h) =>
        `| signed heartbeats, saturated | ${h.processes} | ${fmt(h.rps)} | p99 ${h.p99} | ${h.errors} | ${fmt(h.apiCpuUs)} µs | ${h.pgCpuUs === null ? '–' : `${fmt(h.pgCpuUs)} µs`} | | ${h.load.toFixed(1)} |`,
    ),
    ...loops.flatMap((l) =>
      l.rows.map((r) => {
        const p50 = r.latencies[Math.floor(r.latencies.length / 2)] ?? NaN;
        return `| complete lifecycles, ${r.users} users | ${l.processes} | ${one(r.done / r.seconds)} | p50 ${fmt(p50)} | ${r.failed} | ${one(perLifecycleMs(r.apiCpu, r))} ms | ${one(perLifecycleMs(r.pgCpu, r))} ms | ${r.transactionsPerLifecycle === null ? '–' : r.transactionsPerLifecycle.toFixed(0)} | ${loadavg()[0]!.toFixed(1)} |`;
      }),
    ),
  ];

  // what one lifecycle and one heartbeat leave in the database
  const last = loops[loops.length - 1]!;
  const perSession = last.growth
    .map((t) => {
      const before = last.baseline.find((b) => b.table === t.table);
      return { table: t.table, rows: t.rows - (before?.rows ?? 0), bytesPerRow: t.bytesPerRow };
    })
    .filter((t) => t.rows > 0 && !TRANSIENT.has(t.table))
    .sort((a, b) => b.rows * b.bytesPerRow - a.rows * a.bytesPerRow);
  const sessions = Math.max(1, last.sessions);
  const telemetry = last.growth.find((t) => t.table === 'device_telemetry');
  const telemetryRowBytes = telemetry && telemetry.rows > 0 ? telemetry.bytesPerRow : NaN;
  const sessionBytes = perSession.filter((t) => t.table !== 'device_telemetry').reduce((sum, t) => sum + (t.rows / sessions) * t.bytesPerRow, 0);
  lines.push(
    '',
    `### What the database keeps per lifecycle (${fmt(sessions)} lifecycles of the last run; a row’s bytes: its stored size + 28 bytes of header + about 32 per index entry; nonces and idempotency keys are purged and left out)`,
    '',
    '| table | rows per lifecycle | bytes per row | bytes per lifecycle |',
    '|---|---:|---:|---:|',
    ...perSession
      .filter((t) => t.table !== 'device_telemetry')
      .slice(0, 12)
      .map((t) => `| \`${t.table}\` | ${(t.rows / sessions).toFixed(2)} | ${fmt(t.bytesPerRow)} | ${fmt((t.rows / sessions) * t.bytesPerRow)} |`),
    `| **all tables** | | | **${fmt(sessionBytes)}** |`,
    '',
    `A heartbeat writes no row of its own: it is coalesced in memory and updates the device’s row; a telemetry sample row (\`device_telemetry\`, about ${fmt(telemetryRowBytes)} bytes ` +
      `with its indexes) is kept every ${TELEMETRY_SAMPLE_SECONDS} s per device and deleted after ${TELEMETRY_RETENTION_DAYS} days by the retention job; the nonce of every signed request ` +
      'is claimed in `device_nonces` and purged after the 300 s window.',
  );

  // sizing from the measured per-request CPU (the 2-process figures: what a deployment runs)
  const hb = heartbeats[heartbeats.length - 1]!;
  const lr = best(last);
  const apiLifecycleMs = perLifecycleMs(lr.apiCpu, lr);
  const pgLifecycleMs = perLifecycleMs(lr.pgCpu, lr);
  lines.push(
    '',
    '### What a fleet needs, from these figures',
    '',
    `Assumptions: one heartbeat a minute per device; ${SESSIONS_PER_DEVICE_DAY} sessions per device a day, ${PEAK_FACTOR}× the day’s mean at the evening peak; an API process ` +
      `(one Node thread) planned at ${Math.round(CORE_BUDGET * 100)}% of a core; PostgreSQL’s CPU from its backends’ measured time per request (no replica, no pooler); ` +
      `storage: each lifecycle as measured above, kept for ever (the ledger and sessions are the books), telemetry samples for ${TELEMETRY_RETENTION_DAYS} days. ` +
      `Per request: heartbeat ${fmt(hb.apiCpuUs)} µs API + ${hb.pgCpuUs === null ? '–' : fmt(hb.pgCpuUs)} µs PostgreSQL; lifecycle ${one(apiLifecycleMs)} ms API + ${one(pgLifecycleMs)} ms PostgreSQL.`,
    '',
    '| devices | heartbeats/s | lifecycles/s at the peak | API cores | API processes | PostgreSQL cores | sessions a year (their rows’ size) | telemetry kept | database after a year |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...FLEETS.map((devices) => {
      const hbps = devices / HEARTBEAT_SECONDS;
      const lps = (devices * SESSIONS_PER_DEVICE_DAY * PEAK_FACTOR) / 86_400;
      const apiCores = (hbps * hb.apiCpuUs) / 1e6 + (lps * apiLifecycleMs) / 1e3;
      const pgCores = hb.pgCpuUs === null ? NaN : (hbps * hb.pgCpuUs) / 1e6 + (lps * pgLifecycleMs) / 1e3;
      const sessionsYear = devices * SESSIONS_PER_DEVICE_DAY * 365;
      const telemetryBytes = devices * (86_400 / TELEMETRY_SAMPLE_SECONDS) * TELEMETRY_RETENTION_DAYS * telemetryRowBytes;
      return `| ${fmt(devices)} | ${fmt(hbps)} | ${one(lps)} | ${one(apiCores)} | ${fmt(Math.ceil(apiCores / CORE_BUDGET))} | ${one(pgCores)} | ${fmt(sessionsYear)} (${gib(sessionsYear * sessionBytes)}) | ${gib(telemetryBytes)} | ${gib(sessionsYear * sessionBytes + telemetryBytes)} |`;
    }),
    '',
    `Which table grows fastest: per device and day, the telemetry samples add ${fmt((86_400 / TELEMETRY_SAMPLE_SECONDS) * telemetryRowBytes / 1024)} KiB ` +
      `(\`device_telemetry\`, ${86_400 / TELEMETRY_SAMPLE_SECONDS} samples) and ${SESSIONS_PER_DEVICE_DAY} lifecycles ${fmt((SESSIONS_PER_DEVICE_DAY * sessionBytes) / 1024)} KiB ` +
      `(led by \`${perSession[0]?.table ?? '–'}\`); the heartbeats themselves leave nothing but the device row. Telemetry is the fastest grower and is kept ` +
      'in bounds by the retention job (`TELEMETRY_RETENTION_DAYS`; at a million devices its sampling interval, `FLEET_TELEMETRY_SAMPLE_SECONDS`, is the first setting to raise); ' +
      'idempotency keys and nonces are purged by theirs. Sessions, session actions and the ledger are the books and are ' +
      'never deleted: past about a billion rows (the 10M-device row within a year) they are the ones to partition by month (`created_at` / the entry’s day) so that ' +
      'old months become read-only partitions that vacuum and backups skip; device events the same, or a retention like telemetry’s for the heartbeat-derived kinds.',
    '',
    `Measured in ${fmt((performance.now() - began) / 1000)} s.`,
  );
  return lines.join('\n');
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) process.stdout.write(`${await runScaleBench()}\n`);
