import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Manual adjustments (issue 12): an amount a franchise brand books on a franchisee's statement (or a hardware
 * reseller on its customer's fee statement) with a reason — a correction learnt after the fact, a goodwill credit,
 * a charge back. `amount_fen` is signed from the organisation's side (positive: in its favour, the parent owes it
 * more). Each row names the one statement it lands on (`statement_id`: the one whose period holds `effective_date`),
 * which must be OPEN when the row is written (a trigger refuses anything else), so an adjustment lands exactly once,
 * never in a closed statement. Never changed or removed; posted to the ledger once (source ADJUSTMENT, its id).
 * Visible like statements: the organisation and its parent read them, only the parent writes.
 */
export class CreateSettlementAdjustments1764344000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE settlement_adjustments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        parent_tenant_id uuid NOT NULL REFERENCES organizations(id),
        statement_id uuid NOT NULL,
        amount_fen bigint NOT NULL CHECK (amount_fen <> 0),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 200),
        effective_date date NOT NULL,
        created_at timestamptz NOT NULL,
        created_by uuid,
        created_by_name text,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, statement_id) REFERENCES statements (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX settlement_adjustments_tenant_idx ON settlement_adjustments (tenant_id, effective_date DESC)`);
    await q.query(`CREATE INDEX settlement_adjustments_statement_idx ON settlement_adjustments (statement_id)`);
    // only onto an OPEN statement whose period holds the date
    await q.query(`
      CREATE FUNCTION zizhu_settlement_adjustment_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        s record;
      BEGIN
        SELECT status, period_start, period_end, tenant_id INTO s FROM statements WHERE id = NEW.statement_id;
        IF s.status IS DISTINCT FROM 'OPEN' THEN
          RAISE EXCEPTION 'an adjustment cannot land on a % statement', coalesce(s.status, 'missing') USING ERRCODE = 'restrict_violation';
        END IF;
        IF NEW.effective_date < s.period_start OR NEW.effective_date > s.period_end THEN
          RAISE EXCEPTION 'adjustment dated % is outside its statement''s period % .. %', NEW.effective_date, s.period_start, s.period_end USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER settlement_adjustments_open_only BEFORE INSERT ON settlement_adjustments FOR EACH ROW EXECUTE FUNCTION zizhu_settlement_adjustment_guard()`);
    await q.query(`CREATE TRIGGER settlement_adjustments_append_only BEFORE UPDATE OR DELETE ON settlement_adjustments FOR EACH ROW EXECUTE FUNCTION zizhu_refuse_change()`);
    await q.query(`ALTER TABLE settlement_adjustments ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE settlement_adjustments FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY settlement_adjustments_visible ON settlement_adjustments
      USING (zizhu_data_visible(tenant_id) OR zizhu_data_visible(parent_tenant_id))
      WITH CHECK (zizhu_data_visible(parent_tenant_id))`);
    await q.query(`GRANT SELECT, INSERT ON settlement_adjustments TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE settlement_adjustments`);
    await q.query(`DROP FUNCTION zizhu_settlement_adjustment_guard()`);
  }
}
