import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import {
  BindPayscoreServiceDto,
  CreateMerchantAccountDto,
  CreatePayscoreServiceDto,
  DevicePayscoreBindingDto,
  MerchantAccountDetailDto,
  PayscoreServiceDto,
  ReplaceCredentialsDto,
  TransferSceneDto,
} from './dto/merchants.dto.js';
import { fleetErrors } from '../fleet/fleet.errors.js';
import { MerchantAccountsService } from './merchant-accounts.service.js';
import { merchantErrors } from './merchants.errors.js';

/**
 * Merchants of record: operators (self-run, franchise brand, a reseller for its own devices), reseller customers, and
 * franchisees for the franchisee-collects mode (issue 12: their own account, the brand's commission by profit sharing).
 */
const MERCHANT_ADMINS = ['OPERATOR_ADMIN', 'CUSTOMER_ADMIN', 'FRANCHISEE_ADMIN'] as const;

@ApiTags('merchants')
@ApiBearerAuth()
@Controller('v1/merchant-accounts')
@TenantScoped()
export class MerchantAccountsController {
  constructor(private readonly accounts: MerchantAccountsService) {}

  @Get()
  @ApiOperation({
    summary: 'List merchant accounts',
    description: 'The WeChat Pay merchant accounts (mchid) of the organisations whose data the caller may see, each with its Pay Score services. Key material is never returned.',
  })
  @ApiErrors()
  @ApiOkResponse({ type: [MerchantAccountDetailDto], description: 'Your merchant accounts and their Pay Score services. Secrets are never returned.' })
  list(): Promise<MerchantAccountDetailDto[]> {
    return this.accounts.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a merchant account', description: 'One merchant account the caller may see, with its Pay Score services; any other id answers 404. Key material is never returned.' })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND)
  @ApiOkResponse({ type: MerchantAccountDetailDto })
  get(@UuidParam() id: string): Promise<MerchantAccountDetailDto> {
    return this.accounts.get(id);
  }

  @Post()
  @TenantScoped(...MERCHANT_ADMINS)
  @ApiOperation({
    summary: 'Add a merchant account',
    description:
      'Registers the caller’s WeChat Pay merchant account: mchid, bound appids, the API certificate serial and private key, the APIv3 and APIv2 keys, ' +
      'the WeChat Pay public key (or platform certificates) and optional mini-program app secrets. Only a merchant of record has one (an operator or a reseller’s customer; ' +
      'a franchisee charges through its brand’s). The credentials are validated first with a signed test call to WeChat Pay; when it fails nothing is stored (422). ' +
      'Secrets are stored sealed and never returned. Audited.',
  })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    merchantErrors.MERCHANT_INVALID,
    merchantErrors.MERCHANT_NOT_MERCHANT_OF_RECORD,
    merchantErrors.MERCHANT_MCHID_TAKEN,
    merchantErrors.MERCHANT_CREDENTIALS_INVALID,
  )
  @ApiCreatedResponse({ type: MerchantAccountDetailDto, description: 'Validated with a signed test call to WeChat Pay first. Audited.' })
  create(@Body() body: CreateMerchantAccountDto): Promise<MerchantAccountDetailDto> {
    return this.accounts.create(body);
  }

  @Put(':id/credentials')
  @TenantScoped(...MERCHANT_ADMINS)
  @ApiOperation({
    summary: 'Replace a merchant account’s credentials',
    description:
      'Replaces the key material of an enabled account (certificate serial and private key, APIv3 and APIv2 keys, WeChat Pay public key or certificates, app secrets), ' +
      'validated the same way as on creation (422, nothing changed, when WeChat Pay refuses it); `credentialsVersion` goes up by one. Audited.',
  })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    merchantErrors.MERCHANT_INVALID,
    merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND,
    merchantErrors.MERCHANT_ACCOUNT_DISABLED,
    merchantErrors.MERCHANT_CREDENTIALS_INVALID,
  )
  @ApiOkResponse({ type: MerchantAccountDetailDto, description: 'Replaces the key material, validated the same way; credentialsVersion + 1. Audited.' })
  replaceCredentials(@UuidParam() id: string, @Body() body: ReplaceCredentialsDto): Promise<MerchantAccountDetailDto> {
    return this.accounts.replaceCredentials(id, body);
  }

  @Put(':id/transfer-scene')
  @TenantScoped(...MERCHANT_ADMINS)
  @ApiOperation({
    summary: 'Set the WeChat transfer scene of franchisee payouts',
    description:
      'The merchant-transfer scene (`transfer_scene_id`) and its report items (`transfer_scene_report_infos`) this account’s WeChat transfers to franchisees are sent under, ' +
      'as approved for the merchant in its WeChat Pay merchant platform. Without one the account uses the default: 1005 (佣金报酬) with 岗位类型 = 加盟商 and ' +
      '报酬说明 = 分成结算{period} — unconfirmed for franchise revenue shares. `{period}` in a content becomes the statement’s period (YYYYMMDD-YYYYMMDD). ' +
      'Each infoType once; a content must fit in 32 characters once filled in (400 `MERCHANT_INVALID` naming the field). Audited.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_INVALID, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND, merchantErrors.MERCHANT_ACCOUNT_DISABLED)
  @ApiOkResponse({ type: MerchantAccountDetailDto, description: 'The account with its new transfer scene. Audited.' })
  setTransferScene(@UuidParam() id: string, @Body() body: TransferSceneDto): Promise<MerchantAccountDetailDto> {
    return this.accounts.setTransferScene(id, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @TenantScoped(...MERCHANT_ADMINS)
  @ApiOperation({
    summary: 'Disable a merchant account',
    description: 'The account charges nothing from now on: new sessions on its services are refused and its callbacks are no longer accepted. Disabling twice changes nothing. Audited.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND)
  @ApiOkResponse({ type: MerchantAccountDetailDto, description: 'The account charges nothing from now on. Audited.' })
  disable(@UuidParam() id: string): Promise<MerchantAccountDetailDto> {
    return this.accounts.disable(id);
  }

  @Post(':id/services')
  @TenantScoped(...MERCHANT_ADMINS)
  @ApiOperation({
    summary: 'Register a Pay Score service id',
    description:
      'Adds a Pay Score service id to an enabled merchant account, with the scenario (vertical), mode and per-order risk cap WeChat approved it for; ' +
      'only devices of that vertical may use it, and never above its cap. Audited.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND, merchantErrors.MERCHANT_ACCOUNT_DISABLED, merchantErrors.PAYSCORE_SERVICE_TAKEN)
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
  @ApiOperation({
    summary: 'List the Pay Score services my devices may use',
    description: 'The Pay Score services of the merchant accounts the caller may see; a franchisee gets its brand’s enabled services (those it may bind its devices to).',
  })
  @ApiErrors()
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
  @ApiOperation({
    summary: 'Bind a device to a Pay Score service',
    description:
      'Chooses the Pay Score service id the device’s sessions are charged under: an enabled service of the device’s merchant of record (a franchisee: its brand’s). ' +
      'Refused when the service is approved for another vertical (422 `PAYSCORE_SCENARIO_MISMATCH`: cross-scenario use gets the merchant’s Pay Score revoked) or the risk fund of the ' +
      'device’s plan (its total cap) is above the service’s cap (422 `PAYSCORE_RISK_CAP_EXCEEDED`). A hardware reseller does not bind its customers’ devices (404). Audited.',
  })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    fleetErrors.DEVICE_NOT_FOUND,
    merchantErrors.PAYSCORE_SERVICE_NOT_FOUND,
    merchantErrors.PAYSCORE_SCENARIO_MISMATCH,
    merchantErrors.PAYSCORE_RISK_CAP_EXCEEDED,
  )
  @ApiOkResponse({ type: DevicePayscoreBindingDto, description: 'The device’s new binding and the risk fund its plan asks for.' })
  bind(@UuidParam() id: string, @Body() body: BindPayscoreServiceDto): Promise<DevicePayscoreBindingDto> {
    return this.accounts.bindDevice(id, body);
  }
}
