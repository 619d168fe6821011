import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { DeviceAuth } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { DIRECT_FASTIFY_HANDLER } from '../../platform/http/direct-handlers.js';
import { CommandDelivery } from './command-delivery.service.js';
import { CommandAckDto, CommandAckResponseDto, CommandsQuery, CommandsResponseDto, EventResponseDto, HeartbeatResponseDto } from './device-api.dto.js';
import { deviceApiErrors } from './device-api.errors.js';
import type { AuthenticatedDevice } from './device-authenticator.service.js';
import { DeviceEventsService } from './device-events.service.js';
import { CurrentDevice, DeviceSignatureGuard } from './device-signature.guard.js';
import { HeartbeatBuffer } from './heartbeat-buffer.service.js';
import { acceptHeartbeat } from './heartbeat.route.js';

/** The signed device API (contracts.md §4). */
@ApiTags('device')
@ApiHeader({ name: 'X-Device-Id', required: true })
@ApiHeader({ name: 'X-Timestamp', required: true, description: 'unix seconds' })
@ApiHeader({ name: 'X-Nonce', required: true, description: '16–32 characters, never reused within 300 s' })
@ApiHeader({ name: 'X-Signature', required: true, description: 'hex(HMAC-SHA256(secret, METHOD\\nPATH_WITH_QUERY\\nTIMESTAMP\\nNONCE\\nBODY\\n))' })
@Controller('device/v1')
@DeviceAuth()
@UseGuards(DeviceSignatureGuard)
// what DeviceSignatureGuard answers, on every route of the device API (each 401 names the check that failed)
@ApiErrors(
  deviceApiErrors.DEVICE_AUTH_MISSING,
  deviceApiErrors.DEVICE_AUTH_MALFORMED,
  deviceApiErrors.DEVICE_AUTH_UNKNOWN_DEVICE,
  deviceApiErrors.DEVICE_AUTH_BAD_SIGNATURE,
  deviceApiErrors.DEVICE_AUTH_STALE_TIMESTAMP,
  deviceApiErrors.DEVICE_AUTH_NONCE_REPLAYED,
  deviceApiErrors.DEVICE_AUTH_REVOKED,
)
export class DeviceApiController {
  constructor(
    private readonly heartbeats: HeartbeatBuffer,
    private readonly delivery: CommandDelivery,
    private readonly events: DeviceEventsService,
  ) {}

  @Post('heartbeat')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a heartbeat',
    description:
      'The device is alive: `firmware` (at most 64 characters) and any telemetry (battery, slots, signal, meter…), at most 4 KiB (413 above). ' +
      'Marks the device online; heartbeats are coalesced in memory and written in batches, and a device that misses three intervals is marked offline. ' +
      'The answer carries the server time (to correct the device clock) and the heartbeat interval to keep.',
  })
  @ApiErrors(deviceApiErrors.DEVICE_BODY_INVALID, deviceApiErrors.DEVICE_BODY_TOO_LARGE)
  @ApiBody({ schema: { type: 'object', properties: { firmware: { type: 'string' } }, additionalProperties: true, description: 'firmware and telemetry (battery, slots, signal, meter…)' } })
  @ApiOkResponse({ type: HeartbeatResponseDto })
  // runs as a plain Fastify handler (heartbeat.route.ts): the hottest device route skips Nest's per-request pipeline;
  // this method is its declaration (the body is the same function, should Nest ever route it)
  @RouteConfig({ [DIRECT_FASTIFY_HANDLER]: 'heartbeat' })
  heartbeat(@CurrentDevice() device: AuthenticatedDevice, @Body() body: Record<string, unknown>, @Req() request: { rawBody?: Buffer }): HeartbeatResponseDto {
    return acceptHeartbeat(this.heartbeats, device, body, request.rawBody);
  }

  @Get('commands')
  @ApiOperation({
    summary: 'Fetch queued commands (long poll)',
    description:
      'Answers the device’s queued commands as soon as there are any, or an empty list after `waitSeconds` (0–30). A command counts as delivered only once ' +
      'the answer is written to the device’s connection; one the device never received goes back to the queue. Acknowledge each with `POST /device/v1/commands/{id}/ack`.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
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
  @ApiOperation({
    summary: 'Acknowledge a command',
    description:
      'What the device did with one of its commands: `SUCCEEDED` or `FAILED`, at `occurredAt` (device time). For a session’s start command, `SUCCEEDED` ' +
      'means the service has begun; the session moves on. Repeating the same result is harmless; another result is 409. ' +
      'An acknowledgement after the command expired is still recorded, but answered 409 `DEVICE_COMMAND_EXPIRED`.',
  })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    deviceApiErrors.DEVICE_COMMAND_NOT_FOUND,
    deviceApiErrors.DEVICE_COMMAND_EXPIRED,
    deviceApiErrors.DEVICE_COMMAND_ALREADY_ACKED,
  )
  @ApiOkResponse({ type: CommandAckResponseDto })
  ack(
    @CurrentDevice() device: AuthenticatedDevice,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => deviceApiErrors.DEVICE_COMMAND_NOT_FOUND() })) id: string,
    @Body() body: CommandAckDto,
  ): Promise<CommandAckResponseDto> {
    return this.delivery.ack(device.id, id, { result: body.result, detail: body.detail, occurredAt: new Date(body.occurredAt), bankId: body.bankId });
  }

  @Post('events')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Report an event',
    description:
      'Records a device event (`eventId`, `type`, `occurredAt`, `sessionId` where it concerns one, and the type’s fields), at most 16 KiB (413 above). ' +
      'A repeated `eventId` is acknowledged (`duplicate: true`) and has no further effect. `session.ended` with its `usage` ends the session and has it priced; ' +
      '`charging.metered` / `valve.metered` meter readings give a session in use its running cost. `powerbank.returned` with `bankId` at any cabinet of the bank’s ' +
      'merchant network ends the session holding it at `occurredAt`; a bank of another network is refused (409 `POWERBANK_FOREIGN_NETWORK`, recorded and flagged). ' +
      'Events whose device clock is off are kept and flagged.',
  })
  @ApiErrors(deviceApiErrors.DEVICE_BODY_INVALID, deviceApiErrors.DEVICE_BODY_TOO_LARGE, deviceApiErrors.POWERBANK_FOREIGN_NETWORK)
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
