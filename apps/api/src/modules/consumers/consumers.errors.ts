import { defineErrors, type ErrorStatus } from '../../platform/errors/domain-error.js';

/** 502 Bad Gateway: WeChat failed us. (platform ErrorStatus has no 502 yet; widen it there and drop this cast.) */
const BAD_GATEWAY = 502 as number as ErrorStatus;

export const consumerErrors = defineErrors({
  CONSUMER_CODE_INVALID: [401, 'The wx.login code is invalid or was already used; call wx.login again.'],
  CONSUMER_WECHAT_UNAVAILABLE: [BAD_GATEWAY, 'WeChat could not exchange the login code right now; try again.'],
});
