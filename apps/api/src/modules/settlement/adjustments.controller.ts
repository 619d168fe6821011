import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { Idempotent } from '../../platform/idempotency/idempotent.decorator.js';
import { organizationErrors } from '../organizations/organizations.errors.js';
import { adjustmentErrors } from './adjustments.errors.js';
import { AdjustmentsService } from './adjustments.service.js';
import { AdjustmentDto, AdjustmentListDto, AdjustmentsQueryDto, CreateAdjustmentDto } from './dto/adjustment.dto.js';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('v1/organizations')
@TenantScoped()
export class AdjustmentsController {
  constructor(private readonly adjustments: AdjustmentsService) {}

  @Post(':id/adjustments')
  @TenantScoped('OPERATOR_ADMIN')
  @Idempotent()
  @ApiOperation({
    summary: 'Book a manual adjustment on an organisation’s open statement',
    description:
      'The franchise brand books an amount on a franchisee’s statement, a hardware reseller on its customer’s fee statement (or the platform admin either): `amountFen` signed ' +
      '(positive: in the organisation’s favour, its brand or reseller owes it more; never 0), `reason` (the statement line’s description), `effectiveDate` (Asia/Shanghai, default today, ' +
      'not in the future). It lands as an ADJUSTMENT line on exactly one statement, the one whose period holds `effectiveDate`, which must still be OPEN: a date in a closed period is ' +
      'refused with 422 ADJUSTMENT_PERIOD_CLOSED (anything learnt after a close goes into a later period). Posted to the ledger at once and once (source ADJUSTMENT): netted from what ' +
      'the brand holds for the franchisee when the brand collects, otherwise against what the organisation owes its parent. The organisation itself is refused by its role (403); ' +
      'anyone else’s organisation answers 404. Needs an `Idempotency-Key`. Audited.',
  })
  @ApiCreatedResponse({ type: AdjustmentDto })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    organizationErrors.ORGANIZATION_NOT_FOUND,
    adjustmentErrors.ADJUSTMENT_NOT_APPLICABLE,
    adjustmentErrors.ADJUSTMENT_PERIOD_CLOSED,
    adjustmentErrors.ADJUSTMENT_NO_STATEMENT,
  )
  create(@UuidParam() id: string, @Body() body: CreateAdjustmentDto): Promise<AdjustmentDto> {
    return this.adjustments.create(id, body);
  }

  @Get(':id/adjustments')
  @ApiOperation({
    summary: 'An organisation’s manual adjustments',
    description: 'A franchisee’s or customer’s adjustments with the statement each landed on, newest date first: readable by it, its brand or reseller and the platform admin; anyone else gets 404.',
  })
  @ApiOkResponse({ type: AdjustmentListDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, organizationErrors.ORGANIZATION_NOT_FOUND, adjustmentErrors.ADJUSTMENT_NOT_APPLICABLE)
  list(@UuidParam() id: string, @Query() query: AdjustmentsQueryDto): Promise<AdjustmentListDto> {
    return this.adjustments.list(id, query);
  }
}
