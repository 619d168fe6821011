import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12: a refund WeChat refuses for lack of money (NOT_ENOUGH) on a session whose commission was split to the brand
 * (franchisee collects: a split return 回退 failed or could not cover it, and the franchisee's own balance is short) is
 * HELD — waiting for an operator, with the reason in `error` — instead of FAILED. Still counted against what can be
 * refunded; the operator retries it (same out_refund_no: WeChat takes a refused refund again once funds are there) or
 * gives it up (FAILED).
 * `resends` / `resent_at`: how often and when an operator last sent a held refund again. REFUND_STUCK's key carries the
 * count (a refund HELD again after a retry is a new hold, alerted anew) and STUCK is measured from the last send.
 * The partial index of open refunds (session_actions_refund_open_idx, the alert evaluator's) includes HELD.
 */
export class AllowHeldRefunds1764347100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE session_actions DROP CONSTRAINT session_actions_state_check`);
    await q.query(`ALTER TABLE session_actions ADD CONSTRAINT session_actions_state_check CHECK (state IN ('PENDING', 'PROCESSING', 'ABNORMAL', 'HELD', 'SUCCEEDED', 'FAILED'))`);
    await q.query(`ALTER TABLE session_actions ADD COLUMN resends integer NOT NULL DEFAULT 0, ADD COLUMN resent_at timestamptz`);
    await q.query(`DROP INDEX session_actions_refund_open_idx`);
    await q.query(`CREATE INDEX session_actions_refund_open_idx ON session_actions (created_at) WHERE kind = 'REFUND' AND state IN ('PENDING', 'PROCESSING', 'ABNORMAL', 'HELD')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX session_actions_refund_open_idx`);
    await q.query(`CREATE INDEX session_actions_refund_open_idx ON session_actions (created_at) WHERE kind = 'REFUND' AND state IN ('PENDING', 'PROCESSING', 'ABNORMAL')`);
    await q.query(`ALTER TABLE session_actions DROP COLUMN resent_at, DROP COLUMN resends`);
    await q.query(`UPDATE session_actions SET state = 'FAILED' WHERE state = 'HELD'`);
    await q.query(`ALTER TABLE session_actions DROP CONSTRAINT session_actions_state_check`);
    await q.query(`ALTER TABLE session_actions ADD CONSTRAINT session_actions_state_check CHECK (state IN ('PENDING', 'PROCESSING', 'ABNORMAL', 'SUCCEEDED', 'FAILED'))`);
  }
}
