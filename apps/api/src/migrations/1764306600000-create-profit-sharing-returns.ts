import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Split returns (分账回退, issue 12): before a refund of a franchisee-collects order whose commission was already split
 * to the brand, the commission share of the refunded amount is pulled back from the brand's merchant account.
 * One per refund action (UNIQUE action_id); `out_return_no` fixed per action, so a lost answer is queried by it.
 * PENDING → PROCESSING → SUCCEEDED | FAILED. A FAILED return (the brand's balance short, …) does not stop the refund
 * (WeChat allows it from the franchisee's own available money); the commission stays owed back in the ledger
 * (COMMISSION_PAYABLE of the franchisee in debit) and is carried into the franchisee's next statement to close as an
 * ADJUSTMENT line in its favour (`carried_statement_id`, marked at that close, so once). The SPLIT_RETURN ledger posting's source is this row's id.
 * Visible like its split: to the franchisee and its brand.
 */
export class CreateProfitSharingReturns1764306600000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE profit_sharing_returns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        brand_tenant_id uuid NOT NULL REFERENCES organizations(id),
        profit_sharing_order_id uuid NOT NULL REFERENCES profit_sharing_orders(id),
        session_id uuid NOT NULL,
        action_id uuid NOT NULL UNIQUE,
        out_return_no text NOT NULL UNIQUE CHECK (out_return_no ~ '^[0-9A-Za-z_|*@-]{1,64}$'),
        return_mchid text NOT NULL,
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        state text NOT NULL CHECK (state IN ('PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED')),
        wechat_return_id text,
        failure text,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        carried_statement_id uuid,
        CHECK (state <> 'FAILED' OR failure IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX profit_sharing_returns_order_idx ON profit_sharing_returns (profit_sharing_order_id)`);
    await q.query(`ALTER TABLE profit_sharing_returns ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE profit_sharing_returns FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY profit_sharing_returns_visible ON profit_sharing_returns
      USING (zizhu_data_visible(tenant_id) OR zizhu_data_visible(brand_tenant_id))
      WITH CHECK (zizhu_data_visible(tenant_id))`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON profit_sharing_returns TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE profit_sharing_returns`);
  }
}
