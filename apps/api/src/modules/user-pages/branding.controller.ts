import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { organizationErrors } from '../organizations/organizations.errors.js';
import { BrandingService } from './branding.service.js';
import { BrandingDto, PutBrandingDto } from './dto/branding.dto.js';

const WHO =
  'The organisation itself, its franchise brand (for a franchisee) and the platform admin; a hardware reseller does not brand its customers ' +
  '(each runs its own merchant account and brand), and anyone else’s organisation answers 404.';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('v1/organizations')
@TenantScoped()
export class BrandingController {
  constructor(private readonly branding: BrandingService) {}

  @Get(':id/branding')
  @ApiOperation({
    summary: 'The user pages branding of an organisation',
    description:
      'What the organisation set for the reference user pages at `/d/<code>` (`own`, null = inherited), what its devices’ pages show (`effective`: own value, else the franchise brand’s for a franchisee, ' +
      `else the environment's USER_PAGES_*, else the built-in default), where each comes from, and a device code to preview it. ${WHO}`,
  })
  @ApiOkResponse({ type: BrandingDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, organizationErrors.ORGANIZATION_NOT_FOUND)
  get(@UuidParam() id: string): Promise<BrandingDto> {
    return this.branding.get(id);
  }

  @Put(':id/branding')
  @TenantScoped('OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN')
  @ApiOperation({
    summary: 'Set the user pages branding of an organisation',
    description:
      'Replaces the organisation’s branding: `brandName` (1–32 characters), `color` (`#rgb`/`#rrggbb`), `otherPaymentUrl` (https; http only for localhost/127.0.0.1), ' +
      '`servicePhone` (客服电话 in the pages’ footer: digits and dashes). A field omitted or null is not set and is inherited; unknown fields are refused; each error names its field. ' +
      `Admins only. ${WHO} Audited.`,
  })
  @ApiOkResponse({ type: BrandingDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, organizationErrors.ORGANIZATION_NOT_FOUND)
  put(@UuidParam() id: string, @Body() body: PutBrandingDto): Promise<BrandingDto> {
    return this.branding.put(id, body);
  }
}
