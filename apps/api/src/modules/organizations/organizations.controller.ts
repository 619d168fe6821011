import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { DirectTenantRead } from '../../platform/tenancy/direct-tenant-read.decorator.js';
import { TenantRead } from '../../platform/tenancy/tenant-reads.js';
import { CreateOrganizationDto, OrganizationDto, OrganizationTreeNodeDto, RenameOrganizationDto } from './dto/organization.dto.js';
import { organizationErrors } from './organizations.errors.js';
import { OrganizationsService, toOrganizationDto } from './organizations.service.js';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('v1/organizations')
@TenantScoped()
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOperation({
    summary: 'List organisations',
    description: 'The caller’s organisation and those under it (a franchise brand’s franchisees, a hardware reseller’s customers); a platform admin sees all.',
  })
  @ApiOkResponse({ type: [OrganizationDto], description: 'Your organisation and those under it that you may see.' })
  @ApiErrors()
  @TenantRead()
  @DirectTenantRead()
  list(): Promise<OrganizationDto[]> {
    return this.organizations.read();
  }

  @Get('tree')
  @ApiOperation({
    summary: 'The organisation tree',
    description:
      'Everything `GET /v1/organizations` lists, in one call as a tree: the caller’s organisation (a platform admin: the platform) with the organisations under it ' +
      '(brand → franchisees, reseller → customers), each with its number of logins. Roots are the visible organisations whose parent is not visible.',
  })
  @ApiOkResponse({ type: [OrganizationTreeNodeDto], description: 'The roots, each with its children, oldest first.' })
  @ApiErrors()
  @TenantRead()
  tree(): Promise<OrganizationTreeNodeDto[]> {
    return this.organizations.tree();
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an organisation', description: 'One organisation the caller may see; any other id answers 404.' })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, organizationErrors.ORGANIZATION_NOT_FOUND)
  @TenantRead()
  get(@UuidParam() id: string): Promise<OrganizationDto> {
    return this.organizations.readOne(id);
  }

  @Post()
  @TenantScoped('OPERATOR_ADMIN')
  @ApiOperation({
    summary: 'Create an organisation',
    description:
      'Adds a child organisation under the caller’s own (a platform admin: under `parentId`). The tree’s shape is fixed by the parent: ' +
      'the platform has operators (with an `operatingModel`: `SELF_RUN`, `FRANCHISE` or `HARDWARE_SALE`), a franchise brand has franchisees, a hardware reseller has customers. Audited.',
  })
  @ApiCreatedResponse({ type: OrganizationDto })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    organizationErrors.ORGANIZATION_MODEL_REQUIRED,
    organizationErrors.ORGANIZATION_NOT_FOUND,
    organizationErrors.ORGANIZATION_KIND_NOT_ALLOWED,
  )
  async create(@Body() body: CreateOrganizationDto): Promise<OrganizationDto> {
    return toOrganizationDto(await this.organizations.create(body));
  }

  @Patch(':id')
  @TenantScoped('OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN')
  @ApiOperation({
    summary: 'Rename an organisation or set its legal name',
    description:
      'Renames the caller’s own organisation or one directly under it (a platform admin: any), and/or sets its legal name (主体名称, ' +
      'used by the Pay Score application pack; null clears it). At least one of name and legalName. Another organisation answers 404. ' +
      'A customer’s legal name is set by the customer itself: its reseller gets 403. Only what changes is written and audited.',
  })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, organizationErrors.ORGANIZATION_NOT_FOUND, organizationErrors.ORGANIZATION_LEGAL_NAME_NOT_YOURS)
  async rename(@UuidParam() id: string, @Body() body: RenameOrganizationDto): Promise<OrganizationDto> {
    return toOrganizationDto(await this.organizations.rename(id, { name: body.name, legalName: body.legalName }));
  }
}
