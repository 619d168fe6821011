import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { merchantErrors } from '../merchants/merchants.errors.js';
import { ConsumerAuth, type ConsumerPrincipal, CurrentConsumer } from './consumer-auth.js';
import { ConsumerLoginService } from './consumer-login.service.js';
import { consumerErrors } from './consumers.errors.js';
import { ConsumerLoginDto, ConsumerMeDto, ConsumerTokenDto } from './dto/consumer.dto.js';

@ApiTags('consumer')
@Controller('v1/consumer')
export class ConsumersController {
  constructor(private readonly logins: ConsumerLoginService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in an end user of the mini-program',
    description:
      'Exchanges the `wx.login` code of a mini-program (`appid`) with WeChat (code2session) for the user’s openid and answers a consumer token for the consumer routes. ' +
      'The appid must be listed by an enabled merchant account, whose app secret is used. Against the simulator, a code `test:<openid>` yields that openid. ' +
      'With `grant: "snsapi_base"` the code is from the official-account web authorisation in a browser (exchanged with /sns/oauth2/access_token; the simulator answers `test:<openid>` likewise). ' +
      'Creates no rows. 401 `CONSUMER_CODE_INVALID` is WeChat’s errcode 40029 / 40163 (call `wx.login` again); 502 when WeChat cannot answer or no app secret is configured.',
  })
  @ApiOkResponse({ type: ConsumerTokenDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, consumerErrors.CONSUMER_CODE_INVALID, merchantErrors.MERCHANT_APPID_UNKNOWN, consumerErrors.CONSUMER_WECHAT_UNAVAILABLE)
  login(@Body() body: ConsumerLoginDto): Promise<ConsumerTokenDto> {
    return this.logins.login(body.appid, body.code, body.grant ?? 'wx.login');
  }

  @Get('me')
  @ConsumerAuth()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Show the signed-in end user', description: 'The appid and openid the consumer token was issued for.' })
  @ApiOkResponse({ type: ConsumerMeDto })
  @ApiErrors()
  me(@CurrentConsumer() consumer: ConsumerPrincipal): ConsumerMeDto {
    return { appid: consumer.appid, openid: consumer.openid };
  }
}
