import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
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

export class RenameOrganizationDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
}

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId!: string | null;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind!: OrganizationKind;
  @ApiProperty({ enum: OPERATING_MODELS, nullable: true, type: String }) operatingModel!: OperatingModel | null;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class OrganizationTreeNodeDto extends OrganizationDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Logins of this organisation (disabled ones included); null when its logins are not yours to see (a hardware reseller’s customers).' })
  userCount!: number | null;
  @ApiProperty({ type: () => [OrganizationTreeNodeDto], description: 'The organisations directly under this one that the caller may see.' })
  children!: OrganizationTreeNodeDto[];
}
