import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statements (issue 12): one per organisation under an agreement (a franchisee, a reseller's customer) and
 * period (the agreement's: a day, an ISO week from Monday, a calendar month; Asia/Shanghai dates, inclusive).
 * OPEN → CLOSED → SETTLED. A closed statement never changes again but for being marked settled: its totals and
 * lines are fixed (a trigger refuses anything else), and whatever is learnt later lands in a later period as an
 * adjustment line. A reseller's customer's statement holds only fees, never revenue.
 */
export class CreateStatements1764306200000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE statements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        parent_tenant_id uuid NOT NULL REFERENCES organizations(id),
        kind text NOT NULL CHECK (kind IN ('FRANCHISE', 'RESELLER')),
        period text NOT NULL CHECK (period IN ('DAILY', 'WEEKLY', 'MONTHLY')),
        period_start date NOT NULL,
        period_end date NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'CLOSED', 'SETTLED')),
        sessions integer NOT NULL DEFAULT 0,
        paid_fen bigint NOT NULL DEFAULT 0,
        refunded_fen bigint NOT NULL DEFAULT 0,
        net_fen bigint NOT NULL DEFAULT 0,
        commission_fen bigint NOT NULL DEFAULT 0,
        fixed_fee_fen bigint NOT NULL DEFAULT 0,
        minimum_top_up_fen bigint NOT NULL DEFAULT 0,
        reseller_fee_fen bigint NOT NULL DEFAULT 0,
        adjustment_fen bigint NOT NULL DEFAULT 0,
        payable_fen bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        closed_by uuid,
        settled_at timestamptz,
        settlement_reference text,
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, period_start),
        CHECK (period_end >= period_start),
        CHECK ((status = 'OPEN') = (closed_at IS NULL)),
        CHECK ((status = 'SETTLED') = (settled_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX statements_parent_idx ON statements (parent_tenant_id, period_start)`);
    await q.query(`CREATE INDEX statements_open_idx ON statements (period_end) WHERE status = 'OPEN'`);
    await q.query(`
      CREATE TABLE statement_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        statement_id uuid NOT NULL,
        position integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('SESSIONS_NET', 'COMMISSION', 'FIXED_FEE', 'MINIMUM_TOP_UP', 'RESELLER_FEE', 'RESELLER_FIXED_FEE', 'ADJUSTMENT', 'CHANNEL_FEE')),
        description text NOT NULL,
        quantity integer,
        unit_fen bigint,
        amount_fen bigint NOT NULL,
        rounding text,
        source_kind text,
        source_id text,
        UNIQUE (statement_id, position),
        FOREIGN KEY (tenant_id, statement_id) REFERENCES statements (tenant_id, id)
      )`);
    // each successful refund is accounted in exactly one statement: the one of its session's period when it succeeded
    // before that closed, else the first statement closed after it (an adjustment line); the primary key makes it once
    await q.query(`
      CREATE TABLE statement_refunds (
        action_id uuid PRIMARY KEY,
        statement_id uuid NOT NULL,
        tenant_id uuid NOT NULL,
        session_id uuid NOT NULL,
        amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
        FOREIGN KEY (tenant_id, statement_id) REFERENCES statements (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX statement_refunds_session_idx ON statement_refunds (tenant_id, session_id)`);
    // closed is closed: only OPEN → CLOSED (with its totals) and CLOSED → SETTLED (nothing else) may change a row
    await q.query(`
      CREATE FUNCTION zizhu_statement_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'statements are never deleted' USING ERRCODE = 'restrict_violation';
        END IF;
        IF OLD.status = 'OPEN' THEN RETURN NEW; END IF;
        IF OLD.status = 'CLOSED' AND NEW.status = 'SETTLED'
           AND (to_jsonb(NEW) - 'status' - 'settled_at' - 'settlement_reference') = (to_jsonb(OLD) - 'status' - 'settled_at' - 'settlement_reference') THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'statement % is %: it cannot change', OLD.id, OLD.status USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(`CREATE TRIGGER statements_closed_are_fixed BEFORE UPDATE OR DELETE ON statements FOR EACH ROW EXECUTE FUNCTION zizhu_statement_guard()`);
    await q.query(`
      CREATE FUNCTION zizhu_statement_line_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        s text;
      BEGIN
        SELECT status INTO s FROM statements WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.statement_id ELSE NEW.statement_id END;
        IF s IS DISTINCT FROM 'OPEN' THEN
          RAISE EXCEPTION 'the lines of a % statement cannot change', s USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`CREATE TRIGGER statement_lines_of_open_only BEFORE INSERT OR UPDATE OR DELETE ON statement_lines FOR EACH ROW EXECUTE FUNCTION zizhu_statement_line_guard()`);
    await q.query(`CREATE TRIGGER statement_refunds_append_only BEFORE UPDATE OR DELETE ON statement_refunds FOR EACH ROW EXECUTE FUNCTION zizhu_refuse_change()`);
    for (const table of ['statements', 'statement_lines', 'statement_refunds']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    await q.query(`
      CREATE POLICY statements_visible ON statements
      USING (zizhu_data_visible(tenant_id) OR zizhu_data_visible(parent_tenant_id))
      WITH CHECK (zizhu_data_visible(parent_tenant_id))`);
    await q.query(`
      CREATE POLICY statement_lines_visible ON statement_lines
      USING (EXISTS (SELECT 1 FROM statements s WHERE s.id = statement_id))
      WITH CHECK (EXISTS (SELECT 1 FROM statements s WHERE s.id = statement_id AND zizhu_data_visible(s.parent_tenant_id)))`);
    await q.query(`
      CREATE POLICY statement_refunds_visible ON statement_refunds
      USING (zizhu_data_visible(tenant_id)) WITH CHECK (zizhu_data_visible(tenant_id))`);
    await q.query(`GRANT SELECT, INSERT ON statement_refunds TO zizhu_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON statements TO zizhu_app`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON statement_lines TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE statement_refunds`);
    await q.query(`DROP TABLE statement_lines`);
    await q.query(`DROP TABLE statements`);
    await q.query(`DROP FUNCTION zizhu_statement_line_guard()`);
    await q.query(`DROP FUNCTION zizhu_statement_guard()`);
  }
}
