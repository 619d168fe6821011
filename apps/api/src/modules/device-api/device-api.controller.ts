import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DeviceAuth } from '../../platform/auth/access-policy.js';
import { CommandDelivery } from './command-delivery.service.js';
import { CommandAckDto, CommandAckResponseDto, CommandsQuery, CommandsResponseDto, EventResponseDto, HeartbeatResponseDto } from './device-api.dto.js';
import { deviceApiErrors } from './device-api.errors.js';
import type { AuthenticatedDevice } from './device-authenticator.service.js';
import { DeviceEventsService } from './device-events.service.js';
import { CurrentDevice, DeviceSignatureGuard } from './device-signature.guard.js';
import { HeartbeatBuffer } from './heartbeat-buffer.service.js';

/** The signed device API (contracts.md §4). */
@ApiTags('device')
@ApiHeader({ name: 'X-Device-Id', required: true })
@ApiHeader({ name: 'X-Timestamp', required: true, description: 'unix seconds' })
@ApiHeader({ name: 'X-Nonce', required: true, description: '16–32 characters, never reused within 300 s' })
@ApiHeader({ name: 'X-Signature', required: true, description: 'hex(HMAC-SHA256(secret, METHOD\\nPATH_WITH_QUERY\\nTIMESTAMP\\nNONCE\\nBODY\\n))' })
@Controller('device/v1')
@DeviceAuth()
@UseGuards(DeviceSignatureGuard)
export class DeviceApiController {
  constructor(
    private readonly heartbeats: HeartbeatBuffer,
    private readonly delivery: CommandDelivery,
    private readonly events: DeviceEventsService,
  ) {}

  @Post('heartbeat')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Report that the device is alive, with its firmware and telemetry',
    description:
      'Called by a device, signed with its secret (contracts.md §4). Heartbeats are coalesced in memory and written in batches; a device that misses three intervals is marked offline. The body is at most 4 KiB. Errors: 401 DEVICE_AUTH_* (which check failed), 400 DEVICE_BODY_INVALID, 413 DEVICE_BODY_TOO_LARGE.',
  })
  @ApiBody({ schema: { type: 'object', properties: { firmware: { type: 'string' } }, additionalProperties: true, description: 'firmware and telemetry (battery, slots, signal, meter…)' } })
  @ApiOkResponse({ type: HeartbeatResponseDto })
  heartbeat(@CurrentDevice() device: AuthenticatedDevice, @Body() body: Record<string, unknown>, @Req() request: { rawBody?: Buffer }): HeartbeatResponseDto {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw deviceApiErrors.DEVICE_BODY_INVALID('The heartbeat is a JSON object.');
    const { firmware, ...telemetry } = body;
    if (firmware !== undefined && (typeof firmware !== 'string' || firmware.length > 64)) {
      throw deviceApiErrors.DEVICE_BODY_INVALID('firmware must be a string of at most 64 characters.', { errors: [{ field: 'firmware', messages: ['must be a string of at most 64 characters'] }] });
    }
    const raw = request.rawBody ?? Buffer.alloc(0); // at most DEVICE_BODY_LIMITS['/device/v1/heartbeat'] bytes (413 while reading)
    const hasTelemetry = Object.keys(telemetry).length > 0;
    const now = new Date();
    this.heartbeats.record(
      device.id,
      { seen: now, firmware: firmware ?? null, telemetry: hasTelemetry ? telemetry : null, fingerprint: raw.toString('latin1') },
      device.heartbeatIntervalSeconds,
    );
    return { serverTime: now.toISOString(), heartbeatIntervalSeconds: device.heartbeatIntervalSeconds };
  }

  @Get('commands')
  @ApiOkResponse({ type: CommandsResponseDto, description: 'Long poll: answers as soon as a command is queued, or empty after waitSeconds.' })
  async commands(
    @CurrentDevice() device: AuthenticatedDevice,
    @Query() query: CommandsQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandsResponseDto> {
    const gone = new AbortController();
    const onClose = () => gone.abort();
    reply.raw.once('close', onClose);
    const commands = await this.delivery.poll(device.id, query.waitSeconds ?? 0, gone.signal);
    reply.raw.off('close', onClose);
    if (commands.length > 0) {
      const ids = commands.map((c) => c.id);
      if (gone.signal.aborted || reply.raw.destroyed) {
        void this.delivery.settle(device.id, ids, false);
      } else {
        // DELIVERED only once the answer is written out to the device's connection; back to the queue if it never is
        let settled = false;
        const settle = (written: boolean) => {
          if (settled) return;
          settled = true;
          void this.delivery.settle(device.id, ids, written);
        };
        reply.raw.once('finish', () => settle(true));
        reply.raw.once('close', () => settle(reply.raw.writableFinished));
      }
    }
    return { commands };
  }

  @Post('commands/:id/ack')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandAckResponseDto })
  ack(
    @CurrentDevice() device: AuthenticatedDevice,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => deviceApiErrors.DEVICE_COMMAND_NOT_FOUND() })) id: string,
    @Body() body: CommandAckDto,
  ): Promise<CommandAckResponseDto> {
    return this.delivery.ack(device.id, id, { result: body.result, detail: body.detail, occurredAt: new Date(body.occurredAt) });
  }

  @Post('events')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record a device event (door closed, power bank returned, session ended, meter reading…)',
    description:
      'Called by a device, signed with its secret (contracts.md §4). Idempotent by eventId; events are kept in device-time order and flagged when the device clock is off; session.ended hands the usage to the session engine. The body is at most 16 KiB. Errors: 401 DEVICE_AUTH_* (which check failed), 400 DEVICE_BODY_INVALID (the fields at fault), 413 DEVICE_BODY_TOO_LARGE.',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['eventId', 'type', 'occurredAt'],
      properties: { eventId: { type: 'string' }, type: { type: 'string' }, sessionId: { type: 'string' }, occurredAt: { type: 'string', format: 'date-time' } },
      additionalProperties: true,
    },
  })
  @ApiOkResponse({ type: EventResponseDto, description: 'Recorded, or (duplicate: true) already recorded under this eventId.' })
  event(@CurrentDevice() device: AuthenticatedDevice, @Body() body: Record<string, unknown>): Promise<EventResponseDto> {
    return this.events.record(device, body);
  }
}
