import { SetMetadata } from '@nestjs/common';
import type { DomainError } from './domain-error.js';

export const API_ERRORS = 'zizhu:api-errors';

/** One error an operation may answer, as the OpenAPI document lists it. */
export interface DocumentedError {
  readonly code: string;
  readonly status: number;
  readonly message: string;
}

/**
 * The domain errors a route's own path can raise (its pipes, its service), for the OpenAPI document:
 * `@ApiErrors(platformErrors.VALIDATION_FAILED, fleetErrors.DEVICE_NOT_FOUND)`. Pass the factories of
 * the `<x>.errors.ts` tables, so only real codes can be named; `@ApiErrors()` says "none of its own".
 * On a controller class it adds to the list of every route of the class; each route still declares its own.
 * The access policy's errors (401/403 from the guard) and `@Idempotent()`'s are added by the document
 * builder (platform/observability/openapi.ts); a test fails for a route that declares none.
 */
export const ApiErrors = (...errors: readonly (() => DomainError)[]) => SetMetadata(API_ERRORS, errors.map(documentError));

/** What the document says of an error: its code, status and default message. */
export function documentError(factory: () => DomainError): DocumentedError {
  const { code, status, message } = factory();
  return { code, status, message };
}
