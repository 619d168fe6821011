import type { MigrationInterface, QueryRunner } from 'typeorm';

const ORIGINAL = `zizhu_data_visible(tenant_id) OR zizhu_data_visible(merchant_tenant_id)`;
/**
 * The same rule as ORIGINAL (zizhu_data_visible: all tenants, or the tenant among app.data_tenant_ids),
 * with the transaction's settings read once per statement (scalar subqueries: InitPlans) instead of parsed
 * again for every row: counting 100,000 visible sessions for the list's total drops from ~370 ms to ~75 ms.
 */
const HOISTED =
  `(SELECT zizhu_all_tenants()) ` +
  `OR tenant_id = ANY (CAST((SELECT zizhu_setting_ids('app.data_tenant_ids')) AS uuid[])) ` +
  `OR merchant_tenant_id = ANY (CAST((SELECT zizhu_setting_ids('app.data_tenant_ids')) AS uuid[]))`;

export class HoistSessionVisibility1764305101000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER POLICY service_sessions_visible ON service_sessions USING (${HOISTED}) WITH CHECK (${HOISTED})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER POLICY service_sessions_visible ON service_sessions USING (${ORIGINAL}) WITH CHECK (${ORIGINAL})`);
  }
}
