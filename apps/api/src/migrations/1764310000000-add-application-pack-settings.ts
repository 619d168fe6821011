import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the operator enters for its Pay Score application pack (issue 14, contracts.md §10), per merchant account:
 * the 系统软件 text (NULL: "zizhu (开源)"), the 预计日均笔数 and the 期望接入渠道 (NULL: 小程序). The figures of the pack
 * are never stored: they are computed from the account's sessions on each read.
 */
export class AddApplicationPackSettings1764310000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE merchant_accounts ADD COLUMN pack_system_software text CHECK (length(pack_system_software) BETWEEN 1 AND 100)`);
    await q.query(`ALTER TABLE merchant_accounts ADD COLUMN pack_expected_daily_orders integer CHECK (pack_expected_daily_orders BETWEEN 0 AND 10000000)`);
    await q.query(`ALTER TABLE merchant_accounts ADD COLUMN pack_expected_channel text CHECK (length(pack_expected_channel) BETWEEN 1 AND 100)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE merchant_accounts DROP COLUMN pack_expected_channel`);
    await q.query(`ALTER TABLE merchant_accounts DROP COLUMN pack_expected_daily_orders`);
    await q.query(`ALTER TABLE merchant_accounts DROP COLUMN pack_system_software`);
  }
}
