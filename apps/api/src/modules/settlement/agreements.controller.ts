import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '../../platform/clock/clock.js';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { organizationErrors } from '../organizations/organizations.errors.js';
import { AgreementDto, AgreementHistoryDto, AgreementQueryDto, AgreementsInForceDto, AgreementsInForceQueryDto, PutAgreementDto } from './dto/agreement.dto.js';
import { AgreementsService, toAgreementDto } from './agreements.service.js';
import { settlementErrors } from './settlement.errors.js';
import { StatementsService } from './statements.service.js';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('v1/organizations')
@TenantScoped()
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly statements: StatementsService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  @Put(':id/agreement')
  @TenantScoped('OPERATOR_ADMIN')
  @ApiOperation({
    summary: 'Set an organisation’s agreement from a date',
    description:
      'The franchise brand sets a franchisee’s agreement (commission in basis points of each order’s net, optional fixed fee per device per month and minimum per month, ' +
      'statement period, who collects, whether WeChat’s channel fee on its sessions is passed on to it — `channelFeePassedOn`, brand collects only, default false), a hardware reseller its customer’s (platform fee per active device per month, optional fixed monthly fee); a platform admin either. ' +
      'Adds a version in force from `effectiveFrom` (Asia/Shanghai), replacing older versions from that day on; the same terms from the same day as the newest version answer it again. ' +
      'The statements the agreement calls for up to today are opened at once. A day in or before a closed statement period is refused (422). `FRANCHISEE_COLLECTS` needs the franchisee’s own merchant account and a commission no higher than ' +
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
    const row = await this.agreements.put(id, body);
    // the statements the terms call for are opened now, in the same transaction, not at the job's next tick
    await this.statements.openDue(this.context.manager, this.clock.now(), row.tenant_id);
    return toAgreementDto(row);
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

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('v1/agreements')
@TenantScoped()
export class AgreementsInForceController {
  constructor(private readonly agreements: AgreementsService) {}

  @Get()
  @ApiOperation({
    summary: 'The agreements in force of all children of a brand or reseller',
    description:
      'For `parentId` (a franchise brand or hardware reseller the caller may see): the version in force on `on` (default today, Asia/Shanghai) of each direct child that has one, ' +
      'in one call. A parent the caller cannot see (a franchisee’s own brand included: it reads its agreement with GET /v1/organizations/{id}/agreement) answers 404.',
  })
  @ApiOkResponse({ type: AgreementsInForceDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, organizationErrors.ORGANIZATION_NOT_FOUND)
  async list(@Query() query: AgreementsInForceQueryDto): Promise<AgreementsInForceDto> {
    return { items: (await this.agreements.inForceOfChildren(query.parentId, query.on)).map(toAgreementDto) };
  }
}
