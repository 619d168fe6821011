import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12: a refund WeChat refuses for lack of money (NOT_ENOUGH) on a session whose commission was split to the brand
 * (franchisee collects: a split return 回退 failed or could not cover it, and the franchisee's own balance is short) is
 * HELD — waiting for an operator, with the reason in `error` — instead of FAILED. Still counted against what can be
 * refunded; the operator retries it (same out_refund_no: WeChat takes a refused refund again once funds are there) or
 * gives it up (FAILED).
 */
export class AllowHeldRefunds1764347100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE session_actions DROP CONSTRAINT session_actions_state_check`);
    await q.query(`ALTER TABLE session_actions ADD CONSTRAINT session_actions_state_check CHECK (state IN ('PENDING', 'PROCESSING', 'ABNORMAL', 'HELD', 'SUCCEEDED', 'FAILED'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE session_actions SET state = 'FAILED' WHERE state = 'HELD'`);
    await q.query(`ALTER TABLE session_actions DROP CONSTRAINT session_actions_state_check`);
    await q.query(`ALTER TABLE session_actions ADD CONSTRAINT session_actions_state_check CHECK (state IN ('PENDING', 'PROCESSING', 'ABNORMAL', 'SUCCEEDED', 'FAILED'))`);
  }
}
