import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DATE_PATTERN } from './agreement.dto.js';

export const PAYOUT_METHODS = ['OFFLINE_BANK', 'WECHAT_TRANSFER'] as const;
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];
export const PAYOUT_STATES = ['REQUESTED', 'PROCESSING', 'SUCCEEDED', 'FAILED'] as const;
export type PayoutState = (typeof PAYOUT_STATES)[number];

export class CreatePayoutDto {
  @ApiProperty({ format: 'uuid', description: 'The CLOSED franchise statement to pay (its payableFen, in full).' })
  @IsUUID()
  statementId!: string;

  @ApiProperty({ enum: PAYOUT_METHODS, description: 'OFFLINE_BANK: the brand paid by bank and records it (final at once). WECHAT_TRANSFER: a WeChat merchant transfer (商家转账) from the brand’s merchant account to the franchisee’s payee openid, tracked to a final state by a job.' })
  @IsIn(PAYOUT_METHODS)
  method!: PayoutMethod;

  @ApiPropertyOptional({ maxLength: 100, description: 'The bank transfer’s reference (required for OFFLINE_BANK).' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  reference?: string;

  @ApiPropertyOptional({ example: '2026-12-05', description: 'The day the bank paid (Asia/Shanghai; default today).' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'paidOn must be a date YYYY-MM-DD' })
  paidOn?: string;
}

export class PayoutsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One payee (a franchisee) or payer and those under it.' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ enum: PAYOUT_STATES }) @IsOptional() @IsIn(PAYOUT_STATES) state?: PayoutState;
  @ApiPropertyOptional({ enum: PAYOUT_METHODS }) @IsOptional() @IsIn(PAYOUT_METHODS) method?: PayoutMethod;
  @ApiPropertyOptional({ format: 'uuid', description: 'The payouts (attempts) of one statement.' }) @IsOptional() @IsUUID() statementId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class PayoutDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The payee (franchisee).' }) organizationId!: string;
  @ApiProperty({ format: 'uuid', description: 'The payer (its brand).' }) payerOrganizationId!: string;
  @ApiProperty({ format: 'uuid' }) statementId!: string;
  @ApiProperty({ enum: PAYOUT_METHODS }) method!: PayoutMethod;
  @ApiProperty() amountFen!: number;
  @ApiProperty({ enum: PAYOUT_STATES, description: 'REQUESTED → PROCESSING → SUCCEEDED | FAILED; an offline bank payout is SUCCEEDED when recorded.' }) state!: PayoutState;
  @ApiProperty({ type: String, nullable: true, description: 'Bank reference, or WeChat’s transfer bill number.' }) reference!: string | null;
  @ApiProperty({ type: String, nullable: true }) failure!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-05' }) paidOn!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) succeededAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) failedAt!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['ACCEPTED', 'PROCESSING', 'WAIT_USER_CONFIRM', 'TRANSFERING', 'SUCCESS', 'FAIL', 'CANCELING', 'CANCELLED'],
    description: 'WECHAT_TRANSFER: the transfer bill’s state at WeChat as last seen (WAIT_USER_CONFIRM: awaiting the franchisee’s confirmation in WeChat).',
  })
  wechatState!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'WECHAT_TRANSFER in WAIT_USER_CONFIRM: the `package` the franchisee confirms with (`wx.requestMerchantTransfer`).' })
  packageInfo!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'WECHAT_TRANSFER: the out_bill_no sent to WeChat.' }) outBillNo!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The FAILED payout this one retries.' }) retryOf!: string | null;
}

export class SetPayoutPayeeDto {
  @ApiProperty({ maxLength: 128, description: 'The franchisee’s openid under the brand’s appid (the transfer’s receiver).' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  openid!: string;

  @ApiPropertyOptional({ maxLength: 32, description: 'The appid the openid belongs to (an appid of the brand’s merchant account); default the account’s first.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_]{1,32}$/, { message: 'appid must be 1–32 letters, digits or _' })
  appid?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50, description: 'The payee’s real name (required by WeChat for transfers from 2,000 CNY); stored encrypted, never returned. null clears it.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  realName?: string | null;
}

export class PayoutPayeeDto {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() appid!: string;
  @ApiProperty() openid!: string;
  @ApiProperty({ description: 'Whether a real name is stored (it is never returned).' }) realNameSet!: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class PayoutListDto {
  @ApiProperty({ type: [PayoutDto] }) items!: PayoutDto[];
  @ApiProperty() total!: number;
}
