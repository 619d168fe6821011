import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Merchant accounts (WeChat Pay credentials of a merchant of record, envelope-encrypted: the secrets are
 * sealed with a per-account data key, itself wrapped by the platform master key named in master_key_id)
 * and the Pay Score service ids registered under them with their approved scenario, mode and risk cap.
 *
 * Data, not fleet: a hardware reseller never sees its customers' accounts and a franchisee never sees its
 * brand's (zizhu_data_visible). A franchisee's device charges through its brand's account; the lookup is a
 * narrow system read in the application.
 */
export class CreateMerchantAccounts1764303000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE merchant_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        name text NOT NULL,
        mchid text NOT NULL UNIQUE,
        appids text[] NOT NULL,
        serial_no text NOT NULL,
        platform_public_key_id text,
        platform_public_key_pem text,
        platform_certificates jsonb,
        credentials_ciphertext text NOT NULL,
        dek_ciphertext text NOT NULL,
        master_key_id text NOT NULL,
        credentials_version integer NOT NULL DEFAULT 1,
        validated_at timestamptz,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX merchant_accounts_tenant_idx ON merchant_accounts (tenant_id, created_at)`);
    await q.query(`CREATE INDEX merchant_accounts_appids_idx ON merchant_accounts USING gin (appids)`);
    // the boot rewrap looks for accounts still under a key being rotated away
    await q.query(`CREATE INDEX merchant_accounts_master_key_idx ON merchant_accounts (master_key_id)`);

    await q.query(`
      CREATE TABLE payscore_services (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        merchant_account_id uuid NOT NULL,
        service_id text NOT NULL,
        name text NOT NULL,
        scenario text NOT NULL CHECK (scenario IN ('VENDING','POWERBANK_RENTAL','EV_CHARGING','WATER')),
        mode text NOT NULL CHECK (mode IN ('DEPOSIT_WAIVED','USE_FIRST')),
        risk_cap_fen integer NOT NULL CHECK (risk_cap_fen > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz,
        UNIQUE (merchant_account_id, service_id),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, merchant_account_id) REFERENCES merchant_accounts (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX payscore_services_tenant_service_idx ON payscore_services (tenant_id, service_id)`);

    for (const table of ['merchant_accounts', 'payscore_services']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_visible ON ${table} USING (zizhu_data_visible(tenant_id)) WITH CHECK (zizhu_data_visible(tenant_id))`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE ON merchant_accounts, payscore_services TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payscore_services`);
    await q.query(`DROP TABLE merchant_accounts`);
  }
}
