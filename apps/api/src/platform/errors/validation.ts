import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { platformErrors, type FieldError } from './domain-error.js';

function flatten(errors: readonly ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * A body validated against a DTO class must be a JSON object: an array, a string or null is refused
 * naming `body`, instead of being walked element by element (a 100,000-element array would otherwise
 * answer 100,000 "property 0 should not exist" errors).
 */
class ZizhuValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && value !== undefined && this.toValidate(metadata) && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw platformErrors.VALIDATION_FAILED('Invalid fields: body', { errors: [{ field: 'body', messages: ['body must be a JSON object'] }] });
    }
    return super.transform(value, metadata);
  }
}

/** Rejects unknown properties, transforms types, and lists every field error in one answer. */
export function createValidationPipe(): ValidationPipe {
  return new ZizhuValidationPipe({
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
