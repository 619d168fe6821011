/** Retry with exponential backoff and jitter; the sleep and the random source are injected. */

export interface RetryPolicy {
  /** Total attempts including the first. Default 4. */
  maxAttempts: number;
  /** Backoff before the first retry (before jitter). Default 200 ms. */
  baseDelayMs: number;
  /** Cap of one backoff; a retryable error asking to wait longer (ORDER_BUSY, 3 min) is not auto-retried. Default 5 000 ms. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 5_000 };

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Delay before retry number `retry` (1 = first retry): "equal jitter", half fixed and half random, of
 * `min(maxDelayMs, baseDelayMs × 2^(retry−1))`. `random()` returns [0, 1).
 */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}
