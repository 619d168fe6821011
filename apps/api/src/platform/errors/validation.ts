import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { platformErrors, type FieldError } from './domain-error.js';

function flatten(errors: readonly ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Rejects unknown properties, transforms types, and lists every field error in one answer. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      return platformErrors.VALIDATION_FAILED(
        `Invalid fields: ${fieldErrors.map((e) => e.field).join(', ')}`,
        { errors: fieldErrors },
      );
    },
  });
}
