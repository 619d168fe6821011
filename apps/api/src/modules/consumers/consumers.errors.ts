import { defineErrors } from '../../platform/errors/domain-error.js';

export const consumerErrors = defineErrors({
  CONSUMER_CODE_INVALID: [401, 'The wx.login code is invalid or was already used; call wx.login again.'],
  CONSUMER_WECHAT_UNAVAILABLE: [502, 'WeChat could not exchange the login code right now; try again.'],
});
