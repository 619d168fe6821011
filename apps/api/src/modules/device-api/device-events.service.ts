import { Injectable } from '@nestjs/common';
import { DEVICE_EVENT_TYPES, type EventResponse } from '@zizhu/device-sdk';
import { DataSource } from 'typeorm';
import { applyReturn } from '../fleet/power-banks.js';
import { isSessionId, SessionSignals } from '../fleet/session-signals.js';
import { z } from 'zod';
import type { AuthenticatedDevice } from './device-authenticator.service.js';
import { deviceApiErrors } from './device-api.errors.js';
import { systemStatement } from '../../platform/database/transactions.js';
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
    if (event.type === 'powerbank.returned' && 'bankId' in event) need('bankId', z.string().min(1).max(64), 'bankId must be a string of 1–64 characters');
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
    private readonly signals: SessionSignals,
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
    const insert = {
      text: `INSERT INTO device_events (tenant_id, device_id, event_id, type, session_id, source, occurred_at, received_at, clock_skew_seconds, clock_flag, out_of_order, payload)
         SELECT $1, $2, $3, $4, $5, 'DEVICE', $6, $7, $8, $9,
                EXISTS (SELECT 1 FROM device_events e WHERE e.device_id = $2 AND e.source = 'DEVICE' AND e.occurred_at > $6), $10
         ON CONFLICT (device_id, event_id) DO NOTHING
         RETURNING id`,
      values: [device.tenantId, device.id, eventId, type, sessionId ?? null, occurred, receivedAt, device.clockSkewSeconds, clockFlag, payload],
    };
    // an event that hands nothing on (only a session's end and a named bank's return do, and only such a return can be
    // refused): its one statement, alone in its transaction
    const bankId = (payload as { bankId?: unknown }).bankId;
    const handsOn = (type === 'session.ended' && isSessionId(sessionId)) || (type === 'powerbank.returned' && typeof bankId === 'string');
    if (!handsOn) {
      const { rows } = await systemStatement(this.dataSource, insert);
      return { eventId, duplicate: rows.length === 0 };
    }
    let foreign = false;
    const inserted = await withSystem(this.dataSource, async (m) => {
      const rows = (await m.query(insert.text, insert.values)) as { id: string }[];
      // the end of a session goes to the sessions module in the same transaction (a resent event delivers nothing new)
      if (rows.length > 0 && type === 'session.ended' && isSessionId(sessionId)) {
        const usage = (payload as { usage?: unknown }).usage;
        await this.signals.deliver(
          m,
          {
            kind: 'ended',
            tenantId: device.tenantId,
            deviceId: device.id,
            sessionId,
            eventId,
            occurredAt: occurred.toISOString(),
            usage: usage && typeof usage === 'object' && !Array.isArray(usage) ? (usage as Record<string, unknown>) : {},
          },
          `ended:${device.id}:${eventId}`,
        );
      }
      // a power bank returned at any cabinet of its network ends the session holding it, at the return's time (issue 16)
      if (rows.length > 0 && type === 'powerbank.returned' && typeof bankId === 'string') {
        const outcome = await applyReturn(m, { deviceId: device.id, bankId, slot: (payload as { slot: number }).slot, occurredAt: occurred });
        if (outcome.kind === 'foreign') {
          foreign = true;
          // kept with the event: a resent eventId (the cabinet lost this answer) is answered the same
          await m.query(`UPDATE device_events SET refusal = 'POWERBANK_FOREIGN_NETWORK' WHERE device_id = $1 AND event_id = $2`, [device.id, eventId]);
        }
        if (outcome.kind === 'end') {
          await this.signals.deliver(
            m,
            { kind: 'ended', tenantId: outcome.tenantId, deviceId: outcome.sessionDeviceId, sessionId: outcome.sessionId, eventId, occurredAt: occurred.toISOString(), usage: {} },
            `ended:${device.id}:${eventId}`,
          );
        }
      }
      // a resent event gets the answer the first one got (a refusal stays a refusal)
      if (rows.length === 0) {
        const [first] = (await m.query(`SELECT refusal FROM device_events WHERE device_id = $1 AND event_id = $2`, [device.id, eventId])) as { refusal: string | null }[];
        if (first?.refusal === 'POWERBANK_FOREIGN_NETWORK') foreign = true;
      }
      return rows;
    });
    // recorded and flagged (committed), then refused; a resent eventId is refused again
    if (foreign) throw deviceApiErrors.POWERBANK_FOREIGN_NETWORK(`Power bank ${String((payload as { bankId?: unknown }).bankId)} is not a bank of this cabinet's merchant network.`);
    return { eventId, duplicate: inserted.length === 0 };
  }
}
