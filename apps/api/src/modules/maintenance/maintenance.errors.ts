import { defineErrors } from '../../platform/errors/domain-error.js';

export const maintenanceErrors = defineErrors({
  TICKET_NOT_FOUND: [404, 'No such maintenance ticket (or not one you may see).'],
  TICKET_DEVICE_NOT_FOUND: [404, 'No such device (or not one you may see).'],
  TICKET_ALERT_NOT_FOUND: [404, 'No such alert (or not one you may see).'],
  TICKET_ALERT_NOT_DEVICE: [422, 'This alert is not about a device: a ticket is opened from a device alert.'],
  TICKET_NOT_OPERATOR: [403, 'You watch this device’s fleet but do not operate it: its tickets are worked by the organisation that does.'],
  TICKET_INVALID: [422, 'The ticket was refused: see the named field.'],
  TICKET_ASSIGNEE_INVALID: [422, 'The assignee must be an active login of the device’s organisation or of the organisation directly above it.'],
  TICKET_INVALID_TRANSITION: [409, 'The ticket cannot make this change from its current state.'],
  TICKET_CLOSED: [409, 'The ticket is closed: reopen it before changing it.'],
  TICKET_PHOTO_TOO_LARGE: [413, 'A ticket photo is limited to 5 MiB.'],
  TICKET_PHOTO_INVALID: [422, 'The photo was refused: see the named field.'],
  TICKET_PHOTO_NOT_FOUND: [404, 'No such photo on this ticket.'],
});
