import { defineErrors } from '../../platform/errors/domain-error.js';

/** 401s say exactly which check failed, so firmware developers can fix their signing. */
export const deviceApiErrors = defineErrors({
  DEVICE_AUTH_MISSING: [401, 'Device requests carry X-Device-Id, X-Timestamp, X-Nonce and X-Signature.'],
  DEVICE_AUTH_MALFORMED: [401, 'A device authentication header is malformed.'],
  DEVICE_AUTH_UNKNOWN_DEVICE: [401, 'No device with this id.'],
  DEVICE_AUTH_BAD_SIGNATURE: [401, 'The signature does not match the request.'],
  DEVICE_AUTH_STALE_TIMESTAMP: [401, 'X-Timestamp is more than 300 s away from the server clock.'],
  DEVICE_AUTH_NONCE_REPLAYED: [401, 'This nonce was already used within the signature window.'],
  DEVICE_AUTH_REVOKED: [401, 'This device’s secret has been revoked.'],
  DEVICE_BODY_INVALID: [400, 'The request body is not valid.'],
  DEVICE_BODY_TOO_LARGE: [413, 'The request body is larger than this device route accepts.'],
  DEVICE_COMMAND_NOT_FOUND: [404, 'No such command for this device.'],
  DEVICE_COMMAND_EXPIRED: [409, 'The command expired before it was acknowledged; the acknowledgement is recorded.'],
  DEVICE_COMMAND_ALREADY_ACKED: [409, 'The command was already acknowledged with another result.'],
  POWERBANK_FOREIGN_NETWORK: [409, 'This power bank belongs to another merchant network: the return is refused and the bank flagged for its operator.'],
});
