import { defineJob } from '../../platform/jobs/job-definition.js';

/** Data of the per-order split job: the session (the job reads both parties as the system). */
export interface SplitOrderJob {
  readonly sessionId: string;
}

/** WeChat refuses a split earlier than a minute after the payment: the job starts a little after that. */
export const SPLIT_DELAY_MS = 65_000;
/** Splits must happen within 30 days of the payment (WeChat's rule); later the split is refused and flagged. */
export const SPLIT_WINDOW_MS = 30 * 86_400_000;

/**
 * Split the brand's commission off a franchisee-collects order (keyed `split:<sessionId>`; retried with back-off;
 * a lost answer is queried by the fixed out_order_no before anything is sent again).
 */
export const splitOrderJob = defineJob<SplitOrderJob>('settlement.split-order', {
  retry: { limit: 12, delaySeconds: 5, backoff: true, maxDelaySeconds: 1800 },
  expireInSeconds: 120,
});
