import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export const SESSION_STATES = ['AWAITING_CONFIRMATION', 'STARTING', 'IN_USE', 'AWAITING_PAYMENT', 'PAID', 'CANCELLED'] as const;

export class OverviewQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only this organisation and those under it (a franchise brand: one franchisee). Another tenant’s id answers 404.',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class RevenueDayDto {
  @ApiProperty({ example: '2026-11-28', description: 'A calendar day in Asia/Shanghai.' }) day!: string;
  @ApiProperty({ description: 'Paid that day, in fen.' }) paidFen!: number;
  @ApiProperty({ description: 'Refunded that day (refunds that succeeded), in fen.' }) refundedFen!: number;
  @ApiProperty({ description: '`paidFen − refundedFen` (may be negative).' }) netFen!: number;
}

export class RevenueDto {
  @ApiProperty({ description: 'Net revenue (paid − refunded) since midnight Asia/Shanghai, in fen.' }) todayFen!: number;
  @ApiProperty({ description: 'Net revenue of the last 7 days including today, in fen.' }) last7DaysFen!: number;
  @ApiProperty({ description: 'Net revenue of the last 30 days including today, in fen.' }) last30DaysFen!: number;
  @ApiProperty({ type: [RevenueDayDto], description: '30 days, oldest first, ending today; days without money are present with zeros.' })
  byDay!: RevenueDayDto[];
}

export class SessionsByStateDto {
  @ApiProperty() AWAITING_CONFIRMATION!: number;
  @ApiProperty() STARTING!: number;
  @ApiProperty() IN_USE!: number;
  @ApiProperty() AWAITING_PAYMENT!: number;
  @ApiProperty({ description: 'Paid in the last 30 days.' }) PAID!: number;
  @ApiProperty({ description: 'Cancelled in the last 30 days.' }) CANCELLED!: number;
}

export class DeviceHealthDto {
  @ApiProperty({ description: 'Devices (not revoked) in total.' }) total!: number;
  @ApiProperty({ description: 'Status ONLINE, as the device list computes it (heard from within 3 heartbeat intervals, no fault).' }) online!: number;
  @ApiProperty({ description: 'Status OFFLINE: silent for 3 heartbeat intervals or never heard from.' }) offline!: number;
  @ApiProperty({ description: 'Status FAULTED: heartbeating, but its latest heartbeat carries a `fault`.' }) faulted!: number;
  @ApiProperty({ description: 'Devices whose secret was revoked (not counted above).' }) revoked!: number;
}

export class ReceivablesSummaryDto {
  @ApiProperty({ description: 'Completed orders not yet paid.' }) count!: number;
  @ApiProperty({ description: 'What those users still owe, in fen.' }) owedFen!: number;
}

export class ComplaintRateRowDto {
  @ApiProperty({ format: 'uuid', description: 'The merchant account (byMerchantAccount) or the merchant-of-record organisation (byLegalEntity).' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The legal entity: the merchant-of-record organisation (for a legal entity row, its own id).' }) organizationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The mchid (merchant accounts only).' }) mchid!: string | null;
  @ApiProperty({ description: 'Complaints received in the window.' }) complaints!: number;
  @ApiProperty({ description: 'Orders paid (paidFen > 0) in the window.' }) paidOrders!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'complaints ÷ paidOrders (null without paid orders).' }) rate!: number | null;
  @ApiProperty({
    example: 0.01,
    description:
      'The threshold in percent this row is compared with: the COMPLAINT_RATE alert rule in force for the legal entity (its own rule, a franchisee’s brand’s, else the default 0.01) — the one the alert uses.',
  })
  thresholdPercent!: number;
  @ApiProperty({ description: 'Whether that COMPLAINT_RATE rule is switched on (the alert fires per legal entity only when it is).' }) alertEnabled!: boolean;
  @ApiProperty({ description: '`rate × 100 > thresholdPercent`, computed in the database exactly as the alert compares (false without paid orders).' })
  aboveThreshold!: boolean;
}

export class ComplaintRatesDto {
  @ApiProperty({ example: 30 }) windowDays!: number;
  @ApiProperty({ description: 'How the rate is computed, in words.' }) formula!: string;
  @ApiProperty({ type: [ComplaintRateRowDto] }) byMerchantAccount!: ComplaintRateRowDto[];
  @ApiProperty({ type: [ComplaintRateRowDto], description: 'Per legal entity: the merchant-of-record organisation, over all its merchant accounts.' }) byLegalEntity!: ComplaintRateRowDto[];
}

export class OverviewDto {
  @ApiProperty({
    enum: ['FULL', 'FLEET_ONLY'],
    description: '`FLEET_ONLY` for a hardware reseller: its customers’ money and orders are not its own, so only `devices` is filled and the other sections are null.',
  })
  scope!: 'FULL' | 'FLEET_ONLY';
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The organisation filter applied, if any.' }) organizationId!: string | null;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timezone!: string;
  @ApiProperty({ type: DeviceHealthDto }) devices!: DeviceHealthDto;
  @ApiProperty({ type: RevenueDto, nullable: true }) revenue!: RevenueDto | null;
  @ApiProperty({ type: SessionsByStateDto, nullable: true, description: 'Open sessions at any age; PAID and CANCELLED over the last 30 days.' })
  sessionsByState!: SessionsByStateDto | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Sessions flagged for an operator to look at (`anomaly` set).' }) openAnomalies!: number | null;
  @ApiProperty({ type: ReceivablesSummaryDto, nullable: true }) receivables!: ReceivablesSummaryDto | null;
  @ApiProperty({
    type: ComplaintRatesDto,
    nullable: true,
    description:
      'Complaint rate over a rolling 30 days (complaints ÷ paid orders) of the merchant accounts the caller may see, per account and per legal entity, each compared with the COMPLAINT_RATE alert rule’s threshold in force for its legal entity. Null for a hardware reseller.',
  })
  complaintRates!: ComplaintRatesDto | null;
}
