import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlatformAdmin, TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { organizationErrors } from '../organizations/organizations.errors.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { LedgerBalancesDto, LedgerCheckDto, LedgerEntriesQueryDto, LedgerEntryListDto, LedgerFiguresDto, LedgerFiguresQueryDto, LedgerQueryDto } from './dto/ledger.dto.js';
import { addDays } from './settlement-math.js';
import { settlementErrors } from './settlement.errors.js';
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

  @Get('figures')
  @ApiOperation({
    summary: 'An organisation’s own period figures',
    description:
      'Sums of the organisation’s own accounts (not those under it) over effective days from..to (Asia/Shanghai): commission earned, fees earned, WeChat’s channel fee borne ' +
      '(and the shares of it passed on), adjustments. For a brand that collects, which has no statement of its own. Who may: the organisation, those above it, the platform; others 404.',
  })
  @ApiOkResponse({ type: LedgerFiguresDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, organizationErrors.ORGANIZATION_NOT_FOUND, settlementErrors.EARNINGS_RANGE_INVALID)
  async figures(@Query() query: LedgerFiguresQueryDto): Promise<LedgerFiguresDto> {
    const org = await this.organizations.get(query.organizationId);
    // its own or one under it (a franchisee does not read its brand's figures, even if it sees the brand's name)
    if (!this.context.isPlatformAdmin && !org.path.includes(this.context.tenantId)) throw organizationErrors.ORGANIZATION_NOT_FOUND();
    if (query.from > query.to || addDays(query.from, 366) < query.to) throw settlementErrors.EARNINGS_RANGE_INVALID(undefined, { errors: [{ field: 'to', messages: ['to must be on or after from, at most 366 days later'] }] });
    return this.ledger.figures(this.context.manager, query.organizationId, query.from, query.to);
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
