import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { organizationErrors } from '../organizations/organizations.errors.js';
import { OverviewDto, OverviewQueryDto } from './dto/overview.dto.js';
import { OverviewService } from './overview.service.js';

@ApiTags('overview')
@ApiBearerAuth()
@Controller('v1/overview')
@TenantScoped()
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  @ApiOperation({
    summary: 'The business at a glance',
    description:
      'Aggregated in the database over what the caller may see: net revenue (paid − refunded, in fen) today, over 7 and 30 days and by day ' +
      '(Asia/Shanghai calendar days), sessions by state, devices online / offline / faulted, open anomalies, money still owed, and the 30-day complaint rate ' +
      'per merchant account and per legal entity against the COMPLAINT_RATE alert rule’s threshold. ' +
      '`organizationId` narrows everything to one organisation and those under it (a franchise brand: one franchisee). ' +
      'A hardware reseller gets `scope: FLEET_ONLY`: device health only, the money and session sections are null.',
  })
  @ApiOkResponse({ type: OverviewDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, organizationErrors.ORGANIZATION_NOT_FOUND)
  get(@Query() query: OverviewQueryDto): Promise<OverviewDto> {
    return this.overview.get(query.organizationId);
  }
}
