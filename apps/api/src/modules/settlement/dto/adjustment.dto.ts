import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, NotEquals } from 'class-validator';
import { AGREEMENT_KINDS, type AgreementKind } from '../settlement-math.js';
import { DATE_PATTERN } from './agreement.dto.js';
import { STATEMENT_STATUSES, type StatementStatus } from './statement.dto.js';

/** A manual adjustment booked by the franchise brand (hardware reseller) on a franchisee's (customer's) statement. */
export class CreateAdjustmentDto {
  @ApiProperty({
    example: 1250,
    minimum: -1_000_000_000,
    maximum: 1_000_000_000,
    description: 'Signed integer fen, never 0: positive is in the organisation’s favour (its brand or reseller owes it more), negative is owed by it.',
  })
  @IsInt()
  @NotEquals(0, { message: 'amountFen must not be 0' })
  @Min(-1_000_000_000)
  @Max(1_000_000_000)
  amountFen!: number;

  @ApiProperty({ minLength: 1, maxLength: 200, example: '11 月冰柜维修费由品牌承担', description: 'Why: shown as the statement line’s description.' })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be empty' })
  @MaxLength(200)
  reason!: string;

  @ApiPropertyOptional({
    example: '2026-12-05',
    description: 'Asia/Shanghai calendar day (default today, not in the future): the adjustment lands on the statement whose period holds it, which must still be OPEN.',
  })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'effectiveDate must be a date YYYY-MM-DD' })
  effectiveDate?: string;
}

export class AdjustmentsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class AdjustmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The franchisee or customer it is for.' }) organizationId!: string;
  @ApiProperty({ format: 'uuid', description: 'Its franchise brand or hardware reseller.' }) parentOrganizationId!: string;
  @ApiProperty({ enum: AGREEMENT_KINDS, description: 'The kind of statement it lands on.' }) kind!: AgreementKind;
  @ApiProperty({ description: 'Signed fen: positive in the organisation’s favour.' }) amountFen!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ example: '2026-12-05' }) effectiveDate!: string;
  @ApiProperty({ format: 'uuid', description: 'The one statement it lands on (its period holds effectiveDate).' }) statementId!: string;
  @ApiProperty({ example: '2026-12-01' }) periodStart!: string;
  @ApiProperty({ example: '2026-12-31' }) periodEnd!: string;
  @ApiProperty({ enum: STATEMENT_STATUSES, description: 'That statement’s status now.' }) statementStatus!: StatementStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The login that booked it.' }) createdBy!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Its display name at the time.' }) createdByName!: string | null;
}

export class AdjustmentListDto {
  @ApiProperty({ type: [AdjustmentDto] }) items!: AdjustmentDto[];
  @ApiProperty() total!: number;
}
