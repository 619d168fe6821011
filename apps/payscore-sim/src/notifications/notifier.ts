// Signed, AES-256-GCM encrypted callbacks to notify_url with the Pay Score retry schedule
// (payscore-protocol.md §7), plus the delivery switches: duplicates, out of order, late.
import { randomBytes } from 'node:crypto';
import { type Scheduler, type SimClock } from '../platform/clock.js';
import { rfc3339 } from '../platform/beijing-time.js';
import { encryptResource, signedHeaders, type PlatformKey } from '../platform/wechatpay-crypto.js';

/** §7.4: 15s/15s/30s/180s/1800s/1800s/1800s/1800s/3600s — 9 retries after the first attempt. */
export const PAYSCORE_RETRY_SCHEDULE_MS: readonly number[] = [15, 15, 30, 180, 1800, 1800, 1800, 1800, 3600].map((s) => s * 1000);

export interface DeliverySwitches {
  /** Each notification is delivered this many times (same id, same body), each copy with its own retries. */
  copies: number;
  /** Hold notifications per order and deliver the newer ones first. */
  outOfOrder: boolean;
  /** With outOfOrder: a held notification is released after this many business-clock ms at the latest. */
  holdMs: number;
  /** Extra business-clock delay before the first attempt of every notification. */
  lateMs: number;
  /** Before each notification, send a probe whose signature starts with WECHATPAY/SIGNTEST/ (§2.3). */
  signTestProbe: boolean;
  /** Notifications are lost: logged as `dropped`, never delivered (the merchant must catch up by querying). */
  drop: boolean;
}

export const DEFAULT_SWITCHES: DeliverySwitches = { copies: 1, outOfOrder: false, holdMs: 5000, lateMs: 0, signTestProbe: false, drop: false };
/** The delivery log keeps the most recent entries only. */
const LOG_LIMIT = 2000;

export interface NotificationRequest {
  readonly url: string;
  readonly apiV3Key: string;
  readonly eventType: string;
  readonly summary: string;
  readonly originalType: 'payscore' | 'refund' | 'profitsharing' | 'mch_payment' | 'complaint';
  /** The AEAD associated data (default `""`; complaints use `"complaint"`). */
  readonly associatedData?: string;
  readonly resource: Record<string, unknown>;
  /** Groups notifications for the out-of-order switch (mchid + out_order_no). */
  readonly orderKey: string;
}

export interface DeliveryAttempt {
  readonly at: string;
  readonly status?: number;
  readonly error?: string;
}

export interface DeliveryLogEntry {
  readonly notificationId: string;
  readonly eventType: string;
  readonly url: string;
  readonly orderKey: string;
  readonly copy: number;
  /** A WECHATPAY/SIGNTEST/ probe: one attempt, never retried; a correct receiver answers non-2xx. */
  readonly probe?: boolean;
  readonly attempts: DeliveryAttempt[];
  state: 'pending' | 'held' | 'delivered' | 'gave-up' | 'dropped';
}

interface Prepared {
  readonly request: NotificationRequest;
  readonly id: string;
  readonly body: string;
  readonly entries: DeliveryLogEntry[];
}

export interface NotifierOptions {
  readonly clock: SimClock;
  readonly scheduler: Scheduler;
  readonly platformKey: PlatformKey;
  readonly retryScheduleMs: readonly number[];
  readonly timeoutMs: number;
}

export class Notifier {
  private switches: DeliverySwitches = { ...DEFAULT_SWITCHES };
  private readonly log: DeliveryLogEntry[] = [];
  private readonly held = new Map<string, { items: Prepared[]; releaseTask: number }>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly options: NotifierOptions) {}

  getSwitches(): DeliverySwitches {
    return { ...this.switches };
  }

  setSwitches(patch: Partial<DeliverySwitches>): DeliverySwitches {
    const wasOutOfOrder = this.switches.outOfOrder;
    this.switches = { ...this.switches, ...patch };
    if (wasOutOfOrder && !this.switches.outOfOrder) this.flush();
    return this.getSwitches();
  }

  deliveries(): readonly DeliveryLogEntry[] {
    return this.log;
  }

  notify(request: NotificationRequest): string {
    const id = `EV-${randomBytes(16).toString('hex')}`;
    const resource = encryptResource(request.apiV3Key, JSON.stringify(request.resource), request.associatedData ?? '');
    const body = JSON.stringify({
      id,
      create_time: rfc3339(this.options.clock.now()),
      resource_type: 'encrypt-resource',
      event_type: request.eventType,
      summary: request.summary,
      resource: { original_type: request.originalType, ...resource },
    });
    const copies = Math.max(1, Math.floor(this.switches.copies));
    const entries: DeliveryLogEntry[] = [];
    for (let copy = 1; copy <= copies; copy++) {
      const entry: DeliveryLogEntry = {
        notificationId: id, eventType: request.eventType, url: request.url, orderKey: request.orderKey, copy, attempts: [], state: 'pending',
      };
      entries.push(entry);
      this.record(entry);
    }
    const prepared: Prepared = { request, id, body, entries };
    if (this.switches.drop) {
      for (const e of entries) e.state = 'dropped';
      return id;
    }
    if (this.switches.outOfOrder) this.hold(prepared);
    else this.start([prepared]);
    return id;
  }

  private record(entry: DeliveryLogEntry): void {
    this.log.push(entry);
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
  }

  /** Releases every held notification now (newest first per order). */
  flush(): void {
    for (const key of [...this.held.keys()]) this.release(key);
  }

  /** Resolves when every attempt started so far has finished (for tests and shutdown). */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  clear(): void {
    this.log.length = 0;
    this.held.clear();
  }

  private hold(prepared: Prepared): void {
    const key = prepared.request.orderKey;
    const existing = this.held.get(key);
    for (const e of prepared.entries) e.state = 'held';
    if (existing) {
      existing.items.push(prepared);
      // a newer event for the same order arrived: deliver newest first
      this.release(key);
      return;
    }
    const releaseTask = this.options.scheduler.after(this.switches.holdMs, () => this.release(key));
    this.held.set(key, { items: [prepared], releaseTask });
  }

  private release(key: string): void {
    const group = this.held.get(key);
    if (!group) return;
    this.held.delete(key);
    this.options.scheduler.cancel(group.releaseTask);
    for (const p of group.items) for (const e of p.entries) e.state = 'pending';
    this.start([...group.items].reverse());
  }

  /** Starts the given notifications in order: each one's first attempt completes before the next begins. */
  private start(items: Prepared[]): void {
    const lateMs = this.switches.lateMs;
    const probe = this.switches.signTestProbe;
    const run = async (): Promise<void> => {
      for (const p of items) {
        if (probe) await this.probe(p);
        const due = this.options.clock.now();
        await Promise.all(p.entries.map((entry) => this.attempt(p, entry, 0, due)));
      }
    };
    if (lateMs > 0) this.options.scheduler.after(lateMs, () => this.track(run()));
    else this.track(run());
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
    return promise;
  }

  private async probe(p: Prepared): Promise<void> {
    const entry: DeliveryLogEntry = {
      notificationId: p.id, eventType: p.request.eventType, url: p.request.url, orderKey: p.request.orderKey, copy: 0, probe: true, attempts: [], state: 'pending',
    };
    this.record(entry);
    const signed = signedHeaders(this.options.platformKey, p.body, this.options.clock.real());
    const headers: Record<string, string> = { ...signed, 'Wechatpay-Signature': `WECHATPAY/SIGNTEST/${signed['Wechatpay-Signature']}` };
    const status = await this.send(p, headers);
    entry.attempts.push({ at: rfc3339(this.options.clock.now()), ...status });
    entry.state = 'delivered';
  }

  private async send(p: Prepared, headers: Record<string, string>): Promise<{ status: number } | { error: string }> {
    try {
      const response = await fetch(p.request.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Mozilla/4.0',
          'Request-ID': `08${randomBytes(12).toString('hex').toUpperCase()}`,
          ...headers,
        },
        body: p.body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      return { status: response.status };
    } catch (error) {
      return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }

  /**
   * One delivery attempt. Retries are due `schedule[i]` after the previous attempt was due, so a jump of
   * the business clock runs every retry that fell inside the jump.
   */
  private async attempt(p: Prepared, entry: DeliveryLogEntry, retryIndex: number, dueMs: number): Promise<void> {
    const headers = signedHeaders(this.options.platformKey, p.body, this.options.clock.real());
    const at = rfc3339(this.options.clock.now());
    const result = await this.send(p, { ...headers });
    entry.attempts.push({ at, ...result });
    const ok = 'status' in result && result.status >= 200 && result.status < 300;
    if (ok) {
      entry.state = 'delivered';
      return;
    }
    const wait = this.options.retryScheduleMs[retryIndex];
    if (wait === undefined) {
      entry.state = 'gave-up';
      return;
    }
    const nextDue = dueMs + wait;
    this.options.scheduler.at(nextDue, () => this.track(this.attempt(p, entry, retryIndex + 1, nextDue)));
  }
}
