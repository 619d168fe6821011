import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { DeviceCommand } from '@zizhu/device-sdk';
import { DataSource, type EntityManager } from 'typeorm';
import { CommandSignal } from '../fleet/command-signal.service.js';
import { recordEject } from '../fleet/power-banks.js';
import { isSessionId, SessionSignals } from '../fleet/session-signals.js';
import { deviceApiErrors } from './device-api.errors.js';
import { systemStatement } from '../../platform/database/transactions.js';
import { withSystem } from './system-db.js';

/** A poll holds the commands it answers with for this long; an answer never written frees them sooner. */
const LEASE_SECONDS = 30;
/** How often the whole queue is scanned for claimable commands (one query, whatever the number of polls). */
const TICK_MS = 1000;

interface ClaimedRow {
  id: string;
  type: DeviceCommand['type'];
  session_id: string | null;
  params: Record<string, unknown>;
  expires_at: Date;
  created_at: Date;
}

export interface AckInput {
  result: 'SUCCEEDED' | 'FAILED';
  detail?: string | undefined;
  occurredAt: Date;
  /** A power-bank cabinet's ack of an EJECT names the bank it ejected (contracts.md §4). */
  bankId?: string | undefined;
}

/**
 * Delivers queued commands by long poll. A poll leases the commands it answers with; they become
 * DELIVERED only once the answer has been written to the device's connection, and go back to the queue
 * if it was not (the device went away mid-poll). The queue is the database, so commands survive restarts.
 */
@Injectable()
export class CommandDelivery implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('CommandDelivery');
  private tick: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly signal: CommandSignal,
    private readonly sessionSignals: SessionSignals,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.scan().catch(() => undefined);
    this.tick = setInterval(() => void this.scan().catch(() => undefined), TICK_MS);
    this.tick.unref();
  }

  onModuleDestroy(): void {
    if (this.tick) clearInterval(this.tick);
  }

  /**
   * Waits up to `waitSeconds` for commands; `gone` aborts when the device hangs up. The queue is queried
   * only when the device may have something (or when it does not wait at all): idle polls are free.
   */
  async poll(deviceId: string, waitSeconds: number, gone: AbortSignal): Promise<DeviceCommand[]> {
    const deadline = Date.now() + waitSeconds * 1000;
    let look = waitSeconds === 0 || this.signal.mayHaveCommands(deviceId);
    for (;;) {
      if (look) {
        const claimed = await this.claim(deviceId);
        if (claimed.length > 0) return claimed;
        this.signal.clearHint(deviceId);
      }
      const left = deadline - Date.now();
      if (left <= 0 || gone.aborted || this.signal.draining) return []; // draining: the process is shutting down
      look = await this.signal.wait(deviceId, left, gone);
    }
  }

  private async claim(deviceId: string): Promise<DeviceCommand[]> {
    // one statement, alone in its transaction: one round trip
    const { rows } = await systemStatement<ClaimedRow>(this.dataSource, {
      text: `UPDATE device_commands c SET lease_until = now() + make_interval(secs => $2), delivery_attempts = c.delivery_attempts + 1
           WHERE c.id IN (
             SELECT id FROM device_commands
             WHERE device_id = $1 AND state = 'QUEUED' AND expires_at > now() AND (lease_until IS NULL OR lease_until < now())
             ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED)
           RETURNING c.id, c.type, c.session_id, c.params, c.expires_at, c.created_at`,
      values: [deviceId, LEASE_SECONDS],
    });
    return rows
      .sort((a, b) => a.created_at.getTime() - b.created_at.getTime())
      .map((r) => ({ id: r.id, type: r.type, sessionId: r.session_id, params: r.params, expiresAt: r.expires_at.toISOString() }));
  }

  /** After the answer: DELIVERED if it was written out, back to the queue if the connection was gone. */
  async settle(deviceId: string, commandIds: readonly string[], written: boolean): Promise<void> {
    if (commandIds.length === 0) return;
    await systemStatement(this.dataSource, {
      text: written
        ? `UPDATE device_commands SET state = 'DELIVERED', delivered_at = now(), lease_until = NULL WHERE device_id = $1 AND id = ANY ($2::uuid[]) AND state = 'QUEUED'`
        : `UPDATE device_commands SET lease_until = NULL WHERE device_id = $1 AND id = ANY ($2::uuid[]) AND state = 'QUEUED'`,
      values: [deviceId, commandIds],
    }).catch((error: unknown) => this.logger.error({ err: error, deviceId, commandIds }, 'could not settle delivered commands'));
  }

  async ack(deviceId: string, commandId: string, ack: AckInput): Promise<{ id: string; state: string }> {
    const outcome = await withSystem(this.dataSource, async (m) => {
      const [row] = (await m.query(
        `SELECT id, tenant_id, session_id, state, ack_result, expires_at <= now() AS past_expiry FROM device_commands WHERE id = $1 AND device_id = $2 FOR UPDATE`,
        [commandId, deviceId],
      )) as { id: string; tenant_id: string; session_id: string | null; state: string; ack_result: string | null; past_expiry: boolean }[];
      if (!row) return { kind: 'missing' as const };
      if (row.state === 'SUCCEEDED' || row.state === 'FAILED') {
        return row.state === ack.result ? { kind: 'ok' as const, state: row.state } : { kind: 'conflict' as const, state: row.state };
      }
      if (row.state === 'EXPIRED' || row.past_expiry) {
        // too late to change the outcome, but what the device says it did is kept (the first answer)
        await m.query(
          `UPDATE device_commands SET state = 'EXPIRED', expired_at = coalesce(expired_at, now()), lease_until = NULL,
             acked_at = coalesce(acked_at, now()), ack_result = coalesce(ack_result, $2), ack_detail = coalesce(ack_detail, $3), ack_occurred_at = coalesce(ack_occurred_at, $4)
           WHERE id = $1`,
          [commandId, ack.result, ack.detail ?? null, ack.occurredAt],
        );
        // late, but what the device did matters to its session (a power bank that came out is in use)
        if (row.ack_result === null) await this.signalSession(m, row, deviceId, ack);
        return { kind: 'expired' as const };
      }
      await m.query(
        `UPDATE device_commands SET state = $2, lease_until = NULL, delivered_at = coalesce(delivered_at, now()), acked_at = now(),
           ack_result = $2, ack_detail = $3, ack_occurred_at = $4,
           succeeded_at = CASE WHEN $2 = 'SUCCEEDED' THEN now() END, failed_at = CASE WHEN $2 = 'FAILED' THEN now() END
         WHERE id = $1`,
        [commandId, ack.result, ack.detail ?? null, ack.occurredAt],
      );
      await this.signalSession(m, row, deviceId, ack);
      return { kind: 'ok' as const, state: ack.result };
    });
    if (outcome.kind === 'missing') throw deviceApiErrors.DEVICE_COMMAND_NOT_FOUND();
    if (outcome.kind === 'expired') throw deviceApiErrors.DEVICE_COMMAND_EXPIRED();
    if (outcome.kind === 'conflict') throw deviceApiErrors.DEVICE_COMMAND_ALREADY_ACKED(`The command already ended ${outcome.state}.`);
    return { id: commandId, state: outcome.state };
  }

  /** Hands a session command's outcome to the sessions module, in the transaction that recorded it. */
  private async signalSession(
    manager: EntityManager,
    row: { id: string; tenant_id: string; session_id: string | null },
    deviceId: string,
    ack: AckInput,
  ): Promise<void> {
    if (!isSessionId(row.session_id)) return;
    // the bank a cabinet ejected is the session's (its return at any cabinet of the network ends the session)
    const eject =
      ack.bankId && ack.result === 'SUCCEEDED'
        ? await recordEject(manager, { deviceId, sessionId: row.session_id as string, bankId: ack.bankId, occurredAt: ack.occurredAt })
        : null;
    await this.sessionSignals.deliver(
      manager,
      { kind: 'ack', tenantId: row.tenant_id, deviceId, sessionId: row.session_id as string, commandId: row.id, result: ack.result, occurredAt: ack.occurredAt.toISOString() },
      `ack:${row.id}`,
    );
    // its return was processed before this ack: the session ends at the return's time, as that return would have ended it
    if (eject?.kind === 'returned') {
      await this.sessionSignals.deliver(
        manager,
        { kind: 'ended', tenantId: row.tenant_id, deviceId, sessionId: row.session_id as string, eventId: `eject-returned:${row.id}`, occurredAt: eject.returnedAt.toISOString(), usage: {} },
        `ended:eject:${row.id}`,
      );
    }
  }

  /** One query over the queue (its partial index holds only QUEUED commands): which devices have something to claim. */
  async scan(): Promise<void> {
    this.signal.beginScan();
    const { rows } = await systemStatement<{ device_id: string }>(this.dataSource, {
      text: `SELECT DISTINCT device_id FROM device_commands
         WHERE state = 'QUEUED' AND expires_at > now() AND (lease_until IS NULL OR lease_until < now())`,
    });
    this.signal.replaceHints(rows.map((r) => r.device_id));
  }
}
