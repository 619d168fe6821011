import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revenue-share agreements (issue 12): a franchise brand with each franchisee (commission in basis points of
 * net revenue, optional fixed fee per device per month and minimum per month, statement period, who collects),
 * a hardware reseller with each customer (platform fee per active device per month, optional fixed monthly fee).
 *
 * Rows are never changed: each `PUT /v1/organizations/{id}/agreement` adds a version. The agreement in force
 * on a day is the newest version whose `effective_from` is on or before that day, so a version set from a
 * date replaces every older one from that date on (and an older one stays in force before it).
 *
 * `tenant_id` is the organisation the agreement is about (the franchisee, the customer); `parent_tenant_id`
 * the brand or reseller that set it. Readable by either side's data scope (a franchisee its own, the brand all
 * its franchisees', the reseller its customers' agreements — never their orders), never by a sibling.
 */
export class CreateAgreements1764306000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agreements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        parent_tenant_id uuid NOT NULL REFERENCES organizations(id),
        kind text NOT NULL CHECK (kind IN ('FRANCHISE', 'RESELLER')),
        version integer NOT NULL CHECK (version >= 1),
        effective_from date NOT NULL,
        period text NOT NULL CHECK (period IN ('DAILY', 'WEEKLY', 'MONTHLY')),
        commission_basis_points integer CHECK (commission_basis_points BETWEEN 0 AND 10000),
        fixed_fee_per_device_month_fen integer CHECK (fixed_fee_per_device_month_fen >= 0),
        minimum_month_fen integer CHECK (minimum_month_fen >= 0),
        collection text CHECK (collection IN ('BRAND_COLLECTS', 'FRANCHISEE_COLLECTS')),
        max_profit_sharing_ratio_basis_points integer CHECK (max_profit_sharing_ratio_basis_points BETWEEN 0 AND 10000),
        platform_fee_per_active_device_month_fen integer CHECK (platform_fee_per_active_device_month_fen >= 0),
        fixed_month_fen integer CHECK (fixed_month_fen >= 0),
        note text CHECK (length(note) <= 500),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, version),
        CONSTRAINT agreements_franchise_fields CHECK (kind <> 'FRANCHISE' OR (
          commission_basis_points IS NOT NULL AND collection IS NOT NULL AND max_profit_sharing_ratio_basis_points IS NOT NULL
          AND platform_fee_per_active_device_month_fen IS NULL AND fixed_month_fen IS NULL)),
        CONSTRAINT agreements_reseller_fields CHECK (kind <> 'RESELLER' OR (
          platform_fee_per_active_device_month_fen IS NOT NULL AND commission_basis_points IS NULL AND collection IS NULL
          AND fixed_fee_per_device_month_fen IS NULL AND minimum_month_fen IS NULL AND max_profit_sharing_ratio_basis_points IS NULL)),
        CONSTRAINT agreements_profit_sharing_ratio CHECK (collection IS DISTINCT FROM 'FRANCHISEE_COLLECTS' OR commission_basis_points <= max_profit_sharing_ratio_basis_points)
      )`);
    await q.query(`CREATE INDEX agreements_in_force_idx ON agreements (tenant_id, effective_from, version DESC)`);
    await q.query(`CREATE INDEX agreements_parent_idx ON agreements (parent_tenant_id)`);
    // versions are history: never rewritten, never removed
    await q.query(`
      CREATE FUNCTION zizhu_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(`CREATE TRIGGER agreements_append_only BEFORE UPDATE OR DELETE ON agreements FOR EACH ROW EXECUTE FUNCTION zizhu_refuse_change()`);
    await q.query(`CREATE TRIGGER agreements_no_truncate BEFORE TRUNCATE ON agreements FOR EACH STATEMENT EXECUTE FUNCTION zizhu_refuse_change()`);
    await q.query(`ALTER TABLE agreements ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE agreements FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY agreements_visible ON agreements
      USING (zizhu_data_visible(tenant_id) OR zizhu_data_visible(parent_tenant_id))
      WITH CHECK (zizhu_data_visible(parent_tenant_id))`);
    await q.query(`GRANT SELECT, INSERT ON agreements TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agreements`);
    await q.query(`DROP FUNCTION zizhu_refuse_change()`);
  }
}
