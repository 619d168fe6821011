// The simulator's business clock (real time + an offset moved by POST /sim/clock) and a scheduler
// whose tasks are due on that clock: advancing the clock runs everything that became due.

export class SimClock {
  private offsetMs = 0;

  constructor(private readonly realNow: () => number = Date.now) {}

  /** Business time in ms: expiry, debits, retries, bills. */
  now(): number {
    return this.realNow() + this.offsetMs;
  }

  /** Real wall-clock time in ms: signed header timestamps and request-timestamp checks. */
  real(): number {
    return this.realNow();
  }

  get offsetSeconds(): number {
    return this.offsetMs / 1000;
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}

interface Task {
  readonly id: number;
  readonly dueMs: number;
  readonly run: () => void | Promise<void>;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

export class Scheduler {
  private tasks: Task[] = [];
  private nextId = 1;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly clock: SimClock,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Runs `run` once the business clock reaches `dueMs`. */
  at(dueMs: number, run: () => void | Promise<void>): number {
    const id = this.nextId++;
    if (this.closed) return id;
    this.tasks.push({ id, dueMs, run });
    this.tasks.sort((a, b) => a.dueMs - b.dueMs || a.id - b.id);
    this.arm();
    return id;
  }

  after(delayMs: number, run: () => void | Promise<void>): number {
    return this.at(this.clock.now() + Math.max(0, delayMs), run);
  }

  cancel(id: number): void {
    this.tasks = this.tasks.filter((t) => t.id !== id);
    this.arm();
  }

  get pending(): number {
    return this.tasks.length;
  }

  /** Call after the business clock jumped: runs what became due. */
  poke(): void {
    this.runDue();
  }

  close(): void {
    this.closed = true;
    this.tasks = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** After close(): accept tasks again (used by reset). */
  reopen(): void {
    this.closed = false;
  }

  private runDue(): void {
    const now = this.clock.now();
    const due: Task[] = [];
    while (this.tasks.length > 0 && (this.tasks[0]?.dueMs ?? Infinity) <= now) {
      const task = this.tasks.shift();
      if (task) due.push(task);
    }
    for (const task of due) {
      try {
        const result = task.run();
        if (result instanceof Promise) result.catch(this.onError);
      } catch (error) {
        this.onError(error);
      }
    }
    this.arm();
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const first = this.tasks[0];
    if (!first || this.closed) return;
    const wait = Math.min(Math.max(0, first.dueMs - this.clock.now()), MAX_TIMER_MS);
    this.timer = setTimeout(() => this.runDue(), wait);
    this.timer.unref();
  }
}
