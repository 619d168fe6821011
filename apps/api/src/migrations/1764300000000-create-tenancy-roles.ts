import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The role every tenant transaction runs as (SET LOCAL ROLE zizhu_app): it cannot bypass row-level
 * security, whoever the connection logs in as. Plus the helpers the policies use to read the
 * transaction's visibility settings (set by zizhu_enter_tenant, see platform/tenancy).
 */
export class CreateTenancyRoles1764300000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        CREATE ROLE zizhu_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- roles are per cluster: another database made it
      END $$`);
    await q.query(`DO $$ BEGIN EXECUTE format('GRANT zizhu_app TO %I', current_user); EXCEPTION WHEN others THEN NULL; END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO zizhu_app`);
    await q.query(`
      CREATE FUNCTION zizhu_setting_ids(name text) RETURNS uuid[] LANGUAGE sql STABLE AS $$
        SELECT coalesce(string_to_array(nullif(current_setting(name, true), ''), ',')::uuid[], '{}'::uuid[])
      $$`);
    await q.query(`
      CREATE FUNCTION zizhu_all_tenants() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT coalesce(current_setting('app.all_tenants', true), '') = 'on'
      $$`);
    // data: orders, end users, money, audit — what the merchant of record owns
    await q.query(`
      CREATE FUNCTION zizhu_data_visible(t uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT zizhu_all_tenants() OR t = ANY (zizhu_setting_ids('app.data_tenant_ids'))
      $$`);
    // fleet: organisations, sites, devices and their health — what a hardware reseller also sees of its customers
    await q.query(`
      CREATE FUNCTION zizhu_fleet_visible(t uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT zizhu_all_tenants() OR t = ANY (zizhu_setting_ids('app.fleet_tenant_ids'))
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION zizhu_fleet_visible(uuid)`);
    await q.query(`DROP FUNCTION zizhu_data_visible(uuid)`);
    await q.query(`DROP FUNCTION zizhu_all_tenants()`);
    await q.query(`DROP FUNCTION zizhu_setting_ids(text)`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM zizhu_app`);
  }
}
