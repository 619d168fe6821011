import { defineJob, type PeriodicTick } from '../../platform/jobs/job-definition.js';

/** One reconciliation run (its id); a run no longer RUNNING is left alone, so a repeat is harmless. */
export const reconciliationRunJob = defineJob<{ runId: string }>('reconciliation.run', { retry: { limit: 3, delaySeconds: 30 }, expireInSeconds: 900 });

/** Every 15 minutes: after the configured time (Beijing), starts yesterday's run of each account that has none yet. */
export const reconciliationDailyJob = defineJob<PeriodicTick>('reconciliation.daily', { exclusive: true, retry: { limit: 0 }, expireInSeconds: 3600, keepFinishedSeconds: 86_400 });
export const RECONCILIATION_TICK_SECONDS = 900;
