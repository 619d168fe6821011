// The device fleet under load: signed heartbeats per second and their latency with 5,000 simulated devices,
// beside a plain Fastify hello-world in the same run, and command round trips (queue → delivered → acked),
// on the embedded database and on a PostgreSQL server. Loopback only, about a minute and a half.
//   node --import ./tools/register.mjs tools/bench/fleet.bench.ts
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { procCpu, profileHeartbeats, profileMarkdown, signedHeartbeats as heartbeats } from './heartbeat-profile.js';
import { rssMiB, serverDatabase, start, stop } from './support.js';
import { api, login, provisionDevices } from '../fleet-sim/provision.js';
import { runFleet, SimStats, type SimDevice } from '../fleet-sim/sim.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;
const DEVICES = 5000;
// BENCH_PERF_DIR=<dir>: `perf record` of the API during each saturated heartbeat run (on-CPU samples of every thread,
// kernel included; JavaScript frames named through --perf-basic-prof-only-functions), for `perf report -i <file>`
const PERF_DIR = process.env.BENCH_PERF_DIR ?? null;
const STEADY_RATE = 2000; // heartbeats/s for the latency-at-moderate-load row
const POLLERS = 100;
const COMMANDS = 200;

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** API CPU (utime + stime) per request, µs, where measured */
  cpuUs?: number;
  /** the machine's 1-minute load average right after the run */
  load: number;
}

const toLoad = (r: autocannon.Result): Load => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, load: loadavg()[0]! });

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** Devices long-poll; the operator queues commands one after another; times from queueing to delivery and to the ack. */
async function commandRoundTrips(base: string, token: string, devices: readonly SimDevice[]): Promise<{ delivered: number[]; acked: number[]; lost: number }> {
  const receivedAt = new Map<string, number>();
  const ackedAt = new Map<string, number>();
  const stats = new SimStats();
  const stopFleet = new AbortController();
  const running = runFleet(
    devices,
    {
      baseUrl: base,
      heartbeatSeconds: 3600,
      waitSeconds: 25,
      loss: 0,
      driftSeconds: 0,
      failRate: 0,
      onCommand: (_d, command, at) => receivedAt.set(command.id, at),
      onAck: (_d, command, at) => ackedAt.set(command.id, at),
    },
    stats,
    stopFleet.signal,
  );
  await new Promise((r) => setTimeout(r, 1500)); // every device is in its long poll
  const queuedAt = new Map<string, number>();
  for (let i = 0; i < COMMANDS; i += 1) {
    const device = devices[i % devices.length]!;
    const t0 = performance.timeOrigin + performance.now();
    const command = await api<{ id: string }>(base, token, 'POST', `/v1/devices/${device.deviceId}/commands`, { type: 'EJECT', params: { slot: 1 + (i % 8) } });
    queuedAt.set(command.id, t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  const deadline = Date.now() + 15_000;
  while (ackedAt.size < COMMANDS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  stopFleet.abort();
  await running;
  const delivered: number[] = [];
  const acked: number[] = [];
  for (const [id, t0] of queuedAt) {
    const r = receivedAt.get(id);
    const a = ackedAt.get(id);
    if (r !== undefined) delivered.push(r - t0);
    if (a !== undefined) acked.push(a - t0);
  }
  return { delivered, acked, lost: COMMANDS - acked.length };
}

interface Row {
  label: string;
  provisionMs: number;
  nest: Load;
  saturated: Load;
  steady: Load;
  delivered: number[];
  acked: number[];
  lostCommands: number;
  rssMiB: number;
  /** the same load on plain Fastify doing only what the signature rule asks (tools/bench/floor-heartbeat.ts), when measured */
  floor?: Load;
}

/** `perf record -g` of process `pid` for `seconds` into `file`; resolves when perf has written it. */
function recordPerf(pid: number, file: string, seconds: number): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const perf = spawn('perf', ['record', '-F', '999', '-g', '-p', String(pid), '-o', file, '--', 'sleep', String(seconds)], { stdio: 'ignore' });
  return new Promise((resolve) => {
    perf.once('exit', () => resolve());
    perf.once('error', () => resolve());
  });
}

/**
 * The floor of a signed heartbeat on this machine: the same devices and load against plain Fastify checking the
 * headers, the window, the HMAC and the nonce (in memory) and parsing the body, nothing else (floor-heartbeat.ts).
 */
async function measureFloor(devices: readonly SimDevice[]): Promise<Load> {
  const dir = mkdtempSync(join(tmpdir(), 'zizhu-floor-'));
  try {
    const file = join(dir, 'secrets.json');
    writeFileSync(file, JSON.stringify(Object.fromEntries(devices.map((d) => [d.deviceId, d.secret]))));
    const floor = await start(['--import', './tools/register.mjs', 'tools/bench/floor-heartbeat.ts', file], {}, /listening (\d+)/);
    try {
      const base = `http://127.0.0.1:${floor.port}`;
      await heartbeats(base, devices, { amount: 2 * DEVICES });
      const cpu0 = procCpu(floor.child.pid!);
      const run = await heartbeats(base, devices, { duration: DURATION_S });
      return { ...toLoad(run), cpuUs: ((procCpu(floor.child.pid!) - cpu0) * 1e6) / run.requests.total };
    } finally {
      await stop(floor.child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureFleet(label: string, env: Record<string, string>, withFloor = false): Promise<Row> {
  const { child, port } = await start(
    [...(PERF_DIR ? ['--perf-basic-prof-only-functions'] : []), '--import', './tools/register.mjs', 'apps/api/src/main.ts'],
    { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'true', ...env },
    /ready on http:\/\/localhost:(\d+)/,
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    const token = await login(base, 'ops@powerbank.demo');
    const cabinet = await api<{ siteId: string }>(base, token, 'GET', '/v1/devices/by-code/PB-0001');
    const began = performance.now();
    const devices = await provisionDevices(base, token, 'POWERBANK_CABINET', cabinet.siteId, DEVICES);
    const provisionMs = performance.now() - began;
    // warm-up: every device's first heartbeat (secret decrypted and cached, first write, device.online event)
    await heartbeats(base, devices, { amount: 2 * DEVICES });
    await new Promise((r) => setTimeout(r, 1500));
    const nest = toLoad(await autocannon({ url: `${base}/health/live`, connections: CONNECTIONS, duration: Math.max(3, DURATION_S - 2) }));
    const cpu0 = procCpu(child.pid!);
    const perf = PERF_DIR ? recordPerf(child.pid!, join(PERF_DIR, `heartbeats-${label.split(' ')[0]}.data`), DURATION_S) : null;
    const saturatedRun = await heartbeats(base, devices, { duration: DURATION_S });
    const saturated = { ...toLoad(saturatedRun), cpuUs: ((procCpu(child.pid!) - cpu0) * 1e6) / saturatedRun.requests.total };
    await perf;
    const steady = toLoad(await heartbeats(base, devices, { duration: Math.max(3, DURATION_S - 2), overallRate: STEADY_RATE }));
    const rss = rssMiB(child.pid!);
    const rtt = await commandRoundTrips(base, token, devices.slice(0, POLLERS));
    // the floor alone on the machine: the API (its job polling, flushes) is stopped first
    await stop(child);
    const floor = withFloor ? await measureFloor(devices) : undefined;
    return { label, provisionMs, nest, saturated, steady, delivered: rtt.delivered, acked: rtt.acked, lostCommands: rtt.lost, rssMiB: rss, ...(floor ? { floor } : {}) };
  } finally {
    await stop(child);
  }
}

/**
 * Issue 15's starting point, measured once (tools/bench/heartbeat-profile.ts on main at 0f6ee64, heartbeat through
 * Nest's router, guard and interceptors) beside the direct handler, alternating, on the same shared machine.
 */
const HEARTBEAT_BEFORE = [
  'Before (issue 15): the heartbeat ran through Nest’s request pipeline (router execution context, global AccessGuard, DeviceSignatureGuard, ' +
    'TenantTransactionInterceptor, the validation pipe, param decorators, rxjs). Measured 2026-12-06 with `tools/bench/heartbeat-profile.ts`, ' +
    'PostgreSQL server, 5,000 devices, 50 connections, 8 s, alternating main (0f6ee64) and the direct handler on the same 2-core machine, ' +
    'which other work kept at a load average of about 15 (so req/s and latency are far below a quiet machine’s; the CPU per heartbeat is the figure to compare):',
  '',
  '| | API CPU µs per heartbeat | req/s | p99 ms | Nest pipeline µs | garbage collector µs | socket writes µs | load average |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  '| before, round 1 | 236 | 1,701 | 85 | 15.4 | 21.5 | 85.9 | 14.6 |',
  '| direct handler, round 1 | 183 | 1,990 | 62 | 0.6 | 11.3 | 45.1 | 15.0 |',
  '| before, round 2 | 228 | 1,626 | 90 | 20.5 | 17.4 | 70.9 | 15.2 |',
  '| direct handler, round 2 | 182 | 2,210 | 54 | 0.2 | 19.7 | 44.8 | 16.6 |',
  '',
  'On the embedded database (PGlite runs in the API process, so its share of the coalesced writes and nonce write-behind is in the figure), ' +
    'same alternation at a load average of 15–19: before 425 and 388 µs per heartbeat (1,578 and 948 req/s, p99 218 and 680 ms; Nest’s pipeline 37 and 47 µs), ' +
    'direct handler 226 and 279 µs (2,471 and 1,559 req/s, p99 187 and 257 ms; Nest’s pipeline under 1 µs).',
  '',
  'Before, on a quieter machine (load average 2.1, first run of the day): 3,148 heartbeats/s, p99 43 ms, 184 µs API CPU per heartbeat, of which ' +
    'Node’s HTTP, sockets and streams 129 µs, Nest’s pipeline 23, HMAC 16, garbage collection 16, the pg driver 14, AsyncLocalStorage request context 13, ' +
    'Fastify 12, the JSON parser 7, raw-body capture 5, pino 4, the auth header checks 4, the nonce store 2, the handler and coalescing buffer 3.',
].join('\n');

/** What the profile of the direct handler leaves, and whose it is. */
const HEARTBEAT_REMAINING =
  'What is left is mostly not the heartbeat’s own: Node’s HTTP server (parsing, the body stream, the response write, whose loopback ' +
  '`writev` also pays the kernel’s delivery to the client) is about half; then HMAC-SHA256 over the request (the signature rule itself), ' +
  'garbage collection, the pg driver’s group-committed nonce claims, the AsyncLocalStorage request context and per-request child logger ' +
  'and request id every route gets (platform hooks), the JSON depth/NUL scan and parse, and the raw-body capture that replays the body ' +
  'for the parser. The handler, the credential cache, the nonce store’s own code and the coalescing buffer are a few µs together. ' +
  'A million devices at a heartbeat a minute is 16.7k heartbeats/s: at about 170–180 µs each that is about 3 cores of API CPU, so ' +
  'two or more API processes on more than one 2-core box, before the PostgreSQL side (one nonce-claim statement per batch, one heartbeat ' +
  'write per second per process).';

export async function runFleetBench(): Promise<string> {
  const hello = await start(['tools/bench/hello-fastify.mjs'], {}, /listening (\d+)/);
  let plain: Load;
  try {
    await autocannon({ url: `http://127.0.0.1:${hello.port}/`, connections: 10, duration: 1 });
    plain = toLoad(await autocannon({ url: `http://127.0.0.1:${hello.port}/`, connections: CONNECTIONS, duration: DURATION_S }));
  } finally {
    await stop(hello.child);
  }
  const rows: Row[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'zizhu-fleet-bench-'));
  try {
    rows.push(await measureFleet('embedded PostgreSQL (PGlite)', { DATA_DIR: dataDir }));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const server = await serverDatabase('zizhu_fleet_bench_');
  if (server) {
    const serverDir = mkdtempSync(join(tmpdir(), 'zizhu-fleet-bench-'));
    try {
      rows.push(
        await measureFleet('PostgreSQL server', {
          DATA_DIR: serverDir,
          DATABASE_URL: server.url,
          JWT_SECRET: randomBytes(32).toString('hex'),
          MASTER_KEY: randomBytes(32).toString('hex'),
        }, true),
      );
    } finally {
      await server.drop();
      rmSync(serverDir, { recursive: true, force: true });
    }
  }

  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
  const lines = [
    '## Device fleet: signed heartbeats and command round trips',
    '',
    `${fmt(DEVICES)} simulated power-bank cabinets registered through the CSV import, each heartbeat signed per contracts.md §4 ` +
      `(HMAC-SHA256, fresh nonce, body with telemetry) by the next device in turn. autocannon, ${CONNECTIONS} connections, ${DURATION_S} s ` +
      `after a warm-up of ${fmt(2 * DEVICES)} heartbeats (every device's first one); the client signs every request on the same 2-core machine as the server. ` +
      'Each heartbeat is verified against the cached secret; its nonce is group-committed to `device_nonces` on the server database (shared by every API ' +
      'process) and kept in memory with a write-behind copy on the embedded one (one process per data directory); the heartbeat is coalesced in memory ' +
      'and written once a second (250 devices per statement; an unchanged heartbeat at most every 10 s). `GET /health/live` is the same Nest ' +
      'application answering a constant: the ceiling of any route through the API\'s framework and hooks.',
    '',
    'The machine may be shared: the last column is its 1-minute load average after each row (2 cores: above 2, other work competed for them). ' +
      'Compare rows measured at a similar load; the API CPU per heartbeat moves least with it.',
    '',
    '| target | req/s | vs plain | p50 ms | p99 ms | errors | API CPU µs per request | load average |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    `| plain Fastify hello-world (GET) | ${fmt(plain.rps)} | 100% | ${plain.p50} | ${plain.p99} | ${plain.errors} | | ${plain.load.toFixed(1)} |`,
    ...rows.map((r) => `| API \`GET /health/live\` (Nest, no database), ${r.label} | ${fmt(r.nest.rps)} | ${((100 * r.nest.rps) / plain.rps).toFixed(1)}% | ${r.nest.p50} | ${r.nest.p99} | ${r.nest.errors} | | ${r.nest.load.toFixed(1)} |`),
    ...rows.map(
      (r) =>
        `| signed heartbeats (direct Fastify handler), ${r.label}, saturated | ${fmt(r.saturated.rps)} | ${((100 * r.saturated.rps) / plain.rps).toFixed(1)}% | ${r.saturated.p50} | ${r.saturated.p99} | ${r.saturated.errors} | ${fmt(r.saturated.cpuUs ?? NaN)} | ${r.saturated.load.toFixed(1)} |`,
    ),
    ...rows.flatMap((r) =>
      r.floor
        ? [
            `| floor: plain Fastify with the signature rule alone (headers, window, HMAC, nonce in memory, JSON; no database, context, logging or metrics) | ${fmt(r.floor.rps)} | ${((100 * r.floor.rps) / plain.rps).toFixed(1)}% | ${r.floor.p50} | ${r.floor.p99} | ${r.floor.errors} | ${fmt(r.floor.cpuUs ?? NaN)} | ${r.floor.load.toFixed(1)} |`,
          ]
        : [],
    ),
    ...rows.map((r) => `| signed heartbeats, ${r.label}, at ${fmt(STEADY_RATE)}/s | ${fmt(r.steady.rps)} | | ${r.steady.p50} | ${r.steady.p99} | ${r.steady.errors} | | ${r.steady.load.toFixed(1)} |`),
    '',
    `Command round trip: ${POLLERS} devices hold long polls (\`waitSeconds=25\`); the operator queues ${COMMANDS} EJECT commands one after another ` +
      '(`POST /v1/devices/{id}/commands`, audited, in a tenant transaction); times run from sending that request to the device receiving the command (delivered) and to the device’s ack being answered (acked).',
    '',
    '| database | delivered p50 ms | delivered p99 ms | acked p50 ms | acked p99 ms | not acked | 5,000 devices registered in | API RSS |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${ms(percentile(r.delivered, 50))} | ${ms(percentile(r.delivered, 99))} | ${ms(percentile(r.acked, 50))} | ${ms(percentile(r.acked, 99))} | ${r.lostCommands} | ${(r.provisionMs / 1000).toFixed(1)} s | ${r.rssMiB} MiB |`,
    ),
    '',
    ...rows.map(
      (r) =>
        `At one heartbeat a minute, one API process on the ${r.label} takes the heartbeats of about ${fmt(r.saturated.rps * 60)} devices at saturation ` +
        `(${fmt(r.saturated.rps * 30)} keeping half the capacity free). A device that also holds a command long poll (25 s) sends one more signed request ` +
        `every 25 s (an idle poll costs no query: the queue is scanned once a second for the whole process), so with polling about ` +
        `${fmt(r.saturated.rps / (1 / 60 + 1 / 25))} devices at saturation, ${fmt(r.saturated.rps / (1 / 60 + 1 / 25) / 2)} with half free. ` +
        `From CPU alone (${fmt(r.saturated.cpuUs ?? NaN)} µs per heartbeat, one core per process), one process could take ${fmt(60e6 / (r.saturated.cpuUs ?? NaN))} devices at a heartbeat a minute: ` +
        `the bench client signing on the same 2 cores holds req/s below that.`,
    ),
  ];
  if (!server) lines.push('', 'No PostgreSQL server was reachable: the server rows are missing.');
  else if (process.env.BENCH_FLEET_PROFILE !== '0') {
    // where a heartbeat's CPU goes, from a CPU profile of the API under the same saturating load
    const profile = await profileHeartbeats('server', 'PostgreSQL server, profiled (`node --cpu-prof`)');
    lines.push('', '### Where a heartbeat’s CPU goes', '', HEARTBEAT_BEFORE, '', 'This run, with the heartbeat as a direct Fastify handler:', '', profileMarkdown(profile), '', HEARTBEAT_REMAINING);
  }
  return lines.join('\n');
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) process.stdout.write(`${await runFleetBench()}\n`);
