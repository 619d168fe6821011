import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { TenantScoped, WITH_TECHNICIANS } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { DirectTenantRead } from '../../platform/tenancy/direct-tenant-read.decorator.js';
import { TenantRead } from '../../platform/tenancy/tenant-reads.js';
import { DeviceCommandsService } from './device-commands.service.js';
import { DevicesService } from './devices.service.js';
import {
  CommandDto,
  CommandListDto,
  CommandListQuery,
  ImportDevicesQuery,
  ImportPreviewDto,
  TelemetryQuery,
  TelemetrySeriesDto,
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
import { merchantErrors } from '../merchants/merchants.errors.js';
import { fleetErrors } from './fleet.errors.js';
import { toCommandDto, toDeviceDto } from './fleet.mappers.js';
import { checkPlan } from './pricing-plans.js';

const WRITERS = ['OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN'] as const;

@ApiTags('fleet')
@ApiBearerAuth()
@Controller('v1/devices')
@TenantScoped(...WITH_TECHNICIANS)
export class DevicesController {
  constructor(
    private readonly devices: DevicesService,
    private readonly commands: DeviceCommandsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List devices',
    description:
      'The devices of the organisations whose fleet the caller may see (its own and those under it; a hardware reseller also its customers’), oldest first, ' +
      'each with its `status`, site name and plan name: filter by `status` (ONLINE / OFFLINE / FAULTED, computed at read time: ONLINE means heard from within ' +
      '3 heartbeat intervals), `siteId`, `organizationId`, `type`, `online` (the stored flag) and a `code` prefix; page with `limit` and `offset`; `total` counts every match. ' +
      'A reseller sees its customers’ devices without their plan name (prices are the merchant of record’s).',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  @ApiOkResponse({ type: DeviceListDto, description: 'Devices you may see, filtered by status, site, organisation, type and code prefix.' })
  @TenantRead()
  @DirectTenantRead()
  list(@Query() query: ListDevicesQuery): Promise<DeviceListDto> {
    return this.devices.list(query);
  }

  @Get('by-code/:code')
  @ApiOperation({ summary: 'Find a device by its QR code', description: 'The device whose code (printed in its QR code) is `code`, if the caller may see it; otherwise 404.' })
  @ApiErrors(fleetErrors.DEVICE_NOT_FOUND)
  @ApiOkResponse({ type: DeviceDto, description: 'The device with this QR code (404 when it is not yours to see).' })
  async byCode(@Param('code') code: string): Promise<DeviceDto> {
    return toDeviceDto(await this.devices.getByCode(code));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get a device with its history',
    description:
      'One device the caller may see, with its `status` (as in the list), `qrUrl` (what its QR code encodes: `<PUBLIC_BASE_URL>/d/<code>`, contracts.md §4), its site, ' +
      'current pricing plan (null for a fleet you watch but do not operate), the last 50 telemetry samples and commands, the last 100 events, and a timeline of both.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, fleetErrors.DEVICE_NOT_FOUND)
  @ApiOkResponse({ type: DeviceDetailDto })
  detail(@UuidParam() id: string): Promise<DeviceDetailDto> {
    return this.devices.detail(id);
  }

  @Post()
  @TenantScoped(...WRITERS)
  @ApiOperation({
    summary: 'Register a device',
    description:
      'Provisions one device at a site the caller may see; it belongs to the site’s organisation. `slots` is required for a power-bank cabinet and only for it, ' +
      '`connectors` likewise for an EV charger; the pricing plan is given inline (`plan`, contracts.md §3) or as an existing `planId` of that organisation, not both. ' +
      'A `payscoreServiceId` passes the scenario guard of `POST /v1/devices/{id}/payscore-service` (an enabled service of the device’s merchant of record, ' +
      'approved for its vertical, the plan’s risk fund under its cap), with the same error codes and `errors` naming `payscoreServiceId`; refused, nothing is stored. ' +
      'Answers the device secret once (it is stored sealed). Audited.',
  })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    fleetErrors.DEVICE_INVALID,
    fleetErrors.DEVICE_PLAN_INVALID,
    fleetErrors.SITE_NOT_FOUND,
    fleetErrors.DEVICE_PLAN_NOT_FOUND,
    fleetErrors.DEVICE_CODE_TAKEN,
    merchantErrors.PAYSCORE_SERVICE_NOT_FOUND,
    merchantErrors.PAYSCORE_SCENARIO_MISMATCH,
    merchantErrors.PAYSCORE_RISK_CAP_EXCEEDED,
  )
  @ApiCreatedResponse({ type: ProvisionedDeviceDto, description: 'The device and its secret, shown this once.' })
  async register(@Body() body: RegisterDeviceDto): Promise<ProvisionedDeviceDto> {
    const { device, secret } = await this.devices.register(body);
    return { device: toDeviceDto(device), secret };
  }

  @Post('import')
  @TenantScoped(...WRITERS)
  @ApiOperation({
    summary: 'Import devices from CSV (or preview the import)',
    description:
      'Provisions up to 5000 devices from a CSV (header `code,type,siteId` plus optional `name,slots,connectors,heartbeatIntervalSeconds,payscoreServiceId`), ' +
      'with an optional pricing plan for all of them: all rows or none. Each row is checked (its cells, a site you operate, a code not repeated in the file ' +
      'nor registered already, a `payscoreServiceId` that passes the scenario guard of `POST /v1/devices/{id}/payscore-service` against the import’s plan: ' +
      'its refusal is the row’s problem with that route’s error `code`). With `dryRun=true` nothing is stored and the answer (200) is the preview: every row with its problems (`row` is the line ' +
      'of the file, the header being line 1; `field`; `message`). Without it, any problem answers 422 `DEVICE_IMPORT_INVALID` with the same list in `rows` ' +
      '(and grouped by line in `errors`) and stores nothing; otherwise 201 with each device and its secret, answered once. Audited.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, fleetErrors.DEVICE_IMPORT_INVALID, fleetErrors.DEVICE_PLAN_INVALID, fleetErrors.DEVICE_CODE_TAKEN)
  @ApiExtraModels(ImportPreviewDto)
  @ApiOkResponse({ type: ImportPreviewDto, description: '`dryRun=true`: the preview; nothing was stored.' })
  @ApiCreatedResponse({ type: ImportedDevicesDto, description: 'All rows or none; each device with its secret, shown this once.' })
  async import(
    @Query() query: ImportDevicesQuery,
    @Body() body: ImportDevicesDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportedDevicesDto | ImportPreviewDto> {
    if (query.dryRun) {
      const { valid, rows, errors } = await this.devices.previewImport(body);
      if (body.plan) checkPlan(body.plan);
      void reply.status(200);
      return { valid, rows, errors };
    }
    return { devices: (await this.devices.import(body)).map(({ device, secret }) => ({ device: toDeviceDto(device), secret })) };
  }

  @Post(':id/secret/rotate')
  @HttpCode(200)
  @TenantScoped(...WRITERS)
  @ApiOperation({
    summary: 'Rotate a device’s secret',
    description: 'Issues a new device secret (answered once) and its version; the old one stops working at once. Also lifts a revocation. Audited.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, fleetErrors.DEVICE_NOT_FOUND)
  @ApiOkResponse({ type: SecretDto })
  rotate(@UuidParam() id: string): Promise<SecretDto> {
    return this.devices.rotateSecret(id);
  }

  @Post(':id/secret/revoke')
  @HttpCode(200)
  @TenantScoped(...WRITERS)
  @ApiOperation({
    summary: 'Revoke a device’s secret',
    description: 'The device’s signed requests are refused from now on (401 `DEVICE_AUTH_REVOKED`) and it is marked offline, until its secret is rotated. Revoking twice changes nothing. Audited.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, fleetErrors.DEVICE_NOT_FOUND)
  @ApiOkResponse({ type: DeviceDto, description: 'The device is refused from now on, until its secret is rotated.' })
  async revoke(@UuidParam() id: string): Promise<DeviceDto> {
    return toDeviceDto(await this.devices.revokeSecret(id));
  }

  @Put(':id/plan')
  @TenantScoped(...WRITERS)
  @ApiOperation({
    summary: 'Set a device’s pricing plan',
    description:
      'With `plan` (contracts.md §3): adds a new version of the device’s pricing plan when the device alone uses it, or gives the device a plan of its own ' +
      '(named after its code) when it had none or shared one with other devices (those keep theirs: a shared plan is edited with PUT /v1/plans/{id}). ' +
      'With `planId`: the device uses that plan of its organisation. New sessions use it; sessions already started keep the version they started with. Audited.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, fleetErrors.DEVICE_PLAN_INVALID, fleetErrors.DEVICE_NOT_FOUND, fleetErrors.DEVICE_PLAN_NOT_FOUND)
  @ApiOkResponse({ type: PlanRefDto, description: 'The plan’s new current version.' })
  async setPlan(@UuidParam() id: string, @Body() body: SetDevicePlanDto): Promise<PlanRefDto | null> {
    return this.devices.setPlan(id, body);
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
      'revoked: the customer provisions it with POST /v1/devices/{id}/secret/rotate. A device that has served sessions is not inventory (409). ' +
      'Audited (device.transfer, before/after).',
  })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    fleetErrors.DEVICE_NOT_FOUND,
    fleetErrors.DEVICE_TRANSFER_CUSTOMER_NOT_FOUND,
    fleetErrors.SITE_NOT_FOUND,
    fleetErrors.DEVICE_TRANSFER_REFUSED,
  )
  @ApiOkResponse({ type: DeviceDto, description: 'The device in the customer’s fleet, revoked until the customer rotates its secret.' })
  async transfer(@UuidParam() id: string, @Body() body: TransferDeviceDto): Promise<DeviceDto> {
    return toDeviceDto(await this.devices.transfer(id, body));
  }

  @Post(':id/commands')
  @TenantScoped(...WRITERS)
  @ApiOperation({
    summary: 'Send a command to a device',
    description:
      'Queues a command the device’s type takes (fridge: `UNLOCK`, `REBOOT`; power-bank cabinet: `EJECT`, `UNLOCK`, `REBOOT`; EV charger: `START_CHARGING`, `STOP_CHARGING`, `REBOOT`; ' +
      'water valve: `OPEN_VALVE`, `CLOSE_VALVE`, `REBOOT`), valid for `ttlSeconds` (default 60); the device fetches it by long poll. ' +
      'Only the device’s own organisation (or its franchise brand, or the platform) commands it: a hardware reseller sees its customers’ devices but gets 404. Audited.',
  })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    fleetErrors.DEVICE_NOT_FOUND,
    fleetErrors.DEVICE_REVOKED,
    fleetErrors.DEVICE_COMMAND_NOT_SUPPORTED,
  )
  @ApiCreatedResponse({ type: CommandDto, description: 'Queued; the device fetches it by long poll. Audited.' })
  async sendCommand(@UuidParam() id: string, @Body() body: SendCommandDto): Promise<CommandDto> {
    return toCommandDto(await this.commands.queue(id, body));
  }

  @Get(':id/telemetry')
  @ApiOperation({
    summary: 'A device’s telemetry for a chart',
    description:
      'The numeric fields of the device’s sampled telemetry over [`from`, `to`) (default: the last 24 hours; at most 31 days), averaged in the database ' +
      'into at most `maxPoints` buckets of `bucketSeconds`. Readable by whoever sees the device, a reseller included (fleet health).',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, fleetErrors.DEVICE_NOT_FOUND)
  @ApiOkResponse({ type: TelemetrySeriesDto })
  telemetry(@UuidParam() id: string, @Query() query: TelemetryQuery): Promise<TelemetrySeriesDto> {
    return this.devices.telemetry(id, query);
  }

  @Get(':id/commands')
  @ApiOperation({
    summary: 'List a device’s commands',
    description:
      'The device’s commands, newest first, with their state (QUEUED, DELIVERED, SUCCEEDED, FAILED, EXPIRED); filter by `state`, page with `limit` and `offset`. ' +
      'A reseller watching its customer’s device sees only maintenance commands, never those of a session.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, fleetErrors.DEVICE_NOT_FOUND)
  @ApiOkResponse({ type: CommandListDto })
  async commandList(@UuidParam() id: string, @Query() query: CommandListQuery): Promise<CommandListDto> {
    const { items, total } = await this.devices.commands(id, query);
    return { items: items.map(toCommandDto), total };
  }

  @Get(':id/commands/:commandId')
  @ApiOperation({ summary: 'Get a command of a device', description: 'One command of a device the caller may see, with its delivery and acknowledgement state.' })
  @ApiErrors(platformErrors.VALIDATION_FAILED, fleetErrors.DEVICE_NOT_FOUND, fleetErrors.DEVICE_COMMAND_NOT_FOUND)
  @ApiOkResponse({ type: CommandDto })
  command(@UuidParam() id: string, @UuidParam('commandId') commandId: string): Promise<CommandDto> {
    return this.commands.get(id, commandId);
  }
}
