import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statement settlements (issue 12): how a CLOSED statement that no payout can settle was settled, recorded by the
 * party owed (the brand for its franchisees' statements, the reseller for its customers'). One per statement, never
 * changed or removed. `settled_at` is when the money moved (given, else the business clock's now), never before the
 * statement's close; `recorded_at` when it was recorded. Methods: OFFLINE_BANK (a bank transfer, its reference
 * required), OFFSET (set off against other money between the two parties), OTHER (cash, waived…; the note says how).
 * `amount_fen` is the statement's payableFen at the time (signed as the statement's: negative, the organisation owed
 * its parent). Visible like statements and payouts: the organisation and its parent read it, only the parent writes.
 */
export class CreateStatementSettlements1764342000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE statement_settlements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        parent_tenant_id uuid NOT NULL REFERENCES organizations(id),
        statement_id uuid NOT NULL UNIQUE,
        method text NOT NULL CHECK (method IN ('OFFLINE_BANK', 'OFFSET', 'OTHER')),
        amount_fen bigint NOT NULL,
        reference text CHECK (length(reference) BETWEEN 1 AND 100),
        note text CHECK (length(note) BETWEEN 1 AND 500),
        settled_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        settled_by uuid,
        settled_by_name text,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, statement_id) REFERENCES statements (tenant_id, id),
        CHECK (method <> 'OFFLINE_BANK' OR reference IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX statement_settlements_parent_idx ON statement_settlements (parent_tenant_id, settled_at DESC)`);
    await q.query(`CREATE TRIGGER statement_settlements_append_only BEFORE UPDATE OR DELETE ON statement_settlements FOR EACH ROW EXECUTE FUNCTION zizhu_refuse_change()`);
    await q.query(`ALTER TABLE statement_settlements ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE statement_settlements FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY statement_settlements_visible ON statement_settlements
      USING (zizhu_data_visible(tenant_id) OR zizhu_data_visible(parent_tenant_id))
      WITH CHECK (zizhu_data_visible(parent_tenant_id))`);
    await q.query(`GRANT SELECT, INSERT ON statement_settlements TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE statement_settlements`);
  }
}
