import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const PROFIT_SHARING_STATES = ['PENDING', 'PROCESSING', 'FINISHED', 'FAILED'] as const;
export type ProfitSharingStateDto = (typeof PROFIT_SHARING_STATES)[number];

export class ProfitSharingOrdersQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One franchisee (the payer) — or a brand: its franchisees’ splits.' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ enum: PROFIT_SHARING_STATES }) @IsOptional() @IsIn(PROFIT_SHARING_STATES) state?: ProfitSharingStateDto;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class ProfitSharingOrderDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The franchisee whose merchant account collected (the payer of the split).' }) organizationId!: string;
  @ApiProperty({ format: 'uuid', description: 'The brand receiving its commission.' }) brandOrganizationId!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The brand’s mchid (the MERCHANT_ID receiver).' }) receiverMchid!: string | null;
  @ApiProperty() transactionId!: string;
  @ApiProperty({ description: 'The split’s out_order_no (a retry uses a new one).' }) outOrderNo!: string;
  @ApiProperty({ description: 'The order’s net (paid − refunds before the split), fen.' }) netFen!: number;
  @ApiProperty() commissionBasisPoints!: number;
  @ApiProperty({ description: '⌊netFen × commissionBasisPoints ÷ 10,000⌋ (COMMISSION_FLOOR_PER_ORDER); 0: only unfrozen.' }) amountFen!: number;
  @ApiProperty({ enum: PROFIT_SHARING_STATES, description: 'PENDING → PROCESSING → FINISHED | FAILED.' }) state!: ProfitSharingStateDto;
  @ApiProperty({ type: String, nullable: true, description: 'The receiver line’s result at WeChat (SUCCESS, CLOSED <fail_reason>).' }) receiverResult!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it failed: SPLIT_REFUSED …, RECEIVER_FAILED …, SPLIT_WINDOW_EXPIRED …, BRAND_ACCOUNT_MISSING …' })
  failure!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty() retries!: number;
  @ApiProperty({ format: 'date-time' }) paidAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) failedAt!: string | null;
}

export class ProfitSharingOrderListDto {
  @ApiProperty({ type: [ProfitSharingOrderDto] }) items!: ProfitSharingOrderDto[];
  @ApiProperty() total!: number;
}
