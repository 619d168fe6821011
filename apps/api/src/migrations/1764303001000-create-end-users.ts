import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * End users of the mini-programs: one row per (merchant of record, appid, openid), made when a session
 * starts. Merchant data: visible to that merchant's operators only (`zizhu_data_visible`), never to a
 * hardware reseller looking at its customers.
 */
export class CreateEndUsers1764303001000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE end_users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        appid text NOT NULL CHECK (length(appid) BETWEEN 1 AND 64),
        openid text NOT NULL CHECK (length(openid) BETWEEN 1 AND 128),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz,
        UNIQUE (tenant_id, appid, openid),
        UNIQUE (tenant_id, id)
      )`);
    await q.query(`ALTER TABLE end_users ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE end_users FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY end_users_visible ON end_users USING (zizhu_data_visible(tenant_id)) WITH CHECK (zizhu_data_visible(tenant_id))`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON end_users TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE end_users`);
  }
}
