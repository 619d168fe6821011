import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention (issue 15): the periodic `retention.telemetry` job deletes telemetry samples older than
 * TELEMETRY_RETENTION_DAYS in bounded batches, oldest first, so the application role may now delete them (the delete
 * policy `device_telemetry_delete` exists since 1764304000000) and the job finds them by age through an index.
 * Expired idempotency keys are deleted by `retention.idempotency-keys` (DELETE was granted with the table; its
 * `expires_at` index exists).
 */
export class AddRetentionDeletes1764321000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX device_telemetry_recorded_idx ON device_telemetry (recorded_at)`);
    await q.query(`GRANT DELETE ON device_telemetry TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE DELETE ON device_telemetry FROM zizhu_app`);
    await q.query(`DROP INDEX device_telemetry_recorded_idx`);
  }
}
