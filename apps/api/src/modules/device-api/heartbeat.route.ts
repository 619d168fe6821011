import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { DirectHandlerFactory } from '../../platform/http/direct-handlers.js';
import type { HeartbeatResponseDto } from './device-api.dto.js';
import { deviceApiErrors } from './device-api.errors.js';
import { type AuthenticatedDevice, DeviceAuthenticator } from './device-authenticator.service.js';
import { HeartbeatBuffer } from './heartbeat-buffer.service.js';

type DeviceRequest = FastifyRequest & { rawBody?: Buffer; device?: AuthenticatedDevice };

const MAX_SLOT = 2 ** 31 - 1;

/**
 * A power-bank cabinet's slots reported as objects (`[{slot, bankId?, chargePercent?}]`, the inventory of issue 16):
 * each slot an integer 1…2³¹−1 and at most the cabinet's slot count when known, a bankId (when given) a string of 1–64 characters, as in `powerbank.returned`.
 * Other shapes (the older `[1, 0, …]`) are telemetry, not inventory, and pass.
 */
function slotIssues(slots: unknown, slotCount: number | null): { field: string; messages: string[] }[] {
  const max = slotCount ?? MAX_SLOT;
  if (!Array.isArray(slots)) return [];
  const errors: { field: string; messages: string[] }[] = [];
  slots.forEach((entry: unknown, i) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return;
    const { slot, bankId } = entry as { slot?: unknown; bankId?: unknown };
    if (!(Number.isInteger(slot) && (slot as number) >= 1 && (slot as number) <= max)) {
      errors.push({ field: `slots[${i}].slot`, messages: [`slot must be an integer from 1 to ${max}${slotCount !== null ? ' (the cabinet’s slot count)' : ''}`] });
    }
    if (bankId !== undefined && bankId !== null && !(typeof bankId === 'string' && bankId.length >= 1 && bankId.length <= 64)) {
      errors.push({ field: `slots[${i}].bankId`, messages: ['bankId must be a string of 1–64 characters'] });
    }
  });
  return errors.slice(0, 20);
}

/** Validates a heartbeat's body and hands it to the coalescing buffer; the answer carries the server time. */
export function acceptHeartbeat(heartbeats: HeartbeatBuffer, device: AuthenticatedDevice, body: unknown, raw: Buffer | undefined): HeartbeatResponseDto {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw deviceApiErrors.DEVICE_BODY_INVALID('The heartbeat is a JSON object.');
  const { firmware, ...telemetry } = body as Record<string, unknown>;
  if (firmware !== undefined && (typeof firmware !== 'string' || firmware.length > 64)) {
    throw deviceApiErrors.DEVICE_BODY_INVALID('firmware must be a string of at most 64 characters.', { errors: [{ field: 'firmware', messages: ['must be a string of at most 64 characters'] }] });
  }
  const slotErrors = slotIssues(telemetry['slots'], device.slotCount);
  if (slotErrors.length > 0) throw deviceApiErrors.DEVICE_BODY_INVALID(`Invalid fields: ${slotErrors.map((e) => e.field).join(', ')}`, { errors: slotErrors });
  const hasTelemetry = Object.keys(telemetry).length > 0;
  const now = new Date();
  heartbeats.record(
    device.id,
    // the raw body (at most DEVICE_BODY_LIMITS['/device/v1/heartbeat'] bytes, 413 while reading) tells an unchanged heartbeat
    { seen: now, firmware: firmware ?? null, telemetry: hasTelemetry ? telemetry : null, fingerprint: (raw ?? Buffer.alloc(0)).toString('latin1') },
    device.heartbeatIntervalSeconds,
  );
  return { serverTime: now.toISOString(), heartbeatIntervalSeconds: device.heartbeatIntervalSeconds };
}

/**
 * `POST /device/v1/heartbeat` as a plain Fastify handler (platform/http/direct-handlers.ts): no Nest guard runs for it, so it
 * makes the signature check DeviceSignatureGuard makes (DeviceAuthenticator.authenticate), then acceptHeartbeat.
 */
export function heartbeatHandler(authenticator: DeviceAuthenticator, heartbeats: HeartbeatBuffer): RouteHandlerMethod {
  return async function heartbeat(request: DeviceRequest, reply: FastifyReply) {
    const device = await authenticator.authenticate({ method: request.method, url: request.url, headers: request.headers, rawBody: request.rawBody });
    request.device = device;
    // a heartbeat is answered 200 (the controller's @HttpCode(200)); an error thrown here goes to the error handler, as from a guard
    return reply.code(200).send(acceptHeartbeat(heartbeats, device, request.body, request.rawBody));
  };
}

/** The device API's direct Fastify handlers (platform/http/direct-handlers.ts), by the name their routes' DIRECT_FASTIFY_HANDLER gives. */
export function deviceDirectHandlers(app: NestFastifyApplication): Record<string, DirectHandlerFactory> {
  const heartbeat = heartbeatHandler(app.get(DeviceAuthenticator), app.get(HeartbeatBuffer));
  return { heartbeat: () => heartbeat };
}
