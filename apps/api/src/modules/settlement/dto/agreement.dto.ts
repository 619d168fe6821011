import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { AGREEMENT_KINDS, AGREEMENT_PERIODS, type AgreementKind, type AgreementPeriod, type Collection, COLLECTIONS } from '../settlement-math.js';

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The agreement from a date. A franchisee's (set by its brand): `commissionBasisPoints` required, optionally
 * `fixedFeePerDeviceMonthFen`, `minimumMonthFen`, `period`, `collection`, `maxProfitSharingRatioBasisPoints`,
 * `channelFeePassedOn`.
 * A reseller's customer's (set by its reseller): `platformFeePerActiveDeviceMonthFen` required, optionally
 * `fixedMonthFen` and `period`. A field of the other kind is refused naming it.
 */
export class PutAgreementDto {
  @ApiProperty({ example: '2026-12-01', description: 'Asia/Shanghai calendar day the agreement is in force from; it replaces any version from that day on.' })
  @Matches(DATE_PATTERN, { message: 'effectiveFrom must be a date YYYY-MM-DD' })
  effectiveFrom!: string;

  @ApiPropertyOptional({ example: 2000, minimum: 0, maximum: 10000, description: 'Franchise: the brand’s commission, basis points of each order’s net (paid − refunded). 2000 = 20 %.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  commissionBasisPoints?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Franchise: a fixed fee per device the franchisee holds, per month, in fen.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  fixedFeePerDeviceMonthFen?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Franchise: the least the brand receives (commission + fixed fees) per month, in fen; the shortfall is a top-up line.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  minimumMonthFen?: number;

  @ApiPropertyOptional({ enum: AGREEMENT_PERIODS, description: 'Statement period (default MONTHLY).' })
  @IsOptional()
  @IsIn(AGREEMENT_PERIODS)
  period?: AgreementPeriod;

  @ApiPropertyOptional({
    enum: COLLECTIONS,
    description: 'Franchise: who collects from end users (default BRAND_COLLECTS). FRANCHISEE_COLLECTS needs the franchisee’s own merchant account; the commission then arrives by profit sharing.',
  })
  @IsOptional()
  @IsIn(COLLECTIONS)
  collection?: Collection;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 10000,
    description: 'Franchise: the franchisee merchant account’s maximum profit-sharing ratio as set in WeChat’s merchant platform (default 3000 = 30 %). With FRANCHISEE_COLLECTS the commission may not exceed it.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  maxProfitSharingRatioBasisPoints?: number;

  @ApiPropertyOptional({
    description:
      'Franchise, brand collects: whether WeChat’s channel fee (手续费, from the trade bill, known the next day) on the franchisee’s sessions is passed on to it — a CHANNEL_FEE line ' +
      'on its statement, per order as the bill has it (rounding CHANNEL_FEE_PER_ORDER_FROM_BILL). Default false: borne by the merchant of record (the brand). ' +
      'Not allowed with FRANCHISEE_COLLECTS (the franchisee is then the merchant of record and bears its own fee).',
  })
  @IsOptional()
  @IsBoolean({ message: 'channelFeePassedOn must be true or false' })
  channelFeePassedOn?: boolean;

  @ApiPropertyOptional({ minimum: 0, description: 'Reseller: the platform fee per active device (one that sent a heartbeat in the month) per month, in fen.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  platformFeePerActiveDeviceMonthFen?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Reseller: a fixed fee per month, in fen.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  fixedMonthFen?: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class AgreementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The franchisee or customer.' }) organizationId!: string;
  @ApiProperty({ format: 'uuid', description: 'The franchise brand or hardware reseller.' }) parentOrganizationId!: string;
  @ApiProperty({ enum: AGREEMENT_KINDS }) kind!: AgreementKind;
  @ApiProperty({ description: 'Versions count from 1 per organisation; each PUT adds one.' }) version!: number;
  @ApiProperty({ example: '2026-12-01' }) effectiveFrom!: string;
  @ApiProperty({ enum: AGREEMENT_PERIODS }) period!: AgreementPeriod;
  @ApiProperty({ type: Number, nullable: true }) commissionBasisPoints!: number | null;
  @ApiProperty({ type: Number, nullable: true }) fixedFeePerDeviceMonthFen!: number | null;
  @ApiProperty({ type: Number, nullable: true }) minimumMonthFen!: number | null;
  @ApiProperty({ enum: COLLECTIONS, nullable: true, type: String }) collection!: Collection | null;
  @ApiProperty({ type: Number, nullable: true }) maxProfitSharingRatioBasisPoints!: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Franchise: WeChat’s channel fee on the franchisee’s sessions is passed on to it (false: borne by the merchant of record). Null for a reseller agreement.' })
  channelFeePassedOn!: boolean | null;
  @ApiProperty({ type: Number, nullable: true }) platformFeePerActiveDeviceMonthFen!: number | null;
  @ApiProperty({ type: Number, nullable: true }) fixedMonthFen!: number | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AgreementHistoryDto {
  @ApiProperty({ type: [AgreementDto], description: 'Every version, newest first.' }) items!: AgreementDto[];
}

export class AgreementQueryDto {
  @ApiPropertyOptional({ example: '2026-12-05', description: 'The day (Asia/Shanghai) to read the agreement in force on; default today.' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'on must be a date YYYY-MM-DD' })
  on?: string;
}

export class AgreementsInForceQueryDto {
  @ApiProperty({ format: 'uuid', description: 'A franchise brand or hardware reseller: the agreements of its direct children.' })
  @IsUUID()
  parentId!: string;

  @ApiPropertyOptional({ example: '2026-12-05', description: 'The day (Asia/Shanghai; default today).' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'on must be a date YYYY-MM-DD' })
  on?: string;
}

export class AgreementsInForceDto {
  @ApiProperty({ type: [AgreementDto], description: 'The version in force on the day for each child that has one, by organisation.' }) items!: AgreementDto[];
}
