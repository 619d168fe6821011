// The API answers every error as application/problem+json: { type, title, status, code, detail,
// requestId, errors?: [{ field, messages }] }. The console turns it into one shape.

export interface FieldProblem {
  readonly field: string;
  readonly messages: readonly string[];
}

export interface ProblemDetails {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly requestId?: string;
  readonly errors: readonly FieldProblem[];
}

export class ApiProblem extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail || problem.code);
    this.name = 'ApiProblem';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Any thrown value (an openapi-fetch error body, a network failure) as problem details. */
export function toProblem(error: unknown, status = 0): ProblemDetails {
  if (error instanceof ApiProblem) return error.problem;
  if (isRecord(error) && typeof error['code'] === 'string') {
    const errors = Array.isArray(error['errors'])
      ? error['errors'].filter(isRecord).map((e) => ({
          field: String(e['field'] ?? ''),
          messages: Array.isArray(e['messages']) ? e['messages'].map(String) : [],
        }))
      : [];
    return {
      status: typeof error['status'] === 'number' ? error['status'] : status,
      code: error['code'],
      title: typeof error['title'] === 'string' ? error['title'] : '',
      detail: typeof error['detail'] === 'string' ? error['detail'] : '',
      ...(typeof error['requestId'] === 'string' ? { requestId: error['requestId'] } : {}),
      errors,
    };
  }
  if (error instanceof TypeError) return { status: 0, code: 'NETWORK_ERROR', title: '', detail: error.message, errors: [] };
  return { status, code: 'UNKNOWN_ERROR', title: '', detail: error instanceof Error ? error.message : String(error), errors: [] };
}

/** For mutations: openapi-fetch returns `{ data, error }`; make the error throw so TanStack Query sees it. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) throw new ApiProblem(toProblem(result.error, result.response.status));
  return result.data as T;
}
