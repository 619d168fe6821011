import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Seeing a fleet is not operating it. Until now every fleet table had one policy, `zizhu_fleet_visible`,
 * for reads and writes alike, so a hardware reseller (which sees its customers' fleet for support) could
 * also set their prices, rotate their device secrets and add devices or sites to them — and then charge
 * the customer's users on the customer's merchant account.
 *
 * From here: `zizhu_fleet_writable(tenant_id)` names the organisations whose fleet the principal
 * operates — itself and, for a franchise brand, its franchisees (the same set as the data it owns:
 * whoever is, or is above, the merchant of record), never a reseller's customers. Each fleet table gets a
 * read policy and separate write policies:
 * - sites, devices, device_telemetry: read by fleet visibility (health), written only where writable;
 * - pricing plans: the merchant of record's commercial terms, read and written only where writable;
 * - device_commands: a watcher sees only commands that belong to no session (maintenance);
 * - device_events: a watcher sees only the `device.*` health events that belong to no session
 *   (online, offline, faults), never `session.ended` and its usage.
 * A reseller's devices reach a customer only through `zizhu_fleet_transfer_device` (the sale).
 */
/** A device's history, keyed by (tenant_id, device_id), and what deleting the device does to it. */
const HISTORY_TABLES = [
  ['device_commands', ''],
  ['device_events', ''],
  ['device_telemetry', ' ON DELETE CASCADE'],
] as const;

export class SplitFleetWritePolicies1764304000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION zizhu_fleet_writable(t uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        -- the fleet the principal operates: the organisations whose data it owns (see zizhu_enter_tenant)
        SELECT zizhu_all_tenants() OR t = ANY (zizhu_setting_ids('app.data_tenant_ids'))
      $$`);

    const readByVisibility = ['sites', 'devices', 'device_telemetry'];
    for (const table of readByVisibility) {
      await q.query(`DROP POLICY ${table}_visible ON ${table}`);
      await q.query(`CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (zizhu_fleet_visible(tenant_id))`);
    }
    for (const table of ['pricing_plans', 'pricing_plan_versions']) {
      await q.query(`DROP POLICY ${table}_visible ON ${table}`);
      await q.query(`CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (zizhu_fleet_writable(tenant_id))`);
    }
    await q.query(`DROP POLICY device_commands_visible ON device_commands`);
    await q.query(`
      CREATE POLICY device_commands_read ON device_commands FOR SELECT
        USING (zizhu_fleet_writable(tenant_id) OR (zizhu_fleet_visible(tenant_id) AND session_id IS NULL))`);
    await q.query(`DROP POLICY device_events_visible ON device_events`);
    await q.query(`
      CREATE POLICY device_events_read ON device_events FOR SELECT
        USING (zizhu_fleet_writable(tenant_id) OR (zizhu_fleet_visible(tenant_id) AND session_id IS NULL AND type LIKE 'device.%'))`);

    // writes: only the fleet the principal operates (the grants decide which commands a table takes at all)
    for (const table of ['sites', 'devices', 'device_telemetry', 'pricing_plans', 'pricing_plan_versions', 'device_commands', 'device_events']) {
      await q.query(`CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (zizhu_fleet_writable(tenant_id))`);
      await q.query(`CREATE POLICY ${table}_update ON ${table} FOR UPDATE USING (zizhu_fleet_writable(tenant_id)) WITH CHECK (zizhu_fleet_writable(tenant_id))`);
      await q.query(`CREATE POLICY ${table}_delete ON ${table} FOR DELETE USING (zizhu_fleet_writable(tenant_id))`);
    }

    // a device's history follows it when it changes hands (the transfer below moves devices.tenant_id)
    for (const [table, onDelete] of HISTORY_TABLES) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_tenant_id_device_id_fkey`);
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_tenant_id_device_id_fkey FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON UPDATE CASCADE${onDelete}`,
      );
    }

    /*
     * The sale: a device of the caller's own inventory moves to one of the owner's CUSTOMER organisations,
     * into a site of that customer. The caller must operate the device (checked with its own visibility,
     * before anything is opened); the move itself crosses the write policy, since the device lands in a
     * tenant the seller does not operate, so the checks are here in the database, not only in the service.
     * What the seller set up does not follow the device: its plan and Pay Score service are cleared, open
     * commands expire, and its secret is replaced by `p_secret_ciphertext` (a secret nobody was told) with
     * the device revoked — the customer rotates the secret to provision it. A device that has had service
     * sessions is not inventory and is refused (its orders stay with its merchant of record).
     * Returns 'OK' or the reason: DEVICE_NOT_FOUND, CUSTOMER_NOT_FOUND, SITE_NOT_FOUND, DEVICE_USED, SECRET_VERSION.
     */
    await q.query(`
      CREATE FUNCTION zizhu_fleet_transfer_device(p_device uuid, p_customer uuid, p_site uuid, p_secret_ciphertext text, p_secret_version integer)
      RETURNS text LANGUAGE plpgsql AS $$
      DECLARE
        caller_all text := coalesce(current_setting('app.all_tenants', true), '');
        v_owner uuid;
        v_version integer;
      BEGIN
        SELECT d.tenant_id, d.secret_version INTO v_owner, v_version FROM devices d
          WHERE d.id = p_device AND zizhu_fleet_writable(d.tenant_id) FOR UPDATE;
        IF NOT FOUND THEN RETURN 'DEVICE_NOT_FOUND'; END IF;
        IF NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = p_customer AND o.kind = 'CUSTOMER' AND o.parent_id = v_owner) THEN
          RETURN 'CUSTOMER_NOT_FOUND';
        END IF;
        IF p_secret_version <> v_version + 1 THEN RETURN 'SECRET_VERSION'; END IF;
        -- from here on, the tables are open for this function's own statements only (restored below)
        PERFORM set_config('app.all_tenants', 'on', true);
        IF NOT EXISTS (SELECT 1 FROM sites s WHERE s.id = p_site AND s.tenant_id = p_customer) THEN
          PERFORM set_config('app.all_tenants', caller_all, true);
          RETURN 'SITE_NOT_FOUND';
        END IF;
        IF EXISTS (SELECT 1 FROM service_sessions s WHERE s.device_id = p_device) THEN
          PERFORM set_config('app.all_tenants', caller_all, true);
          RETURN 'DEVICE_USED';
        END IF;
        UPDATE device_commands SET state = 'EXPIRED', expired_at = now(), lease_until = NULL
          WHERE device_id = p_device AND state IN ('QUEUED', 'DELIVERED');
        UPDATE devices SET tenant_id = p_customer, site_id = p_site, plan_id = NULL, payscore_service_id = NULL,
            secret_ciphertext = p_secret_ciphertext, secret_version = p_secret_version, secret_rotated_at = now(),
            revoked_at = now(), online = false, offline_at = CASE WHEN online THEN now() ELSE offline_at END
          WHERE id = p_device;
        PERFORM set_config('app.all_tenants', caller_all, true);
        RETURN 'OK';
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION zizhu_fleet_transfer_device(uuid, uuid, uuid, text, integer)`);
    for (const [table, onDelete] of HISTORY_TABLES) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_tenant_id_device_id_fkey`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_tenant_id_device_id_fkey FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id)${onDelete}`);
    }
    for (const table of ['sites', 'devices', 'device_telemetry', 'pricing_plans', 'pricing_plan_versions', 'device_commands', 'device_events']) {
      for (const suffix of ['read', 'insert', 'update', 'delete']) await q.query(`DROP POLICY IF EXISTS ${table}_${suffix} ON ${table}`);
      await q.query(`CREATE POLICY ${table}_visible ON ${table} USING (zizhu_fleet_visible(tenant_id)) WITH CHECK (zizhu_fleet_visible(tenant_id))`);
    }
    await q.query(`DROP FUNCTION zizhu_fleet_writable(uuid)`);
  }
}
