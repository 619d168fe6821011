import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Power banks (issue 16): each bank a cabinet reports, keyed by its merchant network and the id the cabinets give it.
 * The network is the brand: a FRANCHISEE's cabinets belong to its parent's network, any other organisation's to its
 * own (`zizhu_powerbank_network`), so a bank rented at one franchisee's cabinet may be returned at another's of the same
 * brand. `tenant_id` is the organisation whose cabinet the bank was last in (or rented from): franchisees see the
 * banks of their own cabinets, the brand all of them. State: IN_SLOT, RENTED (by `session_id`), LOST (gone from its
 * cabinet's slots without an eject), BOUGHT_OUT (not returned by the plan's total cap). `flag` is for the operator:
 * RETURNED_AFTER_BUYOUT, FOREIGN_RETURN (returned at a cabinet of another network; refused).
 */
export class CreatePowerBanks1764330000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION zizhu_powerbank_network(t uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN o.kind = 'FRANCHISEE' AND o.parent_id IS NOT NULL THEN o.parent_id ELSE o.id END FROM organizations o WHERE o.id = t
      $$`);
    await q.query(`
      CREATE TABLE power_banks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        network_tenant_id uuid NOT NULL REFERENCES organizations(id),
        bank_id text NOT NULL CHECK (length(bank_id) BETWEEN 1 AND 64),
        state text NOT NULL CHECK (state IN ('IN_SLOT', 'RENTED', 'LOST', 'BOUGHT_OUT')),
        device_id uuid REFERENCES devices(id),
        slot integer,
        charge_percent integer CHECK (charge_percent BETWEEN 0 AND 100),
        session_id uuid,
        rented_from_device_id uuid REFERENCES devices(id),
        rented_at timestamptz,
        returned_at timestamptz,
        bought_out_at timestamptz,
        lost_at timestamptz,
        flag text CHECK (flag IN ('RETURNED_AFTER_BUYOUT', 'FOREIGN_RETURN')),
        flag_detail text,
        flagged_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (network_tenant_id, bank_id)
      )`);
    await q.query(`CREATE INDEX power_banks_device_idx ON power_banks (device_id, state)`);
    await q.query(`CREATE INDEX power_banks_session_idx ON power_banks (session_id) WHERE session_id IS NOT NULL`);
    await q.query(`CREATE INDEX power_banks_bank_idx ON power_banks (bank_id)`);
    await q.query(`CREATE INDEX power_banks_tenant_idx ON power_banks (tenant_id, state, bank_id)`);
    await q.query(`ALTER TABLE power_banks ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE power_banks FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY power_banks_visible ON power_banks USING (zizhu_data_visible(tenant_id)) WITH CHECK (zizhu_data_visible(tenant_id))`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON power_banks TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE power_banks`);
    await q.query(`DROP FUNCTION zizhu_powerbank_network(uuid)`);
  }
}
