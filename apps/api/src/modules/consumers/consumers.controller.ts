import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBadGatewayResponse, ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Public } from '../../platform/auth/access-policy.js';
import { ConsumerAuth, type ConsumerPrincipal, CurrentConsumer } from './consumer-auth.js';
import { ConsumerLoginService } from './consumer-login.service.js';
import { ConsumerLoginDto, ConsumerMeDto, ConsumerTokenDto } from './dto/consumer.dto.js';

@ApiTags('consumer')
@Controller('v1/consumer')
export class ConsumersController {
  constructor(private readonly logins: ConsumerLoginService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: ConsumerTokenDto })
  @ApiUnauthorizedResponse({ description: 'CONSUMER_CODE_INVALID (WeChat errcode 40029 / 40163)' })
  @ApiUnprocessableEntityResponse({ description: 'MERCHANT_APPID_UNKNOWN' })
  @ApiBadGatewayResponse({ description: 'CONSUMER_WECHAT_UNAVAILABLE' })
  login(@Body() body: ConsumerLoginDto): Promise<ConsumerTokenDto> {
    return this.logins.login(body.appid, body.code);
  }

  @Get('me')
  @ConsumerAuth()
  @ApiBearerAuth()
  @ApiOkResponse({ type: ConsumerMeDto })
  me(@CurrentConsumer() consumer: ConsumerPrincipal): ConsumerMeDto {
    return { appid: consumer.appid, openid: consumer.openid };
  }
}
