import { defineJob } from '../../platform/jobs/job-definition.js';

/**
 * One event to one endpoint (a `webhook_deliveries` row), keyed by the delivery (and the replay number) so it is
 * queued once; retried with back-off (about 1, 2, 4 … s, at most 10 minutes apart, 14 retries ≈ 1.5 hours).
 */
export const deliverWebhookJob = defineJob<{ readonly tenantId: string; readonly deliveryId: string; readonly replay: number }>('integrations.deliver', {
  retry: { limit: 14, delaySeconds: 1, backoff: true, maxDelaySeconds: 600 },
  expireInSeconds: 60,
});
