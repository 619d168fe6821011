import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Pay Score orders ("attempts") of a session. A confirmation `package` is single-use and a new order
 * needs a new `out_order_no` (payscore-protocol.md §6.4, §8.3): when the same user scans again before
 * confirming, the session's order is cancelled and a new one is created under
 * `outOrderNoFor(session, attempt - 1)`. `service_sessions.out_order_no` stays the current attempt's (so
 * callbacks, queries and operator actions address it); this table keeps every attempt, so the reconciler
 * can cancel a replaced order still open at WeChat and operators can see them all. Attempt 1 of every
 * existing session is its `out_order_no` as it was.
 *
 * States: CURRENT (the session's order), SUPERSEDED (replaced by a rescan, its cancel at WeChat not yet
 * confirmed), REVOKED (replaced and cancelled at WeChat, or never created there), ABANDONED (a next
 * attempt never created, because the order it was to replace had been confirmed by the user before any
 * cancel was sent for it).
 */
export class CreateSessionOrderAttempts1764304400000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE service_sessions ADD COLUMN order_attempt integer NOT NULL DEFAULT 1 CHECK (order_attempt >= 1)`);
    // when the current attempt began (null for the first: awaiting_confirmation_at); the confirmation timeout runs from it
    await q.query(`ALTER TABLE service_sessions ADD COLUMN order_attempted_at timestamptz`);
    await q.query(`
      CREATE TABLE session_order_attempts (
        tenant_id uuid NOT NULL,
        merchant_tenant_id uuid NOT NULL,
        session_id uuid NOT NULL,
        attempt integer NOT NULL CHECK (attempt >= 1),
        out_order_no text NOT NULL UNIQUE CHECK (out_order_no ~ '^[A-Za-z0-9_|*@-]{1,32}$'),
        state text NOT NULL CHECK (state IN ('CURRENT', 'SUPERSEDED', 'REVOKED', 'ABANDONED')),
        order_id text,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        order_created_at timestamptz,
        superseded_at timestamptz,
        -- the first cancel sent to WeChat for it: from then on it is never gone back to (that cancel may still land)
        cancel_sent_at timestamptz,
        closed_at timestamptz,
        PRIMARY KEY (session_id, attempt),
        FOREIGN KEY (tenant_id, session_id) REFERENCES service_sessions (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX session_order_attempts_one_current ON session_order_attempts (session_id) WHERE state = 'CURRENT'`);
    await q.query(`CREATE INDEX session_order_attempts_open_idx ON session_order_attempts (session_id) WHERE state = 'SUPERSEDED'`);
    await q.query(`
      INSERT INTO session_order_attempts (tenant_id, merchant_tenant_id, session_id, attempt, out_order_no, state, order_id, created_at, order_created_at)
      SELECT tenant_id, merchant_tenant_id, id, 1, out_order_no, 'CURRENT', order_id, created_at, order_created_at FROM service_sessions`);
    await q.query(`ALTER TABLE session_order_attempts ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE session_order_attempts FORCE ROW LEVEL SECURITY`);
    // visible exactly as the session is: the device owner's data and the merchant of record's
    await q.query(`
      CREATE POLICY session_order_attempts_visible ON session_order_attempts
      USING (zizhu_data_visible(tenant_id) OR zizhu_data_visible(merchant_tenant_id))
      WITH CHECK (zizhu_data_visible(tenant_id) OR zizhu_data_visible(merchant_tenant_id))`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON session_order_attempts TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE session_order_attempts`);
    await q.query(`ALTER TABLE service_sessions DROP COLUMN order_attempted_at`);
    await q.query(`ALTER TABLE service_sessions DROP COLUMN order_attempt`);
  }
}
