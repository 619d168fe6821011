import { defineJob, type PeriodicTick } from '../../platform/jobs/job-definition.js';

/** The evaluation tick: every rule that can be evaluated from stored data, once per interval across all processes. */
export const evaluateAlertsJob = defineJob<PeriodicTick>('alerts.evaluate', { exclusive: true, retry: { limit: 0 }, expireInSeconds: 300, keepFinishedSeconds: 3600 });

/** A raised alert: find the webhooks that may receive it and queue one delivery each (keyed by the alert). */
export const fanOutAlertJob = defineJob<{ readonly alertId: string }>('alerts.fan-out', { retry: { limit: 10, delaySeconds: 2, backoff: true, maxDelaySeconds: 300 }, expireInSeconds: 60 });

/**
 * One alert to one webhook, keyed `${alertId}:${webhookId}` so it is queued once; retried with back-off
 * (about 1, 2, 4 … s, at most 10 minutes apart, 14 retries ≈ 1.5 hours) while the receiver fails.
 */
export const deliverAlertJob = defineJob<{ readonly tenantId: string; readonly deliveryId: string }>('alerts.deliver', {
  retry: { limit: 14, delaySeconds: 1, backoff: true, maxDelaySeconds: 600 },
  expireInSeconds: 60,
});
