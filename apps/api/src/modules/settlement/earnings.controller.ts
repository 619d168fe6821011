import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { organizationErrors } from '../organizations/organizations.errors.js';
import { EarningsByOrganizationDto, EarningsDto, EarningsQueryDto } from './dto/earnings.dto.js';
import { EarningsService } from './earnings.service.js';
import { settlementErrors } from './settlement.errors.js';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('v1/earnings')
@TenantScoped()
export class EarningsController {
  constructor(private readonly earnings: EarningsService) {}

  @Get()
  @ApiOperation({
    summary: 'Earnings of an organisation over a date range',
    description:
      'contracts.md §8. The sessions charged more than 0 fen whose organisation (the one that owned the device when the session started) is the given one or under it, ' +
      'and whose payment was recorded between `from` and `to` (Asia/Shanghai calendar days, inclusive; at most 366 days): what they paid, their successful refunds so far, ' +
      'the net, the commission (Σ ⌊order net × basis points ÷ 10000⌋ per order under the franchise agreement in force when the session started, 0 where none) and the share ' +
      '(net − commission). WeChat’s fees and fixed fees are not in these figures. Who may ask: the organisation, its franchise brand, the platform admin; ' +
      'anyone else — a hardware reseller about its customers included — gets 404. Aggregated in the database.',
  })
  @ApiOkResponse({ type: EarningsDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, organizationErrors.ORGANIZATION_NOT_FOUND, settlementErrors.EARNINGS_RANGE_INVALID)
  get(@Query() query: EarningsQueryDto): Promise<EarningsDto> {
    return this.earnings.get(query.organizationId, query.from, query.to);
  }

  @Get('by-organization')
  @ApiOperation({
    summary: 'Earnings per child organisation over a date range',
    description:
      'The figures of GET /v1/earnings (same definitions, readers and range rules) for the organisation, grouped in one query by its direct children (a brand: each franchisee, ' +
      'zeros included) and itself (its own devices); the items sum to GET /v1/earnings for the organisation.',
  })
  @ApiOkResponse({ type: EarningsByOrganizationDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, organizationErrors.ORGANIZATION_NOT_FOUND, settlementErrors.EARNINGS_RANGE_INVALID)
  byOrganization(@Query() query: EarningsQueryDto): Promise<EarningsByOrganizationDto> {
    return this.earnings.byOrganization(query.organizationId, query.from, query.to);
  }
}
