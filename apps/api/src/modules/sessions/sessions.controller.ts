import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { Idempotent } from '../../platform/idempotency/idempotent.decorator.js';
import { EndSessionDto, ListSessionsQuery, ModifySessionDto, ReceivablesDto, RefundSessionDto, SessionDetailDto, SessionListDto } from './dto/sessions.dto.js';
import { sessionErrors } from './sessions.errors.js';
import { SessionsService } from './sessions.service.js';

const WRITERS = ['OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN'] as const;

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('v1')
@TenantScoped()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get('sessions')
  @ApiOperation({
    summary: 'List sessions',
    description:
      'Sessions of the devices and merchants whose data the caller may see (its own and those under it; a hardware reseller never sees its customers’), newest first, ' +
      'with their total: filter by `state`, `deviceId`, `organizationId` and `anomaly`; page with `limit` and `offset`.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  @ApiOkResponse({ type: SessionListDto, description: 'Sessions of the devices you may see, newest first.' })
  list(@Query() query: ListSessionsQuery): Promise<SessionListDto> {
    return this.sessions.list(query);
  }

  @Get('sessions/:id')
  @ApiOperation({
    summary: 'Get a session',
    description:
      'One session the caller may see (a hardware reseller never sees its customers’ sessions): times, usage, quote, the lines sent to WeChat, operator actions, ' +
      'the Pay Score orders (`attempts`: a scan repeated before confirming replaces the order) and, while in use, the running cost (`runningFen`, from the latest ' +
      'meter reading for chargers and valves: `meterReading`).',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, sessionErrors.SESSION_NOT_FOUND)
  @ApiOkResponse({ type: SessionDetailDto, description: 'The session, its times, usage, quote, lines sent to WeChat, actions, and the running cost while open.' })
  detail(@UuidParam() id: string): Promise<SessionDetailDto> {
    return this.sessions.detail(id);
  }

  @Post('sessions/:id/end')
  @HttpCode(200)
  @TenantScoped(...WRITERS)
  @Idempotent()
  @ApiOperation({
    summary: 'End a session for the device',
    description:
      'For a session `STARTING` or `IN_USE` whose end the device did not report (“I returned it, the cabinet missed it”): ends it at `endedAt` ' +
      '(between the start of the service and now) with the given usage, stops the device where it has a stop command, prices it with the plan version ' +
      'the session started with and completes its Pay Score order. Audited.',
  })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    sessionErrors.SESSION_NOT_FOUND,
    sessionErrors.SESSION_INVALID_STATE,
    sessionErrors.SESSION_END_TIME_INVALID,
    sessionErrors.SESSION_USAGE_INVALID,
  )
  @ApiOkResponse({ type: SessionDetailDto, description: 'Ends the session at the given time (the device could not); it is priced and completed.' })
  end(@UuidParam() id: string, @Body() body: EndSessionDto): Promise<SessionDetailDto> {
    return this.sessions.end(id, body);
  }

  @Post('sessions/:id/modify')
  @HttpCode(202)
  @TenantScoped(...WRITERS)
  @Idempotent()
  @ApiOperation({
    summary: 'Lower the amount of an unpaid order',
    description:
      'Queues WeChat’s modify of a completed, unpaid order (`AWAITING_PAYMENT`) to a `totalFen` strictly below its current total (an order can only be lowered, before payment). ' +
      'Answers 202 at once; the new action’s state in the session shows the outcome. Audited.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, sessionErrors.SESSION_NOT_FOUND, sessionErrors.SESSION_INVALID_STATE, sessionErrors.SESSION_AMOUNT_INVALID)
  @ApiAcceptedResponse({ type: SessionDetailDto, description: 'Queues lowering the amount of the unpaid order; the action’s state shows the outcome.' })
  modify(@UuidParam() id: string, @Body() body: ModifySessionDto): Promise<SessionDetailDto> {
    return this.sessions.modify(id, body);
  }

  @Post('sessions/:id/collect')
  @HttpCode(202)
  @TenantScoped(...WRITERS)
  @Idempotent()
  @ApiOperation({
    summary: 'Ask WeChat to collect an unpaid order now',
    description: 'Queues a 催收 (collect) for a completed, unpaid order (`AWAITING_PAYMENT`): WeChat tries the debit again. Answers 202 at once; the action’s state shows the outcome. Audited.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, sessionErrors.SESSION_NOT_FOUND, sessionErrors.SESSION_INVALID_STATE)
  @ApiAcceptedResponse({ type: SessionDetailDto, description: 'Asks WeChat to try the debit now (催收).' })
  collect(@UuidParam() id: string): Promise<SessionDetailDto> {
    return this.sessions.collect(id);
  }

  @Post('sessions/:id/refunds')
  @HttpCode(202)
  @TenantScoped(...WRITERS)
  @Idempotent()
  @ApiOperation({
    summary: 'Refund a paid session',
    description:
      'Queues a refund of `amountFen` of a `PAID` session (by its WeChat transaction id). All refunds of a session that have not failed never add up to more than was paid. ' +
      'Answers 202 at once; the action’s state shows the outcome. Audited.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, sessionErrors.SESSION_NOT_FOUND, sessionErrors.SESSION_INVALID_STATE, sessionErrors.SESSION_REFUND_EXCEEDS_PAID)
  @ApiAcceptedResponse({ type: SessionDetailDto, description: 'Queues a refund (by transaction_id); refunds never add up to more than was paid.' })
  refund(@UuidParam() id: string, @Body() body: RefundSessionDto): Promise<SessionDetailDto> {
    return this.sessions.refund(id, body);
  }

  @Get('receivables')
  @ApiOperation({
    summary: 'Show what users still owe',
    description: 'Completed orders not yet paid, among the sessions the caller may see: their count and total owed, by age (<1d, 1-7d, 7-30d, >30d), and the oldest 100.',
  })
  @ApiErrors()
  @ApiOkResponse({ type: ReceivablesDto, description: 'Completed orders not yet paid: totals still owed, by age.' })
  receivables(): Promise<ReceivablesDto> {
    return this.sessions.receivables();
  }
}
