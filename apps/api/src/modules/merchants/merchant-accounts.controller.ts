import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import {
  BindPayscoreServiceDto,
  CreateMerchantAccountDto,
  CreatePayscoreServiceDto,
  DevicePayscoreBindingDto,
  MerchantAccountDetailDto,
  PayscoreServiceDto,
  ReplaceCredentialsDto,
} from './dto/merchants.dto.js';
import { MerchantAccountsService } from './merchant-accounts.service.js';

/** Merchants of record: operators (self-run, franchise brand, a reseller for its own devices) and reseller customers. */
const MERCHANT_ADMINS = ['OPERATOR_ADMIN', 'CUSTOMER_ADMIN'] as const;

@ApiTags('merchants')
@ApiBearerAuth()
@Controller('v1/merchant-accounts')
@TenantScoped()
export class MerchantAccountsController {
  constructor(private readonly accounts: MerchantAccountsService) {}

  @Get()
  @ApiOkResponse({ type: [MerchantAccountDetailDto], description: 'Your merchant accounts and their Pay Score services. Secrets are never returned.' })
  list(): Promise<MerchantAccountDetailDto[]> {
    return this.accounts.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: MerchantAccountDetailDto })
  get(@UuidParam() id: string): Promise<MerchantAccountDetailDto> {
    return this.accounts.get(id);
  }

  @Post()
  @TenantScoped(...MERCHANT_ADMINS)
  @ApiCreatedResponse({ type: MerchantAccountDetailDto, description: 'Validated with a signed test call to WeChat Pay first (422 MERCHANT_CREDENTIALS_INVALID: nothing stored). Audited.' })
  create(@Body() body: CreateMerchantAccountDto): Promise<MerchantAccountDetailDto> {
    return this.accounts.create(body);
  }

  @Put(':id/credentials')
  @TenantScoped(...MERCHANT_ADMINS)
  @ApiOkResponse({ type: MerchantAccountDetailDto, description: 'Replaces the key material, validated the same way; credentialsVersion + 1. Audited.' })
  replaceCredentials(@UuidParam() id: string, @Body() body: ReplaceCredentialsDto): Promise<MerchantAccountDetailDto> {
    return this.accounts.replaceCredentials(id, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @TenantScoped(...MERCHANT_ADMINS)
  @ApiOkResponse({ type: MerchantAccountDetailDto, description: 'The account charges nothing from now on. Audited.' })
  disable(@UuidParam() id: string): Promise<MerchantAccountDetailDto> {
    return this.accounts.disable(id);
  }

  @Post(':id/services')
  @TenantScoped(...MERCHANT_ADMINS)
  @ApiCreatedResponse({ type: PayscoreServiceDto, description: 'Registers a Pay Score service id with the scenario, mode and risk cap WeChat approved. Audited.' })
  addService(@UuidParam() id: string, @Body() body: CreatePayscoreServiceDto): Promise<PayscoreServiceDto> {
    return this.accounts.addService(id, body);
  }
}

@ApiTags('merchants')
@ApiBearerAuth()
@Controller('v1/payscore-services')
@TenantScoped()
export class PayscoreServicesController {
  constructor(private readonly accounts: MerchantAccountsService) {}

  @Get()
  @ApiOkResponse({ type: [PayscoreServiceDto], description: 'The Pay Score services your devices may use (a franchisee: its brand’s enabled ones).' })
  list(): Promise<PayscoreServiceDto[]> {
    return this.accounts.listServices();
  }
}

@ApiTags('fleet')
@ApiBearerAuth()
@Controller('v1/devices')
@TenantScoped('OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN')
export class DevicePayscoreController {
  constructor(private readonly accounts: MerchantAccountsService) {}

  @Post(':id/payscore-service')
  @HttpCode(200)
  @ApiOkResponse({
    type: DevicePayscoreBindingDto,
    description:
      'Binds the device to a Pay Score service of its merchant of record. 422 PAYSCORE_SCENARIO_MISMATCH when the service is approved for another vertical, PAYSCORE_RISK_CAP_EXCEEDED when the plan’s risk fund is above its cap. Audited.',
  })
  bind(@UuidParam() id: string, @Body() body: BindPayscoreServiceDto): Promise<DevicePayscoreBindingDto> {
    return this.accounts.bindDevice(id, body);
  }
}
