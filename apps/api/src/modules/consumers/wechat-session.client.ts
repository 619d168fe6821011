import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { consumerErrors } from './consumers.errors.js';
import type { LoginGrant } from './dto/consumer.dto.js';

/** WeChat's answer codes for a code that is malformed, unknown, expired or already spent. */
const BAD_CODE_ERRCODES = new Set([40029, 40163]);
const TIMEOUT_MS = 5000;

/**
 * `GET /sns/jscode2session`: exchanges a wx.login code for the user's openid; for a `snsapi_base` code of the
 * official-account web authorisation, `GET /sns/oauth2/access_token` (same answers: openid, or errcode 40029/40163). WeChat answers errors as
 * `{errcode, errmsg}` with HTTP 200. Never call it inside an open transaction (it may take seconds).
 */
@Injectable()
export class WechatSessionClient {
  private readonly logger = new Logger('WechatSession');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async openidFor(appid: string, secret: string | null, code: string, grant: LoginGrant = 'wx.login'): Promise<string> {
    const web = grant === 'snsapi_base';
    const url = new URL(`${this.config.payscore.wechatApiBaseUrl}/sns/${web ? 'oauth2/access_token' : 'jscode2session'}`);
    url.searchParams.set('appid', appid);
    if (secret !== null) url.searchParams.set('secret', secret);
    url.searchParams.set(web ? 'code' : 'js_code', code);
    url.searchParams.set('grant_type', 'authorization_code');
    let body: unknown;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      body = await response.json();
    } catch (error) {
      // never log the URL: it carries the app secret
      this.logger.warn({ appid, reason: error instanceof Error ? error.message : String(error) }, web ? 'oauth2/access_token failed' : 'jscode2session failed');
      throw consumerErrors.CONSUMER_WECHAT_UNAVAILABLE();
    }
    const answer = (typeof body === 'object' && body !== null ? body : {}) as { errcode?: unknown; errmsg?: unknown; openid?: unknown };
    const errcode = typeof answer.errcode === 'number' ? answer.errcode : 0;
    if (errcode !== 0) {
      if (BAD_CODE_ERRCODES.has(errcode)) throw consumerErrors.CONSUMER_CODE_INVALID();
      this.logger.warn({ appid, errcode, errmsg: answer.errmsg }, 'jscode2session refused');
      throw consumerErrors.CONSUMER_WECHAT_UNAVAILABLE(`WeChat refused the code exchange (errcode ${errcode}); try again later.`);
    }
    if (typeof answer.openid !== 'string' || answer.openid.length === 0 || answer.openid.length > 128) {
      this.logger.warn({ appid }, 'jscode2session answered without an openid');
      throw consumerErrors.CONSUMER_WECHAT_UNAVAILABLE();
    }
    return answer.openid;
  }
}
