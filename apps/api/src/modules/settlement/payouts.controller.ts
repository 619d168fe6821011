import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { Idempotent } from '../../platform/idempotency/idempotent.decorator.js';
import { organizationErrors } from '../organizations/organizations.errors.js';
import { CreatePayoutDto, PayoutDto, PayoutListDto, PayoutsQueryDto } from './dto/payout.dto.js';
import { PayoutsService } from './payouts.service.js';
import { payoutErrors, settlementErrors } from './settlement.errors.js';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('v1/payouts')
@TenantScoped()
export class PayoutsController {
  constructor(private readonly payouts: PayoutsService) {}

  @Post()
  @TenantScoped('OPERATOR_ADMIN')
  @Idempotent()
  @ApiOperation({
    summary: 'Pay out a closed statement',
    description:
      'The brand (or the platform admin) records that it paid a franchisee’s CLOSED statement (brand collects, payableFen > 0) by bank: `OFFLINE_BANK` with the bank ' +
      'transfer’s `reference`. The payout is SUCCEEDED at once for the statement’s payableFen, the statement becomes SETTLED, and the ledger moves the amount out of what ' +
      'the brand held for the franchisee. WeChat merchant transfers are not available yet (422). One payout per statement unless it failed. Audited.',
  })
  @ApiCreatedResponse({ type: PayoutDto })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    settlementErrors.STATEMENT_NOT_FOUND,
    payoutErrors.PAYOUT_STATEMENT_NOT_CLOSED,
    payoutErrors.PAYOUT_NOT_BRAND_COLLECTS,
    payoutErrors.PAYOUT_NOTHING_OWED,
    payoutErrors.PAYOUT_METHOD_NOT_AVAILABLE,
    payoutErrors.PAYOUT_EXISTS,
  )
  create(@Body() body: CreatePayoutDto): Promise<PayoutDto> {
    return this.payouts.create(body);
  }

  @Get()
  @ApiOperation({
    summary: 'List payouts',
    description: 'Payouts the caller may see: a brand those it made, a franchisee those it received; newest first. `organizationId` narrows to one payee or payer.',
  })
  @ApiOkResponse({ type: PayoutListDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, organizationErrors.ORGANIZATION_NOT_FOUND)
  list(@Query() query: PayoutsQueryDto): Promise<PayoutListDto> {
    return this.payouts.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A payout', description: 'One payout the caller made or received; any other answers 404.' })
  @ApiOkResponse({ type: PayoutDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, payoutErrors.PAYOUT_NOT_FOUND)
  get(@UuidParam() id: string): Promise<PayoutDto> {
    return this.payouts.get(id);
  }
}
