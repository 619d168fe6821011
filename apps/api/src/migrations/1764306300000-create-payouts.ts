import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payouts (issue 12): money a brand pays a franchisee for a closed statement when the brand collects.
 *
 * One table for every way it moves: `OFFLINE_BANK` (the brand paid by bank and records the reference: final at once),
 * `WECHAT_TRANSFER` (商家转账 to the franchisee's openid: `out_no` is the out_bill_no, `reference` WeChat's
 * transfer_bill_no; REQUESTED → PROCESSING → SUCCEEDED | FAILED, retried under the same out_no). Per-order profit
 * sharing (FRANCHISEE_COLLECTS) gets tables of its own when built — `profit_sharing_orders` (session, transaction,
 * out_order_no, amount, state) and `profit_sharing_returns` (the order, out_return_no, amount, state) — posting
 * ledger sources SPLIT and SPLIT_RETURN as these post PAYOUT. A statement has at most one payout that is not FAILED.
 */
export class CreatePayouts1764306300000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payouts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        payer_tenant_id uuid NOT NULL REFERENCES organizations(id),
        statement_id uuid NOT NULL,
        method text NOT NULL CHECK (method IN ('OFFLINE_BANK', 'WECHAT_TRANSFER')),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        state text NOT NULL CHECK (state IN ('REQUESTED', 'PROCESSING', 'SUCCEEDED', 'FAILED')),
        out_no text UNIQUE CHECK (out_no ~ '^[A-Za-z0-9]{5,32}$'),
        reference text CHECK (length(reference) BETWEEN 1 AND 100),
        failure text,
        attempts integer NOT NULL DEFAULT 0,
        paid_on date,
        requested_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        processing_at timestamptz,
        succeeded_at timestamptz,
        failed_at timestamptz,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, statement_id) REFERENCES statements (tenant_id, id),
        CHECK ((state = 'SUCCEEDED') = (succeeded_at IS NOT NULL)),
        CHECK (method <> 'OFFLINE_BANK' OR reference IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX payouts_one_live_per_statement ON payouts (statement_id) WHERE state <> 'FAILED'`);
    await q.query(`CREATE INDEX payouts_payer_idx ON payouts (payer_tenant_id, created_at DESC)`);
    await q.query(`ALTER TABLE payouts ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE payouts FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY payouts_visible ON payouts
      USING (zizhu_data_visible(tenant_id) OR zizhu_data_visible(payer_tenant_id))
      WITH CHECK (zizhu_data_visible(payer_tenant_id))`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON payouts TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payouts`);
  }
}
