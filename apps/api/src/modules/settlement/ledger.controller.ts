import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlatformAdmin, TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { organizationErrors } from '../organizations/organizations.errors.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { LedgerBalancesDto, LedgerCheckDto, LedgerEntriesQueryDto, LedgerEntryListDto, LedgerQueryDto } from './dto/ledger.dto.js';
import { LedgerService } from './ledger.service.js';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('v1/ledger')
@TenantScoped()
export class LedgerController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly context: RequestContext,
    private readonly organizations: OrganizationsService,
  ) {}

  @Get('balances')
  @ApiOperation({
    summary: 'Account balances',
    description:
      'The stored balance of every ledger account the caller may read (a franchisee its own: DUE_FROM_MERCHANT is what its brand still holds for it; a brand its own and ' +
      'its franchisees’). A hardware reseller reads its own accounts (its customers’ fees receivable), never its customers’.',
  })
  @ApiOkResponse({ type: LedgerBalancesDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, organizationErrors.ORGANIZATION_NOT_FOUND)
  async balances(@Query() query: LedgerQueryDto): Promise<LedgerBalancesDto> {
    if (query.organizationId) await this.organizations.get(query.organizationId);
    return { items: await this.ledger.balances(this.context.manager, query.organizationId ?? null) };
  }

  @Get('entries')
  @ApiOperation({
    summary: 'Ledger entries',
    description: 'The append-only entries of the accounts the caller may read, newest first, filtered by organisation, account, kind and effective day (Asia/Shanghai).',
  })
  @ApiOkResponse({ type: LedgerEntryListDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, organizationErrors.ORGANIZATION_NOT_FOUND)
  async entries(@Query() query: LedgerEntriesQueryDto): Promise<LedgerEntryListDto> {
    if (query.organizationId) await this.organizations.get(query.organizationId);
    return this.ledger.entries(this.context.manager, query);
  }

  @Get('check')
  @PlatformAdmin()
  @ApiOperation({
    summary: 'Check the ledger',
    description: 'Recomputes every account of every organisation from its entries alone and compares it with the stored balance; lists unbalanced postings. Both lists empty: the ledger is sound.',
  })
  @ApiOkResponse({ type: LedgerCheckDto })
  @ApiErrors()
  check(): Promise<LedgerCheckDto> {
    return this.ledger.check(this.context.manager);
  }
}
