import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ description: 'Email or phone number', example: 'ops@powerbank.demo' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  login!: string;

  @ApiProperty({ example: 'zizhu-demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class RefreshDto {
  @ApiPropertyOptional({
    description: 'The refresh token. Omit it (send `{}`) to use the `zizhu_refresh` cookie instead, with the header `X-Zizhu-Console: 1` (the console); when both are sent, this one counts.',
  })
  @IsOptional()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken?: string;
}

export class TokensDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 }) expiresIn!: number;
}
