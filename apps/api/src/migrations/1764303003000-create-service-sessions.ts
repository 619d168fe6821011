import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Service sessions charged through Pay Score, the operator actions on them (end, modify, collect,
 * refund) and the WeChat callbacks received. A session's `tenant_id` is the organisation owning the
 * device (a franchisee sees its own); `merchant_tenant_id` is the merchant of record whose Pay Score
 * account charges it. Rows are data, not fleet: a hardware reseller does not see its customers' sessions.
 */
export class CreateServiceSessions1764303003000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        merchant_tenant_id uuid NOT NULL REFERENCES organizations(id),
        merchant_account_id uuid NOT NULL,
        payscore_service_id uuid NOT NULL,
        service_id text NOT NULL,
        scenario text NOT NULL CHECK (scenario IN ('VENDING', 'POWERBANK_RENTAL', 'EV_CHARGING', 'WATER')),
        service_mode text NOT NULL CHECK (service_mode IN ('DEPOSIT_WAIVED', 'USE_FIRST')),
        end_user_id uuid NOT NULL,
        appid text NOT NULL,
        device_id uuid NOT NULL,
        device_type text NOT NULL,
        device_code text NOT NULL,
        slot integer CHECK (slot >= 1),
        connector integer CHECK (connector >= 1),
        plan_id uuid NOT NULL,
        plan_version integer NOT NULL,
        plan jsonb NOT NULL,
        risk_fund_fen integer NOT NULL CHECK (risk_fund_fen > 0),
        notify_url text NOT NULL,
        out_order_no text NOT NULL UNIQUE CHECK (out_order_no ~ '^[A-Za-z0-9_|*@-]{1,32}$'),
        state text NOT NULL CHECK (state IN ('AWAITING_CONFIRMATION', 'STARTING', 'IN_USE', 'AWAITING_PAYMENT', 'PAID', 'CANCELLED')),
        order_id text,
        order_package text,
        order_state text,
        order_state_description text,
        collection_state text,
        start_command_id uuid,
        stop_command_id uuid,
        service_started_at timestamptz,
        service_ended_at timestamptz,
        end_source text CHECK (end_source IN ('DEVICE', 'OPERATOR', 'TOTAL_CAP', 'RUN_LIMIT')),
        usage jsonb,
        quote jsonb,
        quoted_fen integer CHECK (quoted_fen >= 0),
        total_fen integer CHECK (total_fen >= 0),
        lines jsonb,
        paid_fen integer CHECK (paid_fen >= 0),
        transaction_id text,
        refunded_fen integer NOT NULL DEFAULT 0 CHECK (refunded_fen >= 0),
        cancel_reason text,
        anomaly text,
        created_at timestamptz NOT NULL DEFAULT now(),
        awaiting_confirmation_at timestamptz NOT NULL DEFAULT now(),
        order_created_at timestamptz,
        confirmed_at timestamptz,
        starting_at timestamptz,
        in_use_at timestamptz,
        ended_at timestamptz,
        awaiting_payment_at timestamptz,
        order_completed_at timestamptz,
        modified_at timestamptz,
        collection_attempted_at timestamptz,
        paid_at timestamptz,
        cancel_requested_at timestamptz,
        cancelled_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT service_sessions_paid_within_total CHECK (paid_fen IS NULL OR total_fen IS NULL OR paid_fen <= total_fen OR anomaly IS NOT NULL),
        CONSTRAINT service_sessions_total_within_risk_fund CHECK (total_fen IS NULL OR total_fen <= risk_fund_fen),
        CONSTRAINT service_sessions_refund_within_paid CHECK (refunded_fen <= coalesce(paid_fen, 0)),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id),
        FOREIGN KEY (merchant_tenant_id, merchant_account_id) REFERENCES merchant_accounts (tenant_id, id),
        FOREIGN KEY (merchant_tenant_id, payscore_service_id) REFERENCES payscore_services (tenant_id, id),
        FOREIGN KEY (merchant_tenant_id, end_user_id) REFERENCES end_users (tenant_id, id)
      )`);
    // one open session per device position (a fridge door, a cabinet slot, a charger connector, a valve)
    await q.query(`
      CREATE UNIQUE INDEX service_sessions_one_open_per_position ON service_sessions (device_id, coalesce(slot, 0), coalesce(connector, 0))
      WHERE state IN ('AWAITING_CONFIRMATION', 'STARTING', 'IN_USE')`);
    await q.query(`CREATE INDEX service_sessions_tenant_idx ON service_sessions (tenant_id, created_at DESC)`);
    await q.query(`CREATE INDEX service_sessions_merchant_idx ON service_sessions (merchant_tenant_id, created_at DESC)`);
    await q.query(`CREATE INDEX service_sessions_open_idx ON service_sessions (updated_at) WHERE state NOT IN ('PAID', 'CANCELLED')`);
    await q.query(`CREATE INDEX service_sessions_unpaid_idx ON service_sessions (merchant_tenant_id, order_completed_at) WHERE state = 'AWAITING_PAYMENT'`);
    await q.query(`CREATE INDEX service_sessions_end_user_idx ON service_sessions (end_user_id, created_at DESC)`);
    await q.query(`CREATE INDEX service_sessions_start_command_idx ON service_sessions (start_command_id)`);

    await q.query(`
      CREATE TABLE session_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        session_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('END', 'MODIFY', 'COLLECT', 'REFUND')),
        amount_fen integer CHECK (amount_fen >= 0),
        reason text,
        ended_at timestamptz,
        out_refund_no text UNIQUE CHECK (out_refund_no ~ '^[A-Za-z0-9_|*@-]{1,64}$'),
        refund_id text,
        state text NOT NULL CHECK (state IN ('PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED')),
        error text,
        requested_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, session_id) REFERENCES service_sessions (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX session_actions_session_idx ON session_actions (session_id, created_at)`);

    // Every verified WeChat callback, once: by notification id, and by business key + event type (checklist items 3).
    await q.query(`
      CREATE TABLE payscore_notifications (
        id text PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        merchant_account_id uuid NOT NULL,
        event_type text NOT NULL,
        business_key text NOT NULL,
        resource jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        applied_at timestamptz,
        outcome text,
        UNIQUE (merchant_account_id, business_key, event_type)
      )`);

    for (const table of ['service_sessions', 'session_actions', 'payscore_notifications']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    // sessions: the device owner's data (a franchisee sees its own, its brand sees all its franchisees'),
    // and the merchant of record's (the brand charges the franchisee's sessions)
    await q.query(`
      CREATE POLICY service_sessions_visible ON service_sessions
      USING (zizhu_data_visible(tenant_id) OR zizhu_data_visible(merchant_tenant_id))
      WITH CHECK (zizhu_data_visible(tenant_id) OR zizhu_data_visible(merchant_tenant_id))`);
    await q.query(`
      CREATE POLICY session_actions_visible ON session_actions
      USING (zizhu_data_visible(tenant_id)) WITH CHECK (zizhu_data_visible(tenant_id))`);
    await q.query(`
      CREATE POLICY payscore_notifications_visible ON payscore_notifications
      USING (zizhu_data_visible(tenant_id)) WITH CHECK (zizhu_data_visible(tenant_id))`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON service_sessions, session_actions, payscore_notifications TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payscore_notifications`);
    await q.query(`DROP TABLE session_actions`);
    await q.query(`DROP TABLE service_sessions`);
  }
}
