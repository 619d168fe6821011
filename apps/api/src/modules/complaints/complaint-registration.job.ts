import { defineJob } from '../../platform/jobs/job-definition.js';
import type { JobsService } from '../../platform/jobs/jobs.service.js';

/**
 * Registers a merchant account's complaint notification URL with WeChat (the call `PUT
 * /v1/merchant-accounts/{id}/complaint-notification-url` makes) and switches its complaints on. Keyed by the account:
 * one queued or running per account, however many producers (creation, new credentials, the catch-up's sweep); a
 * finished one is kept 10 minutes, after which the sweep may queue it again. Retried with back-off (2 s doubling to
 * 10 min, 10 retries: about an hour); after that the sweep tries again at a later tick.
 * Defined here, apart from its worker (ComplaintRegistration), so the merchants module queues it without importing complaints' services.
 */
export const complaintRegistrationJob = defineJob<{ accountId: string }>('complaints.register-url', {
  retry: { limit: 10, delaySeconds: 2, backoff: true, maxDelaySeconds: 600 },
  expireInSeconds: 120,
  keepFinishedSeconds: 600,
});

/** Queues the registration of an account's complaint notification URL, in the caller's transaction when there is one. */
export async function queueComplaintRegistration(jobs: JobsService, accountId: string): Promise<boolean> {
  return (await jobs.enqueue(complaintRegistrationJob, { accountId }, { key: accountId })).created;
}
