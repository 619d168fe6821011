import { defineErrors } from '../../platform/errors/domain-error.js';

export const merchantErrors = defineErrors({
  MERCHANT_ACCOUNT_NOT_FOUND: [404, 'No such merchant account.'],
  MERCHANT_ACCOUNT_DISABLED: [409, 'This merchant account is disabled.'],
  MERCHANT_NOT_MERCHANT_OF_RECORD: [403, 'Only an operator, a reseller’s customer or a franchisee (for the franchisee-collects mode) holds a merchant account.'],
  MERCHANT_MCHID_TAKEN: [409, 'A merchant account with this mchid already exists.'],
  MERCHANT_INVALID: [400, 'The merchant account is not valid.'],
  MERCHANT_CREDENTIALS_INVALID: [422, 'WeChat Pay did not accept these credentials; nothing was stored.'],
  MERCHANT_CREDENTIALS_UNREADABLE: [500, 'The merchant’s credentials cannot be decrypted with the configured master keys.'],
  MERCHANT_APPID_UNKNOWN: [422, 'No merchant account lists this appid.'],
  PAYSCORE_SERVICE_TAKEN: [409, 'This service id is already registered under this merchant account.'],
  PAYSCORE_SERVICE_NOT_FOUND: [404, 'No such Pay Score service.'],
  PAYSCORE_SERVICE_NOT_CONFIGURED: [422, 'The device has no usable Pay Score service.'],
  PAYSCORE_SCENARIO_MISMATCH: [422, 'The Pay Score service is not approved for this device’s vertical.'],
  PAYSCORE_RISK_CAP_EXCEEDED: [422, 'The device’s risk fund exceeds the Pay Score service’s risk cap.'],
});
