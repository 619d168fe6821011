import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ALERT_KIND_SPECS, ALERT_KINDS } from '../../alerts/alert-kinds.js';
import { PHOTO_CONTENT_TYPES, TICKET_ACTIONS, TICKET_STATES, type TicketAction, type TicketState } from '../ticket-rules.js';

export class CreateTicketDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The device at fault (or give `alertId`).' })
  @IsOptional()
  @IsUUID()
  deviceId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A device alert to open the ticket from: the device is the alert’s, the title its kind unless given; one ticket per alert (a second call answers the first ticket, 200).' })
  @IsOptional()
  @IsUUID()
  alertId?: string;

  @ApiPropertyOptional({ example: '柜门无法打开', description: '1–200 characters; required without `alertId`.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional({ example: '用户反馈扫码后门锁无反应', maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A login of the device’s organisation or of the one directly above it.' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;
}

export class UpdateTicketDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) title?: string;
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @MaxLength(4000) description?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The new assignee; `null` unassigns.' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  assigneeId?: string | null;
}

export class TransitionTicketDto {
  @ApiProperty({ enum: TICKET_ACTIONS, description: 'start (OPEN → IN_PROGRESS), resolve (OPEN/IN_PROGRESS → RESOLVED), close (OPEN/IN_PROGRESS/RESOLVED → CLOSED), reopen (RESOLVED/CLOSED → OPEN).' })
  @IsIn(TICKET_ACTIONS)
  action!: TicketAction;

  @ApiPropertyOptional({ maxLength: 4000, description: 'A note for the thread; for resolve, and for close without an earlier resolution, the resolution (required then).' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class AddNoteDto {
  @ApiProperty({ example: '已更换门锁电机', minLength: 1, maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  body!: string;
}

export class ListTicketsQuery {
  @ApiPropertyOptional({ enum: TICKET_STATES }) @IsOptional() @IsIn(TICKET_STATES) state?: TicketState;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() assigneeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() deviceId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the ticket opened from this alert.' }) @IsOptional() @IsUUID() alertId?: string;
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class UploadPhotoQuery {
  @ApiProperty({ example: 'door.jpg', description: 'The file’s name (URL-encoded), 1–200 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  name?: string;
}

export class AssigneesQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'The logins that may take a ticket of this device.' }) @IsOptional() @IsUUID() deviceId?: string;
}

export class TicketDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiProperty() deviceCode!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) alertId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: TICKET_STATES }) state!: TicketState;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assigneeId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The assignee’s display name (null when unassigned or not a login you may see).' }) assigneeName!: string | null;
  @ApiProperty({ nullable: true, type: String }) resolution!: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) openedBy!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) startedBy!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) resolvedBy!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) closedBy!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) reopenedAt!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) reopenedBy!: string | null;
  @ApiProperty({ enum: TICKET_ACTIONS, isArray: true, description: 'The actions open from the current state.' }) actions!: TicketAction[];
}

export class TicketListDto {
  @ApiProperty({ type: [TicketDto] }) items!: TicketDto[];
  @ApiProperty() total!: number;
}

export class TicketEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['NOTE', 'STATE', 'ASSIGNED', 'PHOTO'] }) kind!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ nullable: true, type: String }) fromState!: string | null;
  @ApiProperty({ nullable: true, type: String }) toState!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) createdBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) createdByName!: string | null;
}

export class TicketPhotoDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PHOTO_CONTENT_TYPES }) contentType!: string;
  @ApiProperty({ description: 'Size in bytes (1 to 5 MiB).' }) size!: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, lower-case hex.' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) uploadedBy!: string | null;
}

export class TicketDetailDto extends TicketDto {
  @ApiProperty({ type: [TicketEventDto], description: 'Notes, state changes, assignments and photos, oldest first.' }) events!: TicketEventDto[];
  @ApiProperty({ type: [TicketPhotoDto] }) photos!: TicketPhotoDto[];
}

export class AssigneeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() role!: string;
}

/** The device alert kinds (FLEET) a ticket may be opened for automatically. */
export const AUTO_TICKET_KINDS = ALERT_KINDS.filter((k) => ALERT_KIND_SPECS[k].category === 'FLEET');

export class PutMaintenanceSettingsDto {
  @ApiProperty({ enum: AUTO_TICKET_KINDS, isArray: true, description: 'Open a ticket by itself for each new alert of these device kinds (empty: never).' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(AUTO_TICKET_KINDS, { each: true })
  autoTicketKinds!: string[];
}

export class MaintenanceSettingsDto {
  @ApiProperty({ enum: AUTO_TICKET_KINDS, isArray: true, description: 'The organisation’s own choice (a franchise brand’s choice also covers its franchisees’ devices).' }) autoTicketKinds!: string[];
  @ApiProperty({ enum: AUTO_TICKET_KINDS, isArray: true, description: 'The kinds that may be chosen.' }) available!: string[];
}
