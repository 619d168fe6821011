import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The money ledger (issue 12): append-only, double-entry.
 *
 * `ledger_entries`: one row per debit or credit of an organisation's account (`account`, optionally per
 * counterparty organisation: what a brand owes each franchisee). A posting is the set of entries of one source
 * (a paid session, a successful refund, a statement's fees, an adjustment; later splits, split returns,
 * transfers, payouts, channel fees), written by `zizhu_post_ledger` in the caller's transaction: it refuses a
 * posting whose debits and credits differ, posts each source once (`UNIQUE (source_kind, source_id, line_no)`:
 * a retry posts nothing) and moves the stored balances (`ledger_balances`) in the same statement. Entries are
 * never updated or deleted (a trigger raises). A tenant reads only its own entries and balances.
 */
export class CreateLedger1764306100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_entries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        posting_id uuid NOT NULL,
        source_kind text NOT NULL CHECK (source_kind IN ('SESSION_PAID', 'REFUND', 'STATEMENT', 'ADJUSTMENT', 'SPLIT', 'SPLIT_RETURN', 'TRANSFER', 'PAYOUT', 'CHANNEL_FEE')),
        source_id text NOT NULL,
        line_no integer NOT NULL CHECK (line_no >= 1),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        account text NOT NULL CHECK (account ~ '^[A-Z_]{1,40}$'),
        counterparty_tenant_id uuid REFERENCES organizations(id),
        kind text NOT NULL CHECK (kind IN ('SALE', 'REFUND', 'COMMISSION', 'FIXED_FEE', 'MINIMUM_TOP_UP', 'RESELLER_FEE', 'ADJUSTMENT', 'SPLIT', 'SPLIT_RETURN', 'TRANSFER', 'PAYOUT', 'CHANNEL_FEE')),
        debit_fen bigint NOT NULL CHECK (debit_fen >= 0),
        credit_fen bigint NOT NULL CHECK (credit_fen >= 0),
        session_id uuid,
        effective_date date NOT NULL,
        description text,
        posted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ledger_entries_one_side CHECK ((debit_fen = 0) <> (credit_fen = 0)),
        CONSTRAINT ledger_entries_source_once UNIQUE (source_kind, source_id, line_no)
      )`);
    await q.query(`CREATE INDEX ledger_entries_account_idx ON ledger_entries (tenant_id, account, effective_date)`);
    await q.query(`CREATE INDEX ledger_entries_posting_idx ON ledger_entries (posting_id)`);
    await q.query(`CREATE INDEX ledger_entries_session_idx ON ledger_entries (session_id) WHERE session_id IS NOT NULL`);
    await q.query(`CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION zizhu_refuse_change()`);
    await q.query(`CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries FOR EACH STATEMENT EXECUTE FUNCTION zizhu_refuse_change()`);

    // balance_fen is debits − credits of every entry of the account so far
    await q.query(`
      CREATE TABLE ledger_balances (
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        account text NOT NULL,
        counterparty_tenant_id uuid REFERENCES organizations(id),
        balance_fen bigint NOT NULL,
        entries integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ledger_balances_account UNIQUE NULLS NOT DISTINCT (tenant_id, account, counterparty_tenant_id)
      )`);

    for (const table of ['ledger_entries', 'ledger_balances']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_visible ON ${table} FOR SELECT USING (zizhu_data_visible(tenant_id))`);
      await q.query(`GRANT SELECT ON ${table} TO zizhu_app`);
    }

    // The one way in: a balanced posting of one source, once. SECURITY DEFINER (the policies allow reads only);
    // every entry must belong to, or have as counterparty, an organisation whose data the caller may see.
    await q.query(`
      CREATE FUNCTION zizhu_post_ledger(p_source_kind text, p_source_id text, p_effective_date date, p_entries jsonb)
      RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        posting uuid := gen_random_uuid();
        lines integer;
        debits bigint;
        credits bigint;
        invisible integer;
        posted integer;
      BEGIN
        SELECT count(*), coalesce(sum(e.debit_fen), 0), coalesce(sum(e.credit_fen), 0),
               count(*) FILTER (WHERE NOT zizhu_data_visible(e.tenant_id)
                                  AND NOT (e.counterparty_tenant_id IS NOT NULL AND zizhu_data_visible(e.counterparty_tenant_id)))
          INTO lines, debits, credits, invisible
          FROM jsonb_to_recordset(p_entries) AS e(tenant_id uuid, counterparty_tenant_id uuid, debit_fen bigint, credit_fen bigint);
        IF lines = 0 THEN RETURN 0; END IF;
        IF debits <> credits THEN
          RAISE EXCEPTION 'ledger posting % % does not balance: debits % fen, credits % fen', p_source_kind, p_source_id, debits, credits
            USING ERRCODE = 'check_violation';
        END IF;
        IF invisible > 0 THEN
          RAISE EXCEPTION 'ledger posting % % touches an organisation outside the caller''s scope', p_source_kind, p_source_id
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        INSERT INTO ledger_entries (posting_id, source_kind, source_id, line_no, tenant_id, account, counterparty_tenant_id, kind,
                                    debit_fen, credit_fen, session_id, effective_date, description)
          SELECT posting, p_source_kind, p_source_id, e.n::int, e.tenant_id, e.account, e.counterparty_tenant_id, e.kind,
                 coalesce(e.debit_fen, 0), coalesce(e.credit_fen, 0), e.session_id, p_effective_date, e.description
            FROM ROWS FROM (jsonb_to_recordset(p_entries) AS (tenant_id uuid, account text, counterparty_tenant_id uuid, kind text,
                                                              debit_fen bigint, credit_fen bigint, session_id uuid, description text))
                 WITH ORDINALITY AS e(tenant_id, account, counterparty_tenant_id, kind, debit_fen, credit_fen, session_id, description, n)
          ON CONFLICT ON CONSTRAINT ledger_entries_source_once DO NOTHING;
        GET DIAGNOSTICS posted = ROW_COUNT;
        IF posted = 0 THEN RETURN 0; END IF; -- posted before: a retry changes nothing
        IF posted <> lines THEN
          RAISE EXCEPTION 'ledger posting % % was partly posted before', p_source_kind, p_source_id USING ERRCODE = 'unique_violation';
        END IF;
        -- stored balances, in a fixed order of accounts (no deadlock between two postings)
        INSERT INTO ledger_balances AS b (tenant_id, account, counterparty_tenant_id, balance_fen, entries)
          SELECT e.tenant_id, e.account, e.counterparty_tenant_id, sum(coalesce(e.debit_fen, 0) - coalesce(e.credit_fen, 0)), count(*)
            FROM jsonb_to_recordset(p_entries) AS e(tenant_id uuid, account text, counterparty_tenant_id uuid, debit_fen bigint, credit_fen bigint)
           GROUP BY e.tenant_id, e.account, e.counterparty_tenant_id
           ORDER BY e.tenant_id, e.account, e.counterparty_tenant_id
          ON CONFLICT ON CONSTRAINT ledger_balances_account
          DO UPDATE SET balance_fen = b.balance_fen + excluded.balance_fen, entries = b.entries + excluded.entries, updated_at = now();
        RETURN posted;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION zizhu_post_ledger(text, text, date, jsonb) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION zizhu_post_ledger(text, text, date, jsonb) TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION zizhu_post_ledger(text, text, date, jsonb)`);
    await q.query(`DROP TABLE ledger_balances`);
    await q.query(`DROP TABLE ledger_entries`);
  }
}
