import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts (issue 13): per-organisation rules, the alerts themselves (one row per rule × subject × episode,
 * deduplicated by a unique key), who has read which, one webhook per organisation and its deliveries.
 *
 * Visibility follows the data the alert is about. `alerts.tenant_id` is the organisation owning the subject
 * (the device's owner, the session's device owner); `category` FLEET (device health) is visible like the
 * fleet — a hardware reseller sees its customers' — and MONEY (collections, refunds, reconciliation,
 * complaints, payouts) like the data — the owner and a franchise brand above it, never a reseller.
 * Rules are read by the organisation, its subtree and its descendants (a franchisee reads its brand's rules,
 * which apply to it unless it sets its own), written only by the organisation itself. Webhooks, their
 * deliveries and read marks belong to the one organisation that made them.
 */
export class CreateAlerts1764307000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    const KIND = `kind ~ '^[A-Z][A-Z0-9_]{1,63}$'`;
    const own = `(zizhu_all_tenants() OR tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)`;

    await q.query(`
      CREATE TABLE alert_rules (
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        kind text NOT NULL CHECK (${KIND}),
        enabled boolean NOT NULL,
        threshold numeric CHECK (threshold > 0),
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, kind)
      )`);

    await q.query(`
      CREATE TABLE alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        kind text NOT NULL CHECK (${KIND}),
        category text NOT NULL CHECK (category IN ('FLEET', 'MONEY')),
        severity text NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
        subject_type text NOT NULL CHECK (subject_type ~ '^[a-z][a-z0-9_-]{0,63}$'),
        subject_id text NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 200),
        dedupe_key text NOT NULL CHECK (length(dedupe_key) BETWEEN 1 AND 300),
        facts jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(facts) = 'object'),
        state text NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
        raised_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz,
        acknowledged_by uuid,
        resolved_at timestamptz,
        UNIQUE (tenant_id, id),
        -- the episode key: a rule fires once per subject and episode, however many processes evaluate it
        UNIQUE (tenant_id, dedupe_key)
      )`);
    await q.query(`CREATE INDEX alerts_tenant_raised_idx ON alerts (tenant_id, raised_at DESC)`);
    await q.query(`CREATE INDEX alerts_open_kind_idx ON alerts (kind) WHERE state <> 'RESOLVED'`);

    await q.query(`
      CREATE TABLE alert_reads (
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        alert_id uuid NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (alert_id, user_id)
      )`);
    await q.query(`CREATE INDEX alert_reads_user_idx ON alert_reads (user_id)`);

    await q.query(`
      CREATE TABLE alert_webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL UNIQUE REFERENCES organizations(id),
        url text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
        format text NOT NULL CHECK (format IN ('JSON', 'WECOM')),
        enabled boolean NOT NULL DEFAULT true,
        secret_ciphertext text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        secret_rotated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        UNIQUE (tenant_id, id)
      )`);

    await q.query(`
      CREATE TABLE alert_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        webhook_id uuid NOT NULL,
        alert_id uuid NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        state text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_status integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        failed_at timestamptz,
        -- one delivery per alert and webhook, whatever the retries and processes
        UNIQUE (alert_id, webhook_id),
        FOREIGN KEY (tenant_id, webhook_id) REFERENCES alert_webhooks (tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX alert_deliveries_tenant_idx ON alert_deliveries (tenant_id, created_at DESC)`);

    for (const table of ['alert_rules', 'alerts', 'alert_reads', 'alert_webhooks', 'alert_deliveries']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    // rules: read by the organisation, its subtree and (through its own path) its ancestors; written by itself
    await q.query(`
      CREATE POLICY alert_rules_read ON alert_rules FOR SELECT USING (
        zizhu_fleet_visible(tenant_id) OR EXISTS (
          SELECT 1 FROM organizations o WHERE o.id = nullif(current_setting('app.tenant_id', true), '')::uuid AND alert_rules.tenant_id = ANY (o.path)))`);
    await q.query(`CREATE POLICY alert_rules_insert ON alert_rules FOR INSERT WITH CHECK ${own}`);
    await q.query(`CREATE POLICY alert_rules_update ON alert_rules FOR UPDATE USING ${own} WITH CHECK ${own}`);
    await q.query(`CREATE POLICY alert_rules_delete ON alert_rules FOR DELETE USING ${own}`);

    const alertVisible = `(zizhu_data_visible(tenant_id) OR (category = 'FLEET' AND zizhu_fleet_visible(tenant_id)))`;
    await q.query(`CREATE POLICY alerts_visible ON alerts USING ${alertVisible} WITH CHECK ${alertVisible}`);
    for (const table of ['alert_reads', 'alert_webhooks', 'alert_deliveries']) {
      await q.query(`CREATE POLICY ${table}_own ON ${table} USING ${own} WITH CHECK ${own}`);
    }

    // partial indexes the evaluator's statements use (start failures, last successful start, stuck refunds)
    await q.query(`CREATE INDEX service_sessions_start_failed_idx ON service_sessions (device_id, starting_at) WHERE cancel_reason = '设备启动失败' AND in_use_at IS NULL`);
    await q.query(`CREATE INDEX service_sessions_started_idx ON service_sessions (device_id, starting_at DESC) WHERE in_use_at IS NOT NULL`);
    await q.query(`CREATE INDEX session_actions_refund_open_idx ON session_actions (created_at) WHERE kind = 'REFUND' AND state IN ('PENDING', 'PROCESSING', 'ABNORMAL')`);

    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON alert_rules, alert_reads, alert_webhooks TO zizhu_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON alerts, alert_deliveries TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX session_actions_refund_open_idx`);
    await q.query(`DROP INDEX service_sessions_started_idx`);
    await q.query(`DROP INDEX service_sessions_start_failed_idx`);
    await q.query(`DROP TABLE alert_deliveries`);
    await q.query(`DROP TABLE alert_webhooks`);
    await q.query(`DROP TABLE alert_reads`);
    await q.query(`DROP TABLE alerts`);
    await q.query(`DROP TABLE alert_rules`);
  }
}
