import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer-service lookup (issue 16, modules/support): a session is found by the identifiers a user quotes —
 * WeChat's `transaction_id`, a refund number (our `out_refund_no` is unique already; WeChat's `refund_id`), an
 * earlier attempt's `out_order_no` (unique already) or the user's openid — without a scan of every session.
 * No new table: the lookup reads the sessions, refunds, complaints and device reports under their own policies.
 *
 * `zizhu_support_end_users(openid)`: the ids of the end users with that openid, at any merchant of record. A
 * franchisee sees its own sessions, but when its brand charges them their end users are the brand's data, which
 * it cannot read; the ids alone (no openid, no tenant) let it find its sessions of that user, which row-level
 * security on `service_sessions` still filters.
 */
export class AddSupportLookupIndexes1764332000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX service_sessions_transaction_idx ON service_sessions (transaction_id) WHERE transaction_id IS NOT NULL`);
    await q.query(`CREATE INDEX session_actions_refund_id_idx ON session_actions (refund_id) WHERE refund_id IS NOT NULL`);
    await q.query(`CREATE INDEX end_users_openid_idx ON end_users (openid)`);
    await q.query(`CREATE INDEX complaints_session_idx ON complaints (session_id) WHERE session_id IS NOT NULL`);
    // a device and a time: the sessions of that code around it (the code stays on the session when the device moves on)
    await q.query(`CREATE INDEX service_sessions_device_code_idx ON service_sessions (device_code, created_at DESC)`);
    await q.query(`
      CREATE FUNCTION zizhu_support_end_users(p_openid text) RETURNS uuid[]
      LANGUAGE sql STABLE SET app.all_tenants = 'on' AS $$
        SELECT coalesce(array_agg(id), '{}') FROM end_users WHERE openid = p_openid
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION zizhu_support_end_users(text)`);
    await q.query(`DROP INDEX service_sessions_device_code_idx`);
    await q.query(`DROP INDEX complaints_session_idx`);
    await q.query(`DROP INDEX end_users_openid_idx`);
    await q.query(`DROP INDEX session_actions_refund_id_idx`);
    await q.query(`DROP INDEX service_sessions_transaction_idx`);
  }
}
