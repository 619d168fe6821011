import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * WeChat's channel fee on statements (issue 12).
 * - `agreements.channel_fee_passed_on`: a franchise term, versioned with the agreement: whether WeChat's fee on the
 *   franchisee's sessions is passed on to it (brand collects). NULL on older rows reads as "not passed on" (borne by
 *   the merchant of record); reseller agreements never carry it; a franchisee that collects itself bears its own fee,
 *   so the term is never true with FRANCHISEE_COLLECTS.
 * - `statement_channel_fees`: which statement carried each day's channel fee of an organisation (the CHANNEL_FEE
 *   ledger posting, by its source: merchant account and bill date; `own` = its own fee as merchant of record, else the
 *   share its brand passed on). Marked at the close, once (the primary key), like `statement_refunds`: a fee posted
 *   after the statement of its day closed lands on the next statement to close, and a closed statement never changes.
 */
export class AddChannelFeePassOn1764343000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agreements ADD COLUMN channel_fee_passed_on boolean`);
    await q.query(`
      ALTER TABLE agreements ADD CONSTRAINT agreements_channel_fee_passed_on CHECK (
        channel_fee_passed_on IS NULL OR (kind = 'FRANCHISE' AND NOT (channel_fee_passed_on AND collection = 'FRANCHISEE_COLLECTS')))`);
    await q.query(`
      CREATE TABLE statement_channel_fees (
        tenant_id uuid NOT NULL,
        source_id text NOT NULL,
        own boolean NOT NULL,
        statement_id uuid NOT NULL,
        amount_fen bigint NOT NULL,
        PRIMARY KEY (tenant_id, source_id, own),
        FOREIGN KEY (tenant_id, statement_id) REFERENCES statements (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX statement_channel_fees_statement_idx ON statement_channel_fees (statement_id)`);
    await q.query(`CREATE TRIGGER statement_channel_fees_append_only BEFORE UPDATE OR DELETE ON statement_channel_fees FOR EACH ROW EXECUTE FUNCTION zizhu_refuse_change()`);
    await q.query(`ALTER TABLE statement_channel_fees ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE statement_channel_fees FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY statement_channel_fees_visible ON statement_channel_fees USING (zizhu_data_visible(tenant_id)) WITH CHECK (zizhu_data_visible(tenant_id))`);
    await q.query(`GRANT SELECT, INSERT ON statement_channel_fees TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE statement_channel_fees`);
    await q.query(`ALTER TABLE agreements DROP CONSTRAINT agreements_channel_fee_passed_on`);
    await q.query(`ALTER TABLE agreements DROP COLUMN channel_fee_passed_on`);
  }
}
