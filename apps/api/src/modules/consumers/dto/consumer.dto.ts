import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

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
