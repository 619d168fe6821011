import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { DEVICE_TYPES, type DeviceType } from '../../fleet/fleet.entities.js';
import { AGING_BUCKETS, ANOMALY_KINDS, SESSION_STATES, type AgingBucket, type AnomalyKind, type SessionState } from '../session.model.js';

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/;

export class StartSessionDto {
  @ApiProperty({ example: 'PB-0001', description: 'The code on the device’s QR sticker.' })
  @IsString()
  @Matches(CODE_PATTERN, { message: 'deviceCode must be a device code (letters, digits, - and _)' })
  deviceCode!: string;

  @ApiPropertyOptional({ minimum: 1, description: 'Power-bank cabinets: the slot to eject from.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  slot?: number;

  @ApiPropertyOptional({ minimum: 1, description: 'Chargers: the connector to start (default 1).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(16)
  connector?: number;
}

export class BusinessViewDto {
  @ApiProperty({ example: 'wxpayScoreUse' }) businessType!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Pass to wx.openBusinessView as extraData (package + APIv2 signature).' })
  extraData!: Record<string, unknown>;
}

export class ConsumerSessionDto {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ enum: SESSION_STATES }) state!: SessionState;
  @ApiProperty({ description: 'The current Pay Score order’s number (a scan repeated before confirming gets a new order, and a new number).' }) outOrderNo!: string;
  @ApiProperty({ description: 'Which of the session’s Pay Score orders is current (1, 2, …).' }) attempt!: number;
  @ApiProperty() deviceCode!: string;
  @ApiProperty({ type: Number, nullable: true }) slot!: number | null;
  @ApiProperty({ type: Number, nullable: true }) connector!: number | null;
  @ApiProperty({ type: BusinessViewDto, nullable: true, description: 'Present while the order awaits the user’s confirmation.' })
  businessView!: BusinessViewDto | null;
  @ApiProperty({ description: 'The most this session can cost (the Pay Score risk fund).' }) riskFundFen!: number;
  @ApiPropertyOptional({ description: 'In use: what the session would cost if it ended now (see the operator’s runningFen).' }) runningFen?: number;
  @ApiPropertyOptional() totalFen?: number;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object', additionalProperties: true } }) lines?: unknown[];
  @ApiPropertyOptional() paidFen?: number;
  @ApiPropertyOptional() refundedFen?: number;
  @ApiPropertyOptional() cancelReason?: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) startedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) endedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** `state=A&state=B` or `state=A,B`: one list either way. */
const toList = ({ value }: { value: unknown }): unknown =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : [v]));

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The filters the session list and its CSV export share. */
export class SessionFilterQuery {
  @ApiPropertyOptional({ type: [String], enum: SESSION_STATES, isArray: true, description: 'One or more states (`state=IN_USE&state=PAID` or `state=IN_USE,PAID`).' })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(SESSION_STATES.length)
  @IsIn(SESSION_STATES, { each: true })
  state?: SessionState[];

  @ApiPropertyOptional({ enum: DEVICE_TYPES, description: 'The vertical: sessions of this kind of device.' }) @IsOptional() @IsIn(DEVICE_TYPES) vertical?: DeviceType;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() deviceId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Sessions of the devices at this site (点位).' }) @IsOptional() @IsUUID() siteId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Sessions of this organisation’s devices (one you may see; a franchise brand picks a franchisee).' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only sessions flagged for an operator to look at (`true`), or only those not flagged (`false`).' })
  @IsOptional()
  @IsIn(['true', 'false'])
  anomaly?: 'true' | 'false';
  @ApiPropertyOptional({ enum: ANOMALY_KINDS, description: 'Only sessions flagged with this kind of anomaly (the anomaly text starts with it).' })
  @IsOptional()
  @IsIn(ANOMALY_KINDS)
  anomalyKind?: AnomalyKind;
  @ApiPropertyOptional({ example: '2026-11-01', description: 'Created on or after this day (Asia/Shanghai), `YYYY-MM-DD`.' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a day, YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ example: '2026-11-30', description: 'Created on or before this day (Asia/Shanghai), `YYYY-MM-DD`; not before `from`.' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a day, YYYY-MM-DD' })
  to?: string;
  @ApiPropertyOptional({ description: 'A session id, or a Pay Score out_order_no (the current order’s or one a rescan replaced).' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  q?: string;
}

export class ListSessionsQuery extends SessionFilterQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'Rows to skip (page × limit); ignored with `cursor`.' }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page: the next page without counting the rows before it (stays fast however deep).' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{8,120}$/, { message: 'cursor must be a nextCursor from a previous page' })
  cursor?: string;
}

export class ReceivablesQuery {
  @ApiPropertyOptional({ enum: AGING_BUCKETS, description: 'Only the orders of this age bucket.' }) @IsOptional() @IsIn(AGING_BUCKETS) bucket?: AgingBucket;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class EndSessionDto {
  @ApiProperty({ format: 'date-time', description: 'When the service really ended (e.g. when the power bank was returned).' })
  @IsISO8601({ strict: true })
  endedAt!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Usage without times (contracts.md §3): items, energy or volumeMillilitres.' })
  @IsOptional()
  @IsObject()
  usage?: Record<string, unknown>;

  @ApiProperty({ example: '用户已归还，柜机漏报' }) @IsString() @Length(1, 200) reason!: string;
}

export class ModifySessionDto {
  @ApiProperty({ minimum: 1, description: 'The new, lower total in fen.' }) @IsInt() @Min(1) totalFen!: number;
  @ApiProperty({ example: '设备故障减免' }) @IsString() @Length(1, 50) reason!: string;
}

export class RefundSessionDto {
  @ApiProperty({ minimum: 1, description: 'Amount to refund in fen; refunds never add up to more than was paid.' }) @IsInt() @Min(1) amountFen!: number;
  @ApiProperty({ example: '商品过期，全额退款' }) @IsString() @Length(1, 80) reason!: string;
}

export class SessionActionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['END', 'MODIFY', 'COLLECT', 'REFUND'] }) kind!: string;
  @ApiProperty({
    enum: ['PENDING', 'PROCESSING', 'ABNORMAL', 'HELD', 'SUCCEEDED', 'FAILED'],
    description:
      'PROCESSING: sent, WeChat’s outcome not known yet (queried until it is). ABNORMAL: a refund WeChat holds (REFUND.ABNORMAL) — the money is not free to refund again; an operator resolves it with WeChat. ' +
      'HELD: WeChat refused the refund for lack of money (NOT_ENOUGH) after the brand’s commission was split off (a split return that failed or fell short); `error` says why. Still counted against what can be refunded; ' +
      'an operator retries it once the merchant’s balance covers it (POST …/refunds/{actionId}/retry) or gives it up (POST …/refunds/{actionId}/give-up → FAILED).',
  })
  state!: string;
  @ApiProperty({ type: Number, nullable: true }) amountFen!: number | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true }) outRefundNo!: string | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finishedAt!: string | null;
}

export class MeterReadingDto {
  @ApiProperty({ format: 'date-time', description: 'When the device took it (its clock).' }) readAt!: string;
  @ApiPropertyOptional({ description: 'Chargers: energy since the session started.' }) wattHours?: number;
  @ApiPropertyOptional({ description: 'Valves: water since the valve opened.' }) volumeMillilitres?: number;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ format: 'uuid' }) merchantOrganizationId!: string;
  @ApiProperty({ enum: SESSION_STATES }) state!: SessionState;
  @ApiProperty() scenario!: string;
  @ApiProperty() serviceId!: string;
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiProperty() deviceCode!: string;
  @ApiProperty({ enum: DEVICE_TYPES, description: 'The vertical.' }) deviceType!: DeviceType;
  @ApiProperty({ type: Number, nullable: true }) slot!: number | null;
  @ApiProperty({ type: Number, nullable: true }) connector!: number | null;
  @ApiProperty({ format: 'uuid' }) endUserId!: string;
  @ApiProperty() outOrderNo!: string;
  @ApiProperty() planVersion!: number;
  @ApiProperty() riskFundFen!: number;
  @ApiProperty({ type: String, nullable: true, description: 'WeChat’s state/state_description/collection.state as last seen.' }) orderState!: string | null;
  @ApiProperty({ type: String, nullable: true }) collectionState!: string | null;
  @ApiProperty({ type: Number, nullable: true }) quotedFen!: number | null;
  @ApiProperty({ type: Number, nullable: true }) totalFen!: number | null;
  @ApiProperty({ type: Number, nullable: true }) paidFen!: number | null;
  @ApiProperty() refundedFen!: number;
  @ApiProperty({ description: 'Which of the session’s Pay Score orders is current (1 unless the user scanned again before confirming; outOrderNo is its number).' })
  orderAttempt!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Sessions in use: what the session would cost if it ended now, priced with its plan version — time so far, and for chargers and valves the energy or volume of the latest meter reading (meterReadAt). Null for item sales (known when the door closes) and sessions not in use.',
  })
  runningFen!: number | null;
  @ApiProperty({
    type: MeterReadingDto,
    nullable: true,
    description: 'Chargers and valves in use: the latest meter reading behind runningFen (charging.metered / valve.metered); null before the first one.',
  })
  meterReading!: MeterReadingDto | null;
  @ApiProperty({ type: String, nullable: true }) endSource!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Something an operator must look at.' }) anomaly!: string | null;
  @ApiProperty({ enum: ANOMALY_KINDS, nullable: true, description: 'The kind of the anomaly (the code it starts with); OTHER for one not listed.' }) anomalyKind!: AnomalyKind | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', format: 'date-time', nullable: true }, description: 'When each transition happened (<state>_at).' })
  times!: Record<string, string | null>;
}

export class OrderAttemptDto {
  @ApiProperty({ description: '1, 2, … in the order they were created.' }) attempt!: number;
  @ApiProperty() outOrderNo!: string;
  @ApiProperty({
    enum: ['CURRENT', 'SUPERSEDED', 'REVOKED', 'ABANDONED'],
    description: 'CURRENT: the session’s order; SUPERSEDED: replaced by a rescan, being cancelled at WeChat; REVOKED: replaced and cancelled; ABANDONED: never created (the order it was to replace had been confirmed).',
  })
  state!: string;
  @ApiProperty({ type: String, nullable: true, description: 'WeChat’s order_id.' }) orderId!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) orderCreatedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) supersededAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) closedAt!: string | null;
}

export class CatalogItemDto {
  @ApiProperty({ example: 'cola-330' }) sku!: string;
  @ApiProperty({ example: '可乐 330ml' }) name!: string;
  @ApiProperty({ example: 350 }) priceFen!: number;
}

export class SessionDetailDto extends SessionDto {
  @ApiProperty({
    type: [CatalogItemDto],
    nullable: true,
    description: 'Item sales (fridges, cabinets): the catalog of the plan version the session started with — the SKUs an operator may end it with; null for other plans.',
  })
  itemCatalog!: CatalogItemDto[] | null;
  @ApiProperty({ type: [OrderAttemptDto], description: 'The session’s Pay Score orders: a repeated scan before confirming replaces the order (its package is single-use).' })
  attempts!: OrderAttemptDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) usage!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) quote!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The post_payments / post_discounts sent to WeChat.' }) lines!: Record<string, unknown> | null;
  @ApiProperty({ type: [SessionActionDto], description: 'Every operator action, oldest first (ends, amount changes, collections, refunds).' }) actions!: SessionActionDto[];
  @ApiProperty({ type: [SessionActionDto], description: 'The refunds among the actions, oldest first.' }) refunds!: SessionActionDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'Paid sessions: what can still be refunded (paid − refunds not failed); null before payment.' }) refundableFen!: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Sessions in use: the quote behind runningFen (its lines), as if the session ended now; null otherwise.',
  })
  runningQuote!: Record<string, unknown> | null;
}

export class SessionListDto {
  @ApiProperty({ type: [SessionDto] }) items!: SessionDto[];
  @ApiProperty({ description: 'How many sessions match the filters.' }) total!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' }) nextCursor!: string | null;
}

export class AgingBucketDto {
  @ApiProperty({ enum: AGING_BUCKETS, example: '1-3d' }) bucket!: AgingBucket;
  @ApiProperty({ description: 'Orders completed at least this many days ago…' }) minDays!: number;
  @ApiProperty({ type: Number, nullable: true, description: '…and less than this many (null: no upper bound).' }) maxDays!: number | null;
  @ApiProperty() count!: number;
  @ApiProperty() owedFen!: number;
}

export class ReceivableDto extends SessionDto {
  @ApiProperty({ enum: AGING_BUCKETS, description: 'How old the debt is (from the order’s completion).' }) bucket!: AgingBucket;
}

export class ReceivablesDto {
  @ApiProperty({ description: 'Completed orders not yet paid (all buckets).' }) count!: number;
  @ApiProperty({ description: 'What users still owe, in fen (all buckets).' }) owedFen!: number;
  @ApiProperty({ type: [AgingBucketDto], description: 'Every bucket, youngest first, empty ones included.' }) aging!: AgingBucketDto[];
  @ApiProperty({ description: 'How many orders the list pages over (the `bucket` filter applied).' }) total!: number;
  @ApiProperty({ type: [ReceivableDto], description: 'Oldest first, one page.' }) items!: ReceivableDto[];
}
