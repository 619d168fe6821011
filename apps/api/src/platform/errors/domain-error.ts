/** HTTP status for each family of domain errors; modules register their codes in <x>.errors.ts. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503;

export interface FieldError {
  readonly field: string;
  readonly messages: readonly string[];
}

/** A problem in one row of an uploaded file (the CSV device import): the line, the column, what is wrong. */
export interface RowError {
  readonly row: number;
  readonly field: string;
  readonly message: string;
  /** The error code the same problem has on its own route (e.g. PAYSCORE_SCENARIO_MISMATCH), when it has one. */
  readonly code?: string;
}

/** A business failure with a stable machine-readable code. Services throw these, never HttpException. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: ErrorStatus,
    message: string,
    readonly extra: { readonly errors?: readonly FieldError[]; readonly rows?: readonly RowError[]; readonly retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Declares a module's error codes once: `const errors = defineErrors({ X: [404, 'msg'] })`, then `errors.X()`. */
export function defineErrors<const T extends Record<string, readonly [ErrorStatus, string]>>(
  table: T,
): { [K in keyof T & string]: (detail?: string, extra?: DomainError['extra']) => DomainError } {
  return Object.fromEntries(
    Object.entries(table).map(([code, [status, message]]) => [
      code,
      (detail?: string, extra?: DomainError['extra']) => new DomainError(code, status, detail ?? message, extra),
    ]),
  ) as never;
}

export const platformErrors = defineErrors({
  VALIDATION_FAILED: [400, 'The request is not valid.'],
  REQUEST_TOO_DEEP: [400, 'The JSON body nests too deeply.'],
  REQUEST_NUL_CHARACTER: [400, 'The request contains a NUL character (\\u0000), which no field accepts.'],
  NOT_FOUND: [404, 'No such resource.'],
  ROUTE_NOT_FOUND: [404, 'No such route.'],
  TENANT_CONTEXT_MISSING: [500, 'No tenant in the request context.'],
  ACCESS_POLICY_MISSING: [500, 'This route declares no access policy.'],
  INTERNAL_ERROR: [500, 'Something went wrong on our side.'],
  DATABASE_UNAVAILABLE: [503, 'The database is not reachable.'],
});
