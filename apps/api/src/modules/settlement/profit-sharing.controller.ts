import { Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { Idempotent } from '../../platform/idempotency/idempotent.decorator.js';
import { ProfitSharingOrderDto, ProfitSharingOrderListDto, ProfitSharingOrdersQueryDto } from './dto/profit-sharing.dto.js';
import { profitSharingErrors } from './profit-sharing.errors.js';
import { ProfitSharingService } from './profit-sharing.service.js';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('v1/profit-sharing-orders')
@TenantScoped()
export class ProfitSharingController {
  constructor(private readonly splits: ProfitSharingService) {}

  @Get()
  @ApiOperation({
    summary: 'List profit-sharing splits',
    description:
      'Per-order splits (分账) of franchisees that collect (FRANCHISEE_COLLECTS): the brand’s commission sent from the franchisee’s merchant account to the brand’s. ' +
      'A brand sees its franchisees’ splits, a franchisee its own, anyone else none; newest first. `organizationId` narrows to one franchisee (or brand).',
  })
  @ApiOkResponse({ type: ProfitSharingOrderListDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  list(@Query() query: ProfitSharingOrdersQueryDto): Promise<ProfitSharingOrderListDto> {
    return this.splits.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A profit-sharing split', description: 'One split the caller may see; any other answers 404.' })
  @ApiOkResponse({ type: ProfitSharingOrderDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, profitSharingErrors.PROFIT_SHARING_ORDER_NOT_FOUND)
  get(@UuidParam() id: string): Promise<ProfitSharingOrderDto> {
    return this.splits.get(id);
  }

  @Post(':id/retry')
  @TenantScoped('OPERATOR_ADMIN', 'FRANCHISEE_ADMIN')
  @Idempotent()
  @ApiOperation({
    summary: 'Retry a failed split',
    description:
      'A FAILED split (refused by WeChat, its receiver line closed) is tried again under a new out_order_no by the durable split job; refused (422) unless FAILED and ' +
      'within 30 days of the payment. Answers the split, now PENDING.',
  })
  @ApiCreatedResponse({ type: ProfitSharingOrderDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, profitSharingErrors.PROFIT_SHARING_ORDER_NOT_FOUND, profitSharingErrors.PROFIT_SHARING_NOT_RETRYABLE)
  retry(@UuidParam() id: string): Promise<ProfitSharingOrderDto> {
    return this.splits.retry(id);
  }
}
