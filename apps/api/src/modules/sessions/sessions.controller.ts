import { PassThrough } from 'node:stream';
import { Body, Controller, Get, HttpCode, Logger, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { Idempotent } from '../../platform/idempotency/idempotent.decorator.js';
import { DirectTenantRead } from '../../platform/tenancy/direct-tenant-read.decorator.js';
import { TenantRead } from '../../platform/tenancy/tenant-reads.js';
import {
  EndSessionDto,
  ListSessionsQuery,
  ModifySessionDto,
  ReceivablesDto,
  ReceivablesQuery,
  RefundSessionDto,
  SessionDetailDto,
  SessionFilterQuery,
  SessionListDto,
} from './dto/sessions.dto.js';
import { sessionErrors } from './sessions.errors.js';
import { SessionsService } from './sessions.service.js';

const WRITERS = ['OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN'] as const;

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('v1')
@TenantScoped()
export class SessionsController {
  private readonly logger = new Logger(SessionsController.name);

  constructor(private readonly sessions: SessionsService) {}

  @Get('sessions')
  @ApiOperation({
    summary: 'List sessions',
    description:
      'Sessions of the devices and merchants whose data the caller may see (its own and those under it; a hardware reseller never sees its customers’), newest first, ' +
      'with the count of all that match (`total`). Filter by `state` (one or more), `vertical`, `deviceId`, `siteId`, `organizationId` (a franchise brand picks a ' +
      'franchisee), `anomaly` / `anomalyKind`, the days `from`–`to` (Asia/Shanghai) and `q` (a session id or an out_order_no). Page with `limit` and `cursor` ' +
      '(the previous page’s `nextCursor`: keyset, as fast deep in the list as at its start) or `limit` and `offset`.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  @ApiOkResponse({ type: SessionListDto, description: 'Sessions of the devices you may see, newest first.' })
  @TenantRead()
  @DirectTenantRead()
  list(@Query() query: ListSessionsQuery): Promise<SessionListDto> {
    return this.sessions.list(query);
  }

  @Get('sessions/export.csv')
  @ApiOperation({
    summary: 'Export sessions as CSV',
    description:
      'The sessions `GET /v1/sessions` lists with the same filters (no paging), newest first, streamed as CSV: UTF-8 with a byte-order mark (Excel reads the Chinese), ' +
      'one row per session, money both in yuan with 2 decimals (`total_yuan`) and in fen (`total_fen`), times in Asia/Shanghai (`YYYY-MM-DD HH:mm:ss`). ' +
      'Only sessions the caller may see (a hardware reseller’s export is empty).',
  })
  @ApiProduces('text/csv')
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  @ApiOkResponse({ description: 'The CSV file (attachment).', content: { 'text/csv': { schema: { type: 'string' } } } })
  async exportCsv(@Query() query: SessionFilterQuery, @Res() reply: FastifyReply): Promise<void> {
    const out = new PassThrough();
    let gone = false;
    const closed = new Promise<void>((resolve) => reply.raw.once('close', () => ((gone = true), resolve())));
    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="sessions-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(out);
    try {
      await this.sessions.exportCsv(query, {
        write: async (chunk) => {
          if (gone) throw new ExportAborted();
          if (!out.write(chunk)) await Promise.race([new Promise((resolve) => out.once('drain', resolve)), closed]);
        },
      });
      out.end();
    } catch (error) {
      // the status line is sent: a failure can only cut the file short (never a truncated file that looks whole)
      if (!(error instanceof ExportAborted)) this.logger.error(`session export failed: ${String(error)}`);
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }

  @Get('sessions/:id')
  @ApiOperation({
    summary: 'Get a session',
    description:
      'One session the caller may see (a hardware reseller never sees its customers’ sessions): every `<state>_at` (`times`), usage, quote, the lines sent to WeChat, ' +
      'operator actions and among them the refunds (with `refundableFen`, what can still be refunded), ' +
      'the Pay Score orders (`attempts`: a scan repeated before confirming replaces the order) and, while in use, the running cost (`runningFen`, from the latest ' +
      'meter reading for chargers and valves: `meterReading`) with its quote (`runningQuote`).',
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

  @Post('sessions/:id/refunds/:actionId/retry')
  @HttpCode(202)
  @TenantScoped(...WRITERS)
  @Idempotent()
  @ApiOperation({
    summary: 'Retry a held refund',
    description:
      'A HELD refund (WeChat refused it for lack of money after the brand’s commission was split off, issue 12) is sent again under the same out_refund_no, once the merchant’s balance covers it. ' +
      'Answers 202; the action’s state shows the outcome (HELD again if the balance is still short). Audited.',
  })
  @ApiParam({ name: 'actionId', format: 'uuid' })
  @ApiErrors(sessionErrors.SESSION_NOT_FOUND, sessionErrors.SESSION_REFUND_NOT_HELD)
  @ApiAcceptedResponse({ type: SessionDetailDto })
  retryHeldRefund(@UuidParam() id: string, @UuidParam('actionId') actionId: string): Promise<SessionDetailDto> {
    return this.sessions.retryHeldRefund(id, actionId);
  }

  @Post('sessions/:id/refunds/:actionId/give-up')
  @HttpCode(200)
  @TenantScoped(...WRITERS)
  @Idempotent()
  @ApiOperation({
    summary: 'Give up a held refund',
    description:
      'A HELD refund becomes FAILED (its amount may be refunded again later); the reason it was held is kept. Audited. ' +
      'Refused (409 SESSION_REFUND_RETURN_SUCCEEDED) when its split return succeeded: the brand’s commission share is already back with the merchant, so it can only be retried.',
  })
  @ApiParam({ name: 'actionId', format: 'uuid' })
  @ApiErrors(sessionErrors.SESSION_NOT_FOUND, sessionErrors.SESSION_REFUND_NOT_HELD, sessionErrors.SESSION_REFUND_RETURN_SUCCEEDED)
  @ApiOkResponse({ type: SessionDetailDto })
  giveUpHeldRefund(@UuidParam() id: string, @UuidParam('actionId') actionId: string): Promise<SessionDetailDto> {
    return this.sessions.giveUpHeldRefund(id, actionId);
  }

  @Get('receivables')
  @ApiOperation({
    summary: 'Show what users still owe',
    description:
      'Completed orders not yet paid, among the sessions the caller may see: their count and total owed, and by age since the order was completed ' +
      '(0-1d, 1-3d, 3-7d, 7-30d, >30d; counted and summed by the database), and one page of them, oldest first (`bucket` narrows the page to one age). ' +
      'Ask WeChat to try the debit again with `POST /v1/sessions/{id}/collect`.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  @ApiOkResponse({ type: ReceivablesDto, description: 'Completed orders not yet paid: totals still owed, by age, and one page of them.' })
  receivables(@Query() query: ReceivablesQuery): Promise<ReceivablesDto> {
    return this.sessions.receivables(query);
  }
}

/** The client went away during an export: stop reading. */
class ExportAborted extends Error {}
