import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit entries made with an organisation's API key name the key (`actor_api_key_id`) besides its creator
 * (`actor_user_id`), so an integrator's actions can be told from the person's. Null for a login's own actions.
 */
export class AddAuditActorApiKey1764338000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN actor_api_key_id uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log DROP COLUMN actor_api_key_id`);
  }
}
