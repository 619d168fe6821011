import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Callbacks were deduplicated by (account, business key, event type) alone, so the first callback stored for
 * an order and event — even one whose content was wrong or stale — made WeChat's genuine one a "duplicate" that
 * was never applied. The key now includes a digest of the decrypted resource: the same notification delivered
 * again (same content, any id) is still stored once, a different one is stored and applied too (applying is
 * idempotent under the session lock, and the recorded state only moves forward). Issue 10, item 14.
 */
export class DedupeNotificationsByContent1764304201000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    const rows = (await q.query(
      `SELECT conname FROM pg_constraint WHERE conrelid = 'payscore_notifications'::regclass AND contype = 'u'`,
    )) as { conname: string }[];
    for (const { conname } of rows) await q.query(`ALTER TABLE payscore_notifications DROP CONSTRAINT "${conname}"`);
    await q.query(`
      CREATE UNIQUE INDEX payscore_notifications_business_key_content
        ON payscore_notifications (merchant_account_id, business_key, event_type, md5(resource::text))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX payscore_notifications_business_key_content`);
    await q.query(`
      DELETE FROM payscore_notifications n USING payscore_notifications o
       WHERE n.merchant_account_id = o.merchant_account_id AND n.business_key = o.business_key AND n.event_type = o.event_type
         AND (n.received_at, n.id) > (o.received_at, o.id)`);
    await q.query(`ALTER TABLE payscore_notifications ADD UNIQUE (merchant_account_id, business_key, event_type)`);
  }
}
