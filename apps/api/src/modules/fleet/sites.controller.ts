import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { CreateSiteDto, SiteDto, SiteListQueryDto } from './dto/fleet.dto.js';
import { toSiteDto } from './fleet.mappers.js';
import { SitesService } from './sites.service.js';

@ApiTags('fleet')
@ApiBearerAuth()
@Controller('v1/sites')
@TenantScoped()
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Get()
  @ApiOkResponse({ type: [SiteDto] })
  async list(@Query() query: SiteListQueryDto): Promise<SiteDto[]> {
    return (await this.sites.list(query.organizationId)).map(toSiteDto);
  }

  @Get(':id')
  @ApiOkResponse({ type: SiteDto })
  async get(@UuidParam() id: string): Promise<SiteDto> {
    return toSiteDto(await this.sites.get(id));
  }

  @Post()
  @TenantScoped('OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN')
  @ApiCreatedResponse({ type: SiteDto })
  async create(@Body() body: CreateSiteDto): Promise<SiteDto> {
    return toSiteDto(await this.sites.create(body));
  }
}
