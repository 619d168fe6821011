import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Transactions } from '../../platform/database/transactions.js';
import { defineJob, type PeriodicTick } from '../../platform/jobs/job-definition.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { ALERT_TITLES } from '../alerts/alert-kinds.js';
import { rowsOf } from '../merchants/merchant-store.js';

/** Opens the automatic tickets (once a minute, once across all processes). */
export const autoTicketsJob = defineJob<PeriodicTick>('maintenance.auto-tickets', { exclusive: true, retry: { limit: 0 }, expireInSeconds: 300, keepFinishedSeconds: 86_400 });
export const AUTO_TICKETS_INTERVAL_SECONDS = 60;
const BATCH = 200;

/**
 * Automatic tickets (issue 16): for each open device alert of a kind its organisation chose (`maintenance_settings`;
 * for a franchisee, its brand's choice as well: a reseller never chooses for its customers), raised since that choice and without
 * a ticket, a ticket is opened (title: the kind's, no opener; the thread says it was opened). One per alert (the unique
 * index), whatever the number of processes.
 */
@Injectable()
export class MaintenanceJobs implements OnModuleInit {
  private readonly logger = new Logger('Maintenance');

  constructor(
    private readonly transactions: Transactions,
    private readonly jobs: JobsService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(autoTicketsJob, async () => void (await this.openAutoTickets()));
    await this.jobs.every(autoTicketsJob, { intervalSeconds: AUTO_TICKETS_INTERVAL_SECONDS });
  }

  /** Opens the tickets due now; answers how many. */
  async openAutoTickets(): Promise<number> {
    const titles = Object.fromEntries(Object.entries(ALERT_TITLES).map(([kind, t]) => [kind, t.zh]));
    const opened = await this.transactions.asSystem(async (m) =>
      rowsOf<{ ticket_id: string }>(
        await m.query(
          `WITH due AS (
             SELECT a.id AS alert_id, a.tenant_id, a.subject_id, a.kind
             FROM alerts a
             JOIN organizations o ON o.id = a.tenant_id
             LEFT JOIN maintenance_settings s ON s.tenant_id = a.tenant_id
             LEFT JOIN maintenance_settings p ON p.tenant_id = o.parent_id AND o.kind = 'FRANCHISEE'
             WHERE a.subject_type = 'device' AND a.state <> 'RESOLVED'
               AND ((a.kind = ANY (s.auto_ticket_kinds) AND a.raised_at >= s.auto_since) OR (a.kind = ANY (p.auto_ticket_kinds) AND a.raised_at >= p.auto_since))
               AND NOT EXISTS (SELECT 1 FROM maintenance_tickets t WHERE t.alert_id = a.id)
             ORDER BY a.raised_at
             LIMIT $2
           ), opened AS (
             INSERT INTO maintenance_tickets (tenant_id, device_id, alert_id, title)
             SELECT due.tenant_id, d.id, due.alert_id, COALESCE($1::jsonb ->> due.kind, due.kind)
             FROM due JOIN devices d ON d.id::text = due.subject_id AND d.tenant_id = due.tenant_id
             ON CONFLICT (alert_id) WHERE alert_id IS NOT NULL DO NOTHING
             RETURNING id, tenant_id
           )
           INSERT INTO maintenance_ticket_events (tenant_id, ticket_id, kind, body, to_state)
           SELECT tenant_id, id, 'STATE', 'auto', 'OPEN' FROM opened RETURNING ticket_id`,
          [JSON.stringify(titles), BATCH],
        ),
      ),
    );
    if (opened.length) this.logger.log({ opened: opened.length }, 'automatic maintenance tickets opened');
    return opened.length;
  }
}
