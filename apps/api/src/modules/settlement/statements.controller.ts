import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { Idempotent } from '../../platform/idempotency/idempotent.decorator.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { organizationErrors } from '../organizations/organizations.errors.js';
import { SettleStatementDto, StatementDetailDto, StatementListDto, StatementsQueryDto } from './dto/statement.dto.js';
import { settlementErrors } from './settlement.errors.js';
import { StatementsService } from './statements.service.js';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('v1/statements')
@TenantScoped()
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  @Get()
  @ApiOperation({
    summary: 'List statements',
    description:
      'Statements per organisation and period (the agreement’s: daily, weekly from Monday, monthly; Asia/Shanghai dates) that the caller may see: a franchisee its own, ' +
      'a brand its franchisees’, a hardware reseller its customers’ fee statements (never revenue), a customer its own. Newest period first. ' +
      '`from`/`to` keep the periods that overlap the range.',
  })
  @ApiOkResponse({ type: StatementListDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, organizationErrors.ORGANIZATION_NOT_FOUND)
  list(@Query() query: StatementsQueryDto): Promise<StatementListDto> {
    return this.statements.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A statement with its lines and totals',
    description: 'An OPEN statement shows the figures so far (recomputed on each read); a CLOSED or SETTLED one what was fixed at its close. Another tenant’s statement answers 404.',
  })
  @ApiOkResponse({ type: StatementDetailDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, settlementErrors.STATEMENT_NOT_FOUND)
  get(@UuidParam() id: string): Promise<StatementDetailDto> {
    return this.statements.get(id);
  }

  @Get(':id/export.csv')
  @ApiOperation({
    summary: 'Export a statement as CSV',
    description: 'The statement’s header, lines and totals as CSV (UTF-8 with a byte-order mark; money in yuan with 2 decimals and in fen). Same readers as the statement.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file (attachment).', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(platformErrors.VALIDATION_FAILED, settlementErrors.STATEMENT_NOT_FOUND)
  async exportCsv(@UuidParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { name, body } = await this.statements.exportCsv(id);
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
    return body;
  }

  @Get(':id/export.xlsx')
  @ApiOperation({
    summary: 'Export a statement as XLSX',
    description: 'The same as the CSV export, as a spreadsheet (money in fen and in yuan). Same readers as the statement.',
  })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({
    description: 'The XLSX file (attachment).',
    content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, settlementErrors.STATEMENT_NOT_FOUND)
  async exportXlsx(@UuidParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { name, body } = await this.statements.exportXlsx(id);
    void reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store');
    return body;
  }

  @Post(':id/close')
  @HttpCode(200)
  @TenantScoped('OPERATOR_ADMIN')
  @Idempotent({ required: false })
  @ApiOperation({
    summary: 'Close a statement',
    description:
      'The brand (or reseller, or platform admin) closes an OPEN statement whose period has ended: its lines and totals are computed in the database and fixed; ' +
      'anything learnt later lands in a later period as an adjustment. Closing a closed statement answers it again; an `Idempotency-Key` (optional here, as closing is itself repeatable) replays the first answer. The job closes ended periods by itself too. Audited.',
  })
  @ApiOkResponse({ type: StatementDetailDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, settlementErrors.STATEMENT_NOT_FOUND, settlementErrors.STATEMENT_NOT_CLOSABLE)
  close(@UuidParam() id: string): Promise<StatementDetailDto> {
    return this.statements.close(id);
  }

  @Post(':id/settle')
  @HttpCode(200)
  @TenantScoped('OPERATOR_ADMIN')
  @Idempotent()
  @ApiOperation({
    summary: 'Record how a closed statement was settled (no payout)',
    description:
      'The party owed — the brand for its franchisees’ statements, the hardware reseller for its customers’ (or the platform admin) — records how a CLOSED statement that no payout settles was settled: ' +
      'a franchisee that collects itself (FRANCHISEE_COLLECTS: the commission arrived by profit sharing; fixed fees, minimum top-ups and commission whose split expired are paid to the brand), ' +
      'a brand-collects statement with payableFen ≤ 0 (the franchisee owes the brand), or a reseller’s fee statement (the customer owes its reseller). ' +
      '`method`: OFFLINE_BANK (a bank transfer; `reference` required), OFFSET (set off against other money between the two parties), OTHER (cash, waived…; say how in `note`). ' +
      '`settledAt` (default now) is when the money moved: not in the future, not before the statement closed. The statement becomes SETTLED with the settlement on it (`settlement`); nothing is posted to the ledger. ' +
      'Refused with 409: an OPEN statement (STATEMENT_SETTLE_NOT_CLOSED), a SETTLED one (STATEMENT_ALREADY_SETTLED), a brand-collects statement with payableFen > 0 (STATEMENT_SETTLE_BY_PAYOUT: pay it with POST /v1/payouts). ' +
      'The statement’s own organisation is refused by its role (403); any other organisation gets 404. Needs an `Idempotency-Key`. Audited.',
  })
  @ApiOkResponse({ type: StatementDetailDto })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    settlementErrors.STATEMENT_NOT_FOUND,
    settlementErrors.STATEMENT_SETTLE_NOT_CLOSED,
    settlementErrors.STATEMENT_ALREADY_SETTLED,
    settlementErrors.STATEMENT_SETTLE_BY_PAYOUT,
  )
  settle(@UuidParam() id: string, @Body() body: SettleStatementDto): Promise<StatementDetailDto> {
    return this.statements.settle(id, body);
  }
}
