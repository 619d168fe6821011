import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { ALERT_KINDS } from '../alert-kinds.js';

const STATES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const;
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class AlertListQueryDto {
  @ApiPropertyOptional({ enum: STATES }) @IsOptional() @IsIn(STATES, { message: `state must be one of ${STATES.join(', ')}` }) state?: (typeof STATES)[number];
  @ApiPropertyOptional({ enum: ALERT_KINDS }) @IsOptional() @IsIn(ALERT_KINDS, { message: `kind must be one of ${ALERT_KINDS.join(', ')}` }) kind?: string;
  @ApiPropertyOptional({ type: Boolean, description: 'true: only alerts the caller has not read; false: only those it has.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class AlertDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ALERT_KINDS }) kind!: string;
  @ApiProperty({ enum: ['FLEET', 'MONEY'], description: 'FLEET: device health (a hardware reseller sees its customers’); MONEY: orders and money.' }) category!: 'FLEET' | 'MONEY';
  @ApiProperty({ enum: ['INFO', 'WARNING', 'CRITICAL'] }) severity!: 'INFO' | 'WARNING' | 'CRITICAL';
  @ApiProperty({ enum: STATES }) state!: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';
  @ApiProperty({ format: 'uuid', description: 'The organisation the subject belongs to.' }) organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ example: 'device', description: '`device`, `session`, `refund`, `reconciliation`, `complaint`, `payout`, `merchant-account`.' }) subjectType!: string;
  @ApiProperty() subjectId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the rule saw (device code, order number, amounts in fen, times).' }) facts!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) raisedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acknowledgedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt!: string | null;
  @ApiProperty({ description: 'Whether the calling login has read it.' }) read!: boolean;
}

export class AlertPageDto {
  @ApiProperty({ type: [AlertDto], description: 'Newest first.' }) items!: AlertDto[];
  @ApiProperty({ description: 'How many alerts match the filters.' }) total!: number;
}

export class UnreadCountDto {
  @ApiProperty({ description: 'Alerts the caller may see and has not read.' }) unread!: number;
}

export class AlertRuleDto {
  @ApiProperty({ enum: ALERT_KINDS }) kind!: string;
  @ApiProperty({ enum: ['FLEET', 'MONEY'] }) category!: 'FLEET' | 'MONEY';
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'The parameter, in `unit`; null for rules without one.' }) threshold!: number | null;
  @ApiProperty({ enum: ['MINUTES', 'HOURS', 'DAYS', 'COUNT', 'PERCENT'], nullable: true, type: String }) unit!: string | null;
  @ApiProperty({ type: Number, nullable: true }) min!: number | null;
  @ApiProperty({ type: Number, nullable: true }) max!: number | null;
  @ApiProperty({ type: Number, nullable: true }) defaultThreshold!: number | null;
  @ApiProperty({ enum: ['OWN', 'BRAND', 'DEFAULT'], description: 'OWN: set by this organisation; BRAND: a franchisee follows its brand’s rule; DEFAULT: nobody set it.' })
  source!: 'OWN' | 'BRAND' | 'DEFAULT';
  @ApiProperty({ description: 'true: checked by the periodic evaluation from stored data; false: raised by the module that sees the event (reconciliation, complaints, settlement).' })
  evaluated!: boolean;
}

export class AlertRulesDto {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ type: [AlertRuleDto] }) rules!: AlertRuleDto[];
}

/** Shape-checked here; the per-kind bounds are checked by the service, with errors naming `rules.<i>.threshold`. */
export class AlertRuleChangeDto {
  @ApiProperty({ enum: ALERT_KINDS }) @IsIn(ALERT_KINDS, { message: `kind must be one of ${ALERT_KINDS.join(', ')}` }) kind!: string;
  @ApiPropertyOptional({ description: 'Required unless `reset`.' }) @ValidateIf((o: AlertRuleChangeDto) => o.reset !== true) @IsBoolean({ message: 'enabled must be true or false' }) enabled?: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'In the rule’s unit, within its min and max; omitted: unchanged.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'threshold must be a number' })
  threshold?: number | null;
  @ApiPropertyOptional({ description: 'Drop this organisation’s own rule: the brand’s (for a franchisee) or the default applies again.' }) @IsOptional() @IsBoolean() reset?: boolean;
}

export class UpdateAlertRulesDto {
  @ApiProperty({ type: [AlertRuleChangeDto], description: 'The rules to change; kinds not listed keep their settings.' })
  @IsArray({ message: 'rules must be a list' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AlertRuleChangeDto)
  rules!: AlertRuleChangeDto[];
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: ['JSON', 'WECOM'] }) format!: 'JSON' | 'WECOM';
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date-time' }) secretRotatedAt!: string;
  @ApiPropertyOptional({ description: 'The signing secret (JSON format: HMAC-SHA256 key), only in the answer that created or rotated it.' }) secret?: string;
}

export class WebhookSettingsDto {
  @ApiProperty({ type: WebhookDto, nullable: true }) webhook!: WebhookDto | null;
}

export class PutWebhookDto {
  @ApiProperty({ example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…', description: 'http(s); in production not a loopback or private address.' })
  @IsString()
  @MaxLength(2000)
  @IsUrl({ require_protocol: true, require_tld: false, protocols: ['http', 'https'] }, { message: 'url must be an http:// or https:// URL' })
  url!: string;
  @ApiProperty({ enum: ['JSON', 'WECOM'], description: 'JSON: our payload, signed; WECOM: a 企业微信 group robot’s markdown message.' })
  @IsIn(['JSON', 'WECOM'], { message: 'format must be JSON or WECOM' })
  format!: 'JSON' | 'WECOM';
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ description: 'Replace the signing secret; the answer shows the new one once.' }) @IsOptional() @IsBoolean() rotateSecret?: boolean;
}

export class WebhookTestResultDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'The receiver’s HTTP status; null when it was not reached.' }) status!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
}

export class DeliveryQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) alertId!: string;
  @ApiProperty({ type: String, nullable: true }) alertKind!: string | null;
  @ApiProperty({ enum: ['PENDING', 'DELIVERED', 'FAILED'] }) state!: 'PENDING' | 'DELIVERED' | 'FAILED';
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: Number, nullable: true }) lastStatus!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastAttemptAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deliveredAt!: string | null;
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryDto], description: 'Newest first.' }) items!: DeliveryDto[];
  @ApiProperty() total!: number;
}

