import { defineErrors } from '../errors/domain-error.js';

export const jobsErrors = defineErrors({
  JOBS_NOT_STARTED: [503, 'The job queue is not running.'],
  JOBS_QUEUE_NOT_DECLARED: [500, 'This job was not declared before the job queue started, so it cannot be queued inside a transaction.'],
  JOBS_ALREADY_REGISTERED: [500, 'A worker for this job is already registered.'],
});
