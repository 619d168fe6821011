// Complete service-session lifecycles per second through the API, the Pay Score simulator and fleet-sim on
// loopback, and where the CPU goes: the API process, the simulator process, this process (fleet-sim devices and
// the consumers), and the PostgreSQL server's backends, on the embedded database and on the server. Put beside
// the RSA sign/verify ceiling measured by payscore.bench.ts in the same run. About two minutes.
//   node --import ./tools/register.mjs tools/bench/loop.bench.ts
//   (BENCH_LOOP_USERS=16 one load, BENCH_LOOP_DATABASES=server one database, BENCH_LOOP_SECONDS the measured window)
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Fleet, type SessionScript, type SimDevice } from '../fleet-sim/sim.js';
import { api, login } from '../fleet-sim/provision.js';
import { rsaCeiling, type RsaCeiling } from './payscore.bench.js';
import { freePort, rssMiB, serverDatabase, start, stop } from './support.js';

const MEASURE_S = Number(process.env.BENCH_LOOP_SECONDS ?? 15);
const WARMUP_S = Number(process.env.BENCH_LOOP_WARMUP_SECONDS ?? 5);
/** Concurrent users in the closed loop (each starts its next lifecycle when the previous one is PAID): a light load, then a saturating one. */
const LEVELS = (process.env.BENCH_LOOP_USERS ?? '4,16').split(',').map(Number);
/** Which databases to measure: `embedded`, `server` or both (the default); one alone for an A/B of a change. */
const DATABASES = (process.env.BENCH_LOOP_DATABASES ?? 'embedded,server').split(',');
const DEVICES_PER_VERTICAL = 25;
const IDLE_S = 4;
const DEBIT_DELAY_MS = 50;
const END_AFTER_MS = 100;
/** The mini-program's appid (contracts.md §1; DEMO_APPID in the API's demo data, which every demo merchant lists). */
const APPID = 'wxd0000000000demo';
/** RSA work the API itself does per lifecycle: signs create + complete, verifies their 2 answers and 2 callbacks. */
const API_SIGNS = 2;
const API_VERIFIES = 4;
const CLK_TCK = 100; // USER_HZ: /proc/<pid>/stat times are in 1/100 s on Linux

type Vertical = 'POWERBANK_CABINET' | 'FRIDGE' | 'EV_CHARGER' | 'WATER_VALVE';
/** The demo device of each vertical (contracts.md §2) whose site, Pay Score service and plan the bench devices copy. */
const VERTICALS: readonly { type: Vertical; demo: string; login: string }[] = [
  { type: 'POWERBANK_CABINET', demo: 'PB-0001', login: 'ops@powerbank.demo' },
  { type: 'FRIDGE', demo: 'FR-0001', login: 'ops@fridge.demo' },
  { type: 'EV_CHARGER', demo: 'EV-0001', login: 'c1@vendor.demo' },
  { type: 'WATER_VALVE', demo: 'WV-0001', login: 'c2@vendor.demo' },
];

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** utime + stime of a process, in seconds. */
function procCpu(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** The whole machine's busy and total CPU seconds (all cores). */
function machineCpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = line.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = (line[3] ?? 0) + (line[4] ?? 0);
  return { busy: (total - idle) / CLK_TCK, total: total / CLK_TCK };
}

const selfCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** CPU of the PostgreSQL server's processes serving one database (its backends), when the server runs on this machine. */
export class BackendCpu {
  private constructor(private readonly client: pg.Client) {}

  static async open(url: string): Promise<BackendCpu> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new BackendCpu(client);
  }

  /** pid → CPU seconds, or null when a backend is not visible in /proc (server elsewhere). */
  async read(): Promise<Map<number, number> | null> {
    const { rows } = await this.client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    const out = new Map<number, number>();
    for (const { pid } of rows) {
      if (!existsSync(`/proc/${pid}/stat`)) return null;
      try {
        out.set(pid, procCpu(pid));
      } catch {
        // the backend ended between the query and the read
      }
    }
    return out;
  }

  /** Transactions committed or rolled back and rows written in the database, so far (pg_stat_database). */
  async counters(): Promise<{ transactions: number; rowsWritten: number }> {
    const { rows } = await this.client.query<{ t: string; w: string }>(
      'SELECT xact_commit + xact_rollback AS t, tup_inserted + tup_updated + tup_deleted AS w FROM pg_stat_database WHERE datname = current_database()',
    );
    return { transactions: Number(rows[0]?.t ?? 0), rowsWritten: Number(rows[0]?.w ?? 0) };
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

function backendDelta(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let sum = 0;
  for (const [pid, cpu] of after) sum += cpu - (before.get(pid) ?? 0); // a backend opened during the window counts from 0
  return sum;
}

interface BenchDevice extends SimDevice {
  readonly scan: () => Record<string, unknown>;
  readonly script: SessionScript;
}

/** Registers the bench's devices per vertical (CSV import, the demo device's site and Pay Score service) and gives each its plan. */
async function provision(base: string): Promise<BenchDevice[]> {
  const run = randomBytes(3).toString('hex');
  const devices: BenchDevice[] = [];
  for (const v of VERTICALS) {
    const token = await login(base, v.login);
    const { id } = await api<{ id: string }>(base, token, 'GET', `/v1/devices/by-code/${v.demo}`);
    const demo = await api<{ siteId: string; payscoreServiceId: string; plan: { plan: Record<string, unknown> } | null }>(base, token, 'GET', `/v1/devices/${id}`);
    if (!demo.plan) throw new Error(`${v.demo} has no plan`);
    let plan = demo.plan.plan;
    // a power bank's first minutes are free in the demo plan: no free minutes here, so a 100 ms rental is charged
    if (v.type === 'POWERBANK_CABINET') plan = { ...plan, rental: { ...(plan['rental'] as Record<string, unknown>), freeMinutes: 0 } };
    const rows = Array.from({ length: DEVICES_PER_VERTICAL }, (_, i) => {
      const code = `LOOP-${v.type.slice(0, 2)}-${run}-${i + 1}`;
      return `${code},${v.type},${demo.siteId},${v.type === 'POWERBANK_CABINET' ? 8 : ''},${v.type === 'EV_CHARGER' ? 2 : ''},${demo.payscoreServiceId}`;
    });
    const csv = ['code,type,siteId,slots,connectors,payscoreServiceId', ...rows].join('\n');
    const imported = await api<{ devices: { device: { id: string; code: string }; secret: string }[] }>(base, token, 'POST', '/v1/devices/import', { csv });
    for (const d of imported.devices) await api(base, token, 'PUT', `/v1/devices/${d.device.id}/plan`, { plan });
    const skus = ((plan['items'] as { catalog?: { sku: string }[] } | undefined)?.catalog ?? []).map((i) => i.sku);
    for (const d of imported.devices) {
      const common = { deviceId: d.device.id, code: d.device.code, secret: d.secret, type: v.type };
      switch (v.type) {
        case 'POWERBANK_CABINET': {
          const slot = 1 + (devices.length % 8);
          devices.push({ ...common, scan: () => ({ deviceCode: d.device.code, slot }), script: { endAfterMs: END_AFTER_MS, returnSlot: slot } });
          break;
        }
        case 'FRIDGE':
          devices.push({ ...common, skus, scan: () => ({ deviceCode: d.device.code }), script: { endAfterMs: END_AFTER_MS, items: [{ sku: skus[0]!, count: 1 }] } });
          break;
        case 'EV_CHARGER':
          devices.push({ ...common, scan: () => ({ deviceCode: d.device.code, connector: 1 }), script: { endAfterMs: END_AFTER_MS, wattHours: 2000, meterEveryMs: null } });
          break;
        case 'WATER_VALVE':
          devices.push({ ...common, scan: () => ({ deviceCode: d.device.code }), script: { endAfterMs: END_AFTER_MS, volumeMillilitres: 1234 } });
          break;
      }
    }
  }
  return devices;
}

async function json<T>(url: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}

/** The stretches of one lifecycle, in order (device times from fleet-sim's own record of the session). */
const PHASES = ['login', 'scan → answered with the order', 'confirm → device started (ack)', 'in use on the device', 'device ended → debited (order DONE)', 'debited → the user sees PAID'] as const;

export interface Row {
  label: string;
  users: number;
  deviceRequestsPerLifecycle: number;
  transactionsPerLifecycle: number | null;
  rowsWrittenPerLifecycle: number | null;
  seconds: number;
  done: number;
  failed: number;
  latencies: number[];
  phases: number[][];
  apiIdleCores: number;
  idleTransactionsPerSec: number | null;
  apiCpu: number;
  simCpu: number;
  benchCpu: number;
  pgCpu: number | null;
  machineBusy: number;
  machineTotal: number;
  apiGetsPerLifecycle: number;
  apiRss: number;
  firstError: string | null;
}

/**
 * `processes` API processes on one database (a server: several processes over one embedded data directory are refused
 * by design): the demo is seeded by the first; each serves a share of the devices (their heartbeats, long polls, acks and
 * events) and the end users take them in turn, as a round-robin load balancer would; WeChat's callbacks go to the process
 * that created the order (its PUBLIC_BASE_URL). API CPU and memory are the processes' sums.
 */
export async function measureLoop(
  label: string,
  env: Record<string, string>,
  databaseUrl: string | null,
  options: { processes?: number; levels?: readonly number[]; beforeLoad?: () => Promise<void> } = {},
): Promise<Row[]> {
  const processes = options.processes ?? 1;
  if (processes > 1 && !databaseUrl) throw new Error('several API processes need a PostgreSQL server');
  const sim = await start(['--import', './tools/register.mjs', 'apps/payscore-sim/src/main.ts'], { PAYSCORE_SIM_PORT: '0' }, /listening on http:\/\/127\.0\.0\.1:(\d+)/);
  const simUrl = `http://127.0.0.1:${sim.port}`;
  const apiChildren: Awaited<ReturnType<typeof start>>['child'][] = [];
  const stopFleet = new AbortController();
  const fleetsRunning: Promise<void>[] = [];
  let backends: BackendCpu | undefined;
  try {
    await json(`${simUrl}/sim/settings`, { method: 'POST', body: { debitDelayMs: DEBIT_DELAY_MS } });
    const bases: string[] = [];
    for (let i = 0; i < processes; i += 1) {
      const port = await freePort();
      const apiStarted = await start(
        // BENCH_API_NODE_ARGS: extra node flags for the API process alone, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` (not allowed in NODE_OPTIONS)
        [...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean), '--import', './tools/register.mjs', 'apps/api/src/main.ts'],
        {
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          SEED_DEMO: 'true',
          DATABASE_URL: '',
          PAYSCORE_SIM_PORT: String(sim.port),
          PAYSCORE_API_BASE_URL: simUrl,
          WECHAT_API_BASE_URL: simUrl,
          PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
          JOBS_POLLING_SECONDS: '0.5',
          FLEET_HEARTBEAT_FLUSH_MS: '200',
          ...env,
          // each process its own data directory (the demo devices file, nothing shared): the database is the server's
          ...(i > 0 && env['DATA_DIR'] ? { DATA_DIR: join(env['DATA_DIR'], `process-${i}`) } : {}),
        },
        /ready on http:\/\/localhost:(\d+)/,
      );
      apiChildren.push(apiStarted.child);
      bases.push(`http://127.0.0.1:${port}`);
    }
    const apiPids = apiChildren.map((c) => c.pid!);
    const apiCpuNow = () => apiPids.reduce((sum, pid) => sum + procCpu(pid), 0);
    const base = bases[0]!;
    const devices = await provision(base);
    const scripts = new Map<string, SessionScript>();
    // device k talks to process k mod N
    const fleets = bases.map(
      (url, i) =>
        new Fleet(
          devices.filter((_, k) => k % processes === i),
          {
            baseUrl: url,
            heartbeatSeconds: 30,
            waitSeconds: 25,
            loss: 0,
            driftSeconds: 0,
            failRate: 0,
            sessionScript: (_device, command) => scripts.get(command.sessionId ?? '') ?? {},
          },
        ),
    );
    const fleetOf = new Map(devices.map((d, k) => [d.code, fleets[k % processes]!]));
    const deviceRequests = () => fleets.reduce((n, f) => n + f.stats.eventsSent + f.stats.acks, 0);
    for (const fleet of fleets) fleetsRunning.push(fleet.start(stopFleet.signal));
    await sleep(1500); // every device has sent its first heartbeat or holds its long poll
    if (databaseUrl) backends = await BackendCpu.open(databaseUrl);
    // what the API burns with no session running: job polling, heartbeat flushes, the sweeper, idle long polls
    const idle0 = { at: performance.now(), api: apiCpuNow(), db: await backends?.counters() };
    await sleep(IDLE_S * 1000);
    const idleSeconds = (performance.now() - idle0.at) / 1000;
    const apiIdleCores = (apiCpuNow() - idle0.api) / idleSeconds;
    const idle1 = await backends?.counters();
    const idleTransactionsPerSec = idle0.db && idle1 ? (idle1.transactions - idle0.db.transactions) / idleSeconds : null;

    const idle = [...devices].sort(() => Math.random() - 0.5);
    let serial = 0;
    const closedLoop = async (users: number): Promise<Row> => {
      const completions: { at: number; ms: number; gets: number; phases: number[] }[] = [];
      let failed = 0;
      let firstError: string | null = null;
      let stopping = false;

      /** One end user: login → scan → confirms on the Pay Score page → the device serves → PAID. */
      const lifecycle = async (device: BenchDevice): Promise<{ ms: number; gets: number; phases: number[] }> => {
        const began = performance.now();
        const marks = [Date.now()];
        const deadline = Date.now() + 30_000;
        const base = bases[serial % processes]!; // the load balancer's turn
        const openid = `loop_${randomBytes(4).toString('hex')}_${serial++}`;
        const loginAnswer = await json<{ consumerToken: string }>(`${base}/v1/consumer/login`, { method: 'POST', body: { appid: APPID, code: `test:${openid}` } });
        if (loginAnswer.status !== 200) throw new Error(`consumer login: ${loginAnswer.status} ${JSON.stringify(loginAnswer.body)}`);
        const token = loginAnswer.body.consumerToken;
        marks.push(Date.now());
        const scan = await json<{ sessionId: string; state: string; outOrderNo: string }>(`${base}/v1/consumer/sessions`, { method: 'POST', token, body: device.scan() });
        if (scan.status !== 201 || scan.body.state !== 'AWAITING_CONFIRMATION') throw new Error(`scan ${device.code}: ${scan.status} ${JSON.stringify(scan.body)}`);
        const { sessionId, outOrderNo } = scan.body;
        marks.push(Date.now());
        scripts.set(sessionId, device.script);
        const confirm = await json(`${simUrl}/sim/orders/${encodeURIComponent(outOrderNo)}/confirm`, { method: 'POST', body: { openid, outcome: 'confirm' } });
        if (confirm.status !== 200) throw new Error(`confirm ${outOrderNo}: ${confirm.status} ${JSON.stringify(confirm.body)}`);
        // the device serves and reports the end (watched in this process, no request)
        const simulated = fleetOf.get(device.code)!.device(device.code);
        while (simulated.session(sessionId)?.state !== 'ENDED') {
          if (Date.now() > deadline) throw new Error(`${device.code}: session ${sessionId} never ended on the device`);
          await sleep(20);
        }
        const onDevice = simulated.session(sessionId)!;
        marks.push(Date.parse(onDevice.startedAt), Date.parse(onDevice.endedAt!));
        // WeChat debits (watched on the simulator, so the API only sees what a deployment would)
        for (;;) {
          const order = await json<{ state?: string }>(`${simUrl}/sim/orders/${encodeURIComponent(outOrderNo)}`);
          if (order.body.state === 'DONE') {
            marks.push(Date.now());
            break;
          }
          if (order.body.state === 'REVOKED' || order.body.state === 'EXPIRED') throw new Error(`order ${outOrderNo} ${order.body.state}`);
          if (Date.now() > deadline) throw new Error(`order ${outOrderNo} not DONE: ${order.body.state}`);
          await sleep(25);
        }
        // the mini-program sees PAID once the USER_PAID callback is applied
        let gets = 0;
        for (;;) {
          const view = await json<{ state: string }>(`${base}/v1/consumer/sessions/${sessionId}`, { token });
          gets += 1;
          if (view.body.state === 'PAID') break;
          if (view.body.state === 'CANCELLED' || Date.now() > deadline) throw new Error(`session ${sessionId}: ${JSON.stringify(view.body).slice(0, 300)}`);
          await sleep(50);
        }
        scripts.delete(sessionId);
        marks.push(Date.now());
        return { ms: performance.now() - began, gets, phases: marks.slice(1).map((m, i) => m - marks[i]!) };
      };

      const user = async () => {
        while (!stopping) {
          const device = idle.shift();
          if (!device) throw new Error('no idle device: provision more');
          try {
            completions.push({ at: performance.now(), ...(await lifecycle(device)) });
            idle.push(device);
          } catch (error) {
            failed += 1; // the device may still hold the session: it leaves the pool
            firstError ??= String(error);
          }
        }
      };
      const running = Array.from({ length: users }, user);
      await sleep(WARMUP_S * 1000);

      const t0 = performance.now();
      const cpu0 = { api: apiCpuNow(), sim: procCpu(sim.child.pid!), self: selfCpu(), machine: machineCpu(), pg: (await backends?.read()) ?? null, db: await backends?.counters(), device: deviceRequests() };
      const failed0 = failed;
      await sleep(MEASURE_S * 1000);
      const t1 = performance.now();
      const cpu1 = { api: apiCpuNow(), sim: procCpu(sim.child.pid!), self: selfCpu(), machine: machineCpu(), pg: (await backends?.read()) ?? null, db: await backends?.counters(), device: deviceRequests() };
      const failedInWindow = failed - failed0;
      const rss = apiPids.reduce((sum, pid) => sum + rssMiB(pid), 0);
      stopping = true;
      await Promise.all(running);

      const inWindow = completions.filter((c) => c.at >= t0 && c.at < t1);
      return {
        label,
        users,
        seconds: (t1 - t0) / 1000,
        done: inWindow.length,
        failed: failedInWindow,
        latencies: inWindow.map((c) => c.ms).sort((a, b) => a - b),
        phases: PHASES.map((_, i) => inWindow.map((c) => c.phases[i] ?? NaN).sort((a, b) => a - b)),
        apiIdleCores,
        idleTransactionsPerSec,
        apiCpu: cpu1.api - cpu0.api,
        simCpu: cpu1.sim - cpu0.sim,
        benchCpu: cpu1.self - cpu0.self,
        pgCpu: databaseUrl ? backendDelta(cpu0.pg, cpu1.pg) : null,
        machineBusy: cpu1.machine.busy - cpu0.machine.busy,
        machineTotal: cpu1.machine.total - cpu0.machine.total,
        apiGetsPerLifecycle: inWindow.reduce((n, c) => n + c.gets, 0) / Math.max(1, inWindow.length),
        apiRss: rss,
        firstError,
        deviceRequestsPerLifecycle: (cpu1.device - cpu0.device) / Math.max(1, inWindow.length),
        transactionsPerLifecycle: cpu0.db && cpu1.db ? (cpu1.db.transactions - cpu0.db.transactions) / Math.max(1, inWindow.length) : null,
        rowsWrittenPerLifecycle: cpu0.db && cpu1.db ? (cpu1.db.rowsWritten - cpu0.db.rowsWritten) / Math.max(1, inWindow.length) : null,
      };
    };
    await options.beforeLoad?.();
    const rows: Row[] = [];
    for (const users of options.levels ?? LEVELS) rows.push(await closedLoop(users));
    return rows;
  } finally {
    stopFleet.abort();
    await Promise.all(fleetsRunning);
    await backends?.close();
    for (const child of apiChildren) await stop(child);
    await stop(sim.child);
  }
}

export async function runLoopBench(ceilingFromRun?: RsaCeiling): Promise<string> {
  const ceiling = ceilingFromRun ?? rsaCeiling();
  const rows: Row[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'zizhu-loop-bench-'));
  try {
    if (DATABASES.includes('embedded')) rows.push(...(await measureLoop('embedded PostgreSQL (PGlite)', { DATA_DIR: dataDir }, null)));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const server = DATABASES.includes('server') ? await serverDatabase('zizhu_loop_bench_') : null;
  if (server) {
    const serverDir = mkdtempSync(join(tmpdir(), 'zizhu-loop-bench-'));
    try {
      rows.push(
        ...(await measureLoop(
          'PostgreSQL server',
          { DATA_DIR: serverDir, DATABASE_URL: server.url, JWT_SECRET: randomBytes(32).toString('hex'), MASTER_KEY: randomBytes(32).toString('hex') },
          server.url,
        )),
      );
    } finally {
      await server.drop();
      rmSync(serverDir, { recursive: true, force: true });
    }
  }
  return report(rows, ceiling);
}

function report(rows: readonly Row[], ceiling: RsaCeiling): string {
  const cores = cpus().length;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const pct = (values: number[], p: number) => values[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN;
  const per = (cpuSeconds: number, r: Row) => (r.done > 0 ? (1000 * cpuSeconds) / r.done : NaN);
  const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '–');
  const rate = (r: Row) => r.done / r.seconds;
  const apiRsaMs = 1000 * (API_SIGNS / ceiling.signPerSec + API_VERIFIES / ceiling.verifyPerSec);
  const col = (f: (r: Row) => string) => rows.map((r) => ` ${f(r)} |`).join('');
  const span = (text: string) => rows.map(() => ` ${text} |`).join('');
  const lines = [
    '## Core loop: complete session lifecycles through API, simulator and fleet-sim',
    '',
    `End users in a closed loop (${LEVELS.join(', then ')} at a time, on the same API process) on ${VERTICALS.length * DEVICES_PER_VERTICAL} devices (${DEVICES_PER_VERTICAL} per vertical: power bank with no free minutes, fridge, EV charger, water valve, ` +
      'registered by CSV import with the demo Pay Score services and plans). Each lifecycle is a new user: consumer login (code exchanged with the simulator) → scan ' +
      '(`POST /v1/consumer/sessions`, answered once the Pay Score order exists) → confirm on the simulator (`/sim/orders/{no}/confirm`) → USER_CONFIRMED callback → ' +
      `start command by long poll → ack → the fleet-sim device ends the session after ${END_AFTER_MS} ms (session.ended with usage) → priced → order completed → ` +
      `debit (\`debitDelayMs\` ${DEBIT_DELAY_MS}) → USER_PAID callback → \`PAID\`; the user then starts the next one. The user watches the device end in memory and the ` +
      'simulator for the debit, then polls the API every 50 ms until `PAID`, so the API sees what a deployment sees plus those few GETs. ' +
      `Per load: ${WARMUP_S} s warm-up, then ${MEASURE_S} s measured. API: \`JOBS_POLLING_SECONDS=0.5\`, \`LOG_LEVEL=warn\`, its own process; the simulator is a second process; ` +
      `fleet-sim and the consumers run in the bench process; all on one ${cores}-core machine. CPU from /proc/<pid>/stat (utime + stime) over the measured window; ` +
      'the PostgreSQL figure sums the server backends connected to the bench database.',
    '',
    `| figure |${rows.map((r) => ` ${r.label}, ${r.users} users |`).join('')}`,
    `|---|${rows.map(() => '---:|').join('')}`,
    `| **complete lifecycles per second** |${col((r) => `**${rate(r).toFixed(1)}**`)}`,
    `| lifecycles in the window (failed) |${col((r) => `${r.done} (${r.failed})`)}`,
    `| login → PAID latency p50 / p99 |${col((r) => `${fmt(pct(r.latencies, 50))} / ${fmt(pct(r.latencies, 99))} ms`)}`,
    `| p50 by stretch: ${PHASES.join(' · ')} |${col((r) => r.phases.map((p) => fmt(pct(p, 50))).join(' · ') + ' ms')}`,
    `| **API CPU per lifecycle** |${col((r) => `**${ms(per(r.apiCpu, r))}**`)}`,
    `| API CPU with no session running (job polling, flushes, idle long polls of the devices) |${col((r) => `${(100 * r.apiIdleCores).toFixed(1)}% of a core`)}`,
    `| API CPU per lifecycle above that idle floor |${col((r) => ms(per(r.apiCpu - r.apiIdleCores * r.seconds, r)))}`,
    `| API share of the machine's CPU (API CPU ÷ wall × ${cores} cores) |${col((r) => `${((100 * r.apiCpu) / (r.seconds * cores)).toFixed(0)}%`)}`,
    `| lifecycles/s one API core would carry (1 ÷ API CPU per lifecycle) |${col((r) => fmt(1000 / per(r.apiCpu, r)))}`,
    `| PostgreSQL server backends CPU per lifecycle |${col((r) => (r.pgCpu === null ? '– (in the API process)' : ms(per(r.pgCpu, r))))}`,
    `| simulator process CPU per lifecycle (WeChat's side) |${col((r) => ms(per(r.simCpu, r)))}`,
    `| bench process CPU per lifecycle (fleet-sim devices + consumers) |${col((r) => ms(per(r.benchCpu, r)))}`,
    `| whole machine busy |${col((r) => `${((100 * r.machineBusy) / Math.max(r.machineTotal, 1e-9)).toFixed(0)}%`)}`,
    `| consumer GETs until PAID per lifecycle |${col((r) => r.apiGetsPerLifecycle.toFixed(1))}`,
    `| device requests per lifecycle (events + acks; plus the poll that fetches the command) |${col((r) => r.deviceRequestsPerLifecycle.toFixed(1))}`,
    `| database transactions per second with no session running |${col((r) => (r.idleTransactionsPerSec === null ? '–' : r.idleTransactionsPerSec.toFixed(0)))}`,
    `| database transactions / rows written per lifecycle (pg_stat_database) |${col((r) => (r.transactionsPerLifecycle === null ? '–' : `${r.transactionsPerLifecycle.toFixed(0)} / ${r.rowsWrittenPerLifecycle!.toFixed(0)}`))}`,
    `| API RSS at the end |${col((r) => `${r.apiRss} MiB`)}`,
    `| node:crypto RSA-2048 sign / verify, one core (Pay Score bench, this run) |${span(`${fmt(ceiling.signPerSec)} / ${fmt(ceiling.verifyPerSec)} per s`)}`,
    `| RSA-alone ceiling, 6 signs + 6 verifies per lifecycle (both sides), one core |${span(`${fmt(ceiling.lifecyclesPerSecPerCore)} lifecycles/s`)}`,
    `| RSA in the API per lifecycle (${API_SIGNS} signs + ${API_VERIFIES} verifies) → API-side RSA ceiling, one core |${span(`${ms(apiRsaMs)} → ${fmt(1000 / apiRsaMs)} lifecycles/s`)}`,
    `| RSA share of the API's CPU per lifecycle |${col((r) => `${((100 * apiRsaMs) / per(r.apiCpu, r)).toFixed(1)}%`)}`,
  ];
  lines.push('');
  for (const label of [...new Set(rows.map((r) => r.label))]) {
    const mine = rows.filter((r) => r.label === label);
    const light = mine[0]!;
    const r = mine.reduce((a, b) => (rate(b) > rate(a) ? b : a));
    const apiMs = per(r.apiCpu, r);
    const perCore = 1000 / apiMs;
    const busy = r.machineBusy / Math.max(r.machineTotal, 1e-9);
    lines.push(
      `On the ${label}, at best ${rate(r).toFixed(1)} lifecycles/s (${r.users} users, ${fmt(pct(r.latencies, 50))} ms p50` +
        `${r === light ? '' : `; ${light.users} users: ${rate(light).toFixed(1)}/s at ${fmt(pct(light.latencies, 50))} ms p50`}). ` +
        `Each costs the API ${ms(apiMs)} of CPU, so one API core would carry about ${fmt(perCore)} lifecycles/s: ` +
        `${(ceiling.lifecyclesPerSecPerCore / perCore).toFixed(0)}× below the ${fmt(ceiling.lifecyclesPerSecPerCore)}/s that RSA alone would allow per core. ` +
        `The API's own RSA (${API_SIGNS} signs + ${API_VERIFIES} verifies) is ${((100 * apiRsaMs) / apiMs).toFixed(1)}% of that; the rest is the framework, the transactions and row locks, the durable jobs and the device protocol. ` +
        `The machine was ${(100 * busy).toFixed(0)}% busy${busy > 0.9 ? ': CPU-bound, the cores shared by every process in the table and whatever else ran on the machine' : ''}.`,
      '',
    );
  }
  for (const r of rows) if (r.firstError) lines.push('', `First failure on the ${r.label}: \`${r.firstError.slice(0, 300).replace(/`/g, "'")}\``);
  if (rows.length < 2) lines.push('', 'No PostgreSQL server was reachable: the server column is missing.');
  return lines.join('\n');
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) process.stdout.write(`${await runLoopBench()}\n`);
