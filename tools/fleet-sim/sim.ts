// The fleet simulator's engine: N simulated devices talking to the API through @zizhu/device-sdk, with
// heartbeats, long polls, acknowledgements, per-vertical service sessions and their events, packet loss,
// duplicated and reordered events, and clock drift. Events and acknowledgements are retried with back-off
// until the API answers (across outages and restarts); an event is dropped only when the API answers 400.
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { DeviceApiError, DeviceClient, type CommandAck, type DeviceCommand, type DeviceCommandType, type DeviceEvent } from '@zizhu/device-sdk';

export type DeviceType = 'FRIDGE' | 'POWERBANK_CABINET' | 'EV_CHARGER' | 'WATER_VALVE';

export interface SimDevice {
  readonly deviceId: string;
  readonly secret: string;
  readonly code: string;
  readonly type: DeviceType;
  /** SKUs a simulated fridge sells (from its plan's catalog). */
  readonly skus?: readonly string[];
  /**
   * POWERBANK: the banks in its slots at the start (slot 1, 2, …; null = a free slot). A cabinet with banks reports them in its
   * heartbeats (`slots: [{slot, bankId, chargePercent}]`), names the bank it ejects in the start ack (`bankId`) and in
   * `powerbank.returned`, and takes back banks returned to it from other cabinets of the fleet (`returnAt`).
   */
  readonly banks?: readonly (string | null)[];
}

/** How a device carries out one service session (a start command with a sessionId). Every field is optional. */
export interface SessionScript {
  /** How the start command is acknowledged; 'none' = never acknowledged (device dead). Default 'SUCCEEDED' (or FAILED with `failRate`). */
  readonly start?: 'SUCCEEDED' | 'FAILED' | 'none';
  /** ms after the ack at which the device ends the session by itself; null = never (waits for a STOP command or endSession()). Default: random within `sessionMs`. */
  readonly endAfterMs?: number | null;
  /** FRIDGE: what was taken (empty = nothing). Default: 1–2 of a random SKU of the device. */
  readonly items?: readonly { sku: string; count: number }[];
  /** EV: energy of the one interval [ack time, end time]. Default: random (or `watts` × duration when `watts` is given). */
  readonly wattHours?: number;
  /** EV: power drawn, for the `charging.metered` readings (and the total when `wattHours` is not given). Default 7000. */
  readonly watts?: number;
  /** EV and WATER: a `charging.metered` / `valve.metered` reading every this many ms while running; null = only the final one (EV) or none (water). Default 5000. */
  readonly meterEveryMs?: number | null;
  /** WATER: volume dispensed. Default random (or `millilitresPerMinute` × duration when that is given). */
  readonly volumeMillilitres?: number;
  /** WATER: the flow, for the `valve.metered` readings (and the total when `volumeMillilitres` is not given). Default 6000 (6 l/min). */
  readonly millilitresPerMinute?: number;
  /** POWERBANK: the slot it is returned to. Default random 1–8 (a free one at a cabinet with banks). */
  readonly returnSlot?: number;
  /**
   * POWERBANK with banks: the code of another cabinet of the fleet the bank is returned at. That cabinet reports
   * `powerbank.returned {bankId, slot}` (no sessionId, no session.ended: the API ends the session holding the bank);
   * the starting cabinet reports nothing more. Default: the starting cabinet, or another with `returnElsewhere`.
   */
  readonly returnAt?: string;
  /** Report the end's occurredAt this many ms later/earlier than real time (clock effects), default 0. */
  readonly endOffsetMs?: number;
}

export interface SimOptions {
  readonly baseUrl: string;
  readonly heartbeatSeconds: number;
  /** Probability that a request is lost (half before it reaches the API, half on the way back). */
  readonly loss: number;
  /** Each device's clock is off by a random amount within ±driftSeconds. */
  readonly driftSeconds: number;
  /** Probability that a command is acknowledged FAILED (a session's start too, unless its script says otherwise). */
  readonly failRate: number;
  readonly waitSeconds: number;
  /** Called when a device receives a command (for latency measurements). */
  readonly onCommand?: (device: SimDevice, command: DeviceCommand, at: number) => void;
  /** Called when the API accepted an acknowledgement, or answered it finally (`refused`: its error code, e.g. DEVICE_COMMAND_EXPIRED). */
  readonly onAck?: (device: SimDevice, command: DeviceCommand, at: number, refused?: string) => void;
  /** Heartbeats only, no long polls (load tests). */
  readonly noPolling?: boolean;
  /** How each session goes; fields left out get the defaults. */
  readonly sessionScript?: (device: SimDevice, command: DeviceCommand) => SessionScript;
  /** Default session length range in ms when the script gives no endAfterMs (default [50, 300]). */
  readonly sessionMs?: readonly [number, number];
  /** Probability that an acknowledged event is sent again later with the same eventId. */
  readonly duplicateEvents?: number;
  /** Events of different sessions may be sent out of order (one session's events keep their order). */
  readonly reorderEvents?: boolean;
  /** Replaces global fetch (tests with a fake API). */
  readonly fetch?: typeof fetch;
  /** POWERBANK with banks: the probability that a rental is returned at another cabinet with banks (a network of cabinets). */
  readonly returnElsewhere?: number;
}

export class SimStats {
  heartbeats = 0;
  heartbeatFailures = 0;
  commands = 0;
  /** Commands delivered again after they were carried out (acknowledged again with the same answer). */
  redelivered = 0;
  acks = 0;
  eventsSent = 0;
  /** Events the API answered as already seen. */
  eventDuplicates = 0;
  /** Already-acknowledged events sent again on purpose (`duplicateEvents`). */
  duplicatesInjected = 0;
  /** Events sent ahead of an older one (`reorderEvents`). */
  eventsReordered = 0;
  /** Events the API refused with 400 (dropped). */
  eventsRejected = 0;
  /** Sends and acks retried after a failure. */
  retries = 0;
  sessionsStarted = 0;
  sessionsFailed = 0;
  sessionsUnacked = 0;
  sessionsEnded = 0;
  stopCommands = 0;
  lost = 0;
  readonly errors = new Map<string, number>();

  error(code: string): void {
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
  }

  line(): string {
    const errors = [...this.errors].map(([k, v]) => `${k}=${v}`).join(' ');
    return (
      `heartbeats ${this.heartbeats} (failed ${this.heartbeatFailures}) · commands ${this.commands} acked ${this.acks} (redelivered ${this.redelivered}) · ` +
      `sessions ${this.sessionsStarted} started, ${this.sessionsEnded} ended, ${this.sessionsFailed} failed, ${this.sessionsUnacked} unacked, ${this.stopCommands} stops · ` +
      `events ${this.eventsSent} (duplicates ${this.eventDuplicates}, injected ${this.duplicatesInjected}, reordered ${this.eventsReordered}, rejected ${this.eventsRejected}) · ` +
      `retries ${this.retries} · lost ${this.lost}${errors ? ` · errors ${errors}` : ''}`
    );
  }
}

/** What the device knows of one session (times and usage as it reported them). */
export interface SimSession {
  readonly sessionId: string;
  readonly commandId: string;
  readonly commandType: DeviceCommandType;
  /** The start ack's occurredAt (device clock). */
  readonly startedAt: string;
  /** The session.ended occurredAt, once ended. */
  readonly endedAt: string | null;
  readonly usage: Record<string, unknown> | null;
  readonly state: 'RUNNING' | 'ENDED';
  /** Whether the API has answered the start ack. */
  readonly startAcked: boolean;
}

const START_COMMANDS: readonly DeviceCommandType[] = ['UNLOCK', 'EJECT', 'START_CHARGING', 'OPEN_VALVE'];
const STOP_COMMANDS: readonly DeviceCommandType[] = ['STOP_CHARGING', 'CLOSE_VALVE'];

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

const randomInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

/** An API answer that resending will not change (everything else — network errors, lost packets, 5xx, 401 — is retried). */
const isFinalAnswer = (error: unknown) => error instanceof DeviceApiError && error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 408 && error.status !== 429;

interface Outgoing {
  readonly event: DeviceEvent;
  readonly lane: string;
  readonly injected: boolean;
}

interface Session {
  readonly sessionId: string;
  readonly commandId: string;
  readonly commandType: DeviceCommandType;
  script: SessionScript;
  readonly startedAt: string;
  readonly startedAtMs: number;
  readonly slot: number;
  readonly connector: number;
  /** POWERBANK with banks: the bank ejected. */
  readonly bankId: string | null;
  endedAt: string | null;
  usage: Record<string, unknown> | null;
  startAcked: boolean;
  timers: NodeJS.Timeout[];
}

/** One simulated device: a heartbeat loop, a long-poll loop, sessions, and an outbox of events resent until acknowledged. */
export class SimulatedDevice {
  readonly client: DeviceClient;
  private readonly outbox: Outgoing[] = [];
  /** Sessions whose start ack the API has not answered yet: their events wait. */
  private readonly held = new Set<string>();
  private readonly sessions = new Map<string, Session>();
  /** Each command carried out, with the ack given (null: never acknowledged), so a redelivery gets the same answer. */
  private readonly answered = new Map<string, CommandAck | null>();
  private readonly driftMs: number;
  private pendingReplays = 0;
  private acksInFlight = 0;
  private wake: (() => void) | null = null;
  private signal: AbortSignal | null = null;
  /** POWERBANK with banks: slot (index + 1) → the bank in it and its charge, or null. */
  private readonly slotMap: ({ bankId: string; chargePercent: number } | null)[];
  /** The other cabinets of the fleet (set by Fleet), for returns elsewhere. */
  peers: (code: string) => SimulatedDevice | undefined = () => undefined;

  constructor(
    readonly device: SimDevice,
    private readonly options: SimOptions,
    private readonly stats: SimStats,
  ) {
    this.driftMs = (Math.random() * 2 - 1) * options.driftSeconds * 1000;
    this.slotMap = (device.banks ?? []).map((bankId) => (bankId ? { bankId, chargePercent: 100 } : null));
    const baseFetch = options.fetch ?? fetch;
    const lossyFetch: typeof fetch = async (input, init) => {
      if (Math.random() < options.loss / 2) throw new LostPacket(false);
      const response = await baseFetch(input, init);
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
      fetch: options.loss > 0 ? lossyFetch : baseFetch,
    });
  }

  get code(): string {
    return this.device.code;
  }

  /** Sessions running on this device (started, not ended). */
  activeSessions(): string[] {
    return [...this.sessions.values()].filter((s) => s.endedAt === null).map((s) => s.sessionId);
  }

  /** What the device knows of a session it started (running or ended). */
  session(sessionId: string): SimSession | undefined {
    const s = this.sessions.get(sessionId);
    if (!s) return undefined;
    return { sessionId: s.sessionId, commandId: s.commandId, commandType: s.commandType, startedAt: s.startedAt, endedAt: s.endedAt, usage: s.usage, state: s.endedAt === null ? 'RUNNING' : 'ENDED', startAcked: s.startAcked };
  }

  /** Waits until the device has started this session (its start command arrived and was carried out). */
  async waitForSession(sessionId: string, timeoutMs = 30_000): Promise<SimSession> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = this.session(sessionId);
      if (s) return s;
      if (Date.now() > deadline) throw new Error(`${this.device.code}: session ${sessionId} did not start within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Ends a running session now (as if the user closed the door / returned the bank / unplugged / turned the tap). False if unknown or already ended. */
  endSession(sessionId: string, overrides?: Partial<SessionScript>): boolean {
    const session = this.sessions.get(sessionId);
    if (!session || session.endedAt !== null) return false;
    if (overrides) session.script = { ...session.script, ...overrides };
    this.finish(session);
    return true;
  }

  /** Events waiting to be sent or resent, duplicates scheduled, and acks in flight. 0 = settled. */
  pending(): number {
    return this.outbox.length + this.pendingReplays + this.acksInFlight;
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
    this.signal = signal;
    const loops = [this.heartbeatLoop(signal), this.outboxLoop(signal)];
    if (!this.options.noPolling) loops.push(this.pollLoop(signal));
    await Promise.all(loops);
    for (const s of this.sessions.values()) for (const t of s.timers) clearTimeout(t);
  }

  /** Does this cabinet track its banks (SimDevice.banks)? */
  get tracksBanks(): boolean {
    return this.device.type === 'POWERBANK_CABINET' && this.slotMap.length > 0;
  }

  /** The banks in its slots now (slot → bank id, null = free). */
  inventory(): (string | null)[] {
    return this.slotMap.map((s) => s?.bankId ?? null);
  }

  /** A bank rented elsewhere is put into a slot here (the given one if free, else the first free): `powerbank.returned {bankId, slot}`. */
  acceptReturn(bankId: string, slot: number | undefined, occurredAt: string): number {
    const placed = this.acceptSlot(slot ?? 0, bankId);
    this.event('powerbank.returned', { bankId, slot: placed }, null, occurredAt);
    return placed;
  }

  private telemetry(): Record<string, unknown> {
    const signal = -60 - Math.round(Math.random() * 40);
    if (this.tracksBanks) {
      // the banks charge while in a slot
      for (const s of this.slotMap) if (s) s.chargePercent = Math.min(100, s.chargePercent + 5);
      return { signal, slots: this.slotMap.map((s, i) => (s ? { slot: i + 1, bankId: s.bankId, chargePercent: s.chargePercent } : { slot: i + 1 })) };
    }
    const running = this.activeSessions().map((id) => this.sessions.get(id)!);
    switch (this.device.type) {
      case 'POWERBANK_CABINET':
        return { signal, slots: Array.from({ length: 8 }, () => (Math.random() < 0.7 ? 1 : 0)), batteries: Array.from({ length: 8 }, () => 40 + Math.round(Math.random() * 60)) };
      case 'EV_CHARGER':
        return { signal, meterWattHours: Math.round(Date.now() / 1000) % 10_000_000, connectors: [1, 2].map((c) => (running.some((s) => s.connector === c) ? 'CHARGING' : 'AVAILABLE')) };
      case 'WATER_VALVE':
        return { signal, meterMillilitres: Math.round(Date.now() / 100) % 100_000_000, pressureKpa: 300, valveOpen: running.length > 0 };
      case 'FRIDGE':
        return { signal, temperatureC: 3 + Math.round(Math.random() * 30) / 10, doorClosed: running.length === 0 };
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
      await sleep(this.options.heartbeatSeconds * 1000, signal);
    }
  }

  private async pollLoop(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      let commands: DeviceCommand[] = [];
      try {
        commands = await this.client.pollCommands(this.options.waitSeconds, signal);
        failures = 0;
      } catch (error) {
        this.note(error);
        failures += 1;
        await sleep(Math.min(2000, 250 * 2 ** Math.min(failures, 3)) * (0.5 + Math.random()), signal);
        continue;
      }
      for (const command of commands) {
        if (signal.aborted) break;
        const at = Date.now();
        // a command fetched twice (an ack or an answer was lost, the lease ran out) is carried out once and answered the same way
        if (this.answered.has(command.id)) {
          this.stats.redelivered += 1;
          const ack = this.answered.get(command.id);
          if (ack) await this.sendAck(command, ack, signal);
          continue;
        }
        this.stats.commands += 1;
        this.options.onCommand?.(this.device, command, at);
        await this.execute(command, signal);
      }
    }
  }

  private async execute(command: DeviceCommand, signal: AbortSignal): Promise<void> {
    if (command.sessionId && START_COMMANDS.includes(command.type)) return this.startSession(command, command.sessionId, signal);
    if (command.sessionId && STOP_COMMANDS.includes(command.type)) {
      this.stats.stopCommands += 1;
      const ack: CommandAck = { result: 'SUCCEEDED', occurredAt: this.now() };
      this.answered.set(command.id, ack);
      const session = this.sessions.get(command.sessionId);
      if (session && session.endedAt === null) this.finish(session); // unknown or already ended: nothing to stop (idempotent)
      await this.sendAck(command, ack, signal);
      return;
    }
    // operator commands and REBOOT: a canned sequence right after the ack
    const failed = Math.random() < this.options.failRate;
    const ack: CommandAck = { result: failed ? 'FAILED' : 'SUCCEEDED', ...(failed ? { detail: 'simulated failure' } : {}), occurredAt: this.now() };
    this.answered.set(command.id, ack);
    await this.sendAck(command, ack, signal);
    if (!failed) this.emitFor(command);
  }

  private resolveScript(command: DeviceCommand): SessionScript {
    const [min, max] = this.options.sessionMs ?? [50, 300];
    const skus = this.device.skus?.length ? this.device.skus : ['cola-330'];
    const defaults: SessionScript = {
      start: Math.random() < this.options.failRate ? 'FAILED' : 'SUCCEEDED',
      endAfterMs: randomInt(min, max),
      items: [{ sku: skus[Math.floor(Math.random() * skus.length)]!, count: randomInt(1, 2) }],
      wattHours: randomInt(100, 5000),
      watts: 7000,
      meterEveryMs: 5000,
      volumeMillilitres: randomInt(100, 3000),
      millilitresPerMinute: 6000,
      returnSlot: randomInt(1, 8),
      endOffsetMs: 0,
    };
    const given = this.options.sessionScript?.(this.device, command) ?? {};
    const script: { -readonly [K in keyof SessionScript]: SessionScript[K] } = { ...defaults };
    for (const [key, value] of Object.entries(given)) if (value !== undefined) (script as Record<string, unknown>)[key] = value;
    // an explicit watts without wattHours means "the energy follows from the power and the time"
    if (given.watts !== undefined && given.wattHours === undefined) delete script.wattHours;
    // likewise an explicit flow without a volume: the volume follows from the flow and the time
    if (given.millilitresPerMinute !== undefined && given.volumeMillilitres === undefined) delete script.volumeMillilitres;
    return script;
  }

  private async startSession(command: DeviceCommand, sessionId: string, signal: AbortSignal): Promise<void> {
    const script = this.resolveScript(command);
    if (script.start === 'none') {
      this.stats.sessionsUnacked += 1;
      this.answered.set(command.id, null);
      return;
    }
    const occurredAt = this.now();
    // as a real device does: a start command handed over too late (after a long outage, say) is not carried out
    // once it has expired; the platform has given up on it and would only flag a service started now
    const failure =
      Date.parse(command.expiresAt) <= Date.now() ? 'the command expired before it could start' : script.start === 'FAILED' ? 'simulated failure to start' : null;
    if (failure) {
      this.stats.sessionsFailed += 1;
      const ack: CommandAck = { result: 'FAILED', detail: failure, occurredAt };
      this.answered.set(command.id, ack);
      await this.sendAck(command, ack, signal);
      return;
    }
    const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : typeof v === 'string' && /^\d+$/.test(v) && Number(v) >= 1 ? Number(v) : fallback);
    // a cabinet with banks ejects the one in the slot asked for, else its fullest, and names it in the ack
    let bankId: string | null = null;
    let ejectedSlot: number | null = null;
    if (this.tracksBanks) {
      const asked = num(command.params.slot, 0) - 1;
      let index = asked >= 0 && this.slotMap[asked] ? asked : -1;
      if (index < 0) for (let i = 0; i < this.slotMap.length; i += 1) if (this.slotMap[i] && (index < 0 || this.slotMap[i]!.chargePercent > this.slotMap[index]!.chargePercent)) index = i;
      if (index >= 0) {
        bankId = this.slotMap[index]!.bankId;
        this.slotMap[index] = null;
        ejectedSlot = index + 1;
      }
    }
    const ack: CommandAck = { result: 'SUCCEEDED', occurredAt, ...(bankId ? { bankId } : {}) };
    this.answered.set(command.id, ack);
    const session: Session = {
      sessionId,
      commandId: command.id,
      commandType: command.type,
      script,
      startedAt: occurredAt,
      startedAtMs: Date.parse(occurredAt),
      slot: ejectedSlot ?? num(command.params.slot, randomInt(1, 8)),
      connector: num(command.params.connector, 1),
      bankId,
      endedAt: null,
      usage: null,
      startAcked: false,
      timers: [],
    };
    this.sessions.set(sessionId, session);
    this.stats.sessionsStarted += 1;
    this.held.add(sessionId);
    const after = new Date(session.startedAtMs + 1).toISOString();
    switch (this.device.type) {
      case 'FRIDGE':
        this.event('door.opened', {}, sessionId, after);
        break;
      case 'POWERBANK_CABINET':
        this.event('powerbank.removed', { slot: session.slot }, sessionId, after);
        break;
      case 'EV_CHARGER': {
        this.event('charging.started', { connector: session.connector }, sessionId, after);
        const every = script.meterEveryMs;
        if (every && every > 0) {
          const meter = () => {
            if (session.endedAt !== null || this.signal?.aborted) return;
            this.event('charging.metered', { connector: session.connector, wattHours: this.energyAt(session, Date.now() + this.driftMs) }, sessionId);
            session.timers.push(setTimeout(meter, every));
          };
          session.timers.push(setTimeout(meter, every));
        }
        break;
      }
      case 'WATER_VALVE': {
        this.event('valve.opened', {}, sessionId, after);
        const every = script.meterEveryMs;
        if (every && every > 0) {
          const meter = () => {
            if (session.endedAt !== null || this.signal?.aborted) return;
            this.event('valve.metered', { volumeMillilitres: this.volumeAt(session, Date.now() + this.driftMs) }, sessionId);
            session.timers.push(setTimeout(meter, every));
          };
          session.timers.push(setTimeout(meter, every));
        }
        break;
      }
    }
    if (script.endAfterMs !== null && script.endAfterMs !== undefined) {
      session.timers.push(setTimeout(() => session.endedAt === null && this.finish(session), script.endAfterMs));
    }
    try {
      await this.sendAck(command, ack, signal);
    } finally {
      session.startAcked = true;
      this.held.delete(sessionId);
      this.kick();
    }
  }

  /** Cumulative watt-hours at a device-clock time, for metered readings and the total. */
  private energyAt(session: Session, atMs: number): number {
    const elapsed = Math.max(0, atMs - session.startedAtMs);
    const { wattHours, endAfterMs, watts = 7000 } = session.script;
    if (wattHours !== undefined && typeof endAfterMs === 'number' && endAfterMs > 0) return Math.min(wattHours, Math.round((wattHours * elapsed) / endAfterMs));
    const byPower = Math.round((watts * elapsed) / 3_600_000);
    return wattHours !== undefined ? Math.min(wattHours, byPower) : byPower;
  }

  /** Cumulative millilitres at a device-clock time, for metered readings and the total. */
  private volumeAt(session: Session, atMs: number): number {
    const elapsed = Math.max(0, atMs - session.startedAtMs);
    const { volumeMillilitres, endAfterMs, millilitresPerMinute = 6000 } = session.script;
    if (volumeMillilitres !== undefined && typeof endAfterMs === 'number' && endAfterMs > 0) return Math.min(volumeMillilitres, Math.round((volumeMillilitres * elapsed) / endAfterMs));
    const byFlow = Math.round((millilitresPerMinute * elapsed) / 60_000);
    return volumeMillilitres !== undefined ? Math.min(volumeMillilitres, byFlow) : byFlow;
  }

  /** The session ends now: the vertical's closing event, then session.ended with the usage. */
  private finish(session: Session): void {
    for (const t of session.timers) clearTimeout(t);
    session.timers = [];
    const script = session.script;
    const realEndMs = Date.now() + this.driftMs;
    const endedAt = new Date(realEndMs + (script.endOffsetMs ?? 0)).toISOString();
    const sid = session.sessionId;
    let usage: Record<string, unknown> | null = null;
    switch (this.device.type) {
      case 'FRIDGE': {
        const items = (script.items ?? []).filter((i) => i.count > 0).map((i) => ({ sku: i.sku, count: i.count }));
        this.event('door.closed', { items }, sid, endedAt);
        usage = { items };
        break;
      }
      case 'POWERBANK_CABINET': {
        if (session.bankId) {
          const elsewhere = this.returnTarget(script);
          if (elsewhere) {
            // returned at another cabinet of the network: that cabinet reports it, once the start ack here was answered
            const bankId = session.bankId;
            const handOver = () => {
              if (!session.startAcked) {
                session.timers.push(setTimeout(handOver, 20));
                return;
              }
              elsewhere.acceptReturn(bankId, script.returnSlot, endedAt);
            };
            handOver();
            session.endedAt = endedAt;
            this.stats.sessionsEnded += 1;
            return;
          }
          const slot = this.acceptSlot(script.returnSlot ?? session.slot, session.bankId);
          this.event('powerbank.returned', { bankId: session.bankId, slot }, sid, endedAt);
          break;
        }
        this.event('powerbank.returned', { slot: script.returnSlot ?? session.slot }, sid, endedAt);
        break;
      }
      case 'EV_CHARGER': {
        const wattHours = script.wattHours ?? this.energyAt(session, realEndMs);
        this.event('charging.metered', { connector: session.connector, wattHours }, sid, endedAt);
        this.event('charging.stopped', { connector: session.connector, wattHours }, sid, endedAt);
        usage = { energy: [{ from: session.startedAt, to: endedAt, wattHours }] };
        break;
      }
      case 'WATER_VALVE': {
        const volumeMillilitres = script.volumeMillilitres ?? this.volumeAt(session, realEndMs);
        this.event('valve.closed', { volumeMillilitres }, sid, endedAt);
        usage = { volumeMillilitres };
        break;
      }
    }
    this.event('session.ended', usage ? { usage } : {}, sid, endedAt);
    session.endedAt = endedAt;
    session.usage = usage;
    this.stats.sessionsEnded += 1;
  }

  /** The cabinet a bank is returned at, when not this one: the script's `returnAt`, or another cabinet with banks by `returnElsewhere`. */
  private returnTarget(script: SessionScript): SimulatedDevice | undefined {
    if (script.returnAt && script.returnAt !== this.code) {
      const peer = this.peers(script.returnAt);
      if (!peer?.tracksBanks) throw new Error(`${this.code}: no cabinet with banks ${script.returnAt} to return to`);
      return peer;
    }
    if (script.returnAt || !(Math.random() < (this.options.returnElsewhere ?? 0))) return undefined;
    return this.peers('*');
  }

  /** Puts a bank back in one of this cabinet's own slots (the one given if free, else the first free). */
  private acceptSlot(slot: number, bankId: string): number {
    let index = slot >= 1 && slot <= this.slotMap.length && this.slotMap[slot - 1] === null ? slot - 1 : this.slotMap.indexOf(null);
    if (index < 0) index = this.slotMap.push(null) - 1; // a full cabinet still takes it (the simulator does not refuse)
    this.slotMap[index] = { bankId, chargePercent: 30 + Math.floor(Math.random() * 40) };
    return index + 1;
  }

  /** Acknowledges until the API answers (lost packets, outages and 5xx are retried with back-off). */
  private async sendAck(command: DeviceCommand, ack: CommandAck, signal: AbortSignal): Promise<void> {
    this.acksInFlight += 1;
    try {
      for (let attempt = 0; !signal.aborted; attempt += 1) {
        try {
          await this.client.ack(command.id, ack, signal);
          this.stats.acks += 1;
          this.options.onAck?.(this.device, command, Date.now());
          return;
        } catch (error) {
          this.note(error);
          if (isFinalAnswer(error)) {
            // 404, 409 (expired: recorded anyway; already acked): resending will not change it
            this.options.onAck?.(this.device, command, Date.now(), (error as DeviceApiError).code);
            return;
          }
          this.stats.retries += 1;
          await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()), signal);
        }
      }
    } finally {
      this.acksInFlight -= 1;
    }
  }

  private event(type: DeviceEvent['type'], fields: Record<string, unknown> = {}, sessionId?: string | null, occurredAt?: string): void {
    const event: DeviceEvent = { eventId: randomUUID(), type, occurredAt: occurredAt ?? this.now(), ...(sessionId ? { sessionId } : {}), ...fields };
    this.outbox.push({ event, lane: sessionId ?? '', injected: false });
    this.kick();
  }

  private kick(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** What the device reports after carrying out a command without a session (operator commands), per vertical. */
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
        } else {
          this.event('powerbank.returned', { slot }, session);
        }
        break;
      case 'EJECT':
        this.event('powerbank.removed', { slot }, session);
        break;
      case 'START_CHARGING':
        this.event('charging.started', { connector: command.params.connector ?? 1 }, session);
        this.event('charging.metered', { wattHours: Math.round(Math.random() * 2000) }, session);
        break;
      case 'STOP_CHARGING':
        this.event('charging.stopped', { wattHours: Math.round(Math.random() * 20_000) }, session);
        break;
      case 'OPEN_VALVE':
        this.event('valve.opened', {}, session);
        break;
      case 'CLOSE_VALVE':
        this.event('valve.closed', { volumeMillilitres: Math.round(Math.random() * 3000) }, session);
        break;
      case 'REBOOT':
        break;
    }
  }

  /** The next event to send: the oldest, or with `reorderEvents` the head of a random session's queue; none while its session's start ack is unanswered. */
  private next(): number {
    if (this.outbox.length === 0) return -1;
    if (!this.options.reorderEvents) return this.held.has(this.outbox[0]!.lane) ? -1 : 0;
    const heads = new Map<string, number>();
    this.outbox.forEach((o, i) => {
      if (!heads.has(o.lane)) heads.set(o.lane, i);
    });
    const ready = [...heads].filter(([lane]) => !this.held.has(lane)).map(([, i]) => i);
    return ready.length === 0 ? -1 : ready[Math.floor(Math.random() * ready.length)]!;
  }

  /** Sends events one at a time; one without an answer stays queued and is resent with its eventId after a back-off. */
  private async outboxLoop(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      const index = this.next();
      if (index < 0) {
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
          };
          const timer = setTimeout(done, 1000);
          this.wake = done;
          signal.addEventListener('abort', done, { once: true });
        });
        continue;
      }
      const out = this.outbox[index]!;
      try {
        const answer = await this.client.sendEvent(out.event, signal);
        failures = 0;
        this.stats.eventsSent += 1;
        if (answer.duplicate) this.stats.eventDuplicates += 1;
        if (index > 0) this.stats.eventsReordered += 1;
        this.outbox.splice(this.outbox.indexOf(out), 1);
        if (!out.injected && Math.random() < (this.options.duplicateEvents ?? 0)) this.replayLater(out);
      } catch (error) {
        this.note(error);
        if (error instanceof DeviceApiError && error.status === 400) {
          // refused as invalid: resending will not help
          this.stats.eventsRejected += 1;
          this.outbox.splice(this.outbox.indexOf(out), 1);
          continue;
        }
        failures += 1;
        this.stats.retries += 1;
        await sleep(Math.min(2000, 100 * 2 ** Math.min(failures, 5)) * (0.5 + Math.random()), signal);
      }
    }
  }

  private replayLater(out: Outgoing): void {
    this.pendingReplays += 1;
    setTimeout(() => {
      this.pendingReplays -= 1;
      if (this.signal?.aborted) return;
      this.stats.duplicatesInjected += 1;
      this.outbox.push({ ...out, lane: `dup:${out.event.eventId}`, injected: true });
      this.kick();
    }, randomInt(20, 1000)).unref();
  }
}

/** A running fleet a test can reach into: devices by code, stats, and a wait for every outbox to drain. */
export class Fleet {
  readonly devices: readonly SimulatedDevice[];
  private readonly byKey = new Map<string, SimulatedDevice>();
  private running: Promise<void> | null = null;

  constructor(
    devices: readonly SimDevice[],
    readonly options: SimOptions,
    readonly stats: SimStats = new SimStats(),
  ) {
    this.devices = devices.map((d) => new SimulatedDevice(d, options, this.stats));
    for (const d of this.devices) {
      this.byKey.set(d.device.code, d);
      this.byKey.set(d.device.deviceId, d);
    }
    // a network of cabinets: a bank may be returned at any other cabinet with banks ('*': one at random)
    const cabinets = this.devices.filter((d) => d.tracksBanks);
    for (const d of this.devices) {
      d.peers = (code) => {
        if (code !== '*') return this.byKey.get(code);
        const others = cabinets.filter((c) => c !== d);
        return others[Math.floor(Math.random() * others.length)];
      };
    }
  }

  /** Runs every device until `signal` aborts; the promise settles once every loop has stopped. */
  start(signal: AbortSignal): Promise<void> {
    if (this.running) return this.running;
    setMaxListeners(0, signal); // every device's requests listen to the one stop signal
    this.running = Promise.all(this.devices.map((d) => d.run(signal))).then(() => undefined);
    return this.running;
  }

  /** A device by its code (or id). */
  device(codeOrId: string): SimulatedDevice {
    const d = this.byKey.get(codeOrId);
    if (!d) throw new Error(`no simulated device ${codeOrId}`);
    return d;
  }

  /** Resolves when every device's outbox is empty, no duplicate is scheduled and no ack is in flight. */
  async settled(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.devices.some((d) => d.pending() > 0)) {
      if (Date.now() > deadline) throw new Error(`fleet not settled after ${timeoutMs} ms: ${this.devices.reduce((n, d) => n + d.pending(), 0)} pending`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/** Runs every device until `signal` aborts. */
export async function runFleet(devices: readonly SimDevice[], options: SimOptions, stats: SimStats, signal: AbortSignal): Promise<SimulatedDevice[]> {
  const fleet = new Fleet(devices, options, stats);
  await fleet.start(signal);
  return [...fleet.devices];
}

/** What `--free-minutes` does (operator API calls, in provision.ts), for tests that use the package. */
export { setRentalFreeMinutes } from './provision.js';
