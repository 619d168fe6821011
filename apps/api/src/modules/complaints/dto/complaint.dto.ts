import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, MinLength } from 'class-validator';

export const COMPLAINT_STATES = ['PENDING', 'PROCESSING', 'PROCESSED'] as const;
export type ComplaintStateDto = (typeof COMPLAINT_STATES)[number];
export const COMPLAINT_ACTION_KINDS = ['REPLY', 'COMPLETE', 'REFUND_PROGRESS', 'REFUND'] as const;

export class ComplaintsQueryDto {
  @ApiPropertyOptional({ enum: COMPLAINT_STATES }) @IsOptional() @IsIn(COMPLAINT_STATES) state?: ComplaintStateDto;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() merchantAccountId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the complaints about this session.' }) @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class ComplaintSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'WeChat’s complaint_id.' }) complaintId!: string;
  @ApiProperty({ enum: COMPLAINT_STATES }) state!: ComplaintStateDto;
  @ApiProperty({ type: String, nullable: true }) outOrderNo!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The session complained about (null: the order matches no session).' }) sessionId!: string | null;
  @ApiProperty({ format: 'uuid' }) merchantAccountId!: string;
  @ApiProperty({ format: 'uuid', description: 'The merchant of record that received it.' }) organizationId!: string;
  @ApiProperty({ format: 'date-time' }) complaintTime!: string;
  @ApiProperty({ format: 'date-time', description: 'Reply before (complaintTime + 24 h by default).' }) replyDueAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Complete before (complaintTime + 72 h by default).' }) completeDueAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) repliedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) processedAt!: string | null;
  @ApiProperty() detail!: string;
  @ApiProperty({ type: String, nullable: true }) problemType!: string | null;
  @ApiProperty({ type: Number, nullable: true }) applyRefundFen!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The complained order’s paid amount.' }) orderFen!: number | null;
  @ApiProperty() incomingUserResponse!: boolean;
}

export class ComplaintActionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: COMPLAINT_ACTION_KINDS }) kind!: string;
  @ApiProperty({ enum: ['PENDING', 'SUCCEEDED', 'FAILED'] }) state!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
}

export const COMPLAINT_MEDIA_TYPES = ['USER_COMPLAINT_IMAGE', 'OPERATION_IMAGE'] as const;
export type ComplaintMediaTypeDto = (typeof COMPLAINT_MEDIA_TYPES)[number];

export class ComplaintMediaDto {
  @ApiProperty({ enum: COMPLAINT_MEDIA_TYPES }) mediaType!: ComplaintMediaTypeDto;
  @ApiProperty({ type: [String], description: 'WeChat’s media URLs; open each with GET /v1/complaints/{id}/media?url=… (exactly as given).' }) urls!: string[];
}

export class ComplaintDetailDto extends ComplaintSummaryDto {
  @ApiProperty({ type: String, nullable: true }) transactionId!: string | null;
  @ApiProperty({ type: [ComplaintMediaDto], description: 'The complaint’s images (complaint_media_list of WeChat’s detail).' }) media!: ComplaintMediaDto[];
  @ApiProperty({ description: 'Whether WeChat sent an (encrypted) payer phone; read it with GET …/payer-phone.' }) hasPayerPhone!: boolean;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'WeChat’s negotiation history (协商历史), oldest first.' })
  history!: Record<string, unknown>[];
  @ApiProperty({ type: [ComplaintActionDto] }) actions!: ComplaintActionDto[];
}

export class ComplaintListDto {
  @ApiProperty({ type: [ComplaintSummaryDto] }) items!: ComplaintSummaryDto[];
  @ApiProperty() total!: number;
}

export class ComplaintReplyDto {
  @ApiProperty({ minLength: 1, maxLength: 200, description: 'The reply to the user (response_content).' }) @IsString() @MinLength(1) @MaxLength(200) content!: string;
  @ApiPropertyOptional({ type: [String], maxItems: 4, description: 'media ids of images uploaded to WeChat for this merchant.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsString({ each: true })
  images?: string[];
}

export class ComplaintImageDto {
  @ApiProperty({ description: 'WeChat’s media_id of the uploaded image: pass it in a reply’s `images`.' }) mediaId!: string;
}

export class ComplaintMediaQueryDto {
  @ApiProperty({ description: 'A media URL of this complaint (its `media` or its history), exactly as given.' }) @IsString() @MinLength(1) @MaxLength(2048) url!: string;
}

export class ComplaintRefundProgressDto {
  @ApiProperty({ enum: ['APPROVE', 'REJECT'] }) @IsIn(['APPROVE', 'REJECT']) action!: 'APPROVE' | 'REJECT';
  @ApiPropertyOptional({ maxLength: 200, description: 'Required to REJECT.' }) @IsOptional() @IsString() @Length(1, 200) rejectReason?: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 7, description: 'APPROVE only: working days until the refund is launched (refused with REJECT).' }) @IsOptional() @IsInt() @Min(0) @Max(7) launchRefundDay?: number;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @Length(1, 200) remark?: string;
}

export class ComplaintRefundDto {
  @ApiProperty({ minimum: 1, description: 'Amount to refund in fen (the session’s normal refund path; never more than was paid).' }) @IsInt() @Min(1) amountFen!: number;
  @ApiProperty({ example: '投诉退款' }) @IsString() @Length(1, 80) reason!: string;
}

export class PayerPhoneDto {
  @ApiProperty({ description: 'The payer’s phone number, decrypted for this request only (audited).' }) payerPhone!: string;
}

export class ComplaintNotificationUrlDto {
  @ApiProperty() mchid!: string;
  @ApiProperty() url!: string;
}
