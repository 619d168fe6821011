import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an organisation brands on the reference user pages at `/d/<code>` (modules/user-pages/README.md): a name for
 * the title bar, an accent colour, a page to pay another way and a customer-service phone (客服电话). One row per
 * organisation; a column left NULL is inherited field by field (a franchisee from its franchise brand, then the
 * USER_PAGES_* environment, then the built-in defaults).
 *
 * Written by the organisations whose data the principal owns (`zizhu_fleet_writable`: itself and a franchise brand's
 * franchisees, never a hardware reseller's customers — each customer is its own merchant of record and brands itself)
 * and the platform admin. Read by the same, and by a franchisee for its own brand's row (what it inherits).
 */
export class CreateOrganizationBrandings1764321000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization_brandings (
        tenant_id uuid PRIMARY KEY REFERENCES organizations(id),
        brand_name text CHECK (length(brand_name) BETWEEN 1 AND 32),
        color text CHECK (color ~ '^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$'),
        other_payment_url text CHECK (length(other_payment_url) BETWEEN 1 AND 500),
        service_phone text CHECK (service_phone ~ '^[0-9]+(-[0-9]+)*$' AND length(service_phone) BETWEEN 3 AND 20),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid
      )`);
    await q.query(`ALTER TABLE organization_brandings ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE organization_brandings FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY organization_brandings_read ON organization_brandings FOR SELECT
        USING (zizhu_fleet_writable(tenant_id) OR EXISTS (
          SELECT 1 FROM organizations o
           WHERE o.id = nullif(current_setting('app.tenant_id', true), '')::uuid AND o.kind = 'FRANCHISEE' AND o.parent_id = organization_brandings.tenant_id))`);
    await q.query(`CREATE POLICY organization_brandings_insert ON organization_brandings FOR INSERT WITH CHECK (zizhu_fleet_writable(tenant_id))`);
    await q.query(
      `CREATE POLICY organization_brandings_update ON organization_brandings FOR UPDATE USING (zizhu_fleet_writable(tenant_id)) WITH CHECK (zizhu_fleet_writable(tenant_id))`,
    );
    await q.query(`GRANT SELECT, INSERT, UPDATE ON organization_brandings TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organization_brandings`);
  }
}
