import { defineErrors } from '../../platform/errors/domain-error.js';

export const organizationErrors = defineErrors({
  ORGANIZATION_NOT_FOUND: [404, 'No such organisation.'],
  ORGANIZATION_KIND_NOT_ALLOWED: [422, 'You may not create an organisation of this kind here.'],
  ORGANIZATION_LEGAL_NAME_NOT_YOURS: [403, 'A customer sets its own legal name (主体名称): its reseller may not.'],
  ORGANIZATION_MODEL_REQUIRED: [400, 'An operator needs an operatingModel (SELF_RUN, FRANCHISE or HARDWARE_SALE).'],
});
