import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The WeChat merchant-transfer scene a brand's account pays its franchisees under (issue 12): `transfer_scene_id`
 * and its report items (`transfer_scene_report_infos`, `[{"infoType", "infoContent"}]`). Scene 1005 (佣金报酬) and its
 * items are UNCONFIRMED for franchise revenue shares (wechatpay-bills-sharing-complaints.md §7: keep them
 * configurable), so each account may set its own; NULL keeps the platform's default (1005, 岗位类型 + 报酬说明).
 */
export class AddMerchantTransferScene1764309000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE merchant_accounts ADD COLUMN transfer_scene_id text CHECK (transfer_scene_id ~ '^[0-9]{4}$')`);
    await q.query(`ALTER TABLE merchant_accounts ADD COLUMN transfer_scene_report_infos jsonb CHECK (jsonb_typeof(transfer_scene_report_infos) = 'array')`);
    await q.query(`ALTER TABLE merchant_accounts ADD CONSTRAINT merchant_accounts_transfer_scene_both CHECK ((transfer_scene_id IS NULL) = (transfer_scene_report_infos IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE merchant_accounts DROP CONSTRAINT merchant_accounts_transfer_scene_both`);
    await q.query(`ALTER TABLE merchant_accounts DROP COLUMN transfer_scene_report_infos`);
    await q.query(`ALTER TABLE merchant_accounts DROP COLUMN transfer_scene_id`);
  }
}
