import { Param, ParseUUIDPipe } from '@nestjs/common';
import { platformErrors } from './domain-error.js';

/** A uuid path parameter; anything else is a validation error naming the parameter. */
export const UuidParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        platformErrors.VALIDATION_FAILED(`Invalid fields: ${name}`, { errors: [{ field: name, messages: [`${name} must be a UUID`] }] }),
    }),
  );
