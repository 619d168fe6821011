import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsumerAuth } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { CurrentConsumer, type ConsumerPrincipal } from '../consumers/consumer-auth.js';
import { merchantErrors } from '../merchants/merchants.errors.js';
import { ConsumerSessionsService } from './consumer-sessions.service.js';
import { ConsumerSessionDto, StartSessionDto } from './dto/sessions.dto.js';
import { sessionErrors } from './sessions.errors.js';

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
      'The end user (consumer token) scanned a device’s QR code (`deviceCode`, with `slot` for a power-bank cabinet or `connector` for an EV charger): the session is opened ' +
      '`AWAITING_CONFIRMATION` and its Pay Score order is created with the device’s merchant of record; the answer waits a few seconds for WeChat’s confirmation package and ' +
      'carries `businessView` for `wx.openBusinessView`. The same user scanning the same position again gets the same session back; while it still awaits confirmation, ' +
      'with a new Pay Score order (new `outOrderNo`, `attempt` + 1, a fresh package: a package is single-use) — the earlier order is cancelled at WeChat first, or, if the ' +
      'user had already confirmed it, the session goes on with it (at most 10 orders per session). Refused before any call to WeChat when the device is unknown, revoked, ' +
      'offline or busy with another user, has no plan or Pay Score service, the service is approved for another vertical or a lower risk cap, or the mini-program is not bound to the merchant.',
  })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    sessionErrors.SESSION_POSITION_INVALID,
    sessionErrors.SESSION_DEVICE_NOT_FOUND,
    sessionErrors.SESSION_DEVICE_UNAVAILABLE,
    sessionErrors.SESSION_NO_CHARGED_BANK,
    sessionErrors.SESSION_DEVICE_BUSY,
    sessionErrors.SESSION_TOO_MANY_ATTEMPTS,
    sessionErrors.SESSION_PLAN_MISSING,
    merchantErrors.PAYSCORE_SERVICE_NOT_CONFIGURED,
    merchantErrors.PAYSCORE_SCENARIO_MISMATCH,
    merchantErrors.PAYSCORE_RISK_CAP_EXCEEDED,
    sessionErrors.SESSION_APPID_NOT_BOUND,
  )
  @ApiCreatedResponse({ type: ConsumerSessionDto, description: 'Scan: the Pay Score order is created; open businessView with wx.openBusinessView to confirm.' })
  start(@CurrentConsumer() consumer: ConsumerPrincipal, @Body() body: StartSessionDto): Promise<ConsumerSessionDto> {
    return this.sessions.start(consumer, body) as Promise<never>;
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get one of my sessions',
    description:
      'The end user’s own session: state, the current Pay Score order (`outOrderNo`, `attempt`), the confirmation jump (`businessView`) while unconfirmed, ' +
      'the running cost while in use (`runningFen`), then the total, lines and what was paid. Another user’s session answers 404.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, sessionErrors.SESSION_NOT_FOUND)
  @ApiOkResponse({ type: ConsumerSessionDto })
  get(@CurrentConsumer() consumer: ConsumerPrincipal, @UuidParam() id: string): Promise<ConsumerSessionDto> {
    return this.sessions.get(consumer, id) as Promise<never>;
  }

  @Post(':id/confirmed')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Report the return from the confirmation page',
    description:
      'The mini-program is back from WeChat’s confirmation page: while the session awaits confirmation, its order is queried now (the fallback for a late ' +
      '`USER_CONFIRM` callback) and the answer waits up to 3 s for the state to move. Safe to repeat.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, sessionErrors.SESSION_NOT_FOUND)
  @ApiOkResponse({ type: ConsumerSessionDto, description: 'Back from the confirmation page: the order is queried now (fallback for the USER_CONFIRM callback).' })
  confirmed(@CurrentConsumer() consumer: ConsumerPrincipal, @UuidParam() id: string): Promise<ConsumerSessionDto> {
    return this.sessions.confirmed(consumer, id) as Promise<never>;
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel my unconfirmed session',
    description: 'The user backed out before confirming: the session’s Pay Score order is cancelled and nothing is charged. Only while the session awaits confirmation.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, sessionErrors.SESSION_NOT_FOUND, sessionErrors.SESSION_INVALID_STATE)
  @ApiOkResponse({ type: ConsumerSessionDto, description: 'The user backed out before confirming: the order is cancelled, nothing is charged.' })
  cancel(@CurrentConsumer() consumer: ConsumerPrincipal, @UuidParam() id: string): Promise<ConsumerSessionDto> {
    return this.sessions.cancel(consumer, id) as Promise<never>;
  }
}
