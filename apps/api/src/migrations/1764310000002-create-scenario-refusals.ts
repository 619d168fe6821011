import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scans refused by the scenario guard (issue 14, scenario compliance): a device charged through a Pay Score service
 * approved for another scenario is refused before any call to WeChat; the refusal is recorded here (in its own
 * transaction, as the scan's rolls back) so the merchant sees who scanned which device. Owned by the merchant of record.
 */
export class CreateScenarioRefusals1764310000002 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scenario_refusals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        merchant_account_id uuid NOT NULL,
        payscore_service_id uuid NOT NULL,
        service_id text NOT NULL,
        service_scenario text NOT NULL,
        device_id uuid NOT NULL REFERENCES devices(id),
        device_code text NOT NULL,
        device_type text NOT NULL,
        appid text NOT NULL,
        openid text NOT NULL,
        refused_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (tenant_id, merchant_account_id) REFERENCES merchant_accounts (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX scenario_refusals_account_idx ON scenario_refusals (merchant_account_id, refused_at DESC)`);
    await q.query(`ALTER TABLE scenario_refusals ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE scenario_refusals FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY scenario_refusals_visible ON scenario_refusals USING (zizhu_data_visible(tenant_id)) WITH CHECK (zizhu_data_visible(tenant_id))`);
    await q.query(`GRANT SELECT, INSERT ON scenario_refusals TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scenario_refusals`);
  }
}
