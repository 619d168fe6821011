import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Commands queued durably per device (QUEUED → DELIVERED → SUCCEEDED | FAILED | EXPIRED, each transition
 * with its own timestamp) and the events devices report, idempotent by (device, eventId).
 */
export class CreateDeviceCommandsAndEvents1764301001000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE device_commands (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        device_id uuid NOT NULL,
        type text NOT NULL CHECK (type IN ('UNLOCK', 'EJECT', 'START_CHARGING', 'STOP_CHARGING', 'OPEN_VALVE', 'CLOSE_VALVE', 'REBOOT')),
        session_id text,
        params jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(params) = 'object'),
        state text NOT NULL DEFAULT 'QUEUED' CHECK (state IN ('QUEUED', 'DELIVERED', 'SUCCEEDED', 'FAILED', 'EXPIRED')),
        requested_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        -- a poll holds the command for the time it takes to write the answer; an answer never written frees it again
        lease_until timestamptz,
        delivery_attempts integer NOT NULL DEFAULT 0,
        delivered_at timestamptz,
        succeeded_at timestamptz,
        failed_at timestamptz,
        expired_at timestamptz,
        acked_at timestamptz,
        ack_result text CHECK (ack_result IN ('SUCCEEDED', 'FAILED')),
        ack_detail text,
        ack_occurred_at timestamptz,
        FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX device_commands_queue_idx ON device_commands (device_id, created_at) WHERE state = 'QUEUED'`);
    await q.query(`CREATE INDEX device_commands_open_expiry_idx ON device_commands (expires_at) WHERE state IN ('QUEUED', 'DELIVERED')`);
    await q.query(`CREATE INDEX device_commands_device_idx ON device_commands (device_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE device_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        device_id uuid NOT NULL,
        event_id text NOT NULL,
        type text NOT NULL,
        session_id text,
        source text NOT NULL CHECK (source IN ('DEVICE', 'PLATFORM')),
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        -- server time minus the device's X-Timestamp when it sent the event
        clock_skew_seconds integer,
        clock_flag text CHECK (clock_flag IN ('DEVICE_CLOCK_SKEWED', 'OCCURRED_IN_FUTURE')),
        out_of_order boolean NOT NULL DEFAULT false,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        UNIQUE (device_id, event_id),
        FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX device_events_device_time_idx ON device_events (device_id, occurred_at, received_at)`);

    for (const table of ['device_commands', 'device_events']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_visible ON ${table} USING (zizhu_fleet_visible(tenant_id)) WITH CHECK (zizhu_fleet_visible(tenant_id))`);
    }
    // commands move through their states (UPDATE); events are append-only
    await q.query(`GRANT SELECT, INSERT, UPDATE ON device_commands TO zizhu_app`);
    await q.query(`GRANT SELECT, INSERT ON device_events TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE device_events`);
    await q.query(`DROP TABLE device_commands`);
  }
}
