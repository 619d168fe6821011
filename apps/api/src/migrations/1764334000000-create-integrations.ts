import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Integrators (issue 16): API keys per organisation and business-event webhooks.
 *
 * - `api_keys`: only the SHA-256 of the key's secret is stored; its scopes (permission codes) and the role of the
 *   login that created it. `zizhu_enter_api_key` enters the key's organisation exactly as a login of it
 *   (`zizhu_enter_tenant`) and, in the same statement, checks the key is not revoked (nor its creator disabled or given
 *   another role since) and
 *   stamps `last_used_at` (at most once a minute).
 * - `webhook_events` is the outbox: triggers on the tables where the business facts happen (a session becoming PAID or
 *   CANCELLED, a refund SUCCEEDED, a complaint inserted, a device's platform `device.online` / `device.offline` event)
 *   write one row in the same transaction — only when an enabled endpoint that may see it subscribes to it — unique by
 *   its dedupe key, so a fact is announced once and never for a rolled-back change. The dispatcher fans each row out to
 *   `webhook_deliveries` (one per event × endpoint) and every attempt lands in `webhook_attempts`.
 * - Who may receive an event: endpoints of the event's organisation and of the organisations above it, but a hardware
 *   reseller only device (FLEET) events of its customers, never their sessions, refunds or complaints (as the read
 *   policies: a reseller's data tenants are itself only).
 */
export class CreateIntegrations1764334000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        secret_hash text NOT NULL CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
        hint text NOT NULL,
        scopes text[] NOT NULL,
        role text NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by uuid,
        last_used_at timestamptz
      )`);
    await q.query(`CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        url text NOT NULL,
        description text,
        events text[] NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        secret_ciphertext text NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhook_endpoints_tenant_idx ON webhook_endpoints (tenant_id) WHERE enabled`);
    await q.query(`
      CREATE TABLE webhook_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        type text NOT NULL,
        category text NOT NULL CHECK (category IN ('FLEET', 'DATA')),
        dedupe_key text NOT NULL UNIQUE,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz
      )`);
    await q.query(`CREATE INDEX webhook_events_undispatched_idx ON webhook_events (created_at) WHERE dispatched_at IS NULL`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES webhook_events(id),
        state text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        replays integer NOT NULL DEFAULT 0,
        last_status integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        failed_at timestamptz,
        UNIQUE (event_id, endpoint_id)
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_tenant_idx ON webhook_deliveries (tenant_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE webhook_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
        replay boolean NOT NULL DEFAULT false,
        started_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        status integer,
        error text
      )`);
    await q.query(`CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, started_at)`);

    for (const table of ['api_keys', 'webhook_endpoints', 'webhook_deliveries', 'webhook_attempts']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_visible ON ${table} USING (zizhu_data_visible(tenant_id)) WITH CHECK (zizhu_data_visible(tenant_id))`);
    }
    // an event is read by the receivers the dispatcher chose: data events as the data policies, device events as the fleet's
    await q.query(`ALTER TABLE webhook_events ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE webhook_events FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY webhook_events_visible ON webhook_events FOR SELECT USING (zizhu_data_visible(tenant_id) OR (category = 'FLEET' AND zizhu_fleet_visible(tenant_id)))`);
    await q.query(`CREATE POLICY webhook_events_system ON webhook_events USING (zizhu_all_tenants()) WITH CHECK (zizhu_all_tenants())`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON api_keys TO zizhu_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_endpoints TO zizhu_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON webhook_events, webhook_deliveries, webhook_attempts TO zizhu_app`);

    await q.query(`
      CREATE FUNCTION zizhu_enter_api_key(tenant uuid, key uuid) RETURNS text LANGUAGE plpgsql AS $$
      DECLARE
        kind text;
      BEGIN
        kind := zizhu_enter_tenant(tenant, false);
        IF kind IS NULL THEN
          RETURN NULL;
        END IF;
        -- the key is in the tenant just entered, so the policies let its row through; it acts with its creator's role,
        -- so it stops when that login is disabled or its role changes
        IF NOT EXISTS (SELECT 1 FROM api_keys k JOIN users u ON u.id = k.created_by AND u.disabled_at IS NULL AND u.role = k.role
                        WHERE k.id = key AND k.tenant_id = tenant AND k.revoked_at IS NULL) THEN
          RETURN 'REVOKED';
        END IF;
        UPDATE api_keys SET last_used_at = now() WHERE id = key AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute');
        RETURN kind;
      END $$`);

    // The outbox's one way in (from the triggers below, inside the transaction of the change). SECURITY DEFINER and
    // all tenants for the one check and insert: the endpoints of the organisations above are not visible to the
    // tenant that made the change; the visibility setting is put back as it was before returning.
    await q.query(`
      CREATE FUNCTION zizhu_webhook_emit(p_tenant uuid, p_type text, p_category text, p_dedupe text, p_payload jsonb, p_occurred timestamptz)
      RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        previous text := coalesce(current_setting('app.all_tenants', true), '');
        wanted boolean;
      BEGIN
        PERFORM set_config('app.all_tenants', 'on', true);
        SELECT EXISTS (
          SELECT 1 FROM organizations o
            JOIN webhook_endpoints w ON w.enabled AND p_type = ANY (w.events) AND w.tenant_id = ANY (o.path)
            JOIN organizations wo ON wo.id = w.tenant_id
           WHERE o.id = p_tenant
             AND (w.tenant_id = p_tenant OR p_category = 'FLEET' OR wo.operating_model IS DISTINCT FROM 'HARDWARE_SALE')) INTO wanted;
        IF wanted THEN
          INSERT INTO webhook_events (tenant_id, type, category, dedupe_key, payload, occurred_at)
          VALUES (p_tenant, p_type, p_category, p_dedupe, p_payload, p_occurred)
          ON CONFLICT (dedupe_key) DO NOTHING;
        END IF;
        PERFORM set_config('app.all_tenants', previous, true);
      END $$`);

    await q.query(`
      CREATE FUNCTION zizhu_webhook_session_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        type text := CASE NEW.state WHEN 'PAID' THEN 'session.paid' ELSE 'session.cancelled' END;
      BEGIN
        PERFORM zizhu_webhook_emit(NEW.tenant_id, type, 'DATA', type || ':' || NEW.id,
          jsonb_build_object('sessionId', NEW.id, 'outOrderNo', NEW.out_order_no, 'organizationId', NEW.tenant_id, 'state', NEW.state,
            'deviceId', NEW.device_id, 'deviceCode', NEW.device_code, 'totalFen', NEW.total_fen, 'paidFen', NEW.paid_fen,
            'transactionId', NEW.transaction_id, 'paidAt', NEW.paid_at, 'cancelledAt', NEW.cancelled_at, 'cancelReason', NEW.cancel_reason),
          coalesce(NEW.paid_at, NEW.cancelled_at, now()));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER service_sessions_webhook AFTER UPDATE OF state ON service_sessions FOR EACH ROW
        WHEN (NEW.state IN ('PAID', 'CANCELLED') AND OLD.state IS DISTINCT FROM NEW.state)
        EXECUTE FUNCTION zizhu_webhook_session_trigger()`);

    await q.query(`
      CREATE FUNCTION zizhu_webhook_refund_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM zizhu_webhook_emit(NEW.tenant_id, 'refund.succeeded', 'DATA', 'refund.succeeded:' || NEW.id,
          jsonb_build_object('refundId', NEW.id, 'sessionId', NEW.session_id, 'organizationId', NEW.tenant_id, 'amountFen', NEW.amount_fen,
            'outRefundNo', NEW.out_refund_no, 'wechatRefundId', NEW.refund_id, 'succeededAt', NEW.finished_at),
          coalesce(NEW.finished_at, now()));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER session_actions_webhook_insert AFTER INSERT ON session_actions FOR EACH ROW
        WHEN (NEW.kind = 'REFUND' AND NEW.state = 'SUCCEEDED') EXECUTE FUNCTION zizhu_webhook_refund_trigger()`);
    await q.query(`
      CREATE TRIGGER session_actions_webhook_update AFTER UPDATE OF state ON session_actions FOR EACH ROW
        WHEN (NEW.kind = 'REFUND' AND NEW.state = 'SUCCEEDED' AND OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION zizhu_webhook_refund_trigger()`);

    await q.query(`
      CREATE FUNCTION zizhu_webhook_complaint_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM zizhu_webhook_emit(coalesce(NEW.session_tenant_id, NEW.tenant_id), 'complaint.created', 'DATA', 'complaint.created:' || NEW.id,
          jsonb_build_object('complaintId', NEW.id, 'wechatComplaintId', NEW.complaint_id, 'sessionId', NEW.session_id,
            'organizationId', coalesce(NEW.session_tenant_id, NEW.tenant_id), 'outOrderNo', NEW.out_order_no, 'state', NEW.state,
            'complaintTime', NEW.complaint_time, 'replyDueAt', NEW.reply_due_at),
          NEW.complaint_time);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER complaints_webhook AFTER INSERT ON complaints FOR EACH ROW EXECUTE FUNCTION zizhu_webhook_complaint_trigger()`);

    await q.query(`
      CREATE FUNCTION zizhu_webhook_device_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM zizhu_webhook_emit(NEW.tenant_id, NEW.type, 'FLEET', NEW.type || ':' || NEW.id,
          jsonb_build_object('deviceId', NEW.device_id, 'organizationId', NEW.tenant_id, 'occurredAt', NEW.occurred_at),
          NEW.occurred_at);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER device_events_webhook AFTER INSERT ON device_events FOR EACH ROW
        WHEN (NEW.source = 'PLATFORM' AND NEW.type IN ('device.online', 'device.offline')) EXECUTE FUNCTION zizhu_webhook_device_trigger()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER device_events_webhook ON device_events`);
    await q.query(`DROP TRIGGER complaints_webhook ON complaints`);
    await q.query(`DROP TRIGGER session_actions_webhook_update ON session_actions`);
    await q.query(`DROP TRIGGER session_actions_webhook_insert ON session_actions`);
    await q.query(`DROP TRIGGER service_sessions_webhook ON service_sessions`);
    await q.query(`DROP FUNCTION zizhu_webhook_device_trigger()`);
    await q.query(`DROP FUNCTION zizhu_webhook_complaint_trigger()`);
    await q.query(`DROP FUNCTION zizhu_webhook_refund_trigger()`);
    await q.query(`DROP FUNCTION zizhu_webhook_session_trigger()`);
    await q.query(`DROP FUNCTION zizhu_webhook_emit(uuid, text, text, text, jsonb, timestamptz)`);
    await q.query(`DROP FUNCTION zizhu_enter_api_key(uuid, uuid)`);
    await q.query(`DROP TABLE webhook_attempts, webhook_deliveries, webhook_events, webhook_endpoints, api_keys`);
  }
}
