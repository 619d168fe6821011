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
