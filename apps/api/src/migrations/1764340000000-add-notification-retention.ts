import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention of the Pay Score callback archive (modules/retention, `retention.payscore-notifications`): callbacks applied
 * more than PAYSCORE_NOTIFICATION_RETENTION_DAYS ago are deleted. The application role may now delete them — as system
 * only (the job runs as system; a restrictive policy keeps tenant transactions from deleting them) — and finds them by
 * the time they were applied through this index; a callback never applied is not in it.
 */
export class AddNotificationRetention1764340000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX payscore_notifications_applied_idx ON payscore_notifications (applied_at) WHERE applied_at IS NOT NULL`);
    await q.query(`GRANT DELETE ON payscore_notifications TO zizhu_app`);
    await q.query(`CREATE POLICY payscore_notifications_delete_system ON payscore_notifications AS RESTRICTIVE FOR DELETE USING (zizhu_all_tenants())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY payscore_notifications_delete_system ON payscore_notifications`);
    await q.query(`REVOKE DELETE ON payscore_notifications FROM zizhu_app`);
    await q.query(`DROP INDEX payscore_notifications_applied_idx`);
  }
}
