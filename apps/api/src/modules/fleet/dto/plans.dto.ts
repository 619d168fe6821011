import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { DEVICE_TYPES, type DeviceType } from '../fleet.entities.js';
import { PLAN_TYPES, type PlanType } from '../pricing-plans.js';

const PLAN_SCHEMA = { type: 'object', additionalProperties: true } as const;

export class ListPlansQuery {
  @ApiPropertyOptional({ enum: PLAN_TYPES, description: 'The plan’s kind from its current version’s charge parts (MIXED: more than one).' })
  @IsOptional()
  @IsIn(PLAN_TYPES)
  type?: PlanType;

  @ApiPropertyOptional({ enum: DEVICE_TYPES, description: 'The vertical: plans used by at least one device of this type.' })
  @IsOptional()
  @IsIn(DEVICE_TYPES)
  deviceType?: DeviceType;

  @ApiPropertyOptional({ description: 'Part of the plan’s name (case-insensitive).' }) @IsOptional() @IsString() @Length(1, 200) q?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class PlanSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ description: 'The version devices use now.' }) currentVersion!: number;
  @ApiProperty({ enum: PLAN_TYPES }) type!: PlanType;
  @ApiProperty({ description: 'Devices using the plan.' }) deviceCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the current version was published.' }) updatedAt!: string;
}

export class PlanListDto {
  @ApiProperty({ type: [PlanSummaryDto] }) items!: PlanSummaryDto[];
  @ApiProperty({ description: 'Every match, across pages.' }) total!: number;
}

export class CreatePlanDto {
  @ApiProperty({ example: '充电宝 3元/小时' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ ...PLAN_SCHEMA, description: 'The pricing plan (contracts.md §3): version 1.' }) @IsObject() plan!: Record<string, unknown>;
  @ApiPropertyOptional({ format: 'uuid', description: 'The organisation owning the plan (default: yours); a franchise brand may name one of its franchisees.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class UpdatePlanDto {
  @ApiProperty({ ...PLAN_SCHEMA, description: 'The plan of the new version (contracts.md §3).' }) @IsObject() plan!: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'A new name for the plan (names are not versioned).' }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({
    description: 'The version the edit was based on (the one the preview listed devices for): when the plan has moved on since, nothing is stored (409).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class PreviewPlanDto {
  @ApiProperty({ ...PLAN_SCHEMA, description: 'The plan that would become the next version.' }) @IsObject() plan!: Record<string, unknown>;
}

export class PlanDeviceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: DEVICE_TYPES }) type!: DeviceType;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
}

export class PlanAuthorDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null when the user is not one you may see.' }) displayName!: string | null;
}

export class PlanVersionDto {
  @ApiProperty() version!: number;
  @ApiProperty(PLAN_SCHEMA) plan!: Record<string, unknown>;
  @ApiProperty({ enum: PLAN_TYPES }) type!: PlanType;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: PlanAuthorDto, nullable: true, description: 'Who published it (null for the demo seed and versions from before authors were kept).' })
  createdBy!: PlanAuthorDto | null;
}

export class PlanDetailDto extends PlanSummaryDto {
  @ApiProperty({ ...PLAN_SCHEMA, description: 'The current version’s plan.' }) plan!: Record<string, unknown>;
  @ApiProperty({ type: [PlanVersionDto], description: 'Every version, newest first.' }) versions!: PlanVersionDto[];
  @ApiProperty({ type: [PlanDeviceDto], description: 'Devices using the plan, by code (the first 500; deviceCount counts all).' }) devices!: PlanDeviceDto[];
}

export class PlanRepricingDto {
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty({ description: 'The version devices use now.' }) currentVersion!: number;
  @ApiProperty({ description: 'The version saving would publish.' }) nextVersion!: number;
  @ApiProperty({ description: 'Whether the plan differs from the current version at all.' }) changed!: boolean;
  @ApiProperty({ description: 'Devices that would be repriced (their new sessions; running ones keep their version).' }) deviceCount!: number;
  @ApiProperty({ type: [PlanDeviceDto], description: 'Those devices by code (the first 500).' }) devices!: PlanDeviceDto[];
}
