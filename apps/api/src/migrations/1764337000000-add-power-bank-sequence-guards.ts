import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Power banks (issue 16), the order of acks and returns: two more operator flags (EJECT_CONFLICT: a start ack named a
 * bank another open session rents; STALE_RETURN: a return older than the eject of the rental holding the bank), the
 * answer a device was given for a refused event (`device_events.refusal`, so a resent event is answered the same), and
 * the sale of a cabinet (`zizhu_fleet_transfer_device`) takes its banks out of the seller's network: banks in its slots
 * become LOST there, with no cabinet (the buyer's next heartbeat lists them in its own network). The device credential
 * the device API caches also carries the slot count, so a heartbeat naming a slot the cabinet does not have is refused.
 */
const transfer = (banks: string) => `
      CREATE OR REPLACE FUNCTION zizhu_fleet_transfer_device(p_device uuid, p_customer uuid, p_site uuid, p_secret_ciphertext text, p_secret_version integer)
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
${banks}        PERFORM set_config('app.all_tenants', caller_all, true);
        RETURN 'OK';
      END $$`;

const BANKS_LEAVE = `
        UPDATE power_banks SET state = 'LOST', device_id = NULL, slot = NULL, lost_at = now(), updated_at = now()
          WHERE device_id = p_device AND state IN ('IN_SLOT', 'LOST');
`;

/** The device's credential, with its slot count (a heartbeat's slots are checked against it when it is known). */
const credential = (withSlots: boolean) => `
      CREATE FUNCTION zizhu_device_credential(p_device uuid)
      RETURNS TABLE (tenant_id uuid, type text, secret_ciphertext text, secret_version integer, revoked boolean, heartbeat_interval_seconds integer${withSlots ? ', slot_count integer' : ''})
      LANGUAGE sql STABLE SET app.all_tenants = 'on' AS $$
        SELECT d.tenant_id, d.type, d.secret_ciphertext, d.secret_version, d.revoked_at IS NOT NULL, d.heartbeat_interval_seconds${withSlots ? ', d.slot_count' : ''}
        FROM devices d WHERE d.id = p_device
      $$`;

export class AddPowerBankSequenceGuards1764337000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE power_banks DROP CONSTRAINT power_banks_flag_check`);
    await q.query(`ALTER TABLE power_banks ADD CONSTRAINT power_banks_flag_check CHECK (flag IN ('RETURNED_AFTER_BUYOUT', 'FOREIGN_RETURN', 'EJECT_CONFLICT', 'STALE_RETURN'))`);
    await q.query(`ALTER TABLE device_events ADD COLUMN refusal text`);
    await q.query(`GRANT UPDATE (refusal) ON device_events TO zizhu_app`);
    await q.query(transfer(BANKS_LEAVE));
    await q.query(`DROP FUNCTION zizhu_device_credential(uuid)`);
    await q.query(credential(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION zizhu_device_credential(uuid)`);
    await q.query(credential(false));
    await q.query(transfer(''));
    await q.query(`REVOKE UPDATE (refusal) ON device_events FROM zizhu_app`);
    await q.query(`ALTER TABLE device_events DROP COLUMN refusal`);
    await q.query(`ALTER TABLE power_banks DROP CONSTRAINT power_banks_flag_check`);
    await q.query(`ALTER TABLE power_banks ADD CONSTRAINT power_banks_flag_check CHECK (flag IN ('RETURNED_AFTER_BUYOUT', 'FOREIGN_RETURN'))`);
  }
}
