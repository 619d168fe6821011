// The fleet simulator's engine: N simulated devices talking to the API through @zizhu/device-sdk, with
// heartbeats, long polls, acknowledgements, per-vertical events, packet loss and clock drift.
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { DeviceApiError, DeviceClient, type DeviceCommand, type DeviceEvent } from '@zizhu/device-sdk';

export type DeviceType = 'FRIDGE' | 'POWERBANK_CABINET' | 'EV_CHARGER' | 'WATER_VALVE';

export interface SimDevice {
  readonly deviceId: string;
  readonly secret: string;
  readonly code: string;
  readonly type: DeviceType;
  /** SKUs a simulated fridge sells (from its plan's catalog). */
  readonly skus?: readonly string[];
}

export interface SimOptions {
  readonly baseUrl: string;
  readonly heartbeatSeconds: number;
  /** Probability that a request is lost (half before it reaches the API, half on the way back). */
  readonly loss: number;
  /** Each device's clock is off by a random amount within ±driftSeconds. */
  readonly driftSeconds: number;
  /** Probability that a command is acknowledged FAILED. */
  readonly failRate: number;
  readonly waitSeconds: number;
  /** Called when a device receives a command (for latency measurements). */
  readonly onCommand?: (device: SimDevice, command: DeviceCommand, at: number) => void;
  readonly onAck?: (device: SimDevice, command: DeviceCommand, at: number) => void;
  /** Heartbeats only, no long polls (load tests). */
  readonly noPolling?: boolean;
}

export class SimStats {
  heartbeats = 0;
  heartbeatFailures = 0;
  commands = 0;
  acks = 0;
  eventsSent = 0;
  eventDuplicates = 0;
  lost = 0;
  readonly errors = new Map<string, number>();

  error(code: string): void {
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
  }

  line(): string {
    const errors = [...this.errors].map(([k, v]) => `${k}=${v}`).join(' ');
    return `heartbeats ${this.heartbeats} (failed ${this.heartbeatFailures}) · commands ${this.commands} acked ${this.acks} · events ${this.eventsSent} (duplicates ${this.eventDuplicates}) · lost ${this.lost}${errors ? ` · errors ${errors}` : ''}`;
  }
}

class LostPacket extends Error {
  constructor(readonly afterSend: boolean) {
    super(afterSend ? 'answer lost' : 'request lost');
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

/** One simulated device: a heartbeat loop, a long-poll loop, and an outbox of events resent until acknowledged. */
export class SimulatedDevice {
  readonly client: DeviceClient;
  private readonly outbox: DeviceEvent[] = [];
  private readonly seen = new Set<string>();
  private readonly driftMs: number;

  constructor(
    readonly device: SimDevice,
    private readonly options: SimOptions,
    private readonly stats: SimStats,
  ) {
    this.driftMs = (Math.random() * 2 - 1) * options.driftSeconds * 1000;
    const lossyFetch: typeof fetch = async (input, init) => {
      if (Math.random() < options.loss / 2) throw new LostPacket(false);
      const response = await fetch(input, init);
      if (Math.random() < options.loss / 2) {
        await response.arrayBuffer().catch(() => undefined);
        throw new LostPacket(true);
      }
      return response;
    };
    this.client = new DeviceClient({
      baseUrl: options.baseUrl,
      deviceId: device.deviceId,
      secret: device.secret,
      clock: () => Date.now() + this.driftMs,
      fetch: options.loss > 0 ? lossyFetch : fetch,
    });
  }

  private now(): string {
    return new Date(Date.now() + this.driftMs).toISOString();
  }

  private note(error: unknown): void {
    if (error instanceof LostPacket) this.stats.lost += 1;
    else if (error instanceof DeviceApiError) this.stats.error(error.code);
    else if (!(error instanceof Error && error.name === 'AbortError')) this.stats.error('NETWORK');
  }

  async run(signal: AbortSignal): Promise<void> {
    const loops = [this.heartbeatLoop(signal)];
    if (!this.options.noPolling) loops.push(this.pollLoop(signal));
    await Promise.all(loops);
  }

  private telemetry(): Record<string, unknown> {
    const signal = -60 - Math.round(Math.random() * 40);
    switch (this.device.type) {
      case 'POWERBANK_CABINET':
        return { signal, slots: Array.from({ length: 8 }, () => (Math.random() < 0.7 ? 1 : 0)), batteries: Array.from({ length: 8 }, () => 40 + Math.round(Math.random() * 60)) };
      case 'EV_CHARGER':
        return { signal, meterWattHours: Math.round(Date.now() / 1000) % 10_000_000, connectors: ['AVAILABLE', 'AVAILABLE'] };
      case 'WATER_VALVE':
        return { signal, meterMillilitres: Math.round(Date.now() / 100) % 100_000_000, pressureKpa: 300 };
      case 'FRIDGE':
        return { signal, temperatureC: 3 + Math.round(Math.random() * 30) / 10, doorClosed: true };
    }
  }

  private async heartbeatLoop(signal: AbortSignal): Promise<void> {
    // spread the fleet's heartbeats over the interval, as real devices booted at different times are
    await sleep(Math.random() * Math.min(this.options.heartbeatSeconds, 60) * 1000, signal);
    while (!signal.aborted) {
      try {
        await this.client.heartbeat({ firmware: 'sim-1.0.0', ...this.telemetry() }, signal);
        this.stats.heartbeats += 1;
      } catch (error) {
        this.stats.heartbeatFailures += 1;
        this.note(error);
      }
      await this.flushOutbox(signal);
      await sleep(this.options.heartbeatSeconds * 1000, signal);
    }
  }

  private async pollLoop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      let commands: DeviceCommand[] = [];
      try {
        commands = await this.client.pollCommands(this.options.waitSeconds, signal);
      } catch (error) {
        this.note(error);
        await sleep(1000 + Math.random() * 1000, signal);
        continue;
      }
      for (const command of commands) {
        const at = Date.now();
        // a command fetched twice (the answer was lost, the lease ran out) is carried out once
        if (this.seen.has(command.id)) continue;
        this.seen.add(command.id);
        this.stats.commands += 1;
        this.options.onCommand?.(this.device, command, at);
        await this.execute(command, signal);
      }
    }
  }

  private async execute(command: DeviceCommand, signal: AbortSignal): Promise<void> {
    const failed = Math.random() < this.options.failRate;
    for (let attempt = 0; attempt < 5 && !signal.aborted; attempt += 1) {
      try {
        await this.client.ack(command.id, { result: failed ? 'FAILED' : 'SUCCEEDED', ...(failed ? { detail: 'simulated failure' } : {}), occurredAt: this.now() }, signal);
        this.stats.acks += 1;
        this.options.onAck?.(this.device, command, Date.now());
        break;
      } catch (error) {
        this.note(error);
        if (error instanceof DeviceApiError) break; // the API answered: retrying will not change it
        await sleep(200 * 2 ** attempt, signal);
      }
    }
    if (!failed) this.emitFor(command);
    await this.flushOutbox(signal);
  }

  private event(type: DeviceEvent['type'], fields: Record<string, unknown> = {}, sessionId?: string | null): void {
    this.outbox.push({ eventId: randomUUID(), type, occurredAt: this.now(), ...(sessionId ? { sessionId } : {}), ...fields });
  }

  /** What the device reports after carrying out a command, per vertical. */
  private emitFor(command: DeviceCommand): void {
    const session = command.sessionId;
    const slot = typeof command.params.slot === 'number' ? command.params.slot : 1 + Math.floor(Math.random() * 8);
    switch (command.type) {
      case 'UNLOCK':
        if (this.device.type === 'FRIDGE') {
          const sku = this.device.skus?.[Math.floor(Math.random() * (this.device.skus.length || 1))] ?? 'cola-330';
          const items = [{ sku, count: 1 + Math.floor(Math.random() * 2) }];
          this.event('door.opened', {}, session);
          this.event('door.closed', { items }, session);
          if (session) this.event('session.ended', { usage: { items } }, session);
        } else {
          this.event('powerbank.returned', { slot }, session);
          if (session) this.event('session.ended', {}, session);
        }
        break;
      case 'EJECT':
        this.event('powerbank.removed', { slot }, session);
        break;
      case 'START_CHARGING':
        this.event('charging.started', { connector: command.params.connector ?? 1 }, session);
        this.event('charging.metered', { wattHours: Math.round(Math.random() * 2000) }, session);
        break;
      case 'STOP_CHARGING': {
        const wattHours = Math.round(Math.random() * 20_000);
        this.event('charging.stopped', { wattHours }, session);
        if (session) {
          const to = this.now();
          this.event('session.ended', { usage: { energy: [{ from: new Date(Date.parse(to) - 3_600_000).toISOString(), to, wattHours }] } }, session);
        }
        break;
      }
      case 'OPEN_VALVE':
        this.event('valve.opened', {}, session);
        break;
      case 'CLOSE_VALVE': {
        const volumeMillilitres = Math.round(Math.random() * 3000);
        this.event('valve.closed', { volumeMillilitres }, session);
        if (session) this.event('session.ended', { usage: { volumeMillilitres } }, session);
        break;
      }
      case 'REBOOT':
        break;
    }
  }

  /** Sends queued events in order; one that gets no answer stays at the head and is resent with its eventId. */
  private async flushOutbox(signal: AbortSignal): Promise<void> {
    while (this.outbox.length > 0 && !signal.aborted) {
      const event = this.outbox[0]!;
      try {
        const answer = await this.client.sendEvent(event, signal);
        this.stats.eventsSent += 1;
        if (answer.duplicate) this.stats.eventDuplicates += 1;
        this.outbox.shift();
      } catch (error) {
        this.note(error);
        if (error instanceof DeviceApiError && error.status === 400) this.outbox.shift(); // refused as invalid: resending will not help
        else return;
      }
    }
  }
}

/** Runs every device until `signal` aborts. */
export async function runFleet(devices: readonly SimDevice[], options: SimOptions, stats: SimStats, signal: AbortSignal): Promise<SimulatedDevice[]> {
  setMaxListeners(0, signal); // every device's requests listen to the one stop signal
  const simulated = devices.map((d) => new SimulatedDevice(d, options, stats));
  await Promise.all(simulated.map((d) => d.run(signal)));
  return simulated;
}
