import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fleet: sites, versioned pricing plans, devices (with their secret encrypted at rest) and their
 * telemetry history. Tenant-owned: `tenant_id` is the organisation owning the row (the franchisee for a
 * franchise device, the customer for a resold one); the fleet policy lets a reseller see its customers'.
 */
export class CreateSitesAndDevices1764301000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        address text NOT NULL CHECK (length(address) BETWEEN 1 AND 500),
        city text NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sites_geo_point_complete CHECK ((latitude IS NULL) = (longitude IS NULL)),
        UNIQUE (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX sites_tenant_idx ON sites (tenant_id)`);

    // A plan's versions are immutable: a session keeps the (plan_id, version) it started with.
    await q.query(`
      CREATE TABLE pricing_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        current_version integer NOT NULL DEFAULT 1 CHECK (current_version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id)
      )`);
    await q.query(`
      CREATE TABLE pricing_plan_versions (
        tenant_id uuid NOT NULL,
        plan_id uuid NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        plan jsonb NOT NULL CHECK (jsonb_typeof(plan) = 'object'),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, version),
        UNIQUE (tenant_id, plan_id, version),
        FOREIGN KEY (tenant_id, plan_id) REFERENCES pricing_plans (tenant_id, id)
      )`);
    await q.query(`
      CREATE FUNCTION zizhu_immutable_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME USING ERRCODE = 'check_violation';
      END $$`);
    await q.query(`CREATE TRIGGER pricing_plan_versions_immutable BEFORE UPDATE OR DELETE ON pricing_plan_versions FOR EACH ROW EXECUTE FUNCTION zizhu_immutable_row()`);

    await q.query(`
      CREATE TABLE devices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        site_id uuid NOT NULL,
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$'),
        type text NOT NULL CHECK (type IN ('FRIDGE', 'POWERBANK_CABINET', 'EV_CHARGER', 'WATER_VALVE')),
        name text,
        slot_count integer CHECK (slot_count BETWEEN 1 AND 200),
        connector_count integer CHECK (connector_count BETWEEN 1 AND 16),
        firmware text,
        plan_id uuid,
        payscore_service_id text,
        heartbeat_interval_seconds integer NOT NULL DEFAULT 60 CHECK (heartbeat_interval_seconds BETWEEN 1 AND 3600),
        secret_ciphertext text NOT NULL,
        secret_version integer NOT NULL DEFAULT 1,
        secret_rotated_at timestamptz,
        revoked_at timestamptz,
        online boolean NOT NULL DEFAULT false,
        last_seen_at timestamptz,
        online_at timestamptz,
        offline_at timestamptz,
        telemetry jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT devices_slots_only_for_cabinets CHECK ((slot_count IS NOT NULL) = (type = 'POWERBANK_CABINET')),
        CONSTRAINT devices_connectors_only_for_chargers CHECK ((connector_count IS NOT NULL) = (type = 'EV_CHARGER')),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, site_id) REFERENCES sites (tenant_id, id),
        FOREIGN KEY (tenant_id, plan_id) REFERENCES pricing_plans (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX devices_tenant_idx ON devices (tenant_id, created_at)`);
    await q.query(`CREATE INDEX devices_site_idx ON devices (site_id)`);
    await q.query(`CREATE INDEX devices_online_seen_idx ON devices (last_seen_at) WHERE online`);

    await q.query(`
      CREATE TABLE device_telemetry (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id uuid NOT NULL,
        device_id uuid NOT NULL,
        recorded_at timestamptz NOT NULL,
        firmware text,
        telemetry jsonb NOT NULL,
        FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX device_telemetry_device_idx ON device_telemetry (device_id, recorded_at DESC)`);

    for (const table of ['sites', 'pricing_plans', 'pricing_plan_versions', 'devices', 'device_telemetry']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_visible ON ${table} USING (zizhu_fleet_visible(tenant_id)) WITH CHECK (zizhu_fleet_visible(tenant_id))`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE ON sites, pricing_plans, devices TO zizhu_app`);
    await q.query(`GRANT SELECT, INSERT ON pricing_plan_versions, device_telemetry TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE device_telemetry`);
    await q.query(`DROP TABLE devices`);
    await q.query(`DROP TABLE pricing_plan_versions`);
    await q.query(`DROP FUNCTION zizhu_immutable_row()`);
    await q.query(`DROP TABLE pricing_plans`);
    await q.query(`DROP TABLE sites`);
  }
}
