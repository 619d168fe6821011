import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { SupportLookupDto, SupportLookupQuery } from './dto/support.dto.js';
import { SupportService } from './support.service.js';

@ApiTags('support')
@ApiBearerAuth()
@Controller('v1/support')
@TenantScoped()
export class SupportController {
  constructor(private readonly support: SupportService) {}

  @Get('lookup')
  @ApiOperation({
    summary: 'Customer-service lookup',
    description:
      'Finds the sessions a user asks about by WeChat’s `transactionId`, an `outOrderNo` (any Pay Score order of the session), a `refundNo` (out_refund_no or ' +
      'refund_id), the user’s `openid`, or `deviceTime` (a device code in `q` and a moment in `at`: the sessions on that device within `windowMinutes`, default 30, ' +
      'of it). Each comes with its charge lines, refunds, complaints and what the device reported around it. Only sessions the caller may see: a franchisee its ' +
      'own, a hardware reseller none of its customers’ (permission `support.search`). A search by an end user’s identifier (openid, transactionId, refundNo), or any whose answer names a user, is ' +
      'written to the audit log (`support.lookup`: who searched what, and what was found). A malformed identifier is a 400 naming the field.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  @ApiOkResponse({ type: SupportLookupDto, description: 'The sessions found, newest first (deviceTime: nearest to `at` first).' })
  lookup(@Query() query: SupportLookupQuery): Promise<SupportLookupDto> {
    return this.support.lookup(query);
  }
}
