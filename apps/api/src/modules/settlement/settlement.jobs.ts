import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { defineJob, type PeriodicTick } from '../../platform/jobs/job-definition.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { StatementsService } from './statements.service.js';

/** Opens the statements agreements call for and closes those whose period has ended (Asia/Shanghai), every 10 minutes. */
export const statementsTickJob = defineJob<PeriodicTick>('settlement.statements', { exclusive: true, retry: { limit: 0 }, expireInSeconds: 3600, keepFinishedSeconds: 86_400 });
export const STATEMENTS_TICK_SECONDS = 600;

@Injectable()
export class SettlementJobs implements OnModuleInit {
  private readonly logger = new Logger('Settlement');

  constructor(
    private readonly jobs: JobsService,
    private readonly transactions: Transactions,
    private readonly statements: StatementsService,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(statementsTickJob, () => this.tick(this.clock.now()));
    await this.jobs.every(statementsTickJob, { intervalSeconds: STATEMENTS_TICK_SECONDS });
  }

  /** Opens the statements agreements call for now (after the demo seed, so the current period is there at once). */
  async openNow(now = this.clock.now()): Promise<number> {
    return this.transactions.asSystem((m) => this.statements.openDue(m, now));
  }

  /** One pass: open what is due, then close each ended statement in a transaction of its own (one failure stops no other). */
  async tick(now: Date): Promise<{ opened: number; closed: number; failed: number }> {
    const opened = await this.transactions.asSystem((m) => this.statements.openDue(m, now));
    const due = await this.transactions.asSystem((m) => this.statements.due(m, now));
    let closed = 0;
    let failed = 0;
    for (const id of due) {
      try {
        const result = await this.transactions.asSystem((m) => this.statements.closeIn(m, id, now, null));
        if (result.changed) closed += 1;
      } catch (error) {
        failed += 1;
        this.logger.warn({ statementId: id, err: error }, 'closing a statement failed; the next tick tries again');
      }
    }
    return { opened, closed, failed };
  }
}
