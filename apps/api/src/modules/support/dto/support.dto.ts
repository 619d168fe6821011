import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

export const LOOKUP_KINDS = ['transactionId', 'outOrderNo', 'refundNo', 'openid', 'deviceTime'] as const;
export type LookupKind = (typeof LOOKUP_KINDS)[number];

export class SupportLookupQuery {
  @ApiProperty({
    enum: LOOKUP_KINDS,
    description:
      'What `q` is: WeChat’s `transactionId` (微信支付订单号), our `outOrderNo` (商户订单号, any Pay Score order of the session), a `refundNo` ' +
      '(our out_refund_no or WeChat’s refund_id), the user’s `openid`, or `deviceTime` (a device code, with `at`).',
  })
  @IsIn(LOOKUP_KINDS, { message: `kind must be one of ${LOOKUP_KINDS.join(', ')}` })
  kind!: LookupKind;

  @ApiProperty({ description: 'The identifier (for `deviceTime`: the device code).', maxLength: 128 })
  @IsString({ message: 'q must be a string' })
  @MinLength(1, { message: 'q must not be empty' })
  @MaxLength(128, { message: 'q must be at most 128 characters' })
  q!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'For `deviceTime` (required there): the moment the user describes, with its offset.' })
  @ValidateIf((o: SupportLookupQuery) => o.kind === 'deviceTime' || o.at !== undefined)
  @IsISO8601({ strict: true }, { message: 'at must be an ISO 8601 date-time (required for kind deviceTime)' })
  at?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1440, default: 30, description: 'For `deviceTime`: sessions on the device within this many minutes of `at`.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'windowMinutes must be an integer' })
  @Min(1, { message: 'windowMinutes must be at least 1' })
  @Max(1440, { message: 'windowMinutes must be at most 1440' })
  windowMinutes?: number;
}

export class SupportChargeDto {
  @ApiProperty({ example: 'rental' }) kind!: string;
  @ApiProperty() label!: string;
  @ApiProperty() amountFen!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) detail!: string | null;
}

export class SupportRefundDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Our refund number (out_refund_no).' }) outRefundNo!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'WeChat’s refund_id.' }) refundId!: string | null;
  @ApiProperty({ nullable: true, type: Number }) amountFen!: number | null;
  @ApiProperty({ example: 'SUCCEEDED' }) state!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;
}

export class SupportComplaintDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'WeChat’s complaint id.' }) complaintId!: string;
  @ApiProperty({ enum: ['PENDING', 'PROCESSING', 'PROCESSED'] }) state!: string;
  @ApiProperty() detail!: string;
  @ApiProperty({ format: 'date-time' }) complaintTime!: string;
  @ApiProperty({ format: 'date-time' }) replyDueAt!: string;
}

export class SupportDeviceReportDto {
  @ApiProperty({ format: 'date-time', description: 'When it happened (events, acknowledgements) or was recorded (telemetry).' }) at!: string;
  @ApiProperty({ enum: ['EVENT', 'COMMAND', 'TELEMETRY'] }) source!: 'EVENT' | 'COMMAND' | 'TELEMETRY';
  @ApiProperty({ description: 'The event type, command type or `heartbeat`.' }) type!: string;
  @ApiProperty({ description: 'Whether it names this session (events and commands that carry its id).' }) ofSession!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the device sent (event payload, command state and ack, telemetry).' })
  detail!: Record<string, unknown>;
}

export class SupportSessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() state!: string;
  @ApiProperty({ format: 'uuid', description: 'The organisation that owned the device when the session started.' }) organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ description: 'The current Pay Score order.' }) outOrderNo!: string;
  @ApiProperty({ type: [String], description: 'Every Pay Score order of the session (a rescan before confirming replaces it), oldest first.' }) outOrderNos!: string[];
  @ApiProperty({ nullable: true, type: String }) transactionId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The user’s openid, where the caller may see the merchant of record’s end users (a franchisee charged by its brand: null).' })
  openid!: string | null;
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiProperty() deviceCode!: string;
  @ApiProperty() deviceType!: string;
  @ApiProperty({ nullable: true, type: Number }) slot!: number | null;
  @ApiProperty({ nullable: true, type: Number }) connector!: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) inUseAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) paidAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) cancelledAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) anomaly!: string | null;
  @ApiProperty({ nullable: true, type: Number }) totalFen!: number | null;
  @ApiProperty({ nullable: true, type: Number }) paidFen!: number | null;
  @ApiProperty() refundedFen!: number;
  @ApiProperty({ type: [SupportChargeDto], description: 'The charge lines of its quote.' }) charges!: SupportChargeDto[];
  @ApiProperty({ type: [SupportRefundDto], description: 'Its refunds, oldest first.' }) refunds!: SupportRefundDto[];
  @ApiProperty({ type: [SupportComplaintDto], description: 'Consumer complaints on it the caller may see, oldest first.' }) complaints!: SupportComplaintDto[];
  @ApiProperty({
    type: [SupportDeviceReportDto],
    description: 'What the device reported from 10 minutes before the session to 10 minutes after its end (events, the commands it was sent and its acks, heartbeats), in time order, at most 200.',
  })
  deviceReports!: SupportDeviceReportDto[];
}

export class SupportLookupDto {
  @ApiProperty({ enum: LOOKUP_KINDS }) kind!: LookupKind;
  @ApiProperty() q!: string;
  @ApiProperty({ description: 'Whether the search was written to the audit log (a search by an end user’s identifier: openid, transactionId, refundNo; or one whose answer names a user: an openid or a transaction id).' })
  audited!: boolean;
  @ApiProperty({ type: [SupportSessionDto], description: 'The sessions found that the caller may see, newest first (at most 20).' }) sessions!: SupportSessionDto[];
  @ApiProperty({ description: 'More than 20 sessions matched (openid, deviceTime): narrow the search.' }) truncated!: boolean;
}
