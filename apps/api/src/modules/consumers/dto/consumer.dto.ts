import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** Where the code comes from: `wx.login` in a mini-program, or the official-account web authorisation (snsapi_base) in a browser. */
export const LOGIN_GRANTS = ['wx.login', 'snsapi_base'] as const;
export type LoginGrant = (typeof LOGIN_GRANTS)[number];

/** A mini-program appid: `wx` and letters/digits (WeChat's are 16 hex digits; the demo's is shorter). */
export const APPID_PATTERN = /^wx[0-9A-Za-z]{12,32}$/;

export class ConsumerLoginDto {
  @ApiProperty({ description: 'The mini-program appid', example: 'wxd0000000000demo', pattern: APPID_PATTERN.source })
  @IsString()
  @Matches(APPID_PATTERN, { message: 'appid must be a mini-program appid (wx followed by 12–32 letters or digits)' })
  appid!: string;

  @ApiProperty({ description: 'The code from wx.login (with the simulator: test:<openid>)', example: 'test:o_alice', minLength: 1, maxLength: 128 })
  @IsString()
  @MinLength(1, { message: 'code must not be empty' })
  @MaxLength(128, { message: 'code must be at most 128 characters' })
  code!: string;

  @ApiPropertyOptional({
    enum: LOGIN_GRANTS,
    default: 'wx.login',
    description: '`snsapi_base`: the code is from the official-account web authorisation (a browser: the reference pages), exchanged with /sns/oauth2/access_token; the appid is then the official account’s.',
  })
  @IsOptional()
  @IsIn(LOGIN_GRANTS, { message: 'grant must be wx.login or snsapi_base' })
  grant?: LoginGrant;
}

export class ConsumerTokenDto {
  @ApiProperty({ description: 'Bearer token for the /v1/consumer routes (never accepted on operator routes)' }) consumerToken!: string;
  @ApiProperty({ example: 'o_alice' }) openid!: string;
  @ApiProperty({ description: 'Seconds until the consumer token expires', example: 7200 }) expiresIn!: number;
}

export class ConsumerMeDto {
  @ApiProperty({ example: 'wxd0000000000demo' }) appid!: string;
  @ApiProperty({ example: 'o_alice' }) openid!: string;
}
