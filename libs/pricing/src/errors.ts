/** Error codes of the pricing engine (house style: MODULE_REASON). */
export type PricingErrorCode =
  | 'PRICING_INVALID_PLAN'
  | 'PRICING_INVALID_USAGE'
  | 'PRICING_UNKNOWN_SKU'
  | 'PRICING_AMOUNT_TOO_LARGE'
  | 'PRICING_NO_TOTAL_CAP';

/** One problem found in a plan or a usage: `path` is a JSON path relative to the object checked (`rental.unitMinutes`). */
export interface Problem {
  readonly code: PricingErrorCode;
  readonly path: string;
  readonly message: string;
}

/**
 * Thrown by `quote` and `estimate` (and returned by `tryQuote`) for invalid input. `code` is the first problem's
 * code; `problems` lists every problem; `message` joins them with the path prefixed by `plan.` or `usage.`.
 */
export class PricingError extends Error {
  override readonly name = 'PricingError';
  constructor(
    readonly code: PricingErrorCode,
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
  }

  static fromProblems(problems: readonly Problem[], prefix: 'plan' | 'usage'): PricingError {
    const first = problems[0];
    const code = first?.code ?? (prefix === 'plan' ? 'PRICING_INVALID_PLAN' : 'PRICING_INVALID_USAGE');
    const at = (p: Problem): string => (p.path === '' ? prefix : `${prefix}.${p.path}`);
    const message = problems.map((p) => `${at(p)}: ${p.message}`).join('; ');
    return new PricingError(code, message, problems);
  }
}
