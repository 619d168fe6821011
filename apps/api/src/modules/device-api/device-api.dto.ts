import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, MaxLength, Min, MinLength, Max } from 'class-validator';
import { COMMAND_TYPES } from '../fleet/fleet.entities.js';

export class CommandsQuery {
  @ApiPropertyOptional({ minimum: 0, maximum: 30, default: 0, description: 'Long poll: wait up to this many seconds for a command.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(30)
  waitSeconds?: number;
}

export class CommandAckDto {
  @ApiProperty({ enum: ['SUCCEEDED', 'FAILED'], description: 'For a session’s start command, SUCCEEDED means the service has begun.' })
  @IsIn(['SUCCEEDED', 'FAILED'])
  result!: 'SUCCEEDED' | 'FAILED';

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) detail?: string;
  @ApiProperty({ format: 'date-time', description: 'Device time.' }) @IsISO8601({ strict: true }) occurredAt!: string;

  @ApiPropertyOptional({ maxLength: 64, description: 'A power-bank cabinet’s ack of an EJECT: the id of the bank it ejected.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  bankId?: string;
}

export class HeartbeatResponseDto {
  @ApiProperty({ format: 'date-time', description: 'Server time: a device may correct its clock by it.' }) serverTime!: string;
  @ApiProperty() heartbeatIntervalSeconds!: number;
}

export class DeviceCommandWireDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: COMMAND_TYPES }) type!: string;
  @ApiProperty({ type: String, nullable: true }) sessionId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) params!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class CommandsResponseDto {
  @ApiProperty({ type: [DeviceCommandWireDto] }) commands!: DeviceCommandWireDto[];
}

export class CommandAckResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['SUCCEEDED', 'FAILED'] }) state!: string;
}

export class EventResponseDto {
  @ApiProperty() eventId!: string;
  @ApiProperty({ description: 'true: this eventId was already recorded; nothing changed.' }) duplicate!: boolean;
}
