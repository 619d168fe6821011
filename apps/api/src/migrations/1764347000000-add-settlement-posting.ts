import type { MigrationInterface, QueryRunner } from 'typeorm';

const SOURCE_KINDS = `'SESSION_PAID', 'REFUND', 'STATEMENT', 'ADJUSTMENT', 'SPLIT', 'SPLIT_RETURN', 'TRANSFER', 'PAYOUT', 'CHANNEL_FEE'`;
const ENTRY_KINDS = `'SALE', 'REFUND', 'COMMISSION', 'FIXED_FEE', 'MINIMUM_TOP_UP', 'RESELLER_FEE', 'ADJUSTMENT', 'SPLIT', 'SPLIT_RETURN', 'TRANSFER', 'PAYOUT', 'CHANNEL_FEE'`;

/**
 * Issue 12: recording a statement as settled (登记结清, `POST /v1/statements/{id}/settle`) posts the settlement to the
 * ledger: source kind and entry kind `SETTLEMENT` (source = the statement_settlements id, so once per statement).
 * `profit_sharing_orders.settled_statement_id`: a FAILED split whose commission the brand recorded as paid outside
 * WeChat with that statement's settlement (cleared in the ledger then; a retry of it is refused, so it is never split too).
 */
export class AddSettlementPosting1764347000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_source_kind_check`);
    await q.query(`ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_source_kind_check CHECK (source_kind IN (${SOURCE_KINDS}, 'SETTLEMENT'))`);
    await q.query(`ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_kind_check`);
    await q.query(`ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind_check CHECK (kind IN (${ENTRY_KINDS}, 'SETTLEMENT'))`);
    await q.query(`ALTER TABLE profit_sharing_orders ADD COLUMN settled_statement_id uuid REFERENCES statements(id)`);
  }

  /**
   * Limitation: `down` drops `settled_statement_id` (which failed splits a settlement cleared) and cannot restore the
   * SETTLEMENT postings' meaning without it; statements settled before `up` have no marks either — for both,
   * `ProfitSharingService.retry` also refuses a failed split whose period's statement is SETTLED.
   */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE profit_sharing_orders DROP COLUMN settled_statement_id`);
    await q.query(`ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_kind_check`);
    await q.query(`ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind_check CHECK (kind IN (${ENTRY_KINDS}))`);
    await q.query(`ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_source_kind_check`);
    await q.query(`ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_source_kind_check CHECK (source_kind IN (${SOURCE_KINDS}))`);
  }
}
