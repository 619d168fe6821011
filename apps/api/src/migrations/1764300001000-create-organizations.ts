import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation tree: platform → operators (SELF_RUN | FRANCHISE | HARDWARE_SALE) → franchisees or
 * customers. `path` holds the ancestors and the organisation itself, so a subtree is `$1 = ANY(path)`.
 */
export class CreateOrganizations1764300001000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid REFERENCES organizations(id),
        path uuid[] NOT NULL,
        kind text NOT NULL CHECK (kind IN ('PLATFORM', 'OPERATOR', 'FRANCHISEE', 'CUSTOMER')),
        operating_model text CHECK (operating_model IN ('SELF_RUN', 'FRANCHISE', 'HARDWARE_SALE')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organizations_model_only_for_operators CHECK ((kind = 'OPERATOR') = (operating_model IS NOT NULL)),
        CONSTRAINT organizations_root_is_platform CHECK ((kind = 'PLATFORM') = (parent_id IS NULL)),
        CONSTRAINT organizations_path_ends_with_self CHECK (path[array_length(path, 1)] = id)
      )`);
    await q.query(`CREATE INDEX organizations_path_idx ON organizations USING gin (path)`);
    await q.query(`CREATE INDEX organizations_parent_idx ON organizations (parent_id)`);
    await q.query(`ALTER TABLE organizations ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE organizations FORCE ROW LEVEL SECURITY`);
    // an organisation sees itself and its subtree (including a child it has just created in this transaction)
    await q.query(`
      CREATE POLICY organizations_visible ON organizations
        USING (zizhu_all_tenants() OR nullif(current_setting('app.tenant_id', true), '')::uuid = ANY (path))
        WITH CHECK (zizhu_all_tenants() OR nullif(current_setting('app.tenant_id', true), '')::uuid = ANY (path))`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON organizations TO zizhu_app`);

    // Enter a tenant for the rest of the transaction: compute what it may see and publish it to the policies.
    await q.query(`
      CREATE FUNCTION zizhu_enter_tenant(tenant uuid, platform boolean) RETURNS text LANGUAGE plpgsql AS $$
      DECLARE
        org record;
        subtree text;
      BEGIN
        PERFORM set_config('app.all_tenants', 'on', true);
        SELECT o.kind, o.operating_model INTO org FROM organizations o WHERE o.id = tenant;
        IF NOT FOUND THEN
          PERFORM set_config('app.all_tenants', 'off', true);
          RETURN NULL;
        END IF;
        SELECT string_agg(s.id::text, ',') INTO subtree FROM organizations s WHERE tenant = ANY (s.path);
        PERFORM set_config('app.tenant_id', tenant::text, true);
        PERFORM set_config('app.fleet_tenant_ids', subtree, true);
        -- a hardware reseller sees its customers' fleet, never their orders or end users
        PERFORM set_config('app.data_tenant_ids',
          CASE WHEN org.operating_model = 'HARDWARE_SALE' THEN tenant::text ELSE subtree END, true);
        PERFORM set_config('app.all_tenants', CASE WHEN platform THEN 'on' ELSE 'off' END, true);
        RETURN org.kind;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION zizhu_enter_tenant(uuid, boolean)`);
    await q.query(`DROP TABLE organizations`);
  }
}
