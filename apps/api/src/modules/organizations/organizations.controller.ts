import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { CreateOrganizationDto, OrganizationDto, RenameOrganizationDto } from './dto/organization.dto.js';
import { OrganizationsService, toOrganizationDto } from './organizations.service.js';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('v1/organizations')
@TenantScoped()
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOkResponse({ type: [OrganizationDto], description: 'Your organisation and those under it that you may see.' })
  async list(): Promise<OrganizationDto[]> {
    return (await this.organizations.list()).map(toOrganizationDto);
  }

  @Get(':id')
  @ApiOkResponse({ type: OrganizationDto })
  async get(@UuidParam() id: string): Promise<OrganizationDto> {
    return toOrganizationDto(await this.organizations.get(id));
  }

  @Post()
  @TenantScoped('OPERATOR_ADMIN')
  @ApiCreatedResponse({ type: OrganizationDto })
  async create(@Body() body: CreateOrganizationDto): Promise<OrganizationDto> {
    return toOrganizationDto(await this.organizations.create(body));
  }

  @Patch(':id')
  @TenantScoped('OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN')
  @ApiOkResponse({ type: OrganizationDto })
  async rename(@UuidParam() id: string, @Body() body: RenameOrganizationDto): Promise<OrganizationDto> {
    return toOrganizationDto(await this.organizations.rename(id, body.name));
  }
}
