import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CHECKLIST_KEYS, type ChecklistKey, type EvidenceSource } from '../acceptance-rules.js';

export class CreateAcceptanceRunDto {
  @ApiProperty({ example: '00002000000000000000000000000001', description: 'An enabled Pay Score service id of this account.' })
  @IsString()
  @MaxLength(64)
  serviceId!: string;

  @ApiProperty({ format: 'uuid', description: 'A device that charges through that service id (bound to it; for a franchisee that collects itself, its own device of that scenario) whose type fits its scenario.' })
  @IsUUID()
  deviceId!: string;
}

export class PutChecklistItemDto {
  @ApiProperty({ type: String, nullable: true, maxLength: 500, description: 'Why this item does not apply (then it counts as done); null or absent: it applies.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  notApplicableReason?: string | null;
}

export class AcceptanceSessionDto {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ enum: ['PAID', 'CANCELLED'] }) state!: string;
  @ApiProperty({ description: 'The merchant’s order number (out_order_no).' }) outOrderNo!: string;
  @ApiProperty({ type: String, nullable: true, description: 'WeChat Pay’s transaction id, when known (paid orders).' }) transactionId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the user confirmed the Pay Score order.' }) confirmedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Paid at (completed) or cancelled at.' }) finishedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Amount paid in fen (completed); the cancelled order: null.' }) amountFen!: number | null;
}

export class AcceptanceChecklistItemDto {
  @ApiProperty({ enum: CHECKLIST_KEYS }) key!: ChecklistKey;
  @ApiProperty({ description: 'zh-CN label (the console shows its locale’s text by key).' }) label!: string;
  @ApiProperty({ enum: ['REAL_WECHAT_APP', 'PLATFORM'], description: 'REAL_WECHAT_APP: must be taken with the real WeChat app, even offline; PLATFORM: computed here, nothing to upload.' })
  source!: EvidenceSource;
  @ApiProperty({ description: 'Where to take it (zh-CN).' }) where!: string;
  @ApiProperty({ description: 'True when a file (or a reason it does not apply) is required to finish.' }) upload!: boolean;
  @ApiProperty({ type: [String], description: 'Evidence ids of purpose acceptance:<runId>:<key>.' }) evidenceIds!: string[];
  @ApiProperty({ type: String, nullable: true }) notApplicableReason!: string | null;
  @ApiProperty() done!: boolean;
}

export class AcceptanceRunDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) merchantAccountId!: string;
  @ApiProperty() serviceId!: string;
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiProperty() deviceCode!: string;
  @ApiProperty({ description: 'The device’s reference user page (what its QR code opens outside WeChat).' }) userPagePath!: string;
  @ApiProperty({ description: 'True when the platform talks to the Pay Score simulator: the run proves the flow, but the REAL_WECHAT_APP evidence must still come from the real WeChat app.' })
  offline!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Offline: the simulator’s base URL (its phone page confirms the order).' }) simulatorUrl!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finishedAt!: string | null;
  @ApiProperty({ description: 'The next review day (Tuesday or Thursday, Asia/Shanghai) after today, or after the day it was finished.' }) reviewDay!: string;
  @ApiProperty({ type: AcceptanceSessionDto, nullable: true, description: 'The first PAID session on the device and service id started after the run was created.' })
  completed!: AcceptanceSessionDto | null;
  @ApiProperty({ type: AcceptanceSessionDto, nullable: true, description: 'The first CANCELLED one.' }) cancelled!: AcceptanceSessionDto | null;
  @ApiProperty({ type: [AcceptanceChecklistItemDto] }) checklist!: AcceptanceChecklistItemDto[];
  @ApiProperty({ type: [String], description: 'What keeps it from being finished: completedSession, cancelledSession, or checklist item keys.' }) missing!: string[];
  @ApiProperty({ type: [String], description: 'What the operator must know (zh-CN).' }) notes!: string[];
}

export class AcceptanceRunListDto {
  @ApiProperty({ type: [AcceptanceRunDto], description: 'Newest first.' }) items!: AcceptanceRunDto[];
}
