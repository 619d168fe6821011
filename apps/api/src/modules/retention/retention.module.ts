import { Module } from '@nestjs/common';
import { RetentionJobs } from './retention.jobs.js';

/** Periodic deletion of what has expired (README.md): expired idempotency keys, telemetry and finished webhook deliveries past their retention. */
@Module({ providers: [RetentionJobs], exports: [RetentionJobs] })
export class RetentionModule {}
