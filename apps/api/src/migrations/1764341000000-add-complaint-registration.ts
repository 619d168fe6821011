import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The complaint notification URL is registered with WeChat by a job (`complaints.register-url`) queued when an account is
 * created or its credentials are replaced, and by the catch-up tick for enabled accounts not registered yet. Its state is
 * readable on the account: the URL WeChat answered, when, and the last failure (cleared by the next success).
 */
export class AddComplaintRegistration1764341000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE merchant_accounts
      ADD COLUMN complaints_notify_url text,
      ADD COLUMN complaints_registered_at timestamptz,
      ADD COLUMN complaints_registration_error text,
      ADD COLUMN complaints_registration_attempted_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE merchant_accounts
      DROP COLUMN complaints_notify_url,
      DROP COLUMN complaints_registered_at,
      DROP COLUMN complaints_registration_error,
      DROP COLUMN complaints_registration_attempted_at`);
  }
}
