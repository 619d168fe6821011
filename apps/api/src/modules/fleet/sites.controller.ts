import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped, WITH_TECHNICIANS } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { TenantRead } from '../../platform/tenancy/tenant-reads.js';
import { CreateSiteDto, SiteDto, SiteListDto, SiteListQueryDto } from './dto/fleet.dto.js';
import { fleetErrors } from './fleet.errors.js';
import { toSiteDto } from './fleet.mappers.js';
import { SitesService } from './sites.service.js';

@ApiTags('fleet')
@ApiBearerAuth()
@Controller('v1/sites')
@TenantScoped(...WITH_TECHNICIANS)
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Get()
  @ApiOperation({
    summary: 'List sites',
    description:
      'The sites of the organisations whose fleet the caller may see (its own and those under it; a hardware reseller also its customers’), oldest first, ' +
      'each with its address, city and device counts (all, ONLINE, FAULTED; see GET /v1/devices `status`) counted in the database. ' +
      '`organizationId` narrows to one organisation, `city` to one city, `q` to names containing it; page with `limit` and `offset`; `total` counts every match.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  @ApiOkResponse({ type: SiteListDto })
  @TenantRead()
  list(@Query() query: SiteListQueryDto): Promise<SiteListDto> {
    return this.sites.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a site', description: 'One site the caller may see; any other id answers 404.' })
  @ApiOkResponse({ type: SiteDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, fleetErrors.SITE_NOT_FOUND)
  async get(@UuidParam() id: string): Promise<SiteDto> {
    return toSiteDto(await this.sites.get(id));
  }

  @Post()
  @TenantScoped('OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN')
  @ApiOperation({
    summary: 'Create a site',
    description: 'Adds a site (name, address, city, optional coordinates) to the caller’s organisation or, with `organizationId`, to one under it. Audited.',
  })
  @ApiCreatedResponse({ type: SiteDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, fleetErrors.SITE_NOT_FOUND)
  async create(@Body() body: CreateSiteDto): Promise<SiteDto> {
    return toSiteDto(await this.sites.create(body));
  }
}
