import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { AGREEMENT_KINDS, AGREEMENT_PERIODS, type AgreementKind, type AgreementPeriod } from '../settlement-math.js';
import { DATE_PATTERN } from './agreement.dto.js';

export const STATEMENT_STATUSES = ['OPEN', 'CLOSED', 'SETTLED'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];
export const STATEMENT_LINE_KINDS = ['SESSIONS_NET', 'COMMISSION', 'FIXED_FEE', 'MINIMUM_TOP_UP', 'RESELLER_FEE', 'RESELLER_FIXED_FEE', 'ADJUSTMENT', 'CHANNEL_FEE'] as const;
export type StatementLineKind = (typeof STATEMENT_LINE_KINDS)[number];

/**
 * How a CLOSED statement that no payout can settle was settled (POST /v1/statements/{id}/settle):
 * OFFLINE_BANK — a bank transfer between the two parties, its reference required; OFFSET — set off against other money
 * between them (e.g. deducted from what the other side owed elsewhere); OTHER — anything else (cash, waived…), the
 * note saying how.
 */
export const STATEMENT_SETTLEMENT_METHODS = ['OFFLINE_BANK', 'OFFSET', 'OTHER'] as const;
export type StatementSettlementMethod = (typeof STATEMENT_SETTLEMENT_METHODS)[number];

export class SettleStatementDto {
  @ApiProperty({
    enum: STATEMENT_SETTLEMENT_METHODS,
    description:
      'OFFLINE_BANK: paid by bank transfer (reference required). OFFSET: set off against other money between the two parties. OTHER: anything else (cash, waived…): say how in note.',
  })
  @IsIn(STATEMENT_SETTLEMENT_METHODS)
  method!: StatementSettlementMethod;

  @ApiPropertyOptional({ minLength: 1, maxLength: 100, description: 'The bank transfer’s reference (required for OFFLINE_BANK), or the offset’s.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  reference?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  note?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-05T10:00:00+08:00',
    description: 'When the money moved: not in the future, not before the statement closed. Default: now.',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'settledAt must be an ISO 8601 date-time' })
  settledAt?: string;
}

export class StatementSettlementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: STATEMENT_SETTLEMENT_METHODS }) method!: StatementSettlementMethod;
  @ApiProperty({ description: 'The statement’s payableFen when it was settled (signed as payableFen).' }) amountFen!: number;
  @ApiProperty({ type: String, nullable: true }) reference!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the money moved.' }) settledAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When it was recorded.' }) recordedAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The login that recorded it.' }) settledBy!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Its display name at the time.' }) settledByName!: string | null;
}

export class StatementsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One organisation and those under it (a brand: one franchisee). Another tenant’s id answers 404.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'Statements whose period ends on or after this day.' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Statements whose period starts on or before this day.' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ enum: STATEMENT_STATUSES })
  @IsOptional()
  @IsIn(STATEMENT_STATUSES)
  status?: StatementStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class StatementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The franchisee or customer the statement is for.' }) organizationId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Its name.' }) organizationName!: string | null;
  @ApiProperty({ format: 'uuid', description: 'Its franchise brand or hardware reseller.' }) parentOrganizationId!: string;
  @ApiProperty({ enum: AGREEMENT_KINDS }) kind!: AgreementKind;
  @ApiProperty({ enum: AGREEMENT_PERIODS }) period!: AgreementPeriod;
  @ApiProperty({ example: '2026-12-01', description: 'First day, Asia/Shanghai, inclusive.' }) periodStart!: string;
  @ApiProperty({ example: '2026-12-31', description: 'Last day, Asia/Shanghai, inclusive.' }) periodEnd!: string;
  @ApiProperty({ enum: STATEMENT_STATUSES, description: 'OPEN (figures so far, recomputed on each read) → CLOSED (fixed) → SETTLED.' }) status!: StatementStatus;
  @ApiProperty({ description: 'Sessions charged more than 0 fen, paid in the period.' }) sessions!: number;
  @ApiProperty() paidFen!: number;
  @ApiProperty({ description: 'Refunds of those sessions that succeeded before the close; later ones are adjustments of a later period.' }) refundedFen!: number;
  @ApiProperty() netFen!: number;
  @ApiProperty({ description: 'Σ ⌊order net × basis points ÷ 10000⌋ (rounding COMMISSION_FLOOR_PER_ORDER).' }) commissionFen!: number;
  @ApiProperty() fixedFeeFen!: number;
  @ApiProperty() minimumTopUpFen!: number;
  @ApiProperty({ description: 'Reseller: platform fees per active device and the fixed monthly fee.' }) resellerFeeFen!: number;
  @ApiProperty({ description: 'Adjustments: what was learnt after an earlier period closed (negative: owed back).' }) adjustmentFen!: number;
  @ApiProperty({
    description:
      'WeChat’s channel fee (手续费) its brand passed on to the franchisee on this statement (the CHANNEL_FEE line counted in payableFen; negative: fees given back by refunds), fen. OPEN: so far.',
  })
  channelFeeFen!: number;
  @ApiProperty({ description: 'The franchisee’s own channel fee as merchant of record (franchisee collects): shown on the statement, not counted in payableFen, fen.' })
  ownChannelFeeFen!: number;
  @ApiProperty({
    description:
      'Franchise: what the brand owes the franchisee for the period (net − commission − fixed fees − minimum top-up − WeChat’s channel fee passed on to it + adjustments; negative: the franchisee owes). ' +
      'Reseller: what the customer owes its reseller.',
  })
  payableFen!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) settledAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'What settled it: `payout:<id>` (a payout) or `settlement:<id>` (a settlement recorded with POST /v1/statements/{id}/settle).' })
  settlementReference!: string | null;
  @ApiProperty({ type: StatementSettlementDto, nullable: true, description: 'The settlement recorded with POST /v1/statements/{id}/settle, if that is what settled it.' })
  settlement!: StatementSettlementDto | null;
}

export class StatementLineDto {
  @ApiProperty() position!: number;
  @ApiProperty({ enum: STATEMENT_LINE_KINDS }) kind!: StatementLineKind;
  @ApiProperty() description!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Sessions, devices or months the line counts.' }) quantity!: number | null;
  @ApiProperty({ type: Number, nullable: true }) unitFen!: number | null;
  @ApiProperty({
    description:
      'Signed, in fen, from the franchisee’s (customer’s) side: positive is owed to it. A CHANNEL_FEE line is WeChat’s fee (手续费) known since the last close: passed on by the brand ' +
      '(counted in payableFen), or the franchisee’s own as merchant of record (shown, not counted: WeChat took it from its own collections).',
  })
  amountFen!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The named rounding of this line, if any (e.g. COMMISSION_FLOOR_PER_ORDER, CHANNEL_FEE_PER_ORDER_FROM_BILL).' }) rounding!: string | null;
}

export class StatementDetailDto extends StatementDto {
  @ApiProperty({ type: [StatementLineDto] }) lines!: StatementLineDto[];
}

export class StatementStatusTotalDto {
  @ApiProperty({ enum: STATEMENT_STATUSES }) status!: StatementStatus;
  @ApiProperty({ description: 'Statements in this status matching the filters (all pages).' }) count!: number;
  @ApiProperty({
    description:
      'Σ payableFen of those statements. OPEN: always 0 (an open statement’s figures are computed on read, not stored: GET /v1/earnings has them); CLOSED: owed, not yet paid out or split (a franchisee’s “on its way”); SETTLED: paid.',
  })
  payableFen!: number;
}

export class StatementListDto {
  @ApiProperty({ type: [StatementDto] }) items!: StatementDto[];
  @ApiProperty() total!: number;
  @ApiProperty({ type: [StatementStatusTotalDto], description: 'One entry per status (OPEN, CLOSED, SETTLED), over every statement matching the filters.' })
  totals!: StatementStatusTotalDto[];
}
