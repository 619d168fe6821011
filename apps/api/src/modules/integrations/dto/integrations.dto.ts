import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PERMISSIONS } from '../../identity/permissions.js';
import { WEBHOOK_EVENT_TYPES } from '../event-signature.js';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'ERP sync', description: 'What the key is for (1–100 characters).' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;
  @ApiProperty({ type: [String], enum: PERMISSIONS, example: ['devices.read', 'sessions.read'], description: 'Permission codes the key may use: at most the creator’s own (`GET /v1/api-keys/scopes`), never integrations.manage, users.write or organizations.create.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PERMISSIONS.length)
  @IsIn(PERMISSIONS, { each: true, message: 'each of scopes must be a permission code' })
  scopes!: string[];
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'zk_live_0b7c…', description: 'The key’s visible start (it names the key).' }) prefix!: string;
  @ApiProperty({ description: 'The key’s last 4 characters.' }) hint!: string;
  @ApiProperty({ type: [String] }) scopes!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'uuid', description: 'The login that created it (the key acts with its role).' }) createdBy!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Stamped at most once a minute.' }) lastUsedAt!: string | null;
  @ApiPropertyOptional({ description: 'Only in the answer that created the key: `zk_live_<id>_<secret>`. Shown once; only its SHA-256 is stored.' }) key?: string;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyDto] }) items!: ApiKeyDto[];
}

export class ScopesDto {
  @ApiProperty({ type: [String], description: 'The codes the caller may give a key.' }) scopes!: string[];
}

export class CreateEndpointDto {
  @ApiProperty({ example: 'https://erp.example.com/zizhu/events', description: 'http(s); in production not a loopback or private address.' })
  @IsString()
  @MaxLength(2000)
  @IsUrl({ require_protocol: true, require_tld: false, protocols: ['http', 'https'] }, { message: 'url must be an http:// or https:// URL' })
  url!: string;
  @ApiProperty({ type: [String], enum: WEBHOOK_EVENT_TYPES })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: `each of events must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}` })
  events!: string[];
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) description?: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() enabled?: boolean;
}

export class UpdateEndpointDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsUrl({ require_protocol: true, require_tld: false, protocols: ['http', 'https'] }, { message: 'url must be an http:// or https:// URL' })
  url?: string;
  @ApiPropertyOptional({ type: [String], enum: WEBHOOK_EVENT_TYPES })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: `each of events must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}` })
  events?: string[];
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ description: 'Replace the signing secret; the answer shows the new one once.' }) @IsOptional() @IsBoolean() rotateSecret?: boolean;
}

export class EndpointDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: [String], enum: WEBHOOK_EVENT_TYPES }) events!: string[];
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({ description: 'Only in the answer that created the endpoint or rotated its secret: shown once, stored encrypted.' }) secret?: string;
}

export class EndpointListDto {
  @ApiProperty({ type: [EndpointDto] }) items!: EndpointDto[];
}

export class TestResultDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'The receiver’s HTTP status; null when it was not reached.' }) status!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
}

export class DeliveryQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() endpointId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class AttemptDto {
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ type: Number, nullable: true }) status!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ description: 'Sent by a replay from the console.' }) replay!: boolean;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) endpointId!: string;
  @ApiProperty({ format: 'uuid', description: 'The event’s id: the same on every retry and replay (the receiver deduplicates on it).' }) eventId!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) eventType!: string;
  @ApiProperty({ enum: ['PENDING', 'DELIVERED', 'FAILED'] }) state!: 'PENDING' | 'DELIVERED' | 'FAILED';
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: Number, nullable: true }) lastStatus!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
  @ApiProperty({ type: [AttemptDto] }) attemptLog!: AttemptDto[];
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto] }) items!: WebhookDeliveryDto[];
  @ApiProperty() total!: number;
}
