import { defineErrors } from '../../platform/errors/domain-error.js';

export const fleetErrors = defineErrors({
  SITE_NOT_FOUND: [404, 'No such site.'],
  DEVICE_NOT_FOUND: [404, 'No such device.'],
  DEVICE_CODE_TAKEN: [409, 'A device with this code already exists.'],
  DEVICE_INVALID: [400, 'The device is not valid.'],
  DEVICE_PLAN_INVALID: [400, 'The pricing plan is not valid.'],
  DEVICE_PLAN_NOT_FOUND: [404, 'No such pricing plan.'],
  PLAN_NOT_FOUND: [404, 'No such pricing plan.'],
  PLAN_ORGANIZATION_NOT_FOUND: [404, 'No such organisation among those whose fleet you operate.'],
  PLAN_VERSION_CONFLICT: [409, 'The plan has a newer version than the one you edited.'],
  DEVICE_IMPORT_INVALID: [422, 'The CSV has invalid rows; nothing was imported.'],
  DEVICE_REVOKED: [409, 'This device’s secret is revoked.'],
  DEVICE_TRANSFER_CUSTOMER_NOT_FOUND: [404, 'No such customer of the device’s owner.'],
  DEVICE_TRANSFER_REFUSED: [409, 'This device cannot be transferred.'],
  DEVICE_COMMAND_NOT_SUPPORTED: [422, 'This device type does not take this command.'],
  DEVICE_COMMAND_NOT_FOUND: [404, 'No such command.'],
  POWERBANK_NOT_FOUND: [404, 'No such power bank.'],
  POWERBANK_NOT_FLAGGED: [409, 'This power bank has no flag to clear.'],
});
