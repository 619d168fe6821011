import { Injectable } from '@nestjs/common';
import { DEVICE_EVENT_TYPES, type EventResponse } from '@zizhu/device-sdk';
import { DataSource } from 'typeorm';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { isSessionId, sessionDeviceSignal } from '../fleet/session-signals.js';
import { z } from 'zod';
import type { AuthenticatedDevice } from './device-authenticator.service.js';
import { deviceApiErrors } from './device-api.errors.js';
import { withSystem } from './system-db.js';

/** A device clock further than this from the server's is flagged on the events it sends. */
export const CLOCK_TOLERANCE_SECONDS = 30;

const isoTime = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);

const eventSchema = z
  .looseObject({
    eventId: z.string().min(1).max(128),
    type: z.enum(DEVICE_EVENT_TYPES),
    sessionId: z.string().min(1).max(64).optional(),
    occurredAt: isoTime,
  })
  .superRefine((event, ctx) => {
    const need = (field: string, schema: z.ZodType, why: string) => {
      if (!schema.safeParse((event as Record<string, unknown>)[field]).success) ctx.addIssue({ code: 'custom', path: [field], message: why });
    };
    if (event.type === 'powerbank.removed' || event.type === 'powerbank.returned') need('slot', z.number().int().min(1), 'slot (an integer ≥ 1) is required');
    if (event.type === 'door.closed' && 'items' in event) {
      need('items', z.array(z.object({ sku: z.string().min(1), count: z.number().int().min(1) })), 'items must be [{sku, count}]');
    }
    if (event.type === 'charging.metered') need('wattHours', count, 'wattHours (an integer ≥ 0) is required');
    if (event.type === 'valve.metered') need('volumeMillilitres', count, 'volumeMillilitres (an integer ≥ 0) is required');
    if (event.type === 'valve.closed' && 'volumeMillilitres' in event) need('volumeMillilitres', count, 'volumeMillilitres must be an integer ≥ 0');
    if (event.type === 'session.ended') {
      need('sessionId', z.string().min(1), 'sessionId is required');
      if ('usage' in event) need('usage', z.record(z.string(), z.unknown()), 'usage must be an object');
    }
  });

/** Device events: idempotent by (device, eventId), kept in device-time order, flagged when the clock is off. */
@Injectable()
export class DeviceEventsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly context: RequestContext,
  ) {}

  async record(device: AuthenticatedDevice, body: unknown, receivedAt = new Date()): Promise<EventResponse> {
    const parsed = eventSchema.safeParse(body);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', messages: [i.message] }));
      throw deviceApiErrors.DEVICE_BODY_INVALID(`Invalid fields: ${errors.map((e) => e.field).join(', ')}`, { errors });
    }
    const { eventId, type, sessionId, occurredAt, ...payload } = parsed.data;
    const occurred = new Date(occurredAt);
    const clockFlag =
      Math.abs(device.clockSkewSeconds) > CLOCK_TOLERANCE_SECONDS
        ? 'DEVICE_CLOCK_SKEWED'
        : occurred.getTime() / 1000 > device.sentAt + CLOCK_TOLERANCE_SECONDS
          ? 'OCCURRED_IN_FUTURE'
          : null;
    const inserted = await withSystem(this.dataSource, async (m) => {
      const rows = (await m.query(
        `INSERT INTO device_events (tenant_id, device_id, event_id, type, session_id, source, occurred_at, received_at, clock_skew_seconds, clock_flag, out_of_order, payload)
         SELECT $1, $2, $3, $4, $5, 'DEVICE', $6, $7, $8, $9,
                EXISTS (SELECT 1 FROM device_events e WHERE e.device_id = $2 AND e.source = 'DEVICE' AND e.occurred_at > $6), $10
         ON CONFLICT (device_id, event_id) DO NOTHING
         RETURNING id`,
        [device.tenantId, device.id, eventId, type, sessionId ?? null, occurred, receivedAt, device.clockSkewSeconds, clockFlag, payload],
      )) as { id: string }[];
      // the end of a session goes to the sessions module in the same transaction (a resent event queues nothing new)
      if (rows.length > 0 && type === 'session.ended' && isSessionId(sessionId)) {
        const usage = (payload as { usage?: unknown }).usage;
        await this.context.within({ manager: m, scope: 'system' }, () =>
          this.jobs.enqueue(
            sessionDeviceSignal,
            {
              kind: 'ended',
              tenantId: device.tenantId,
              deviceId: device.id,
              sessionId,
              eventId,
              occurredAt: occurred.toISOString(),
              usage: usage && typeof usage === 'object' && !Array.isArray(usage) ? (usage as Record<string, unknown>) : {},
            },
            { key: `ended:${device.id}:${eventId}` },
          ),
        );
      }
      return rows;
    });
    return { eventId, duplicate: inserted.length === 0 };
  }
}
