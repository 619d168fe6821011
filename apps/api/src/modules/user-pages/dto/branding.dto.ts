import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength, ValidateBy } from 'class-validator';
import { isAllowedPaymentUrl } from '../branding.js';

const SOURCES = ['OWN', 'BRAND', 'ENVIRONMENT', 'DEFAULT'] as const;

/** https, or http only to localhost / 127.0.0.1. */
const IsPaymentUrl = () =>
  ValidateBy({
    name: 'isPaymentUrl',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value.length <= 500 && isAllowedPaymentUrl(value),
      defaultMessage: () => 'otherPaymentUrl must be an https:// URL (http:// only for localhost or 127.0.0.1), at most 500 characters',
    },
  });

/**
 * The whole branding of one organisation: a field omitted or null is not set and is inherited (from the franchise
 * brand for a franchisee, then the environment, then the built-in defaults).
 */
export class PutBrandingDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 32, example: '小林自助', description: 'The name in the pages’ title bar (1–32 characters).' })
  @IsOptional()
  @IsString({ message: 'brandName must be text' })
  @MinLength(1, { message: 'brandName must not be empty (send null to inherit)' })
  @MaxLength(32, { message: 'brandName must be at most 32 characters' })
  brandName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '#1a73e8', description: 'The accent colour, `#rgb` or `#rrggbb`.' })
  @IsOptional()
  @IsString({ message: 'color must be text' })
  @Matches(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { message: 'color must be #rgb or #rrggbb' })
  color?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://pay.example.com/other',
    description: 'Where a user whose Pay Score assessment failed may pay another way: https (http only for localhost / 127.0.0.1).',
  })
  @IsOptional()
  @IsString({ message: 'otherPaymentUrl must be text' })
  @IsPaymentUrl()
  otherPaymentUrl?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '400-820-8820', description: 'The customer-service phone (客服电话) in the pages’ footer: digits and dashes, 3–20 characters.' })
  @IsOptional()
  @IsString({ message: 'servicePhone must be text' })
  @Matches(/^[0-9]+(?:-[0-9]+)*$/, { message: 'servicePhone must be digits and dashes (e.g. 400-820-8820)' })
  @MinLength(3, { message: 'servicePhone must be 3 to 20 characters' })
  @MaxLength(20, { message: 'servicePhone must be 3 to 20 characters' })
  servicePhone?: string | null;
}

export class BrandingValuesDto {
  @ApiProperty({ type: String, nullable: true }) brandName!: string | null;
  @ApiProperty({ type: String, nullable: true }) color!: string | null;
  @ApiProperty({ type: String, nullable: true }) otherPaymentUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) servicePhone!: string | null;
}

export class BrandingSourcesDto {
  @ApiProperty({ enum: SOURCES }) brandName!: (typeof SOURCES)[number];
  @ApiProperty({ enum: SOURCES }) color!: (typeof SOURCES)[number];
  @ApiProperty({ enum: SOURCES }) otherPaymentUrl!: (typeof SOURCES)[number];
  @ApiProperty({ enum: SOURCES }) servicePhone!: (typeof SOURCES)[number];
}

export class EffectiveBrandingDto {
  @ApiProperty() brandName!: string;
  @ApiProperty({ example: '#07C160' }) color!: string;
  @ApiProperty({ type: String, nullable: true }) otherPaymentUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) servicePhone!: string | null;
}

export class BrandingDto {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ type: BrandingValuesDto, description: 'What this organisation set itself (null: not set, inherited).' }) own!: BrandingValuesDto;
  @ApiProperty({ type: EffectiveBrandingDto, description: 'What its devices’ pages show: own value, else the franchise brand’s (franchisees), else the environment’s, else the built-in default.' })
  effective!: EffectiveBrandingDto;
  @ApiProperty({ type: BrandingSourcesDto, description: 'Where each effective value comes from.' }) sources!: BrandingSourcesDto;
  @ApiProperty({ type: String, nullable: true, description: 'A device of this organisation whose page `/d/<code>` shows the branding (null: none).' })
  previewDeviceCode!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the own branding was last set (null: never).' }) updatedAt!: string | null;
}
