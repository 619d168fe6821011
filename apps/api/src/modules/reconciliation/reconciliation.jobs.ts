import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Transactions } from '../../platform/database/transactions.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { addDays, shanghaiDate } from '../settlement/settlement-math.js';
import { RECONCILIATION_TICK_SECONDS, reconciliationDailyJob, reconciliationRunJob } from './reconciliation.jobs-def.js';
import { ReconciliationService } from './reconciliation.service.js';

/** Defaults of `config.reconciliation`: WeChat has the previous day's bills from 10:00 Beijing; BILL_NOT_READY is asked again every 30 minutes. */
export const RECONCILIATION_DEFAULTS = { dailyAt: '10:00', retryMinutes: 30, maxFailedPerDay: 5 } as const;

/** Beijing wall-clock `HH:MM` of an instant. */
function beijingTime(now: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
}

@Injectable()
export class ReconciliationJobs implements OnModuleInit {
  private readonly logger = new Logger('Reconciliation');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly transactions: Transactions,
    private readonly service: ReconciliationService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(reconciliationRunJob, async ({ runId }) => {
      try {
        await this.service.execute(runId);
      } catch (error) {
        // never leave a day RUNNING (it would block the day): FAILED may be run again, by hand or by the daily job
        this.logger.warn({ runId, err: error }, 'reconciliation run failed');
        await this.service.fail(runId, error);
      }
    }, { pollingIntervalSeconds: Math.max(this.config.jobs.pollingIntervalSeconds, 1) });
    // rare work: slower pollers than the sessions' (each registered job name polls the database on its own)
    await this.jobs.register(reconciliationDailyJob, () => this.daily(new Date()), { pollingIntervalSeconds: Math.max(this.config.jobs.pollingIntervalSeconds, 30) });
    await this.jobs.every(reconciliationDailyJob, { intervalSeconds: RECONCILIATION_TICK_SECONDS });
  }

  /**
   * After `dailyAt` (Beijing): for each enabled account, yesterday's run unless one is RUNNING, DONE or NO_BILL; a
   * BILL_NOT_READY (or FAILED, at most `maxFailedPerDay` times) day is tried again `retryMinutes` after its last run.
   */
  async daily(now: Date): Promise<{ started: number }> {
    const settings = { ...RECONCILIATION_DEFAULTS, ...this.config.reconciliation };
    if (beijingTime(now) < settings.dailyAt) return { started: 0 };
    const billDate = addDays(shanghaiDate(now), -1);
    const due = await this.transactions.asSystem(
      async (m) =>
        (await m.query(
          `SELECT a.id, a.tenant_id FROM merchant_accounts a
            WHERE a.disabled_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM reconciliation_runs r WHERE r.merchant_account_id = a.id AND r.bill_date = $1 AND r.state IN ('RUNNING', 'DONE', 'NO_BILL'))
              AND NOT EXISTS (SELECT 1 FROM reconciliation_runs r WHERE r.merchant_account_id = a.id AND r.bill_date = $1 AND r.finished_at > $2)
              AND (SELECT count(*) FROM reconciliation_runs r WHERE r.merchant_account_id = a.id AND r.bill_date = $1 AND r.state = 'FAILED') < $3`,
          [billDate, new Date(now.getTime() - settings.retryMinutes * 60_000), settings.maxFailedPerDay],
        )) as { id: string; tenant_id: string }[],
    );
    let started = 0;
    for (const account of due) {
      const id = await this.transactions.asSystem((m) => this.service.start(m, account, billDate, 'SCHEDULE', null));
      if (id) started += 1;
    }
    if (started) this.logger.log({ billDate, started }, 'daily reconciliation runs started');
    return { started };
  }
}
