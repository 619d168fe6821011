import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { applyInventory, reportedSlots } from '../fleet/power-banks.js';
import { withSystem } from './system-db.js';

interface Beat {
  seen: Date;
  firmware: string | null;
  telemetry: Record<string, unknown> | null;
  /** Equal fingerprints: the same firmware and telemetry (the controller passes the raw body). */
  fingerprint?: string;
}

interface Written {
  at: number;
  fingerprint: string;
}

const fingerprintOf = (beat: Beat): string => beat.fingerprint ?? JSON.stringify([beat.firmware, beat.telemetry]);

/** A heartbeat that changes nothing is written at most this often per device (and at most a quarter interval apart). */
const UNCHANGED_WRITE_MS = 10_000;
/** Devices per statement. */
const FLUSH_CHUNK = 250;

/**
 * Coalesces heartbeats: each one only replaces the device's entry in memory; every flush interval the
 * latest heartbeat of every device is written in one statement (online state, last seen, firmware,
 * telemetry, a sampled telemetry history row, and a `device.online` event for devices coming back).
 * The write load is one statement per interval, whatever the number of devices or heartbeats; a device
 * whose heartbeat changes nothing (same firmware and telemetry) is rewritten only every
 * min(10 s, interval / 4), which keeps `last_seen_at` far inside the 3-interval offline threshold.
 */
@Injectable()
export class HeartbeatBuffer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('HeartbeatBuffer');
  private buffer = new Map<string, Beat>();
  private readonly lastSample = new Map<string, number>();
  private readonly lastWritten = new Map<string, Written>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  flushes = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush().catch(() => undefined), this.config.fleet.heartbeatFlushMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush().catch((error: unknown) => this.logger.error({ err: error }, 'last heartbeat flush failed'));
  }

  record(deviceId: string, beat: Beat, heartbeatIntervalSeconds = 60): void {
    const previous = this.buffer.get(deviceId);
    if (!previous) {
      const written = this.lastWritten.get(deviceId);
      if (
        written &&
        beat.seen.getTime() - written.at < Math.min(UNCHANGED_WRITE_MS, (heartbeatIntervalSeconds * 1000) / 4) &&
        fingerprintOf(beat) === written.fingerprint
      ) {
        return; // nothing new, and the database's last_seen_at is recent enough
      }
    }
    // keep the last known firmware/telemetry if the newest beat leaves them out
    this.buffer.set(deviceId, {
      seen: beat.seen,
      firmware: beat.firmware ?? previous?.firmware ?? null,
      telemetry: beat.telemetry ?? previous?.telemetry ?? null,
      fingerprint: fingerprintOf(beat),
    });
  }

  /** Devices another component marked offline: their next heartbeat is written whatever it says. */
  forgetWritten(deviceIds: readonly string[]): void {
    for (const id of deviceIds) this.lastWritten.delete(id);
  }

  get pending(): number {
    return this.buffer.size;
  }

  /** Writes the buffered heartbeats now (also called before the offline sweep, and by tests). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.buffer.size === 0) return;
    const batch = this.buffer;
    this.buffer = new Map();
    this.flushing = this.write(batch).finally(() => {
      this.flushing = null;
    });
    await this.flushing;
  }

  private async write(batch: Map<string, Beat>): Promise<void> {
    const all = [...batch.keys()].sort(); // a stable order: concurrent flushes of several processes lock rows alike
    // in chunks, yielding between them: on the embedded database a statement runs on the event loop itself
    for (let i = 0; i < all.length; i += FLUSH_CHUNK) {
      const ids = all.slice(i, i + FLUSH_CHUNK);
      try {
        await this.writeChunk(ids, batch);
      } catch (error) {
        // put the rest back unless a newer heartbeat arrived meanwhile; the next flush retries
        for (const id of all.slice(i)) if (!this.buffer.has(id)) this.buffer.set(id, batch.get(id)!);
        this.logger.warn({ err: error, devices: all.length - i }, 'heartbeat flush failed; will retry');
        throw error;
      }
      if (i + FLUSH_CHUNK < all.length) await new Promise((resolve) => setImmediate(resolve));
    }
    this.flushes += 1;
    if (this.lastSample.size > 500_000) this.lastSample.clear();
    if (this.lastWritten.size > 500_000) this.lastWritten.clear();
  }

  private async writeChunk(ids: string[], batch: Map<string, Beat>): Promise<void> {
    const sampleMs = this.config.fleet.telemetrySampleSeconds * 1000;
    const now = Date.now();
    const sample = ids.map((id) => (this.lastSample.get(id) ?? 0) + sampleMs <= now && batch.get(id)!.telemetry !== null);
    await this.dataSource.query(
      `SELECT count(*) FROM zizhu_fleet_apply_heartbeats($1::uuid[], $2::timestamptz[], $3::text[], $4::jsonb[], $5::boolean[])`,
      [ids, ids.map((id) => batch.get(id)!.seen), ids.map((id) => batch.get(id)!.firmware), ids.map((id) => batch.get(id)!.telemetry), sample],
    );
    // power-bank cabinets that report their slots as objects: the network's bank inventory (issue 16)
    const inventory = ids.flatMap((id) => {
      const slots = reportedSlots(batch.get(id)!.telemetry);
      return slots ? [{ deviceId: id, seen: batch.get(id)!.seen, slots }] : [];
    });
    // the heartbeats are written: a failing inventory is logged and dropped, never a reason to write them again
    if (inventory.length > 0) {
      await withSystem(this.dataSource, (m) => applyInventory(m, inventory)).catch((error: unknown) =>
        this.logger.error({ err: error, devices: inventory.length }, 'power-bank inventory of a heartbeat flush not applied; dropped'),
      );
    }
    ids.forEach((id, i) => {
      if (sample[i]) this.lastSample.set(id, now);
      const beat = batch.get(id)!;
      this.lastWritten.set(id, { at: beat.seen.getTime(), fingerprint: fingerprintOf(beat) });
    });
  }
}
