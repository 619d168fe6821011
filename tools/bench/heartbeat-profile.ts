// Where the CPU of a signed heartbeat goes: the API under `node --cpu-prof`, saturated with signed heartbeats
// from 5,000 devices (as in fleet.bench.ts), its CPU per heartbeat from /proc/<pid>/stat over the measured
// window, and the profile's samples of that window sorted into what they were doing.
//   node --import ./tools/register.mjs tools/bench/heartbeat-profile.ts [server|embedded]
// The machine may be shared: CPU µs per heartbeat is the figure to compare; req/s moves with the load average.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { deviceAuthHeaders } from '@zizhu/device-sdk';
import { serverDatabase, start, stop } from './support.js';
import { api, login, provisionDevices } from '../fleet-sim/provision.js';
import type { SimDevice } from '../fleet-sim/sim.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;
const DEVICES = 5000;
const CLK_TCK = 100;

/** utime + stime of a process, in seconds. */
export function procCpu(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** autocannon sending signed heartbeats, each from the next device in turn (a fresh nonce every time). */
export function signedHeartbeats(
  base: string,
  devices: readonly SimDevice[],
  options: { duration?: number; amount?: number; overallRate?: number; connections?: number },
): Promise<autocannon.Result> {
  let next = 0;
  const body = JSON.stringify({ firmware: 'bench-1.0.0', battery: 87, signal: -71, slots: [1, 1, 0, 1, 0, 1, 1, 1] });
  return autocannon({
    url: base,
    connections: options.connections ?? CONNECTIONS,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? DURATION_S }),
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    requests: [
      {
        method: 'POST',
        path: '/device/v1/heartbeat',
        setupRequest: (request) => {
          const device = devices[next++ % devices.length]!;
          const headers = deviceAuthHeaders(device.deviceId, device.secret, { method: 'POST', pathWithQuery: '/device/v1/heartbeat', body });
          return { ...request, body, headers: { ...request.headers, ...headers, 'content-type': 'application/json' } };
        },
      },
    ],
  });
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/** What a frame is part of, tested from the sampled frame outwards: the first frame that belongs somewhere decides. */
const CATEGORIES: readonly [string, (f: { functionName: string; url: string }) => boolean][] = [
  ['(garbage collector)', (f) => f.functionName === '(garbage collector)'],
  ['(idle)', (f) => f.functionName === '(idle)'],
  ['HMAC-SHA256 signature check', (f) => f.url.includes('device-sdk') || f.url.startsWith('node:internal/crypto') || f.url === 'node:crypto'],
  ['nonce store (claim, write-behind)', (f) => f.url.includes('nonce-store')],
  ['heartbeat coalescing + batched write', (f) => f.url.includes('heartbeat-buffer') || f.url.includes('fleet-sweeper')],
  ['database driver (pg, PGlite, TypeORM)', (f) => /\/(pg|pg-protocol|pg-pool|pglite|typeorm)\//.test(f.url) || f.url.includes('@electric-sql')],
  ['device auth header checks + credential cache', (f) => f.url.includes('device-authenticator')],
  ['raw body capture (preParsing)', (f) => f.url.includes('device-signature.guard')],
  ['JSON body parse (depth/NUL scan, JSON.parse)', (f) => f.url.includes('request-input') || f.url.includes('secure-json-parse') || f.url.includes('content-type-parser')],
  ['heartbeat handler', (f) => f.url.includes('device-api.controller') || f.url.includes('heartbeat.route')],
  ['logging (pino)', (f) => f.url.includes('/pino') || f.url.includes('logger.ts')],
  ['request context (AsyncLocalStorage)', (f) => f.url.includes('context-storage') || f.url.includes('async_hooks') || f.url.includes('async_local_storage')],
  ['Nest pipeline (router, guards, interceptors, pipes, filters)', (f) => /@nestjs|nestjs-cls|class-validator|class-transformer|rxjs|access\.guard|interceptor|problem\.filter|validation\.ts/.test(f.url)],
  ['Fastify (routing, hooks, reply)', (f) => /\/(fastify|find-my-way|avvio|fast-json-stringify|light-my-request|@fastify)\//.test(f.url)],
  ['socket writes (writev syscall)', (f) => f.functionName === 'writev' || f.functionName === 'writeBuffer' || f.functionName === 'writeUtf8String'],
  ['Node HTTP, sockets, streams', (f) => /^node:(_http|http|net|internal\/(http|stream|streams|net|js_stream|timers|process)|stream|events|internal\/event_target|timers)/.test(f.url)],
  ['(program: V8, libuv, native)', (f) => f.functionName === '(program)'],
];

/** CPU ms of the profile's samples between two monotonic instants (µs), by category. */
export function breakdown(profile: CpuProfile, fromUs: number, toUs: number): Map<string, number> {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const categoryOf = new Map<number, string>();
  const classify = (id: number): string => {
    const known = categoryOf.get(id);
    if (known) return known;
    let category = 'other JavaScript';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      const match = CATEGORIES.find(([, test]) => test(frame));
      if (match) {
        category = match[0];
        break;
      }
    }
    categoryOf.set(id, category);
    return category;
  };
  const totals = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (t < fromUs || t > toUs) continue;
    const category = classify(profile.samples[i]!);
    totals.set(category, (totals.get(category) ?? 0) + delta / 1000);
  }
  return totals;
}

export interface HeartbeatProfile {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  heartbeats: number;
  cpuUsPerHeartbeat: number;
  load: number[];
  /** category → µs of API CPU per heartbeat: the profile's share of the category times the measured CPU (idle left out) */
  parts: [string, number][];
}

export async function profileHeartbeats(database: 'server' | 'embedded', label: string = database): Promise<HeartbeatProfile> {
  const profDir = mkdtempSync(join(tmpdir(), 'zizhu-hb-prof-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'zizhu-hb-data-'));
  const server = database === 'server' ? await serverDatabase('zizhu_hb_prof_') : null;
  if (database === 'server' && !server) throw new Error('no PostgreSQL server reachable');
  const env: Record<string, string> = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'true', DATA_DIR: dataDir };
  if (server) Object.assign(env, { DATABASE_URL: server.url, JWT_SECRET: randomBytes(32).toString('hex'), MASTER_KEY: randomBytes(32).toString('hex') });
  try {
    const { child, port } = await start(['--cpu-prof', '--cpu-prof-dir', profDir, '--import', './tools/register.mjs', 'apps/api/src/main.ts'], env, /ready on http:\/\/localhost:(\d+)/);
    let result: autocannon.Result;
    let cpu: number;
    let window: [number, number];
    let load: number[];
    try {
      const base = `http://127.0.0.1:${port}`;
      const token = await login(base, 'ops@powerbank.demo');
      const cabinet = await api<{ siteId: string }>(base, token, 'GET', '/v1/devices/by-code/PB-0001');
      const devices = await provisionDevices(base, token, 'POWERBANK_CABINET', cabinet.siteId, DEVICES);
      await signedHeartbeats(base, devices, { amount: 2 * DEVICES });
      await new Promise((r) => setTimeout(r, 1500));
      const cpu0 = procCpu(child.pid!);
      const t0 = Number(process.hrtime.bigint() / 1000n);
      result = await signedHeartbeats(base, devices, { duration: DURATION_S });
      const t1 = Number(process.hrtime.bigint() / 1000n);
      cpu = procCpu(child.pid!) - cpu0;
      window = [t0, t1];
      load = loadavg();
    } finally {
      await stop(child);
    }
    // the main thread's profile (thread 0; the module loader's worker writes its own)
    const file = readdirSync(profDir).find((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f));
    const heartbeats = result.requests.total;
    const parts: [string, number][] = [];
    if (file) {
      const totals = breakdown(JSON.parse(readFileSync(join(profDir, file), 'utf8')) as CpuProfile, window[0], window[1]);
      totals.delete('(idle)');
      // sample times are wall time (a descheduled process still ages its sample): the shares are what the profile says, the µs are those shares of the measured CPU
      const sampled = [...totals.values()].reduce((a, b) => a + b, 0);
      for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1])) parts.push([name, ((ms / sampled) * cpu * 1e6) / heartbeats]);
    }
    return {
      label,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
      heartbeats,
      cpuUsPerHeartbeat: (cpu * 1e6) / heartbeats,
      load,
      parts,
    };
  } finally {
    await server?.drop();
    if (!process.env.KEEP_PROFILE) rmSync(profDir, { recursive: true, force: true }); else process.stderr.write(`profile kept in ${profDir}\n`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function profileMarkdown(p: HeartbeatProfile): string {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const profiled = p.parts.reduce((sum, [, us]) => sum + us, 0);
  return [
    `**${p.label}**: ${fmt(p.rps)} heartbeats/s (p50 ${p.p50} ms, p99 ${p.p99} ms, ${p.errors} errors; ${fmt(p.heartbeats)} in ${DURATION_S} s), ` +
      `**${p.cpuUsPerHeartbeat.toFixed(0)} µs API CPU per heartbeat** (/proc utime+stime), load average ${p.load.map((l) => l.toFixed(2)).join(' / ')}.`,
    '',
    '| where (profile samples, from the sampled frame outwards) | µs CPU per heartbeat | share |',
    '|---|---:|---:|',
    ...p.parts.map(([name, us]) => `| ${name} | ${us.toFixed(1)} | ${((100 * us) / profiled).toFixed(0)}% |`),
  ].join('\n');
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) {
  const which = (process.argv[2] ?? 'server') as 'server' | 'embedded';
  process.stdout.write(`${profileMarkdown(await profileHeartbeats(which, which === 'server' ? 'PostgreSQL server' : 'embedded PostgreSQL (PGlite)'))}\n`);
}
