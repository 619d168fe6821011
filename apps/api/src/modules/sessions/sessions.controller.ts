import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { Idempotent } from '../../platform/idempotency/idempotent.decorator.js';
import { EndSessionDto, ListSessionsQuery, ModifySessionDto, ReceivablesDto, RefundSessionDto, SessionDetailDto, SessionListDto } from './dto/sessions.dto.js';
import { SessionsService } from './sessions.service.js';

const WRITERS = ['OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN'] as const;

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('v1')
@TenantScoped()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get('sessions')
  @ApiOkResponse({ type: SessionListDto, description: 'Sessions of the devices you may see, newest first.' })
  list(@Query() query: ListSessionsQuery): Promise<SessionListDto> {
    return this.sessions.list(query);
  }

  @Get('sessions/:id')
  @ApiOperation({
    summary: 'One session',
    description:
      'Any signed-in user of the device’s organisation or of the merchant of record (a hardware reseller never sees its customers’ sessions): times, usage, quote, the lines sent to WeChat, operator actions, the Pay Score orders (`attempts`: a scan repeated before confirming replaces the order) and, while in use, the running cost (`runningFen`, from the latest meter reading for chargers and valves: `meterReading`). Errors: 400 (id not a uuid), 404 SESSION_NOT_FOUND.',
  })
  @ApiOkResponse({ type: SessionDetailDto, description: 'The session, its times, usage, quote, lines sent to WeChat, actions, and the running cost while open.' })
  detail(@UuidParam() id: string): Promise<SessionDetailDto> {
    return this.sessions.detail(id);
  }

  @Post('sessions/:id/end')
  @HttpCode(200)
  @TenantScoped(...WRITERS)
  @Idempotent()
  @ApiOkResponse({ type: SessionDetailDto, description: 'Ends the session at the given time (the device could not); it is priced and completed.' })
  end(@UuidParam() id: string, @Body() body: EndSessionDto): Promise<SessionDetailDto> {
    return this.sessions.end(id, body);
  }

  @Post('sessions/:id/modify')
  @HttpCode(202)
  @TenantScoped(...WRITERS)
  @Idempotent()
  @ApiOkResponse({ type: SessionDetailDto, description: 'Queues lowering the amount of the unpaid order; the action’s state shows the outcome.' })
  modify(@UuidParam() id: string, @Body() body: ModifySessionDto): Promise<SessionDetailDto> {
    return this.sessions.modify(id, body);
  }

  @Post('sessions/:id/collect')
  @HttpCode(202)
  @TenantScoped(...WRITERS)
  @Idempotent()
  @ApiOkResponse({ type: SessionDetailDto, description: 'Asks WeChat to try the debit now (催收).' })
  collect(@UuidParam() id: string): Promise<SessionDetailDto> {
    return this.sessions.collect(id);
  }

  @Post('sessions/:id/refunds')
  @HttpCode(202)
  @TenantScoped(...WRITERS)
  @Idempotent()
  @ApiOkResponse({ type: SessionDetailDto, description: 'Queues a refund (by transaction_id); refunds never add up to more than was paid.' })
  refund(@UuidParam() id: string, @Body() body: RefundSessionDto): Promise<SessionDetailDto> {
    return this.sessions.refund(id, body);
  }

  @Get('receivables')
  @ApiOkResponse({ type: ReceivablesDto, description: 'Completed orders not yet paid: totals still owed, by age.' })
  receivables(): Promise<ReceivablesDto> {
    return this.sessions.receivables();
  }
}
