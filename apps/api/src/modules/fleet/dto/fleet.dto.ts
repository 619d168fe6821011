import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { COMMAND_STATES, COMMAND_TYPES, DEVICE_TYPES, type CommandState, type CommandType, type DeviceType } from '../fleet.entities.js';

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/;

export class CreateSiteDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The organisation owning the site (default: yours); a franchise brand may name one of its franchisees. A reseller creates sites only for itself: its customers create their own.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiProperty({ example: '杭州东站 B1' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: '浙江省杭州市上城区全福桥路2号' }) @IsString() @Length(1, 500) address!: string;
  @ApiProperty({ example: '杭州' }) @IsString() @Length(1, 100) city!: string;
  @ApiPropertyOptional({ example: 30.2906 }) @IsOptional() @IsLatitude() latitude?: number;
  @ApiPropertyOptional({ example: 120.2133 }) @IsOptional() @IsLongitude() longitude?: number;
}

export class SiteDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty() city!: string;
  @ApiProperty({ type: Number, nullable: true }) latitude!: number | null;
  @ApiProperty({ type: Number, nullable: true }) longitude!: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class RegisterDeviceDto {
  @ApiProperty({ format: 'uuid', description: 'The site; the device belongs to the site’s organisation.' }) @IsUUID() siteId!: string;
  @ApiProperty({ example: 'PB-0042', description: 'The code printed on the QR sticker; unique across the platform.' })
  @IsString()
  @Matches(CODE_PATTERN, { message: 'code must be 3–64 letters, digits, - or _' })
  code!: string;

  @ApiProperty({ enum: DEVICE_TYPES }) @IsIn(DEVICE_TYPES) type!: DeviceType;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ description: 'Power-bank cabinets only.' }) @IsOptional() @IsInt() @Min(1) @Max(200) slots?: number;
  @ApiPropertyOptional({ description: 'EV chargers only.' }) @IsOptional() @IsInt() @Min(1) @Max(16) connectors?: number;
  @ApiPropertyOptional({ default: 60 }) @IsOptional() @IsInt() @Min(1) @Max(3600) heartbeatIntervalSeconds?: number;
  @ApiPropertyOptional({ description: 'The WeChat Pay Score service the device charges through.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  payscoreServiceId?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'A pricing plan (contracts.md §3); creates a plan at version 1.' })
  @IsOptional()
  @IsObject()
  plan?: Record<string, unknown>;

  @ApiPropertyOptional({ format: 'uuid', description: 'Or an existing plan of the same organisation.' }) @IsOptional() @IsUUID() planId?: string;
}

export class ImportDevicesDto {
  @ApiProperty({
    description: 'Header row then one device per row: code,type,siteId[,name,slots,connectors,heartbeatIntervalSeconds,payscoreServiceId]',
    example: 'code,type,siteId,slots\nPB-0100,POWERBANK_CABINET,00000000-0000-4000-8000-000000000000,8',
  })
  @IsString()
  @Length(1, 2_000_000)
  csv!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'A pricing plan for every imported device (one plan per organisation).' })
  @IsOptional()
  @IsObject()
  plan?: Record<string, unknown>;
}

export class SetDevicePlanDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'The new plan (contracts.md §3): the next version of the device’s plan when only this device uses it; when other devices share it, ' +
      'the device gets a plan of its own (named after its code) and the others keep theirs.',
  })
  @IsOptional()
  @IsObject()
  plan?: Record<string, unknown>;

  @ApiPropertyOptional({ format: 'uuid', description: 'Or an existing plan of the device’s organisation (GET /v1/plans): the device uses its current version from now on.' })
  @IsOptional()
  @IsUUID()
  planId?: string;
}

export class TransferDeviceDto {
  @ApiProperty({ format: 'uuid', description: 'The customer organisation buying the device: a CUSTOMER directly under the device’s owner.' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ format: 'uuid', description: 'A site of that customer, where the device goes (the customer creates it first).' })
  @IsUUID()
  siteId!: string;
}

export const DEVICE_STATUSES = ['ONLINE', 'OFFLINE', 'FAULTED'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

const STATUS_TEXT =
  '`ONLINE`: heard from within 3 heartbeat intervals (the offline sweep’s threshold, computed at read time) and its latest heartbeat reports no fault; ' +
  '`FAULTED`: heard from within 3 intervals but its latest heartbeat carries a `fault` (any value but null, false, 0, "", [] or {}); ' +
  '`OFFLINE`: not heard from for 3 intervals, never heard from, or its secret is revoked.';

const booleanQuery = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

export class ListDevicesQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() siteId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ enum: DEVICE_TYPES, description: 'The device type, which is its vertical.' }) @IsOptional() @IsIn(DEVICE_TYPES) type?: DeviceType;

  @ApiPropertyOptional({ type: Boolean, description: 'The stored online flag (kept for API clients; the console filters by `status`).' })
  @IsOptional()
  @booleanQuery()
  @IsBoolean()
  online?: boolean;

  @ApiPropertyOptional({ enum: DEVICE_STATUSES, description: STATUS_TEXT }) @IsOptional() @IsIn(DEVICE_STATUSES) status?: DeviceStatus;

  @ApiPropertyOptional({ example: 'FR-00', description: 'Devices whose code starts with this (case-insensitive).' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  code?: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class TelemetryQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Start of the range (default: 24 hours before `to`).' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'End of the range, exclusive (default: now). At most 31 days after `from`.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ default: 200, minimum: 10, maximum: 1000, description: 'At most this many buckets.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(1000)
  maxPoints?: number;
}

export class CommandListQuery {
  @ApiPropertyOptional({ enum: COMMAND_STATES }) @IsOptional() @IsIn(COMMAND_STATES) state?: CommandState;
  @ApiPropertyOptional({ default: 20, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class ImportDevicesQuery {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Check every row and answer the preview; store nothing.' })
  @IsOptional()
  @booleanQuery()
  @IsBoolean()
  dryRun?: boolean;
}

export class SendCommandDto {
  @ApiProperty({ enum: COMMAND_TYPES }) @IsIn(COMMAND_TYPES) type!: CommandType;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { slot: 3 } }) @IsOptional() @IsObject() params?: Record<string, unknown>;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) sessionId?: string;
  @ApiPropertyOptional({ default: 60, description: 'Unacknowledged after this long, the command expires.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(86_400)
  ttlSeconds?: number;
}

export class PlanRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) plan!: Record<string, unknown>;
}

export class DeviceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: DEVICE_TYPES }) type!: DeviceType;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: Number, nullable: true }) slots!: number | null;
  @ApiProperty({ type: Number, nullable: true }) connectors!: number | null;
  @ApiProperty({ type: String, nullable: true }) firmware!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) planId!: string | null;
  @ApiProperty({ type: String, nullable: true }) payscoreServiceId!: string | null;
  @ApiProperty() heartbeatIntervalSeconds!: number;
  @ApiProperty() online!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastSeenAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) offlineAt!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) telemetry!: Record<string, unknown> | null;
  @ApiProperty() secretVersion!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) revokedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DeviceListItemDto extends DeviceDto {
  @ApiProperty({ enum: DEVICE_STATUSES, description: STATUS_TEXT }) status!: DeviceStatus;
  @ApiProperty() siteName!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The pricing plan’s name; null without a plan, and for a fleet you watch but do not operate (a reseller’s customers).' })
  planName!: string | null;
  @ApiProperty({ example: 'https://zizhu.example/d/FR-0001', description: 'What the device’s QR code encodes: `<PUBLIC_BASE_URL>/d/<code>` (contracts.md §4).' })
  qrUrl!: string;
}

export class DeviceListDto {
  @ApiProperty({ type: [DeviceListItemDto] }) items!: DeviceListItemDto[];
  @ApiProperty() total!: number;
}

export class TelemetryPointDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the bucket.' }) at!: string;
  @ApiProperty({ description: 'Telemetry samples in the bucket.' }) samples!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Per numeric telemetry field, its average over the bucket.' })
  values!: Record<string, number>;
}

export class TelemetrySeriesDto {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ description: 'Width of each bucket.' }) bucketSeconds!: number;
  @ApiProperty({ type: [String], description: 'The numeric telemetry fields seen in the range, sorted.' }) metrics!: string[];
  @ApiProperty({ type: [TelemetryPointDto], description: 'Buckets with samples, oldest first.' }) points!: TelemetryPointDto[];
}

export class ImportRowErrorDto {
  @ApiProperty({ description: 'The line of the CSV (the header is line 1).' }) row!: number;
  @ApiProperty({ example: 'siteId', description: 'The column (or `header`, `csv`).' }) field!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ example: 'PAYSCORE_SCENARIO_MISMATCH', description: 'The error code the same problem answers on its own route (the Pay Score service checks: that of `POST /v1/devices/{id}/payscore-service`).' })
  code?: string;
}

export class ImportPreviewRowDto {
  @ApiProperty({ description: 'The line of the CSV (the header is line 1).' }) row!: number;
  @ApiProperty() code!: string;
  @ApiProperty() type!: string;
  @ApiProperty() siteId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The site, when it is one you operate.' }) siteName!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The organisation the device would belong to (the site’s).' })
  organizationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: [ImportRowErrorDto], description: 'Empty when the row would be imported.' }) errors!: ImportRowErrorDto[];
}

export class ImportPreviewDto {
  @ApiProperty({ description: 'True when every row is valid: the same CSV imports.' }) valid!: boolean;
  @ApiProperty({ type: [ImportPreviewRowDto] }) rows!: ImportPreviewRowDto[];
  @ApiProperty({ type: [ImportRowErrorDto], description: 'Every problem, in file order (the 422 of a real import lists the same).' }) errors!: ImportRowErrorDto[];
}

export class ProvisionedDeviceDto {
  @ApiProperty({ type: DeviceDto }) device!: DeviceDto;
  @ApiProperty({ description: 'The device secret. Shown this once; only an encrypted copy is kept.' }) secret!: string;
}

export class ImportedDevicesDto {
  @ApiProperty({ type: [ProvisionedDeviceDto] }) devices!: ProvisionedDeviceDto[];
}

export class SecretDto {
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiProperty({ description: 'The new secret, shown this once; the previous one stops working at once.' }) secret!: string;
  @ApiProperty() secretVersion!: number;
}

export class CommandDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiProperty({ enum: COMMAND_TYPES }) type!: CommandType;
  @ApiProperty({ type: String, nullable: true }) sessionId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) params!: Record<string, unknown>;
  @ApiProperty({ enum: COMMAND_STATES }) state!: CommandState;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) deliveredAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) succeededAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) failedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) expiredAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The device’s acknowledgement, kept even when it came after expiry.' }) ackResult!: string | null;
  @ApiProperty({ type: String, nullable: true }) ackDetail!: string | null;
}

export class DeviceEventDto {
  @ApiProperty({ description: 'The device’s eventId (platform events: platform:…).' }) eventId!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ enum: ['DEVICE', 'PLATFORM'] }) source!: string;
  @ApiProperty({ type: String, nullable: true }) sessionId!: string | null;
  @ApiProperty({ format: 'date-time', description: 'Device time.' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: Number, nullable: true }) clockSkewSeconds!: number | null;
  @ApiProperty({ type: String, nullable: true, enum: ['DEVICE_CLOCK_SKEWED', 'OCCURRED_IN_FUTURE'] }) clockFlag!: string | null;
  @ApiProperty({ description: 'Arrived after an event with a later device time.' }) outOfOrder!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
}

export class TelemetrySampleDto {
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: String, nullable: true }) firmware!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) telemetry!: Record<string, unknown>;
}

export class TimelineEntryDto {
  @ApiProperty({ enum: ['command', 'event'] }) kind!: 'command' | 'event';
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ description: 'Command id or eventId.' }) ref!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Command state.' }) state!: string | null;
}

export class DeviceDetailDto extends DeviceDto {
  @ApiProperty({ enum: DEVICE_STATUSES, description: STATUS_TEXT }) status!: DeviceStatus;
  @ApiProperty({ example: 'https://zizhu.example/d/FR-0001', description: 'What the device’s QR code encodes: `<PUBLIC_BASE_URL>/d/<code>` (contracts.md §4).' })
  qrUrl!: string;
  @ApiProperty({
    description: 'Whether the caller operates the device (commands, secret, Pay Score binding, plan): false for a fleet it only watches (a hardware reseller’s customers’ devices).',
  })
  operable!: boolean;
  @ApiProperty({ type: SiteDto }) site!: SiteDto;
  @ApiProperty({ type: PlanRefDto, nullable: true }) plan!: PlanRefDto | null;
  @ApiProperty({ type: [TelemetrySampleDto], description: 'Newest first.' }) telemetryHistory!: TelemetrySampleDto[];
  @ApiProperty({ type: [CommandDto], description: 'Newest first.' }) commands!: CommandDto[];
  @ApiProperty({ type: [DeviceEventDto], description: 'In device-time order, newest first.' }) events!: DeviceEventDto[];
  @ApiProperty({ type: [TimelineEntryDto], description: 'Commands and events together, newest first.' }) timeline!: TimelineEntryDto[];
}

export class SiteListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the sites of this organisation (one you may see).' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ example: '杭州' }) @IsOptional() @IsString() @Length(1, 100) city?: string;
  @ApiPropertyOptional({ description: 'Sites whose name contains this (case-insensitive).' }) @IsOptional() @IsString() @Length(1, 200) q?: string;
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class SiteWithCountsDto extends SiteDto {
  @ApiProperty({ description: 'Devices at the site.' }) deviceCount!: number;
  @ApiProperty({ description: 'Of them, `ONLINE` (see GET /v1/devices `status`).' }) onlineCount!: number;
  @ApiProperty({ description: 'Of them, `FAULTED`.' }) faultedCount!: number;
}

export class SiteListDto {
  @ApiProperty({ type: [SiteWithCountsDto] }) items!: SiteWithCountsDto[];
  @ApiProperty() total!: number;
}

export class CommandListDto {
  @ApiProperty({ type: [CommandDto], description: 'Newest first.' }) items!: CommandDto[];
  @ApiProperty() total!: number;
}
