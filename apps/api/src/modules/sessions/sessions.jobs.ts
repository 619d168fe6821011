import { defineJob, type PeriodicTick } from '../../platform/jobs/job-definition.js';

/** Data of every per-session job: the merchant of record's tenant (the job principal) and the session. */
export interface SessionJob {
  readonly tenantId: string;
  readonly sessionId: string;
}

const wechatRetry = { limit: 12, delaySeconds: 1, backoff: true, maxDelaySeconds: 120 } as const;

/** Create the Pay Score order (re-entry safe: the out_order_no is the session's). */
export const createOrderJob = defineJob<SessionJob>('payscore.create-order', { retry: wechatRetry, expireInSeconds: 60 });
/** Cancel the order (never charged): unconfirmed, device failed, nothing used. */
export const cancelOrderJob = defineJob<SessionJob>('payscore.cancel-order', { retry: wechatRetry, expireInSeconds: 60 });
/** Complete the order with the priced lines. */
export const completeOrderJob = defineJob<SessionJob>('payscore.complete-order', { retry: wechatRetry, expireInSeconds: 60 });
/** Query the order and converge the session on it (fallback for a missed callback, the mini-program's return). */
export const syncOrderJob = defineJob<SessionJob>('payscore.sync-order', { retry: { limit: 5, delaySeconds: 1, backoff: true, maxDelaySeconds: 30 }, expireInSeconds: 60 });
/** An operator action (modify, collect, refund) that calls WeChat. */
export const sessionActionJob = defineJob<SessionJob & { readonly actionId: string }>('payscore.session-action', {
  retry: { limit: 10, delaySeconds: 2, backoff: true, maxDelaySeconds: 300 },
  expireInSeconds: 60,
});
/** A verified, stored callback, applied after WeChat has had its answer (checklist 23). */
export const applyNotificationJob = defineJob<{ readonly tenantId: string; readonly notificationId: string }>('payscore.apply-notification', {
  retry: { limit: 20, delaySeconds: 1, backoff: true, maxDelaySeconds: 120 },
  expireInSeconds: 60,
});
/** Looks at one session that has sat in a non-terminal state: timeouts, caps, limits, and WeChat's view of its order. */
export const reconcileSessionJob = defineJob<SessionJob>('sessions.reconcile-session', {
  retry: { limit: 2, delaySeconds: 5, backoff: false },
  expireInSeconds: 120,
  keepFinishedSeconds: 3600,
});
/** The reconciler's tick: once per interval across all API processes. */
export const reconcileTickJob = defineJob<PeriodicTick>('sessions.reconcile', { exclusive: true, retry: { limit: 0 }, expireInSeconds: 300, keepFinishedSeconds: 3600 });
