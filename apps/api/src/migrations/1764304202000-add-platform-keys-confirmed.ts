import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A merchant account trusts only platform keys WeChat itself signed with (issue 10, item 5): the credential probe
 * confirms them, and `platform_keys_confirmed_at` records that it did. Until then the account trusts no key
 * (fail closed). Existing rows: an account validated with a single key had its one key confirmed by that
 * validation; an account holding several keys cannot tell which WeChat used, and must save its credentials again.
 */
export class AddPlatformKeysConfirmed1764304202000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE merchant_accounts ADD COLUMN platform_keys_confirmed_at timestamptz`);
    await q.query(`
      UPDATE merchant_accounts SET platform_keys_confirmed_at = validated_at
       WHERE validated_at IS NOT NULL
         AND (platform_public_key_id IS NOT NULL)::int + coalesce(jsonb_array_length(platform_certificates), 0) = 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE merchant_accounts DROP COLUMN platform_keys_confirmed_at`);
  }
}
