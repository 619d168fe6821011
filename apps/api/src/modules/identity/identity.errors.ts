import { defineErrors } from '../../platform/errors/domain-error.js';

export const identityErrors = defineErrors({
  USER_NOT_FOUND: [404, 'No such user.'],
  USER_ORGANIZATION_NOT_FOUND: [404, 'No such organisation to add a login to.'],
  USER_LOGIN_TAKEN: [409, 'This email or phone number is already a login.'],
  USER_ROLE_NOT_ALLOWED: [422, 'This role does not fit that organisation, or you may not grant it.'],
  USER_LOGIN_REQUIRED: [400, 'Give an email or a phone number.'],
  USER_API_KEY_REFUSED: [403, 'Logins are created and managed by a signed-in admin, never with an API key.'],
  USER_CANNOT_DISABLE_SELF: [422, 'You cannot disable your own login.'],
});
