import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A merchant account's complaints are switched on when its complaint notification URL is registered with WeChat
 * (`PUT /v1/merchant-accounts/{id}/complaint-notification-url`): from then on the periodic catch-up also lists its
 * complaints at WeChat, so a callback that never arrived is not missed.
 */
export class AddComplaintsEnabled1764309100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE merchant_accounts ADD COLUMN complaints_enabled_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE merchant_accounts DROP COLUMN complaints_enabled_at`);
  }
}
