import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention of business-event webhooks (modules/retention, `retention.webhooks`): deliveries finished (DELIVERED or
 * FAILED) more than WEBHOOK_RETENTION_DAYS ago are deleted with their attempts (ON DELETE CASCADE), older attempts of
 * deliveries still kept, and dispatched events no delivery refers to any more. The application role may now delete
 * them — as system only (the job runs as system; a restrictive policy keeps tenant transactions from deleting
 * deliveries and attempts) — and finds them by age through these indexes.
 */
export class AddWebhookRetention1764336000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX webhook_deliveries_finished_idx ON webhook_deliveries ((coalesce(delivered_at, failed_at))) WHERE state IN ('DELIVERED', 'FAILED')`);
    await q.query(`CREATE INDEX webhook_attempts_started_idx ON webhook_attempts (started_at)`);
    await q.query(`CREATE INDEX webhook_events_dispatched_idx ON webhook_events (created_at) WHERE dispatched_at IS NOT NULL`);
    await q.query(`GRANT DELETE ON webhook_events, webhook_deliveries, webhook_attempts TO zizhu_app`);
    // only the system (the retention job) deletes deliveries and attempts; an organisation's requests never do (deleting
    // its endpoint still removes them: the foreign key's cascade is not subject to row-level security). Events already
    // take writes from the system only (webhook_events_system).
    for (const table of ['webhook_deliveries', 'webhook_attempts']) {
      await q.query(`CREATE POLICY ${table}_delete_system ON ${table} AS RESTRICTIVE FOR DELETE USING (zizhu_all_tenants())`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY webhook_attempts_delete_system ON webhook_attempts`);
    await q.query(`DROP POLICY webhook_deliveries_delete_system ON webhook_deliveries`);
    await q.query(`REVOKE DELETE ON webhook_events, webhook_deliveries, webhook_attempts FROM zizhu_app`);
    await q.query(`DROP INDEX webhook_events_dispatched_idx`);
    await q.query(`DROP INDEX webhook_attempts_started_idx`);
    await q.query(`DROP INDEX webhook_deliveries_finished_idx`);
  }
}
