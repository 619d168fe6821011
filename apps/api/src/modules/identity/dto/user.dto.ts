import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PERMISSIONS, type Permission } from '../permissions.js';
import { ROLES, type Role } from '../user.entity.js';

export class CreateUserDto {
  @ApiPropertyOptional({ example: 'staff@powerbank.demo' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ example: '+8613800000000' })
  @IsOptional()
  @Matches(/^\+?[0-9]{6,20}$/, { message: 'phone must be digits, optionally starting with +' })
  phone?: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(200)
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ example: '值班员 张三' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The organisation the login belongs to; defaults to your own.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() displayName!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Set while the login is disabled: it cannot sign in.' }) disabledAt!: string | null;
}

export class MeDto {
  @ApiProperty({ type: UserDto }) user!: UserDto;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ enum: ['PLATFORM', 'OPERATOR', 'FRANCHISEE', 'CUSTOMER'] }) organizationKind!: string;
  @ApiProperty({ enum: ['SELF_RUN', 'FRANCHISE', 'HARDWARE_SALE'], nullable: true, type: String }) operatingModel!: string | null;
  @ApiProperty({
    enum: PERMISSIONS,
    isArray: true,
    description: 'What this login may do (default deny: a code not listed is not allowed), from its role and its organisation’s kind and operating model. The console’s menu and guards read it; the API enforces the same rules itself.',
  })
  permissions!: Permission[];
}

export class UserListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
