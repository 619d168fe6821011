import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * WeChat merchant-transfer payouts (issue 12).
 *
 * `payout_payees`: who a franchisee is paid to by 商家转账 — an openid under the brand's appid and, for transfers of
 * 2,000 CNY and more, the payee's real name, sealed like other secrets (envelope encryption: `real_name_ciphertext`
 * under a data key `dek_ciphertext` wrapped by the master key `master_key_id`; the clear text never leaves the API).
 * One row per franchisee; the franchisee and its brand see it (RLS like every tenant table).
 *
 * `payouts` gains what a transfer needs: the brand's merchant account that pays (`merchant_account_id`), the payee
 * openid it was sent to, WeChat's own state of the bill (`wechat_state`, e.g. WAIT_USER_CONFIRM) and the
 * `package_info` the franchisee confirms with in WeChat, and `retry_of` (a retry is a new payout with a new
 * out_bill_no; the failed one stays as it was). The one-live-payout-per-statement index is unchanged.
 */
export class AddPayoutTransfers1764306700000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payout_payees (
        tenant_id uuid PRIMARY KEY REFERENCES organizations(id),
        appid text NOT NULL CHECK (appid ~ '^[A-Za-z0-9_]{1,32}$'),
        openid text NOT NULL CHECK (length(openid) BETWEEN 1 AND 128),
        real_name_ciphertext text,
        dek_ciphertext text,
        master_key_id text,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((real_name_ciphertext IS NULL) = (dek_ciphertext IS NULL) AND (dek_ciphertext IS NULL) = (master_key_id IS NULL))
      )`);
    await q.query(`ALTER TABLE payout_payees ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE payout_payees FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY payout_payees_visible ON payout_payees USING (zizhu_data_visible(tenant_id)) WITH CHECK (zizhu_data_visible(tenant_id))`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON payout_payees TO zizhu_app`);

    await q.query(`
      ALTER TABLE payouts
        ADD COLUMN merchant_account_id uuid REFERENCES merchant_accounts(id),
        ADD COLUMN openid text,
        ADD COLUMN wechat_state text CHECK (wechat_state IN ('ACCEPTED', 'PROCESSING', 'WAIT_USER_CONFIRM', 'TRANSFERING', 'SUCCESS', 'FAIL', 'CANCELING', 'CANCELLED')),
        ADD COLUMN package_info text,
        ADD COLUMN retry_of uuid REFERENCES payouts(id),
        ADD CONSTRAINT payouts_transfer_fields CHECK (method <> 'WECHAT_TRANSFER' OR (out_no IS NOT NULL AND merchant_account_id IS NOT NULL AND openid IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE payouts DROP CONSTRAINT payouts_transfer_fields, DROP COLUMN retry_of, DROP COLUMN package_info, DROP COLUMN wechat_state,
        DROP COLUMN openid, DROP COLUMN merchant_account_id`);
    await q.query(`DROP TABLE payout_payees`);
  }
}
