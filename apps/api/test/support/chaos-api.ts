// The API as a real process for the chaos test: spawned as `npm start` spawns it, killed with SIGKILL,
// restarted on the same data, and talked to over HTTP with the retries a mini-program or a console has.
import { type ChildProcess, spawn } from 'node:child_process';

const root = new URL('../../../../', import.meta.url).pathname;

/** The last output of a process, kept for the failure message (the chaos run is silent when it passes). */
class Tail {
  private text = '';
  constructor(private readonly max = 20_000) {}
  add(chunk: Buffer | string): void {
    this.text = (this.text + chunk.toString()).slice(-this.max);
  }
  toString(): string {
    return this.text;
  }
}

/**
 * One API process (`node --import ./tools/register.mjs apps/api/src/main.ts`) on a fixed port, so a
 * restart answers at the same URL and the simulator's callbacks (PUBLIC_BASE_URL) find it again.
 */
export class ApiProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private readonly tail = new Tail();
  /** SIGKILLs so far. */
  kills = 0;
  /** Milliseconds from each (re)spawn to the ready line. */
  readonly startMs: number[] = [];

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  output(): string {
    return this.tail.toString();
  }

  /** Spawns the process and resolves once it prints its ready line. */
  async start(timeoutMs = 120_000): Promise<void> {
    if (this.child) throw new Error(`${this.name} is already running`);
    const began = Date.now();
    const child = spawn(process.execPath, ['--import', './tools/register.mjs', 'apps/api/src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...this.env, HOST: '127.0.0.1', PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`${this.name} did not start within ${timeoutMs} ms:\n${this.tail.toString().slice(-3000)}`)), timeoutMs);
      const onExit = (code: number | null, signal: string | null) => finish(new Error(`${this.name} exited (${signal ?? code}) before ready:\n${this.tail.toString().slice(-3000)}`));
      const finish = (error?: Error) => {
        clearTimeout(timer);
        child.off('exit', onExit);
        child.stdout!.off('data', onData);
        if (error) reject(error);
        else resolve();
      };
      const onData = (chunk: Buffer) => {
        out = (out + chunk.toString()).slice(-4000);
        if (/zizhu API ready on /.test(out)) finish();
      };
      child.stdout!.on('data', onData);
      child.once('exit', onExit);
    });
    child.stdout!.on('data', (c: Buffer) => this.tail.add(c));
    child.stderr!.on('data', (c: Buffer) => this.tail.add(c));
    this.startMs.push(Date.now() - began);
  }

  /** SIGKILL: no shutdown hook runs, in-flight requests and jobs are cut. Resolves once the process is gone (reaped). */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.tail.add(`\n--- ${this.name}: SIGKILL ---\n`);
    child.kill('SIGKILL');
    await this.exited;
    this.child = null;
    this.kills += 1;
  }

  /** SIGTERM and wait (a graceful stop; SIGKILL after `graceMs`). */
  async stop(graceMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child) return;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    this.child = null;
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }
}

export interface JsonAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
}

export interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** One HTTP call; throws on a network error or timeout (the caller decides whether to retry). */
export async function call<T = Record<string, unknown>>(base: string, method: string, path: string, options: CallOptions = {}): Promise<JsonAnswer<T>> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
  });
  const text = await response.text();
  let body: unknown = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { raw: text.slice(0, 500) };
  }
  return { status: response.status, body: body as T };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** An answer worth repeating the same request for: the process was down or restarting, or it failed inside. */
export const transient = (status: number) => status >= 500 || status === 408 || status === 429;

/**
 * Repeats a call across network errors and 5xx answers (an API being killed and restarted) with
 * back-off until `deadlineMs`; any other answer is returned. Throws the last failure at the deadline.
 */
export async function retrying<T = Record<string, unknown>>(base: () => string, method: string, path: string, options: CallOptions = {}, deadlineMs = 60_000): Promise<JsonAnswer<T>> {
  const deadline = Date.now() + deadlineMs;
  let last: unknown;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const answer = await call<T>(base(), method, path, options);
      if (!transient(answer.status)) return answer;
      last = new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw last instanceof Error ? last : new Error(String(last));
    await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
  }
}
