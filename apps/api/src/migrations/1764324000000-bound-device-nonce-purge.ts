import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Nonces past the signature window are deleted in bounded batches: one call deletes at most `p_limit` of the
 * oldest (by the expiry index), so a backlog (a million devices at a heartbeat a minute leave about six million
 * nonces in the window) never becomes one long statement holding millions of row locks. Two processes purging at
 * once may pick the same rows: the second waits for the first and deletes nothing twice.
 */
export class BoundDeviceNoncePurge1764324000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION zizhu_device_purge_nonces()`);
    await q.query(`
      CREATE FUNCTION zizhu_device_purge_nonces(p_limit integer) RETURNS integer LANGUAGE sql SET app.all_tenants = 'on' AS $$
        WITH doomed AS (
          SELECT device_id, nonce FROM device_nonces WHERE expires_at < now() ORDER BY expires_at LIMIT p_limit
        ), gone AS (
          DELETE FROM device_nonces n USING doomed d WHERE n.device_id = d.device_id AND n.nonce = d.nonce RETURNING 1
        )
        SELECT count(*)::int FROM gone
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION zizhu_device_purge_nonces(integer)`);
    await q.query(`
      CREATE FUNCTION zizhu_device_purge_nonces() RETURNS integer LANGUAGE sql SET app.all_tenants = 'on' AS $$
        WITH gone AS (DELETE FROM device_nonces WHERE expires_at < now() RETURNING 1) SELECT count(*)::int FROM gone
      $$`);
  }
}
