import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { OPERATING_MODELS, ORGANIZATION_KINDS, type OperatingModel, type OrganizationKind } from '../organization.entity.js';

export class CreateOrganizationDto {
  @ApiProperty({ example: '杭州西湖加盟店' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ['OPERATOR', 'FRANCHISEE', 'CUSTOMER'], description: 'Platform admins create operators; franchise brands create franchisees; hardware resellers create customers.' })
  @IsIn(['OPERATOR', 'FRANCHISEE', 'CUSTOMER'])
  kind!: Exclude<OrganizationKind, 'PLATFORM'>;

  @ApiPropertyOptional({ enum: OPERATING_MODELS, description: 'Required for an operator.' })
  @IsOptional()
  @IsIn(OPERATING_MODELS)
  operatingModel?: OperatingModel;

  @ApiPropertyOptional({ format: 'uuid', description: 'The parent; defaults to your own organisation.' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

/** The maximum length of a legal name (主体名称); the database checks the same. */
export const LEGAL_NAME_MAX = 100;

export class RenameOrganizationDto {
  @ApiPropertyOptional({ description: 'The display name. Absent: unchanged (then legalName must be given).' })
  @ValidateIf((o: RenameOrganizationDto) => o.name !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: LEGAL_NAME_MAX,
    example: '杭州鲜柜智能科技有限公司',
    description:
      '主体名称: the name on the business licence, the subject WeChat registers the merchant numbers to (the application pack’s first row). ' +
      `Trimmed; when set 1–${LEGAL_NAME_MAX} characters with at least one that is not blank. null clears it (the pack then falls back to the display name and says so); absent: unchanged.`,
  })
  @ValidateIf((o: RenameOrganizationDto) => o.legalName !== undefined && o.legalName !== null)
  @IsString()
  @MaxLength(LEGAL_NAME_MAX)
  @Matches(/\S/, { message: 'legalName must not be empty or blank (send null to clear it)' })
  legalName?: string | null;
}

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId!: string | null;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind!: OrganizationKind;
  @ApiProperty({ enum: OPERATING_MODELS, nullable: true, type: String }) operatingModel!: OperatingModel | null;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, description: '主体名称 (the name on the business licence); null until entered.' }) legalName!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class OrganizationTreeNodeDto extends OrganizationDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Logins of this organisation (disabled ones included); null when its logins are not yours to see (a hardware reseller’s customers).' })
  userCount!: number | null;
  @ApiProperty({ type: () => [OrganizationTreeNodeDto], description: 'The organisations directly under this one that the caller may see.' })
  children!: OrganizationTreeNodeDto[];
}
