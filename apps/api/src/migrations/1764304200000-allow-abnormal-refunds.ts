import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A refund WeChat reports as ABNORMAL (REFUND.ABNORMAL) is neither done nor failed: the money left the merchant
 * and is held at WeChat until an operator resolves it. It gets its own action state instead of FAILED, which
 * would free the amount for a second refund (issue 10, item 15).
 */
export class AllowAbnormalRefunds1764304200000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE session_actions DROP CONSTRAINT session_actions_state_check`);
    await q.query(`ALTER TABLE session_actions ADD CONSTRAINT session_actions_state_check CHECK (state IN ('PENDING', 'PROCESSING', 'ABNORMAL', 'SUCCEEDED', 'FAILED'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE session_actions SET state = 'PROCESSING' WHERE state = 'ABNORMAL'`);
    await q.query(`ALTER TABLE session_actions DROP CONSTRAINT session_actions_state_check`);
    await q.query(`ALTER TABLE session_actions ADD CONSTRAINT session_actions_state_check CHECK (state IN ('PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED'))`);
  }
}
