import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-order profit sharing (分账) for franchisees that collect (issue 12, FRANCHISEE_COLLECTS).
 *
 * `service_sessions.profit_sharing`: the session was charged through the franchisee's own merchant account and its
 * order is completed with `profit_sharing: true` (its payment stays frozen until split or unfrozen).
 *
 * `profit_sharing_orders`: one per such session (UNIQUE session_id): the split of the brand's commission from the
 * franchisee's (`tenant_id`, the payer merchant) account to the brand's (`brand_tenant_id`). `out_order_no` is fixed
 * per session, so a retried or re-sent split is WeChat's re-entry and a lost answer is queried by it.
 * PENDING → PROCESSING → FINISHED | FAILED (a FAILED one may be retried: back to PENDING under a new out_order_no,
 * `retries` + 1, since WeChat's order under the old number is final). `amount_fen` 0 means the
 * commission was 0 and the order was only unfrozen. The SPLIT ledger posting's source is this row's id.
 * Visible to the franchisee and to its brand (zizhu_data_visible of either); written for the franchisee's tenant.
 */
export class CreateProfitSharingOrders1764306500000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE service_sessions ADD COLUMN profit_sharing boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE profit_sharing_orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        brand_tenant_id uuid NOT NULL REFERENCES organizations(id),
        session_id uuid NOT NULL UNIQUE,
        merchant_account_id uuid NOT NULL,
        receiver_mchid text,
        transaction_id text NOT NULL,
        out_order_no text NOT NULL UNIQUE CHECK (out_order_no ~ '^[0-9A-Za-z_|*@-]{1,64}$'),
        net_fen bigint NOT NULL CHECK (net_fen >= 0),
        commission_basis_points integer NOT NULL CHECK (commission_basis_points BETWEEN 0 AND 10000),
        amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
        state text NOT NULL CHECK (state IN ('PENDING', 'PROCESSING', 'FINISHED', 'FAILED')),
        wechat_order_id text,
        receiver_result text,
        failure text,
        attempts integer NOT NULL DEFAULT 0,
        retries integer NOT NULL DEFAULT 0,
        paid_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        failed_at timestamptz,
        CHECK ((state = 'FINISHED') = (finished_at IS NOT NULL)),
        CHECK (state <> 'FAILED' OR failure IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX profit_sharing_orders_tenant_idx ON profit_sharing_orders (tenant_id, created_at DESC)`);
    await q.query(`CREATE INDEX profit_sharing_orders_brand_idx ON profit_sharing_orders (brand_tenant_id, created_at DESC)`);
    await q.query(`ALTER TABLE profit_sharing_orders ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE profit_sharing_orders FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY profit_sharing_orders_visible ON profit_sharing_orders
      USING (zizhu_data_visible(tenant_id) OR zizhu_data_visible(brand_tenant_id))
      WITH CHECK (zizhu_data_visible(tenant_id))`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON profit_sharing_orders TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE profit_sharing_orders`);
    await q.query(`ALTER TABLE service_sessions DROP COLUMN profit_sharing`);
  }
}
