import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  cursor?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only entries by or about this organisation.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only entries by this login.' })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @ApiPropertyOptional({ example: 'session.refund', description: 'Only this action; a value ending in `.` (`session.`) matches every action it starts.' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_.-]{0,63}$/, { message: 'action must be lower-case letters, digits, `.`, `_` or `-` (at most 64)' })
  action?: string;

  @ApiPropertyOptional({ example: 'session', description: 'Only entries about resources of this type.' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, { message: 'resourceType must be lower-case letters, digits, `_` or `-` (at most 64)' })
  resourceType?: string;

  @ApiPropertyOptional({ description: 'Only entries about this resource (its id).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  resourceId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only entries at or after this time.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only entries before this time.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to?: string;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The organisation that acted.' }) organizationId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The organisation acted upon, when another.' })
  subjectOrganizationId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorUserId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The API key the action was made with (actorUserId is its creator); null for a login.' })
  actorApiKeyId!: string | null;
  @ApiProperty({ example: 'organization.rename' }) action!: string;
  @ApiProperty({ example: 'organization' }) resourceType!: string;
  @ApiProperty({ nullable: true, type: String }) resourceId!: string | null;
  @ApiProperty({ nullable: true, type: Object }) before!: unknown;
  @ApiProperty({ nullable: true, type: Object }) after!: unknown;
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor!: string | null;
}
