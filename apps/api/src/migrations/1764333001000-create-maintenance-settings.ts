import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Automatic maintenance tickets (issue 16): the device alert kinds for which an organisation wants a ticket opened by
 * itself (a franchise brand's choice applies to its franchisees unless they set their own), and from when (alerts
 * raised before the choice are left alone). Read and written by the organisation itself.
 */
export class CreateMaintenanceSettings1764333001000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE maintenance_settings (
        tenant_id uuid PRIMARY KEY REFERENCES organizations(id),
        auto_ticket_kinds text[] NOT NULL DEFAULT '{}',
        auto_since timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid
      )`);
    const own = `(zizhu_all_tenants() OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)`;
    await q.query(`ALTER TABLE maintenance_settings ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE maintenance_settings FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY maintenance_settings_own ON maintenance_settings USING ${own} WITH CHECK ${own}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON maintenance_settings TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE maintenance_settings`);
  }
}
