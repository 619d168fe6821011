// What the benchmarks share: child processes on loopback, their memory, and a throw-away server database.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

export const root = new URL('../../', import.meta.url).pathname;

/** Starts `node <args>` from the repository root and resolves once stdout matches `ready` (group 1: the port). */
export function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; port: number; ms: number }> {
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

/** A free loopback port, for a child that must know its own URL before it listens (the API's notify URLs). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Stops a child with SIGTERM and waits for it; a child already gone (by exit or by signal) returns at once. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
}

/** A fresh database on the PostgreSQL server (BENCH_DATABASE_URL, DATABASE_URL or the local one), or null when none answers. */
export async function serverDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> } | null> {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `${prefix}${randomBytes(4).toString('hex')}`;
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

const CLK_TCK = 100; // USER_HZ: /proc/<pid>/stat times are in 1/100 s on Linux

/** utime + stime of a process, in seconds. */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** The 1-minute load average of the machine (what else ran beside a benchmark). */
export function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

/**
 * The CPU seconds of the PostgreSQL server backends serving one database and its transaction count
 * (pg_stat_database), read through a connection of its own (left out of the sum).
 */
export async function databaseCounters(client: pg.Client): Promise<{ backendCpu: number | null; pids: Map<number, number>; transactions: number }> {
  const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  const pids = new Map<number, number>();
  let visible = true;
  for (const { pid } of rows) {
    try {
      pids.set(pid, processCpuSeconds(pid));
    } catch {
      visible = false; // a server elsewhere (or a backend that just ended)
    }
  }
  await client.query('SELECT pg_stat_clear_snapshot()');
  const t = await client.query<{ t: string }>('SELECT xact_commit + xact_rollback AS t FROM pg_stat_database WHERE datname = current_database()');
  return { backendCpu: visible ? [...pids.values()].reduce((a, b) => a + b, 0) : null, pids, transactions: Number(t.rows[0]?.t ?? 0) };
}
