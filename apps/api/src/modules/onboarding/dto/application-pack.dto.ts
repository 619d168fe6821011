import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { AMOUNT_RANGES, type AmountRange, type OperatingModel } from '../application-pack-math.js';

export class ApplicationPackQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 366, default: 30, description: 'Asia/Shanghai calendar days up to and including today.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  days?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000000, default: 5, description: 'The fewest paid sessions the figures may come from; fewer answers 422 APPLICATION_PACK_TOO_FEW_SESSIONS.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000000)
  minSessions?: number;

  @ApiPropertyOptional({ enum: ['json', 'xlsx'], default: 'json', description: '`xlsx`: the same pack as a spreadsheet (attachment).' })
  @IsOptional()
  @IsIn(['json', 'xlsx'])
  format?: 'json' | 'xlsx';
}

export class PutApplicationPackSettingsDto {
  @ApiPropertyOptional({ nullable: true, maxLength: 100, example: 'zizhu (开源)', description: '系统软件; null restores the default "zizhu (开源)".' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  systemSoftware?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 10000000, description: '预计日均笔数, entered by the operator; null clears it.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000000)
  expectedDailyOrders?: number | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 100, example: '小程序', description: '期望接入渠道; null restores the default 小程序.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  expectedChannel?: string | null;
}

export class ApplicationPackSettingsDto {
  @ApiProperty({ example: 'zizhu (开源)' }) systemSoftware!: string;
  @ApiProperty({ type: Number, nullable: true }) expectedDailyOrders!: number | null;
  @ApiProperty({ example: '小程序' }) expectedChannel!: string;
}

export class AmountRangeDto {
  @ApiProperty({ enum: AMOUNT_RANGES, description: '0-10: ≤ 10 元; 10-50: > 10 and ≤ 50 元; 50-99: > 50 and ≤ 99 元; 99+: above 99 元.' }) range!: AmountRange;
  @ApiProperty({ description: 'Paid sessions in the range.' }) count!: number;
  @ApiProperty({ description: 'Whole percent; the four add up to 100 (largest remainder, ties to the lower range).' }) percent!: number;
}

export class PackSiteDto {
  @ApiProperty() city!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The district read from the address (…区/县), when written.' }) district!: string | null;
  @ApiProperty() address!: string;
  @ApiProperty({ description: 'The site’s name (the place).' }) place!: string;
  @ApiProperty({ description: 'Devices at the site that charge through this account (revoked ones left out).' }) devices!: number;
}

export class PackCityDto {
  @ApiProperty() city!: string;
  @ApiProperty() sites!: number;
  @ApiProperty() devices!: number;
}

export class PackAttachmentDto {
  @ApiProperty({ enum: ['interaction-flow', 'device-photos', 'business-licence', 'purchase-agreement', 'complaints-cleared', 'wechat-group'] }) key!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'What the attachment must show (for the licence: the scope rule per vertical).' }) rule!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Where in the console to act on it (the complaints inbox).' }) link!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'What the platform sees is not met yet (open complaints).' }) warning!: string | null;
}

export class ApplicationPackDto {
  @ApiProperty() merchantAccountId!: string;
  @ApiProperty({ format: 'uuid', description: 'The account’s organisation (whose legal name is 主体名称).' }) organizationId!: string;
  @ApiProperty({ description: '主体名称: the legal name of the account’s organisation, or its display name while no legal name is entered (see subjectNameSource).' }) subjectName!: string;
  @ApiProperty({ enum: ['LEGAL_NAME', 'DISPLAY_NAME'], description: 'Where subjectName comes from: the organisation’s legal name, or (none entered yet) its display name.' }) subjectNameSource!: 'LEGAL_NAME' | 'DISPLAY_NAME';
  @ApiProperty({ type: String, nullable: true, description: 'Shown beside 主体名称 when it is the display name: enter the legal name (组织与用户 → 编辑) before sending the pack.' }) subjectNameNote!: string | null;
  @ApiProperty({ description: '业务简介, from the scenarios of the account’s Pay Score services.' }) businessSummary!: string;
  @ApiProperty({ description: '商户号' }) mchid!: string;
  @ApiProperty({ description: '系统软件' }) systemSoftware!: string;
  @ApiProperty({ enum: ['纯自营', '加盟', '硬件售卖'], description: '运营方式' }) operatingModel!: OperatingModel;
  @ApiProperty({ description: 'The window in Asia/Shanghai calendar days, ending today.' }) days!: number;
  @ApiProperty({ example: '2026-11-07' }) from!: string;
  @ApiProperty({ example: '2026-12-06' }) to!: string;
  @ApiProperty({ description: 'Paid sessions (> 0 fen) in the window.' }) sessions!: number;
  @ApiProperty({ description: '当前日均笔数: sessions ÷ days, one decimal.' }) dailyOrders!: number;
  @ApiProperty({ description: '笔单金额 in fen: paid total ÷ sessions, rounded half up (before refunds).' }) averageTicketFen!: number;
  @ApiProperty({ type: Number, nullable: true, description: '预计日均笔数 entered by the operator.' }) expectedDailyOrders!: number | null;
  @ApiProperty({ type: [AmountRangeDto], description: '金额分布: the four ranges, always present.' }) amountDistribution!: AmountRangeDto[];
  @ApiProperty({ type: [String], description: 'Warnings: sessions above 99 元 (the common Pay Score ceiling).' }) warnings!: string[];
  @ApiProperty({ type: [String], description: '清晰计费规则: one line per distinct plan in use on the account’s devices, by describePlan.' }) billingRules!: string[];
  @ApiProperty({ description: '期望接入渠道' }) expectedChannel!: string;
  @ApiProperty({ type: [PackSiteDto], description: '业务覆盖线下场景' }) sites!: PackSiteDto[];
  @ApiProperty({ type: [PackCityDto], description: 'Sites and devices per city.' }) cities!: PackCityDto[];
  @ApiProperty({ type: [PackAttachmentDto], description: 'The attachments checklist.' }) attachments!: PackAttachmentDto[];
}
