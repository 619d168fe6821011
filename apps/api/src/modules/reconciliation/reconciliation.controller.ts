import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { merchantErrors } from '../merchants/merchants.errors.js';
import {
  CreateReconciliationDto,
  ReconciliationDifferenceDto,
  ReconciliationDto,
  ReconciliationListDto,
  ReconciliationsQueryDto,
  ResolveDifferenceDto,
} from './dto/reconciliation.dto.js';
import { reconciliationErrors } from './reconciliation.errors.js';
import { ReconciliationService } from './reconciliation.service.js';

// a franchisee that collects (issue 12) holds its own account and reconciles it
const MERCHANT_ADMINS = ['OPERATOR_ADMIN', 'CUSTOMER_ADMIN', 'FRANCHISEE_ADMIN'] as const;

/** Reconciliation with WeChat Pay's bills (contracts.md §9): data of the merchant of record only. */
@ApiTags('reconciliation')
@ApiBearerAuth()
@Controller('v1/reconciliations')
@TenantScoped()
export class ReconciliationController {
  constructor(private readonly service: ReconciliationService) {}

  @Post()
  @TenantScoped(...MERCHANT_ADMINS)
  @ApiOperation({
    summary: 'Reconcile a day',
    description:
      'Runs the reconciliation of a merchant account’s bill date: the trade bill (ALL) and fund-flow bill (BASIC) are asked for at once, downloaded (SHA1 checked), ' +
      'stored, and matched against the sessions and refunds by transaction_id and out_order_no; each difference is re-checked by an order or refund query before it is shown. ' +
      '201 with a new run (state RUNNING until the job finishes: DONE, NO_BILL, BILL_NOT_READY or FAILED), or 200 with the existing run when the day is already DONE, NO_BILL or RUNNING. ' +
      'A day that ended BILL_NOT_READY or FAILED may be run again. Admins of the account’s organisation and the platform admin.',
  })
  @ApiCreatedResponse({ type: ReconciliationDto })
  @ApiOkResponse({ type: ReconciliationDto, description: 'The day’s existing run.' })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND, reconciliationErrors.RECONCILIATION_BILL_DATE_INVALID)
  async create(@Body() body: CreateReconciliationDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReconciliationDto> {
    const { created, run } = await this.service.request(body);
    void reply.status(created ? 201 : 200);
    return run;
  }

  @Get()
  @ApiOperation({ summary: 'List reconciliation runs', description: 'Runs of the merchant accounts the caller may see, newest bill date first; filter by account, date and state.' })
  @ApiOkResponse({ type: ReconciliationListDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  list(@Query() query: ReconciliationsQueryDto): Promise<ReconciliationListDto> {
    return this.service.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A reconciliation run', description: 'The run with its bills (hashes) and differences (open ones have resolvedAt null). Another organisation’s run answers 404.' })
  @ApiOkResponse({ type: ReconciliationDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, reconciliationErrors.RECONCILIATION_NOT_FOUND)
  get(@UuidParam() id: string): Promise<ReconciliationDto> {
    return this.service.get(id);
  }

  @Post(':id/differences/:differenceId/resolve')
  @HttpCode(200)
  @TenantScoped(...MERCHANT_ADMINS)
  @ApiOperation({ summary: 'Resolve a difference', description: 'An operator closes a difference with a note of what was found and done. Audited.' })
  @ApiOkResponse({ type: ReconciliationDifferenceDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, reconciliationErrors.RECONCILIATION_DIFFERENCE_NOT_FOUND, reconciliationErrors.RECONCILIATION_DIFFERENCE_RESOLVED)
  resolve(@UuidParam() id: string, @UuidParam('differenceId') differenceId: string, @Body() body: ResolveDifferenceDto): Promise<ReconciliationDifferenceDto> {
    return this.service.resolve(id, differenceId, body.note);
  }
}
