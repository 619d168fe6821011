import { defineErrors } from '../../platform/errors/domain-error.js';

export const sessionErrors = defineErrors({
  SESSION_NOT_FOUND: [404, 'No such session.'],
  SESSION_DEVICE_NOT_FOUND: [404, 'No device has this code.'],
  SESSION_DEVICE_UNAVAILABLE: [409, 'This device cannot start a session now.'],
  SESSION_NO_CHARGED_BANK: [409, 'This cabinet has no charged power bank to rent.'],
  SESSION_DEVICE_BUSY: [409, 'This device (or this slot / connector) is already in use.'],
  SESSION_POSITION_INVALID: [400, 'The slot or connector does not exist on this device.'],
  SESSION_PLAN_MISSING: [422, 'The device has no pricing plan.'],
  SESSION_APPID_NOT_BOUND: [422, 'This mini-program is not bound to the device’s merchant account.'],
  SESSION_INVALID_STATE: [409, 'The session is not in a state that allows this.'],
  SESSION_TOO_MANY_ATTEMPTS: [409, 'This session asked for too many Pay Score orders; cancel it and scan again.'],
  SESSION_AMOUNT_INVALID: [422, 'The amount is not valid for this session.'],
  SESSION_USAGE_INVALID: [422, 'The usage is not valid for this session’s pricing plan.'],
  SESSION_END_TIME_INVALID: [422, 'The end time is not valid for this session.'],
  SESSION_REFUND_EXCEEDS_PAID: [422, 'Refunds would exceed what the user paid.'],
  SESSION_REFUND_NOT_HELD: [409, 'Only a HELD refund (refused by WeChat for lack of money after a split) can be retried or given up.'],
  SESSION_REFUND_RETURN_SUCCEEDED: [409, 'The brand already returned its commission share for this refund (split return SUCCEEDED): it cannot be given up; top up the merchant account and retry it.'],
  SESSION_NOT_MERCHANT: [403, 'Only the merchant of record (or its operator) may move money on this session.'],
});
