import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { CONSUMER_TOKEN_TTL_SECONDS, TokenService } from '../../platform/auth/token.service.js';
import { DataSource } from 'typeorm';
import { MerchantGateway } from '../merchants/merchant-gateway.service.js';
import { consumerErrors } from './consumers.errors.js';
import type { ConsumerTokenDto, LoginGrant } from './dto/consumer.dto.js';
import { WechatSessionClient } from './wechat-session.client.js';

/** Mini-program login (wx.login code) or web login (snsapi_base code) → openid (WeChat) → consumer token. Creates no rows. */
@Injectable()
export class ConsumerLoginService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly merchants: MerchantGateway,
    private readonly wechat: WechatSessionClient,
    private readonly tokens: TokenService,
  ) {}

  async login(appid: string, code: string, grant: LoginGrant = 'wx.login'): Promise<ConsumerTokenDto> {
    // a system read (consumer login, no tenant yet), one statement alone: only the appid's secret leaves it; MERCHANT_APPID_UNKNOWN names the appid
    const secret = await this.merchants.appSecretFor(this.dataSource, appid);
    if (secret === null && !this.config.payscore.simulated) {
      throw consumerErrors.CONSUMER_WECHAT_UNAVAILABLE(`No app secret is configured for appid ${appid}; its merchant must add one.`);
    }
    // the transaction is closed: WeChat may take seconds, and the embedded database has a single connection
    const openid = await this.wechat.openidFor(appid, secret, code, grant);
    return { consumerToken: this.tokens.signConsumer({ appid, openid }), openid, expiresIn: CONSUMER_TOKEN_TTL_SECONDS };
  }
}
