import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { BILL_KINDS, DIFFERENCE_KINDS, type BillKind, type DifferenceKind } from '../reconciliation-match.js';

export const RUN_STATES = ['RUNNING', 'DONE', 'NO_BILL', 'BILL_NOT_READY', 'FAILED'] as const;
export type RunState = (typeof RUN_STATES)[number];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateReconciliationDto {
  @ApiProperty({ format: 'uuid', description: 'The merchant account whose bills to reconcile.' }) @IsUUID() merchantAccountId!: string;
  @ApiProperty({ example: '2026-12-05', description: 'The bill date (an Asia/Shanghai calendar day before today).' })
  @Matches(DATE, { message: 'billDate must be a date YYYY-MM-DD' })
  billDate!: string;
}

export class ReconciliationsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() merchantAccountId?: string;
  @ApiPropertyOptional({ example: '2026-12-05' }) @IsOptional() @Matches(DATE, { message: 'billDate must be a date YYYY-MM-DD' }) billDate?: string;
  @ApiPropertyOptional({ enum: RUN_STATES }) @IsOptional() @IsIn(RUN_STATES) state?: RunState;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class ResolveDifferenceDto {
  @ApiProperty({ minLength: 1, maxLength: 500, description: 'What the operator found and did.' }) @IsString() @MinLength(1) @MaxLength(500) note!: string;
}

export class ReconciliationBillDto {
  @ApiProperty({ enum: BILL_KINDS }) bill!: BillKind;
  @ApiProperty({ description: 'SHA1 of the file, as WeChat gave it and checked on download.' }) sha1!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'Data rows parsed.' }) rows!: number;
}

export class ReconciliationDifferenceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: DIFFERENCE_KINDS }) kind!: DifferenceKind;
  @ApiProperty({ enum: BILL_KINDS, description: 'The bill the difference came from.' }) bill!: BillKind;
  @ApiProperty({ type: String, nullable: true }) outOrderNo!: string | null;
  @ApiProperty({ type: String, nullable: true }) transactionId!: string | null;
  @ApiProperty({ type: String, nullable: true }) outRefundNo!: string | null;
  @ApiProperty({ type: String, nullable: true }) refundId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) sessionId!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'What the platform recorded (fen).' }) localFen!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'What the bill says (fen).' }) billFen!: number | null;
  @ApiProperty({ type: String, nullable: true }) localState!: string | null;
  @ApiProperty({ type: String, nullable: true }) billState!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the re-check by query (order or refund) answered.' }) recheck!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) recheckedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) resolutionNote!: string | null;
}

export class ReconciliationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ format: 'uuid' }) merchantAccountId!: string;
  @ApiProperty({ example: '2026-12-05' }) billDate!: string;
  @ApiProperty({ enum: RUN_STATES }) state!: RunState;
  @ApiProperty({ enum: ['MANUAL', 'SCHEDULE'] }) trigger!: 'MANUAL' | 'SCHEDULE';
  @ApiProperty({ description: 'Bill rows that matched the platform’s records.' }) matched!: number;
  @ApiProperty() payments!: number;
  @ApiProperty() refunds!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'WeChat’s fees of the day (payments − refunds), posted to the ledger as CHANNEL_FEE.' }) feeFen!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it FAILED (e.g. PAYSCORE_BILL_HASH_MISMATCH) or is BILL_NOT_READY.' }) errorCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: [ReconciliationBillDto] }) bills!: ReconciliationBillDto[];
  @ApiProperty({ type: [ReconciliationDifferenceDto], description: 'Differences still open after the re-check (resolved ones are listed too, with resolvedAt).' })
  differences!: ReconciliationDifferenceDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
}

export class ReconciliationSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) merchantAccountId!: string;
  @ApiProperty() billDate!: string;
  @ApiProperty({ enum: RUN_STATES }) state!: RunState;
  @ApiProperty() matched!: number;
  @ApiProperty({ description: 'Differences not resolved yet.' }) openDifferences!: number;
  @ApiProperty({ type: String, nullable: true }) errorCode!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ReconciliationListDto {
  @ApiProperty({ type: [ReconciliationSummaryDto] }) items!: ReconciliationSummaryDto[];
  @ApiProperty() total!: number;
}
