import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

const CHANNEL = 'zizhu_device_commands';

/**
 * Wakes the long polls waiting for a device when a command is queued for it. On a server database the
 * wake-up is a NOTIFY sent in the queueing transaction (so it arrives after commit, in every API process);
 * on the embedded database there is one process and the wake-up is local (the poll's query queues behind
 * the committing transaction on the single connection). It also keeps the hints long polls start from:
 * a poll queries the queue only when its device may have something (notified, or seen by the once-a-second
 * scan of the queue), so idle long polls cost the database nothing, and a lost notification delays a
 * command by at most a scan, never loses it.
 */
@Injectable()
export class CommandSignal implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('CommandSignal');
  private readonly waiters = new Map<string, Set<(woken: boolean) => void>>();
  /** Devices that may have a command waiting (notified, or seen queued by the last scan). */
  private hints = new Set<string>();
  /** Hints added while a scan is running, which its result must not drop. */
  private freshHints = new Set<string>();
  private listener: pg.Client | null = null;
  private closed = false;
  /** Shutting down: every long poll is answered (empty) now, and new ones do not wait. */
  private drained = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get viaNotify(): boolean {
    return this.config.database.kind === 'server';
  }

  async onModuleInit(): Promise<void> {
    if (this.config.database.kind === 'server') await this.listen(this.config.database.url);
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  private async listen(url: string): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (message) => {
      if (message.payload) this.wake(message.payload);
    });
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'command notification listener lost; reconnecting (polls fall back to the tick meanwhile)');
      this.listener = null;
      if (!this.closed) setTimeout(() => void this.listen(url).catch(() => undefined), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  /** SQL to run inside the queueing transaction (server): the NOTIFY goes out when it commits. */
  notifySql(): string {
    return `SELECT pg_notify('${CHANNEL}', $1)`;
  }

  wake(deviceId: string): void {
    this.hints.add(deviceId);
    this.freshHints.add(deviceId);
    const set = this.waiters.get(deviceId);
    if (!set) return;
    this.waiters.delete(deviceId);
    for (const fn of set) fn(true);
  }

  mayHaveCommands(deviceId: string): boolean {
    return this.hints.has(deviceId);
  }

  /** Nothing claimable for the device right now. */
  clearHint(deviceId: string): void {
    this.hints.delete(deviceId);
  }

  beginScan(): void {
    this.freshHints = new Set();
  }

  /** The result of a scan of the whole queue (begun with beginScan): wakes the waiting polls it concerns. */
  replaceHints(deviceIds: Iterable<string>): void {
    this.hints = new Set([...deviceIds, ...this.freshHints]);
    for (const id of this.hints) if (this.waiters.has(id)) this.wake(id);
  }

  /** Graceful shutdown (app.factory.ts): releases every waiting long poll at once; polls from now on do not wait. */
  drain(): void {
    this.drained = true;
    const waiting = [...this.waiters.values()];
    this.waiters.clear();
    for (const set of waiting) for (const fn of set) fn(false);
  }

  get draining(): boolean {
    return this.drained;
  }

  /** The devices with a long poll waiting in this process. */
  waitingDevices(): string[] {
    return [...this.waiters.keys()];
  }

  /** Resolves true on a wake-up for the device, false after `ms` or when `signal` aborts. */
  wait(deviceId: string, ms: number, signal: AbortSignal): Promise<boolean> {
    if (this.drained) return Promise.resolve(false);
    return new Promise((resolve) => {
      let set = this.waiters.get(deviceId);
      if (!set) this.waiters.set(deviceId, (set = new Set()));
      const done = (woken: boolean) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', aborted);
        const current = this.waiters.get(deviceId);
        current?.delete(done);
        if (current?.size === 0) this.waiters.delete(deviceId);
        resolve(woken);
      };
      const aborted = () => done(false);
      const timer = setTimeout(aborted, Math.max(0, ms));
      signal.addEventListener('abort', aborted, { once: true });
      set.add(done);
    });
  }
}
