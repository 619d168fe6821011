import { defineJob } from '../../platform/jobs/job-definition.js';

/**
 * What a device said about a service session, handed from the device API to the sessions module as a
 * durable job (queued in the same transaction that recorded the ack or the event, so neither is lost
 * nor applied without having been recorded). The sessions module registers the worker.
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Session ids are ours (uuids); anything else a device sends in `sessionId` names no session. */
export function isSessionId(value: string | null | undefined): value is string {
  return typeof value === 'string' && UUID.test(value);
}
