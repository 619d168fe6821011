import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consumer complaints 2.0 (issue 13): WeChat's complaints on a merchant account's orders, linked to the session they
 * are about, and the merchant's actions on them (reply, complete, refund progress) done by jobs.
 *
 * `tenant_id` is the merchant of record (the account that received the complaint); `session_tenant_id` the device's
 * owner when the complaint names one of our sessions, so a franchisee sees the complaints on its own sessions while its
 * brand's account received them (read-only: the actions stay with the merchant of record). `payer_phone` is kept as
 * WeChat sent it (RSA-OAEP ciphertext) and decrypted only when an operator opens it.
 */
export class CreateComplaints1764308100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE complaints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        merchant_account_id uuid NOT NULL,
        complaint_id text NOT NULL UNIQUE CHECK (length(complaint_id) BETWEEN 1 AND 64),
        session_id uuid,
        session_tenant_id uuid REFERENCES organizations(id),
        out_order_no text,
        transaction_id text,
        state text NOT NULL CHECK (state IN ('PENDING', 'PROCESSING', 'PROCESSED')),
        complaint_time timestamptz NOT NULL,
        reply_due_at timestamptz NOT NULL,
        complete_due_at timestamptz NOT NULL,
        detail text NOT NULL,
        problem_type text,
        apply_refund_fen bigint,
        order_fen bigint,
        full_refunded boolean NOT NULL DEFAULT false,
        incoming_user_response boolean NOT NULL DEFAULT false,
        payer_phone_ciphertext text,
        history jsonb NOT NULL DEFAULT '[]',
        replied_at timestamptz,
        processed_at timestamptz,
        synced_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, merchant_account_id) REFERENCES merchant_accounts (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX complaints_list_idx ON complaints (tenant_id, complaint_time DESC)`);
    await q.query(`CREATE INDEX complaints_session_tenant_idx ON complaints (session_tenant_id, complaint_time DESC) WHERE session_tenant_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE complaint_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        complaint_ref uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('REPLY', 'COMPLETE', 'REFUND_PROGRESS', 'REFUND')),
        state text NOT NULL CHECK (state IN ('PENDING', 'SUCCEEDED', 'FAILED')),
        payload jsonb NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        error text,
        requested_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        FOREIGN KEY (tenant_id, complaint_ref) REFERENCES complaints (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX complaint_actions_complaint_idx ON complaint_actions (complaint_ref, created_at)`);
    await q.query(`
      CREATE TABLE complaint_notifications (
        id text PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        merchant_account_id uuid NOT NULL,
        complaint_id text NOT NULL,
        action_type text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE complaints ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE complaints FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY complaints_visible ON complaints
      USING (zizhu_data_visible(tenant_id) OR (session_tenant_id IS NOT NULL AND zizhu_data_visible(session_tenant_id)))
      WITH CHECK (zizhu_data_visible(tenant_id))`);
    for (const table of ['complaint_actions', 'complaint_notifications']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_visible ON ${table} USING (zizhu_data_visible(tenant_id)) WITH CHECK (zizhu_data_visible(tenant_id))`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE ON complaints, complaint_actions TO zizhu_app`);
    await q.query(`GRANT SELECT, INSERT ON complaint_notifications TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE complaint_notifications`);
    await q.query(`DROP TABLE complaint_actions`);
    await q.query(`DROP TABLE complaints`);
  }
}
