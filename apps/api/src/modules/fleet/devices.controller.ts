import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { DeviceCommandsService } from './device-commands.service.js';
import { DevicesService } from './devices.service.js';
import {
  CommandDto,
  DeviceDetailDto,
  DeviceDto,
  DeviceListDto,
  ImportDevicesDto,
  ImportedDevicesDto,
  ListDevicesQuery,
  PlanRefDto,
  ProvisionedDeviceDto,
  RegisterDeviceDto,
  SecretDto,
  SendCommandDto,
  SetDevicePlanDto,
  TransferDeviceDto,
} from './dto/fleet.dto.js';
import { toCommandDto, toDeviceDto } from './fleet.mappers.js';

const WRITERS = ['OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN'] as const;

@ApiTags('fleet')
@ApiBearerAuth()
@Controller('v1/devices')
@TenantScoped()
export class DevicesController {
  constructor(
    private readonly devices: DevicesService,
    private readonly commands: DeviceCommandsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: DeviceListDto, description: 'Devices you may see, filtered by site, organisation, type and online state.' })
  async list(@Query() query: ListDevicesQuery): Promise<DeviceListDto> {
    const { items, total } = await this.devices.list(query);
    return { items: items.map(toDeviceDto), total };
  }

  @Get('by-code/:code')
  @ApiOkResponse({ type: DeviceDto, description: 'The device with this QR code (404 when it is not yours to see).' })
  async byCode(@Param('code') code: string): Promise<DeviceDto> {
    return toDeviceDto(await this.devices.getByCode(code));
  }

  @Get(':id')
  @ApiOkResponse({ type: DeviceDetailDto })
  detail(@UuidParam() id: string): Promise<DeviceDetailDto> {
    return this.devices.detail(id);
  }

  @Post()
  @TenantScoped(...WRITERS)
  @ApiCreatedResponse({ type: ProvisionedDeviceDto, description: 'The device and its secret, shown this once.' })
  async register(@Body() body: RegisterDeviceDto): Promise<ProvisionedDeviceDto> {
    const { device, secret } = await this.devices.register(body);
    return { device: toDeviceDto(device), secret };
  }

  @Post('import')
  @TenantScoped(...WRITERS)
  @ApiCreatedResponse({ type: ImportedDevicesDto, description: 'All rows or none; each device with its secret, shown this once.' })
  async import(@Body() body: ImportDevicesDto): Promise<ImportedDevicesDto> {
    return { devices: (await this.devices.import(body)).map(({ device, secret }) => ({ device: toDeviceDto(device), secret })) };
  }

  @Post(':id/secret/rotate')
  @HttpCode(200)
  @TenantScoped(...WRITERS)
  @ApiOkResponse({ type: SecretDto })
  rotate(@UuidParam() id: string): Promise<SecretDto> {
    return this.devices.rotateSecret(id);
  }

  @Post(':id/secret/revoke')
  @HttpCode(200)
  @TenantScoped(...WRITERS)
  @ApiOkResponse({ type: DeviceDto, description: 'The device is refused from now on, until its secret is rotated.' })
  async revoke(@UuidParam() id: string): Promise<DeviceDto> {
    return toDeviceDto(await this.devices.revokeSecret(id));
  }

  @Put(':id/plan')
  @TenantScoped(...WRITERS)
  @ApiOkResponse({ type: PlanRefDto, description: 'The plan’s new current version.' })
  async setPlan(@UuidParam() id: string, @Body() body: SetDevicePlanDto): Promise<PlanRefDto | null> {
    return this.devices.setPlan(id, body.plan);
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @TenantScoped(...WRITERS)
  @ApiOperation({
    summary: 'Transfer a device to a customer (the sale)',
    description:
      'A hardware reseller hands a device of its own inventory to one of its customer organisations, into a site of that customer. ' +
      'From then on only the customer operates it (plan, secret, Pay Score service, commands); the reseller keeps a read-only view of its health. ' +
      'The reseller’s plan and Pay Score service are cleared, open commands expire, and the secret is replaced by one nobody is told with the device ' +
      'revoked: the customer provisions it with POST /v1/devices/{id}/secret/rotate. Audited (device.transfer, before/after). ' +
      'Callers: OPERATOR_ADMIN of the device’s owner (or a platform admin). Errors: DEVICE_NOT_FOUND (404: not a device you operate), ' +
      'DEVICE_TRANSFER_CUSTOMER_NOT_FOUND (404: not a customer of the owner), SITE_NOT_FOUND (404: not a site of that customer), ' +
      'DEVICE_TRANSFER_REFUSED (409: the device has served sessions, it is not inventory), VALIDATION_FAILED (400).',
  })
  @ApiOkResponse({ type: DeviceDto, description: 'The device in the customer’s fleet, revoked until the customer rotates its secret.' })
  async transfer(@UuidParam() id: string, @Body() body: TransferDeviceDto): Promise<DeviceDto> {
    return toDeviceDto(await this.devices.transfer(id, body));
  }

  @Post(':id/commands')
  @TenantScoped(...WRITERS)
  @ApiCreatedResponse({ type: CommandDto, description: 'Queued; the device fetches it by long poll. Audited.' })
  async sendCommand(@UuidParam() id: string, @Body() body: SendCommandDto): Promise<CommandDto> {
    return toCommandDto(await this.commands.queue(id, body));
  }

  @Get(':id/commands/:commandId')
  @ApiOkResponse({ type: CommandDto })
  command(@UuidParam() id: string, @UuidParam('commandId') commandId: string): Promise<CommandDto> {
    return this.commands.get(id, commandId);
  }
}
