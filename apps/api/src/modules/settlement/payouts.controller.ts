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
      'the brand held for the franchisee. `WECHAT_TRANSFER`: a WeChat merchant transfer (商家转账, scene 1005 with its report items) of payableFen from the brand’s merchant account to the ' +
      'franchisee’s payout payee (its openid; its real name from 2,000 CNY, else 422 PAYOUT_REAL_NAME_REQUIRED). The payout answers REQUESTED; a job sends the bill and follows it ' +
      '(answer, query when the answer is lost, the verified transfer callback): PROCESSING (with `packageInfo` while WAIT_USER_CONFIRM: awaiting the franchisee’s confirmation in WeChat), ' +
      'then SUCCEEDED (statement SETTLED, TRANSFER posted to the ledger) or FAILED with WeChat’s reason (statement stays CLOSED, nothing posted; retry with POST /v1/payouts/{id}/retry). ' +
      'One live payout per statement (a unique index). Audited.',
  })
  @ApiCreatedResponse({ type: PayoutDto })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    settlementErrors.STATEMENT_NOT_FOUND,
    payoutErrors.PAYOUT_STATEMENT_NOT_CLOSED,
    payoutErrors.PAYOUT_NOT_BRAND_COLLECTS,
    payoutErrors.PAYOUT_NOTHING_OWED,
    payoutErrors.PAYOUT_PAYEE_MISSING,
    payoutErrors.PAYOUT_REAL_NAME_REQUIRED,
    payoutErrors.PAYOUT_NO_MERCHANT_ACCOUNT,
    payoutErrors.PAYOUT_EXISTS,
  )
  create(@Body() body: CreatePayoutDto): Promise<PayoutDto> {
    return this.payouts.create(body);
  }

  @Post(':id/retry')
  @TenantScoped('OPERATOR_ADMIN')
  @Idempotent()
  @ApiOperation({
    summary: 'Retry a failed WeChat transfer payout',
    description:
      'A FAILED `WECHAT_TRANSFER` payout of a statement still CLOSED is tried again as a new payout (`retryOf` the failed one) with a new out_bill_no; the failed one stays as it was. ' +
      'Refused while another payout of the statement is live. Audited.',
  })
  @ApiCreatedResponse({ type: PayoutDto })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    payoutErrors.PAYOUT_NOT_FOUND,
    payoutErrors.PAYOUT_NOT_RETRYABLE,
    payoutErrors.PAYOUT_STATEMENT_NOT_CLOSED,
    payoutErrors.PAYOUT_PAYEE_MISSING,
    payoutErrors.PAYOUT_REAL_NAME_REQUIRED,
    payoutErrors.PAYOUT_NO_MERCHANT_ACCOUNT,
    payoutErrors.PAYOUT_EXISTS,
  )
  retry(@UuidParam() id: string): Promise<PayoutDto> {
    return this.payouts.retry(id);
  }

  @Get()
  @ApiOperation({
    summary: 'List payouts',
    description: 'Payouts the caller may see: a brand those it made, a franchisee those it received; newest first. `organizationId` narrows to one payee or payer, `state`, `method` and `statementId` filter. FAILED ones carry WeChat’s reason in `failure`.',
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
