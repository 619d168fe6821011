import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Append-only audit log of every mutating operator action and every platform-admin access. A row is
 * visible to the acting organisation and to the organisation it concerns.
 */
export class CreateAuditLog1764300003000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        subject_tenant_id uuid REFERENCES organizations(id),
        actor_user_id uuid,
        action text NOT NULL,
        resource_type text NOT NULL,
        resource_id text,
        before jsonb,
        after jsonb,
        request_id text,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX audit_log_tenant_idx ON audit_log (tenant_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX audit_log_subject_idx ON audit_log (subject_tenant_id, occurred_at DESC)`);
    await q.query(`ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE audit_log FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY audit_log_visible ON audit_log
        USING (zizhu_data_visible(tenant_id) OR zizhu_data_visible(subject_tenant_id))
        WITH CHECK (zizhu_all_tenants() OR (
          tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
          AND (subject_tenant_id IS NULL OR zizhu_fleet_visible(subject_tenant_id))))`);
    await q.query(`GRANT SELECT, INSERT ON audit_log TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
  }
}
