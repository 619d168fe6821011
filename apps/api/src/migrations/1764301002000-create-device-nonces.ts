import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The device API's shared state across API processes: the nonces seen in the signature window (a unique
 * key decides which process saw a nonce first; expired ones are purged), and the system functions the
 * hot paths call in one round trip each. Each function turns `app.all_tenants` on for its own duration
 * only (a function SET clause is restored on exit), so it works whoever the connection logs in as and
 * never widens a surrounding tenant transaction.
 */
export class CreateDeviceNonces1764301002000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE device_nonces (
        device_id uuid NOT NULL,
        nonce text NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (device_id, nonce)
      )`);
    await q.query(`CREATE INDEX device_nonces_expiry_idx ON device_nonces (expires_at)`);
    await q.query(`ALTER TABLE device_nonces ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE device_nonces FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY device_nonces_system ON device_nonces USING (zizhu_all_tenants()) WITH CHECK (zizhu_all_tenants())`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON device_nonces TO zizhu_app`);

    await q.query(`
      CREATE FUNCTION zizhu_device_credential(p_device uuid)
      RETURNS TABLE (tenant_id uuid, type text, secret_ciphertext text, secret_version integer, revoked boolean, heartbeat_interval_seconds integer)
      LANGUAGE sql STABLE SET app.all_tenants = 'on' AS $$
        SELECT d.tenant_id, d.type, d.secret_ciphertext, d.secret_version, d.revoked_at IS NOT NULL, d.heartbeat_interval_seconds
        FROM devices d WHERE d.id = p_device
      $$`);

    // Group commit of the nonces of many requests: fresh = this call inserted it (no process saw it before).
    // The device's revocation and secret version come back in the same round trip, so a revoked device is refused at once.
    await q.query(`
      CREATE FUNCTION zizhu_device_claim_nonces(p_devices uuid[], p_nonces text[], p_expires timestamptz[])
      RETURNS TABLE (device_id uuid, nonce text, fresh boolean, revoked boolean, secret_version integer)
      LANGUAGE sql SET app.all_tenants = 'on' AS $$
        WITH input AS (
          SELECT i.device_id, i.nonce, i.expires_at FROM unnest(p_devices, p_nonces, p_expires) AS i(device_id, nonce, expires_at)
        ), inserted AS (
          INSERT INTO device_nonces (device_id, nonce, expires_at)
          SELECT i.device_id, i.nonce, i.expires_at FROM input i ORDER BY i.device_id, i.nonce
          ON CONFLICT DO NOTHING
          RETURNING device_nonces.device_id, device_nonces.nonce
        )
        SELECT i.device_id, i.nonce, (n.nonce IS NOT NULL), coalesce(d.revoked_at IS NOT NULL, true), d.secret_version
        FROM input i
        LEFT JOIN inserted n ON n.device_id = i.device_id AND n.nonce = i.nonce
        LEFT JOIN devices d ON d.id = i.device_id
      $$`);
    await q.query(`
      CREATE FUNCTION zizhu_device_purge_nonces() RETURNS integer LANGUAGE sql SET app.all_tenants = 'on' AS $$
        WITH gone AS (DELETE FROM device_nonces WHERE expires_at < now() RETURNING 1) SELECT count(*)::int FROM gone
      $$`);

    // Coalesced heartbeats: the latest heartbeat of each device since the last flush, in one statement.
    await q.query(`
      CREATE FUNCTION zizhu_fleet_apply_heartbeats(p_devices uuid[], p_seen timestamptz[], p_firmware text[], p_telemetry jsonb[], p_sample boolean[])
      RETURNS TABLE (device_id uuid, came_online boolean)
      LANGUAGE sql SET app.all_tenants = 'on' AS $$
        WITH input AS (
          SELECT * FROM unnest(p_devices, p_seen, p_firmware, p_telemetry, p_sample) AS i(device_id, seen, firmware, telemetry, sample)
        ), before AS (
          SELECT d.id, d.tenant_id, d.online FROM devices d JOIN input i ON i.device_id = d.id WHERE d.revoked_at IS NULL
        ), updated AS (
          UPDATE devices d SET
            last_seen_at = greatest(d.last_seen_at, i.seen),
            online = true,
            online_at = CASE WHEN d.online THEN d.online_at ELSE i.seen END,
            firmware = coalesce(i.firmware, d.firmware),
            telemetry = coalesce(i.telemetry, d.telemetry)
          FROM input i WHERE d.id = i.device_id AND d.revoked_at IS NULL
          RETURNING d.id
        ), history AS (
          INSERT INTO device_telemetry (tenant_id, device_id, recorded_at, firmware, telemetry)
          SELECT b.tenant_id, i.device_id, i.seen, i.firmware, i.telemetry FROM input i JOIN before b ON b.id = i.device_id
          WHERE i.sample AND i.telemetry IS NOT NULL
        ), online_events AS (
          INSERT INTO device_events (tenant_id, device_id, event_id, type, source, occurred_at, payload)
          SELECT b.tenant_id, b.id, 'platform:online:' || gen_random_uuid(), 'device.online', 'PLATFORM', i.seen, '{}'::jsonb
          FROM before b JOIN input i ON i.device_id = b.id WHERE NOT b.online
        )
        SELECT b.id, NOT b.online FROM before b
      $$`);

    // Offline after 3 missed heartbeat intervals (an event records it), and commands past their expiry.
    await q.query(`
      CREATE FUNCTION zizhu_fleet_sweep(OUT went_offline uuid[], OUT expired_commands integer)
      LANGUAGE sql SET app.all_tenants = 'on' AS $$
        WITH gone AS (
          UPDATE devices SET online = false, offline_at = now()
          WHERE online AND last_seen_at < now() - make_interval(secs => 3 * heartbeat_interval_seconds)
          RETURNING id, tenant_id, last_seen_at, heartbeat_interval_seconds
        ), offline_events AS (
          INSERT INTO device_events (tenant_id, device_id, event_id, type, source, occurred_at, payload)
          SELECT tenant_id, id, 'platform:offline:' || gen_random_uuid(), 'device.offline', 'PLATFORM', now(),
                 jsonb_build_object('lastSeenAt', last_seen_at, 'missedIntervals', 3, 'heartbeatIntervalSeconds', heartbeat_interval_seconds)
          FROM gone
        ), expired AS (
          UPDATE device_commands SET state = 'EXPIRED', expired_at = now(), lease_until = NULL
          WHERE state IN ('QUEUED', 'DELIVERED') AND expires_at <= now()
          RETURNING 1
        )
        SELECT (SELECT coalesce(array_agg(id), '{}') FROM gone), (SELECT count(*)::int FROM expired)
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION zizhu_fleet_sweep()`);
    await q.query(`DROP FUNCTION zizhu_fleet_apply_heartbeats(uuid[], timestamptz[], text[], jsonb[], boolean[])`);
    await q.query(`DROP FUNCTION zizhu_device_purge_nonces()`);
    await q.query(`DROP FUNCTION zizhu_device_claim_nonces(uuid[], text[], timestamptz[])`);
    await q.query(`DROP FUNCTION zizhu_device_credential(uuid)`);
    await q.query(`DROP TABLE device_nonces`);
  }
}
