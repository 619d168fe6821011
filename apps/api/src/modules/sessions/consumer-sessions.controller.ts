import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsumerAuth } from '../../platform/auth/access-policy.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { CurrentConsumer, type ConsumerPrincipal } from '../consumers/consumer-auth.js';
import { ConsumerSessionsService } from './consumer-sessions.service.js';
import { ConsumerSessionDto, StartSessionDto } from './dto/sessions.dto.js';

/** The mini-program's side of a session (contracts.md §6). */
@ApiTags('consumer')
@ApiBearerAuth()
@Controller('v1/consumer/sessions')
@ConsumerAuth()
export class ConsumerSessionsController {
  constructor(private readonly sessions: ConsumerSessionsService) {}

  @Post()
  @ApiOperation({
    summary: 'Scan a device: start a session (or get yours back)',
    description:
      'The end user (consumer token) scanned a device’s QR code: a session is opened and its Pay Score order created; the answer carries `businessView` for wx.openBusinessView. ' +
      'The same user scanning the same position again gets the same session back; while it still awaits confirmation, with a new Pay Score order (new `outOrderNo`, `attempt` + 1, a fresh package: a package is single-use) — the earlier order is cancelled at WeChat first, or, if the user had already confirmed it, the session goes on with it. ' +
      'Errors: 400 validation / SESSION_POSITION_INVALID, 404 SESSION_DEVICE_NOT_FOUND, 409 SESSION_DEVICE_UNAVAILABLE / SESSION_DEVICE_BUSY (another user) / SESSION_TOO_MANY_ATTEMPTS (10 orders on one session), 422 SESSION_PLAN_MISSING / SESSION_APPID_NOT_BOUND / PAYSCORE_* (the device’s Pay Score service does not fit).',
  })
  @ApiCreatedResponse({ type: ConsumerSessionDto, description: 'Scan: the Pay Score order is created; open businessView with wx.openBusinessView to confirm.' })
  start(@CurrentConsumer() consumer: ConsumerPrincipal, @Body() body: StartSessionDto): Promise<ConsumerSessionDto> {
    return this.sessions.start(consumer, body) as Promise<never>;
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Your session',
    description:
      'The end user’s own session: state, the current Pay Score order (`outOrderNo`, `attempt`), the confirmation jump while unconfirmed, the running cost while in use (`runningFen`), then the total and what was paid. Errors: 404 SESSION_NOT_FOUND (also another user’s session).',
  })
  @ApiOkResponse({ type: ConsumerSessionDto })
  get(@CurrentConsumer() consumer: ConsumerPrincipal, @UuidParam() id: string): Promise<ConsumerSessionDto> {
    return this.sessions.get(consumer, id) as Promise<never>;
  }

  @Post(':id/confirmed')
  @HttpCode(200)
  @ApiOkResponse({ type: ConsumerSessionDto, description: 'Back from the confirmation page: the order is queried now (fallback for the USER_CONFIRM callback).' })
  confirmed(@CurrentConsumer() consumer: ConsumerPrincipal, @UuidParam() id: string): Promise<ConsumerSessionDto> {
    return this.sessions.confirmed(consumer, id) as Promise<never>;
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: ConsumerSessionDto, description: 'The user backed out before confirming: the order is cancelled, nothing is charged.' })
  cancel(@CurrentConsumer() consumer: ConsumerPrincipal, @UuidParam() id: string): Promise<ConsumerSessionDto> {
    return this.sessions.cancel(consumer, id) as Promise<never>;
  }
}
