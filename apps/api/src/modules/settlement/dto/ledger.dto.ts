import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { LEDGER_ENTRY_KINDS, LEDGER_SOURCE_KINDS, type LedgerEntryKind, type LedgerSourceKind } from '../ledger-postings.js';
import { DATE_PATTERN } from './agreement.dto.js';

export class LedgerQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One organisation (and those under it) whose accounts to read; default: all the caller may see.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class LedgerEntriesQueryDto extends LedgerQueryDto {
  @ApiPropertyOptional({ example: 'DUE_FROM_MERCHANT' }) @IsOptional() @IsString() @Matches(/^[A-Z_]{1,40}$/) account?: string;
  @ApiPropertyOptional({ example: '2026-12-01', description: 'Entries effective on or after this day (Asia/Shanghai).' }) @IsOptional() @Matches(DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'Entries effective on or before this day.' }) @IsOptional() @Matches(DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' }) to?: string;
  @ApiPropertyOptional({ enum: LEDGER_ENTRY_KINDS }) @IsOptional() @IsIn(LEDGER_ENTRY_KINDS) kind?: LedgerEntryKind;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10_000_000) offset?: number;
}

export class LedgerFiguresQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The organisation whose own accounts to sum (not those under it): a brand, a franchisee, a reseller, a customer.' })
  @IsUUID()
  organizationId!: string;
  @ApiProperty({ example: '2026-12-01', description: 'First day (Asia/Shanghai), by the entries’ effective day.' }) @Matches(DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' }) from!: string;
  @ApiProperty({ example: '2026-12-31', description: 'Last day, included.' }) @Matches(DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' }) to!: string;
}

export class LedgerFiguresDto {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ example: '2026-12-01' }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) to!: string;
  @ApiProperty({ description: 'Commission earned from its franchisees (COMMISSION_INCOME credits − debits: per order ⌊net × bp⌋, refunds giving it back, true-ups at close), fen.' })
  commissionFen!: number;
  @ApiProperty({ description: 'Fixed fees, minimum top-ups and reseller fees earned (FEE_INCOME), fen.' }) feeIncomeFen!: number;
  @ApiProperty({
    description:
      'WeChat’s channel fee (手续费) it bore as merchant of record (FEE_EXPENSE of kind CHANNEL_FEE: the days’ fees of its merchant accounts less the shares passed on to franchisees), fen.',
  })
  channelFeeFen!: number;
  @ApiProperty({
    description:
      'The shares of channel fee moved between it and its counterparties (FEE_EXPENSE of kind CHANNEL_FEE with a counterparty, credits − debits), fen: positive, passed on by it ' +
      '(a brand that collects, to its franchisees: its expense reduced by them); negative, passed on to it by its brand (a franchisee: counted in channelFeeFen).',
  })
  channelFeePassedOnFen!: number;
  @ApiProperty({ description: 'Manual adjustments in its favour (ADJUSTMENTS credits − debits; negative: in its franchisees’ or customers’ favour), fen.' })
  adjustmentFen!: number;
}

export class LedgerBalanceDto {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ example: 'DUE_FROM_MERCHANT' }) account!: string;
  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'With whom (the brand a franchisee is owed by, the franchisee a brand owes).' })
  counterpartyOrganizationId!: string | null;
  @ApiProperty({ description: 'Debits − credits so far, in fen (DUE_FROM_MERCHANT: what the merchant of record still holds for the organisation).' }) balanceFen!: number;
  @ApiProperty() entries!: number;
}

export class LedgerBalancesDto {
  @ApiProperty({ type: [LedgerBalanceDto] }) items!: LedgerBalanceDto[];
}

export class LedgerEntryDto {
  @ApiProperty() id!: number;
  @ApiProperty({ format: 'uuid' }) postingId!: string;
  @ApiProperty({ enum: LEDGER_SOURCE_KINDS }) sourceKind!: LedgerSourceKind;
  @ApiProperty() sourceId!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() account!: string;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) counterpartyOrganizationId!: string | null;
  @ApiProperty({ enum: LEDGER_ENTRY_KINDS }) kind!: LedgerEntryKind;
  @ApiProperty() debitFen!: number;
  @ApiProperty() creditFen!: number;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) sessionId!: string | null;
  @ApiProperty({ example: '2026-12-05' }) effectiveDate!: string;
  @ApiProperty({ format: 'date-time' }) postedAt!: string;
}

export class LedgerEntryListDto {
  @ApiProperty({ type: [LedgerEntryDto] }) items!: LedgerEntryDto[];
  @ApiProperty() total!: number;
}

export class LedgerMismatchDto {
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty() account!: string;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) counterpartyTenantId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) storedFen!: number | null;
  @ApiProperty() recomputedFen!: number;
}

export class LedgerCheckDto {
  @ApiProperty({ description: 'Accounts compared.' }) accounts!: number;
  @ApiProperty({ type: [LedgerMismatchDto], description: 'Accounts whose stored balance differs from the sum of their entries (empty: sound).' }) mismatches!: LedgerMismatchDto[];
  @ApiProperty({ type: [String], description: 'Postings whose debits and credits differ, as source_kind:source_id (empty: sound).' }) unbalancedPostings!: string[];
}
