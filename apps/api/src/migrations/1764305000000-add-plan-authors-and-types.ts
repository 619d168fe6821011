import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pricing plans as a resource of their own (`/v1/plans`, issue 11). The plans already live in
 * `pricing_plans` with immutable `pricing_plan_versions`, referenced by `devices.plan_id` (each device's
 * plan from `PUT /v1/devices/{id}/plan`, one shared plan per organisation from an import, one per demo
 * device), and every session copies the version it started with. So no row moves; this adds:
 * - `pricing_plan_versions.created_by`: who published a version (null for versions published before, and
 *   for the demo seed). Versions stay immutable: the column is written once, by the INSERT.
 * - `zizhu_plan_type(plan)`: the plan's kind from its charge parts (RENTAL, ITEMS, ENERGY, VOLUME, or
 *   MIXED for more than one), computed from the stored JSON so it can never drift from the version;
 *   `/v1/plans` filters and shows it.
 * - an index on `devices (plan_id)`: the device count of every plan row, and the devices a new version
 *   reprices, are counted in SQL.
 * RLS needs nothing new: both tables already have their read (`zizhu_fleet_writable`) and write policies
 * (1764304000000), so a reseller neither reads nor writes its customers' plans.
 */
export class AddPlanAuthorsAndTypes1764305000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE pricing_plan_versions ADD COLUMN created_by uuid REFERENCES users(id)`);
    await q.query(`
      CREATE FUNCTION zizhu_plan_type(p jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE (p ? 'rental')::int + (p ? 'items')::int + (p ? 'energy')::int + (p ? 'volume')::int
          WHEN 1 THEN CASE WHEN p ? 'rental' THEN 'RENTAL' WHEN p ? 'items' THEN 'ITEMS' WHEN p ? 'energy' THEN 'ENERGY' ELSE 'VOLUME' END
          ELSE 'MIXED'
        END
      $$`);
    await q.query(`CREATE INDEX devices_plan_idx ON devices (plan_id) WHERE plan_id IS NOT NULL`);
    await q.query(`CREATE INDEX pricing_plans_tenant_idx ON pricing_plans (tenant_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX pricing_plans_tenant_idx`);
    await q.query(`DROP INDEX devices_plan_idx`);
    await q.query(`DROP FUNCTION zizhu_plan_type(jsonb)`);
    // the immutability trigger fires on UPDATE, not on DDL: dropping the column keeps every version's plan
    await q.query(`ALTER TABLE pricing_plan_versions DROP COLUMN created_by`);
  }
}
