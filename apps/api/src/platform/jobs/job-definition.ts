/** How a failed attempt is retried. With backoff the n-th retry waits about delaySeconds · 2^(n-1) to 2^n (jittered), capped by maxDelaySeconds. */
export interface RetryPolicy {
  /** Retries after the first attempt; the job ends `failed` when the last one fails. */
  readonly limit: number;
  /** Whole seconds (pg-boss stores an integer). */
  readonly delaySeconds: number;
  readonly backoff: boolean;
  readonly maxDelaySeconds?: number;
}

/**
 * A named durable job and the type of its data, declared once and shared by producers and the worker:
 * `export const chargeOrder = defineJob<{ tenantId: string; sessionId: string }>('payscore.complete-order', …)`.
 */
export interface JobDefinition<T extends object> {
  readonly name: string;
  readonly retry: RetryPolicy;
  /** An attempt still active after this long counts as failed (a crashed or stuck worker) and is retried. */
  readonly expireInSeconds: number;
  /**
   * How long a finished (completed or failed) job row is kept. A keyed job cannot be queued again
   * while its row exists, so this is also the window of `enqueue(…, { key })` deduplication.
   */
  readonly keepFinishedSeconds: number;
  /** At most one job of this name is queued or running at a time (pg-boss `exclusive` policy); periodic jobs use it. */
  readonly exclusive: boolean;
  /** Type carrier only, never set. */
  readonly __data?: T;
}

export interface JobDefinitionOptions {
  readonly retry?: Partial<RetryPolicy>;
  readonly expireInSeconds?: number;
  readonly keepFinishedSeconds?: number;
  readonly exclusive?: boolean;
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const DAY = 86_400;

export const DEFAULT_RETRY: RetryPolicy = { limit: 8, delaySeconds: 2, backoff: true, maxDelaySeconds: 600 };

export function defineJob<T extends object>(name: string, options: JobDefinitionOptions = {}): JobDefinition<T> {
  if (!NAME.test(name)) throw new Error(`job name ${JSON.stringify(name)} must match ${NAME} (lower case, dots, dashes)`);
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  if (!Number.isInteger(retry.limit) || retry.limit < 0) throw new Error(`job ${name}: retry.limit must be an integer >= 0`);
  if (!Number.isInteger(retry.delaySeconds) || retry.delaySeconds < 0) throw new Error(`job ${name}: retry.delaySeconds must be an integer >= 0`);
  if (retry.maxDelaySeconds !== undefined && (!Number.isInteger(retry.maxDelaySeconds) || retry.maxDelaySeconds < 1)) {
    throw new Error(`job ${name}: retry.maxDelaySeconds must be an integer >= 1`);
  }
  const expireInSeconds = options.expireInSeconds ?? 300;
  const keepFinishedSeconds = options.keepFinishedSeconds ?? 30 * DAY;
  if (!Number.isInteger(expireInSeconds) || expireInSeconds < 1 || expireInSeconds > DAY) throw new Error(`job ${name}: expireInSeconds must be 1..86400`);
  if (!Number.isInteger(keepFinishedSeconds) || keepFinishedSeconds < 1) throw new Error(`job ${name}: keepFinishedSeconds must be an integer >= 1`);
  return Object.freeze({ name, retry: Object.freeze(retry), expireInSeconds, keepFinishedSeconds, exclusive: options.exclusive ?? false });
}

/** The data of a periodic job: the time slot it runs for (`floor(epoch seconds / intervalSeconds)`). */
export interface PeriodicTick {
  readonly slot: number;
  readonly intervalSeconds: number;
}
