import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { organizationErrors } from '../organizations/organizations.errors.js';
import { PayoutPayeeDto, SetPayoutPayeeDto } from './dto/payout.dto.js';
import { PayoutsService } from './payouts.service.js';
import { payoutErrors } from './settlement.errors.js';

/** Who a franchisee is paid to by WeChat merchant transfer. */
@ApiTags('settlement')
@ApiBearerAuth()
@Controller('v1/organizations/:id/payout-payee')
@TenantScoped()
export class PayoutPayeesController {
  constructor(private readonly payouts: PayoutsService) {}

  @Put()
  @TenantScoped('OPERATOR_ADMIN', 'FRANCHISEE_ADMIN')
  @ApiOperation({
    summary: 'Set a franchisee’s payout payee',
    description:
      'The brand’s admin (or the franchisee’s own admin, or the platform admin) sets the openid (under an appid of the brand’s merchant account; default its first) that WeChat transfer ' +
      'payouts go to, and the payee’s real name, which WeChat requires from 2,000 CNY. The real name is stored encrypted (envelope encryption under the master key) and never returned; ' +
      'omitting it keeps the stored one. Another organisation answers 404. Audited (without the name).',
  })
  @ApiOkResponse({ type: PayoutPayeeDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, organizationErrors.ORGANIZATION_NOT_FOUND, payoutErrors.PAYOUT_PAYEE_NOT_APPLICABLE)
  set(@UuidParam() id: string, @Body() body: SetPayoutPayeeDto): Promise<PayoutPayeeDto> {
    return this.payouts.setPayee(id, body);
  }

  @Get()
  @ApiOperation({ summary: 'A franchisee’s payout payee', description: 'The openid and appid, and whether a real name is stored (never the name). 422 PAYOUT_PAYEE_MISSING when none is set.' })
  @ApiOkResponse({ type: PayoutPayeeDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, organizationErrors.ORGANIZATION_NOT_FOUND, payoutErrors.PAYOUT_PAYEE_MISSING)
  get(@UuidParam() id: string): Promise<PayoutPayeeDto> {
    return this.payouts.getPayee(id);
  }
}
