import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { defineJob } from '../../platform/jobs/job-definition.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';

/**
 * What a device said about a service session, handed from the device API to the sessions module in the
 * same transaction that recorded the ack or the event, so neither is lost nor applied without having been
 * recorded: applied there and then (`SessionSignals.deliver`), or, when that cannot be done, as a durable
 * job queued in that transaction. The sessions module attaches the applier and registers the job's worker.
 */
export type SessionDeviceSignal =
  | {
      readonly kind: 'ack';
      readonly tenantId: string;
      readonly deviceId: string;
      readonly sessionId: string;
      readonly commandId: string;
      readonly result: 'SUCCEEDED' | 'FAILED';
      readonly occurredAt: string;
    }
  | {
      readonly kind: 'ended';
      readonly tenantId: string;
      readonly deviceId: string;
      readonly sessionId: string;
      readonly eventId: string;
      readonly occurredAt: string;
      readonly usage: Record<string, unknown>;
    };

export const sessionDeviceSignal = defineJob<SessionDeviceSignal>('sessions.device-signal', {
  retry: { limit: 20, delaySeconds: 1, backoff: true, maxDelaySeconds: 60 },
  expireInSeconds: 60,
  keepFinishedSeconds: 7 * 86_400,
});

/** Applies a signal to its session inside the caller's transaction (system scope; the session is locked by the applier). */
export type SessionSignalApplier = (manager: EntityManager, signal: SessionDeviceSignal) => Promise<void>;

/**
 * The device API's way into the sessions module (issue 15, lifecycles). A device signal needs no call to WeChat:
 * it is applied in the transaction that recorded it (one transaction instead of that one plus a job's fetch,
 * transaction and completion), inside a savepoint. Should applying fail (a bug, a lock that cannot be had), the
 * savepoint is rolled back and the durable job is queued instead, so the ack or event is still recorded and the
 * signal applied later, as before. With no applier attached (a process without the sessions module) it is queued.
 */
@Injectable()
export class SessionSignals {
  private readonly logger = new Logger('SessionSignals');
  private applier: SessionSignalApplier | undefined;

  constructor(
    private readonly jobs: JobsService,
    private readonly context: RequestContext,
  ) {}

  attach(applier: SessionSignalApplier): void {
    this.applier = applier;
  }

  /** In the device's open transaction: applies the signal at once, or queues it (idempotent by `key`). */
  async deliver(manager: EntityManager, signal: SessionDeviceSignal, key: string): Promise<void> {
    await this.context.within({ manager, scope: 'system' }, async () => {
      const applier = this.applier;
      if (applier) {
        await manager.query('SAVEPOINT session_signal');
        try {
          await applier(manager, signal);
          return; // the savepoint is not released: the transaction's commit commits it (one statement less)
        } catch (error) {
          await manager.query('ROLLBACK TO SAVEPOINT session_signal');
          this.logger.warn({ err: error, sessionId: signal.sessionId, kind: signal.kind }, 'device signal not applied in its transaction: queued as a job');
        }
      }
      await this.jobs.enqueue(sessionDeviceSignal, signal, { key });
    });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Session ids are ours (uuids); anything else a device sends in `sessionId` names no session. */
export function isSessionId(value: string | null | undefined): value is string {
  return typeof value === 'string' && UUID.test(value);
}
