import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES_BEFORE = `'PLATFORM_ADMIN', 'OPERATOR_ADMIN', 'OPERATOR_STAFF', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN'`;

/**
 * Maintenance (issue 16): the TECHNICIAN role (a login that sees the fleet and works tickets, never money) and the
 * tickets for device faults — opened by hand or from an alert, each state change with its `<event>_at` and who, a
 * thread of notes and state changes, and photos kept in the database (`bytea`, at most 5 MiB, with their sha256) like
 * the onboarding evidence. Tickets belong to the device's organisation and are read like the device
 * (`zizhu_fleet_visible`: the subtree, a hardware reseller also its customers') and written only by those who
 * operate it (`zizhu_fleet_writable`).
 */
export class CreateMaintenanceTickets1764333000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN (${ROLES_BEFORE}, 'TECHNICIAN'))`);
    await q.query(`
      CREATE TABLE maintenance_tickets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        device_id uuid NOT NULL,
        alert_id uuid REFERENCES alerts(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
        state text NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')),
        assignee_id uuid REFERENCES users(id),
        -- kept with the ticket: a franchisee sees its brand's technician by name without seeing the brand's logins
        assignee_name text,
        resolution text CHECK (resolution IS NULL OR length(resolution) BETWEEN 1 AND 4000),
        opened_at timestamptz NOT NULL DEFAULT now(),
        opened_by uuid,
        started_at timestamptz,
        started_by uuid,
        resolved_at timestamptz,
        resolved_by uuid,
        closed_at timestamptz,
        closed_by uuid,
        reopened_at timestamptz,
        reopened_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id)
      )`);
    // one ticket per alert: opening a ticket from an alert twice answers the existing one
    await q.query(`CREATE UNIQUE INDEX maintenance_tickets_alert_idx ON maintenance_tickets (alert_id) WHERE alert_id IS NOT NULL`);
    await q.query(`CREATE INDEX maintenance_tickets_device_idx ON maintenance_tickets (device_id, opened_at DESC)`);
    await q.query(`CREATE INDEX maintenance_tickets_tenant_idx ON maintenance_tickets (tenant_id, state, opened_at DESC)`);
    await q.query(`
      CREATE TABLE maintenance_ticket_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        ticket_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('NOTE', 'STATE', 'ASSIGNED', 'PHOTO')),
        body text NOT NULL DEFAULT '' CHECK (length(body) <= 4000),
        from_state text,
        to_state text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        created_by uuid,
        created_by_name text,
        FOREIGN KEY (tenant_id, ticket_id) REFERENCES maintenance_tickets (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX maintenance_ticket_events_ticket_idx ON maintenance_ticket_events (ticket_id, created_at)`);
    await q.query(`
      CREATE TABLE maintenance_ticket_photos (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        ticket_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
        size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content bytea NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        uploaded_by uuid,
        FOREIGN KEY (tenant_id, ticket_id) REFERENCES maintenance_tickets (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX maintenance_ticket_photos_ticket_idx ON maintenance_ticket_photos (ticket_id, uploaded_at)`);
    for (const table of ['maintenance_tickets', 'maintenance_ticket_events', 'maintenance_ticket_photos']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (zizhu_fleet_visible(tenant_id))`);
      await q.query(`CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (zizhu_fleet_writable(tenant_id))`);
      await q.query(`CREATE POLICY ${table}_update ON ${table} FOR UPDATE USING (zizhu_fleet_writable(tenant_id)) WITH CHECK (zizhu_fleet_writable(tenant_id))`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE ON maintenance_tickets TO zizhu_app`);
    await q.query(`GRANT SELECT, INSERT ON maintenance_ticket_events, maintenance_ticket_photos TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE maintenance_ticket_photos`);
    await q.query(`DROP TABLE maintenance_ticket_events`);
    await q.query(`DROP TABLE maintenance_tickets`);
    await q.query(`UPDATE users SET role = 'OPERATOR_STAFF' WHERE role = 'TECHNICIAN'`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN (${ROLES_BEFORE}))`);
  }
}
