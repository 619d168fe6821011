import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped, WITH_TECHNICIANS } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { ClearPowerBankFlagDto, DeviceInventoryDto, ListPowerBanksQuery, PowerBankDto, PowerBankListDto } from './dto/power-banks.dto.js';
import { fleetErrors } from './fleet.errors.js';
import { PowerBanksService } from './power-banks.service.js';

@ApiTags('fleet')
@ApiBearerAuth()
@Controller('v1')
// the reads: every role, technicians included (they service the cabinets)
@TenantScoped(...WITH_TECHNICIANS)
export class PowerBanksController {
  constructor(private readonly banks: PowerBanksService) {}

  @Get('power-banks')
  @ApiOperation({
    summary: 'List power banks',
    description:
      'The power banks of the cabinets the caller may see (a franchisee its own cabinets’, a brand all of its network), flagged ones first, then by bank id: ' +
      'state (IN_SLOT, RENTED, LOST, BOUGHT_OUT), where it is and its charge, the session renting it, and the operator flag (RETURNED_AFTER_BUYOUT, FOREIGN_RETURN). ' +
      'Filter by `state`, `flagged`, `deviceId` and a `bankId` prefix.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  @ApiOkResponse({ type: PowerBankListDto })
  list(@Query() query: ListPowerBanksQuery): Promise<PowerBankListDto> {
    return this.banks.list(query);
  }

  @Get('devices/:id/inventory')
  @ApiOperation({
    summary: 'A power-bank cabinet’s inventory',
    description:
      'Its slots (occupied with the bank and its charge, or free), from its heartbeats (`slots: [{slot, bankId, chargePercent}]`) and its bank events, ' +
      'how many banks are charged enough to rent (`chargedPercent`), and the banks rented from it still out.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, fleetErrors.DEVICE_NOT_FOUND)
  @ApiOkResponse({ type: DeviceInventoryDto })
  inventory(@UuidParam() id: string): Promise<DeviceInventoryDto> {
    return this.banks.inventory(id);
  }

  @Post('power-banks/:id/clear-flag')
  @HttpCode(200)
  @TenantScoped('OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN')
  @ApiOperation({
    summary: 'Clear a power bank’s flag',
    description:
      'The operator has dealt with a flagged bank (RETURNED_AFTER_BUYOUT, FOREIGN_RETURN): the flag and its detail are cleared, and the flag, its detail and ' +
      'the `note` are written to the audit log (`power-bank.clear-flag`). The admins of the organisations that see the bank (its cabinet’s organisation and ' +
      'the brand above it); another tenant’s bank is 404, a bank without a flag 409 POWERBANK_NOT_FLAGGED. Its POWERBANK_FLAGGED alert resolves at the next evaluation.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, fleetErrors.POWERBANK_NOT_FOUND, fleetErrors.POWERBANK_NOT_FLAGGED)
  @ApiOkResponse({ type: PowerBankDto })
  clearFlag(@UuidParam() id: string, @Body() body: ClearPowerBankFlagDto): Promise<PowerBankDto> {
    return this.banks.clearFlag(id, body.note);
  }
}
