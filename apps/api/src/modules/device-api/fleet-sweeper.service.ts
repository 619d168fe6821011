import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DeviceAuthenticator } from './device-authenticator.service.js';
import { HeartbeatBuffer } from './heartbeat-buffer.service.js';

const PURGE_EVERY_MS = 60_000;

/**
 * Periodically marks devices offline after 3 missed heartbeat intervals (recording a `device.offline`
 * event), expires unacknowledged commands, and — once a minute — deletes the nonces past the signature window
 * (issue 15: old device nonces are deleted by a periodic job), in bounded batches (NonceStore.purge). Every API
 * process runs it; each statement is idempotent, so several processes sweeping at once do the work once.
 */
@Injectable()
export class FleetSweeper implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('FleetSweeper');
  private timer: NodeJS.Timeout | null = null;
  private lastPurge = Date.now();
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly heartbeats: HeartbeatBuffer,
    private readonly authenticator: DeviceAuthenticator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'fleet sweep failed'))
        .finally(() => (this.running = null));
    }, this.config.fleet.sweepMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Deletes the nonces past the signature window (bounded batches); the sweep does it once a minute. */
  async purgeNonces(): Promise<number> {
    this.lastPurge = Date.now();
    return this.authenticator.nonces.purge();
  }

  async sweep(): Promise<{ wentOffline: number; expiredCommands: number }> {
    await this.heartbeats.flush().catch(() => undefined);
    const [row] = (await this.dataSource.query(`SELECT * FROM zizhu_fleet_sweep()`)) as { went_offline: string[]; expired_commands: number }[];
    this.heartbeats.forgetWritten(row?.went_offline ?? []);
    if (Date.now() - this.lastPurge > PURGE_EVERY_MS) await this.purgeNonces();
    return { wentOffline: row?.went_offline.length ?? 0, expiredCommands: row?.expired_commands ?? 0 };
  }
}
