import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { organizationErrors } from '../organizations/organizations.errors.js';
import { AgreementDto, AgreementHistoryDto, AgreementQueryDto, PutAgreementDto } from './dto/agreement.dto.js';
import { AgreementsService, toAgreementDto } from './agreements.service.js';
import { settlementErrors } from './settlement.errors.js';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('v1/organizations')
@TenantScoped()
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Put(':id/agreement')
  @TenantScoped('OPERATOR_ADMIN')
  @ApiOperation({
    summary: 'Set an organisation’s agreement from a date',
    description:
      'The franchise brand sets a franchisee’s agreement (commission in basis points of each order’s net, optional fixed fee per device per month and minimum per month, ' +
      'statement period, who collects), a hardware reseller its customer’s (platform fee per active device per month, optional fixed monthly fee); a platform admin either. ' +
      'Adds a version in force from `effectiveFrom` (Asia/Shanghai), replacing older versions from that day on; the same terms from the same day as the newest version answer it again. ' +
      'A day in or before a closed statement period is refused (422). `FRANCHISEE_COLLECTS` needs the franchisee’s own merchant account and a commission no higher than ' +
      '`maxProfitSharingRatioBasisPoints` (default 3000). Anyone else’s organisation answers 404. Audited.',
  })
  @ApiOkResponse({ type: AgreementDto, description: 'The agreement in force from that date.' })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    organizationErrors.ORGANIZATION_NOT_FOUND,
    settlementErrors.AGREEMENT_NOT_APPLICABLE,
    settlementErrors.AGREEMENT_PERIOD_CLOSED,
    settlementErrors.AGREEMENT_RATIO_ABOVE_MAXIMUM,
    settlementErrors.AGREEMENT_NEEDS_OWN_MERCHANT_ACCOUNT,
  )
  async put(@UuidParam() id: string, @Body() body: PutAgreementDto): Promise<AgreementDto> {
    return toAgreementDto(await this.agreements.put(id, body));
  }

  @Get(':id/agreement')
  @ApiOperation({
    summary: 'The agreement in force',
    description: 'The version in force on `on` (default today, Asia/Shanghai) for a franchisee or customer: readable by it, its brand or reseller and the platform admin; anyone else gets 404.',
  })
  @ApiOkResponse({ type: AgreementDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, organizationErrors.ORGANIZATION_NOT_FOUND, settlementErrors.AGREEMENT_NOT_APPLICABLE, settlementErrors.AGREEMENT_NOT_FOUND)
  async inForce(@UuidParam() id: string, @Query() query: AgreementQueryDto): Promise<AgreementDto> {
    return toAgreementDto(await this.agreements.inForce(id, query.on));
  }

  @Get(':id/agreements')
  @ApiOperation({
    summary: 'An organisation’s agreement history',
    description: 'Every version of a franchisee’s or customer’s agreement, newest first, with who set it and when. Same readers as the agreement in force.',
  })
  @ApiOkResponse({ type: AgreementHistoryDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, organizationErrors.ORGANIZATION_NOT_FOUND, settlementErrors.AGREEMENT_NOT_APPLICABLE)
  async history(@UuidParam() id: string): Promise<AgreementHistoryDto> {
    return { items: (await this.agreements.history(id)).map(toAgreementDto) };
  }
}
