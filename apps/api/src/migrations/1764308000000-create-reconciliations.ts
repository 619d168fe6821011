import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reconciliation with WeChat Pay's bills (issue 13): a run per merchant account and bill date, the bill files it
 * downloaded, and the differences it found.
 *
 * Bill files are stored in the database (`bytea`) rather than under DATA_DIR: they are small (a day's trade bill is
 * kilobytes to a few megabytes), they must be kept with the run that read them (one transaction writes both),
 * row-level security then guards them like every other merchant datum, and a database backup holds them; a file tree
 * would need its own tenancy, cleanup and backup. `sha1` is the hash WeChat gave (checked over the bytes on download).
 *
 * A day has at most one run that is RUNNING, DONE or NO_BILL (`reconciliation_runs_one_live`); BILL_NOT_READY and
 * FAILED runs stay as history and the day may be run again. Differences stay until an operator resolves them.
 */
export class CreateReconciliations1764308000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reconciliation_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        merchant_account_id uuid NOT NULL,
        bill_date date NOT NULL,
        state text NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'NO_BILL', 'BILL_NOT_READY', 'FAILED')),
        trigger text NOT NULL CHECK (trigger IN ('MANUAL', 'SCHEDULE')),
        matched integer NOT NULL DEFAULT 0,
        payments integer NOT NULL DEFAULT 0,
        refunds integer NOT NULL DEFAULT 0,
        fee_fen bigint,
        error_code text,
        error text,
        requested_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, merchant_account_id) REFERENCES merchant_accounts (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX reconciliation_runs_one_live ON reconciliation_runs (merchant_account_id, bill_date) WHERE state IN ('RUNNING', 'DONE', 'NO_BILL')`);
    await q.query(`CREATE INDEX reconciliation_runs_list_idx ON reconciliation_runs (tenant_id, bill_date DESC, created_at DESC)`);
    await q.query(`
      CREATE TABLE reconciliation_bills (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        run_id uuid NOT NULL,
        bill text NOT NULL CHECK (bill IN ('TRADE', 'FUND_FLOW', 'PROFIT_SHARING')),
        sha1 text NOT NULL CHECK (sha1 ~ '^[0-9a-f]{40}$'),
        size_bytes integer NOT NULL,
        rows integer NOT NULL,
        content bytea NOT NULL,
        downloaded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (run_id, bill),
        FOREIGN KEY (tenant_id, run_id) REFERENCES reconciliation_runs (tenant_id, id)
      )`);
    await q.query(`
      CREATE TABLE reconciliation_differences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        run_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('MISSING_LOCAL', 'MISSING_AT_WECHAT', 'AMOUNT_MISMATCH', 'REFUND_STATE_MISMATCH')),
        bill text NOT NULL CHECK (bill IN ('TRADE', 'FUND_FLOW', 'PROFIT_SHARING')),
        out_order_no text,
        transaction_id text,
        out_refund_no text,
        refund_id text,
        session_id uuid,
        local_fen bigint,
        bill_fen bigint,
        local_state text,
        bill_state text,
        recheck jsonb NOT NULL,
        rechecked_at timestamptz NOT NULL,
        resolved_at timestamptz,
        resolved_by uuid,
        resolution_note text CHECK (length(resolution_note) BETWEEN 1 AND 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (tenant_id, run_id) REFERENCES reconciliation_runs (tenant_id, id),
        CHECK ((resolved_at IS NULL) = (resolution_note IS NULL))
      )`);
    await q.query(`CREATE INDEX reconciliation_differences_run_idx ON reconciliation_differences (run_id)`);
    await q.query(`CREATE INDEX reconciliation_differences_open_idx ON reconciliation_differences (tenant_id) WHERE resolved_at IS NULL`);
    for (const table of ['reconciliation_runs', 'reconciliation_bills', 'reconciliation_differences']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_visible ON ${table} USING (zizhu_data_visible(tenant_id)) WITH CHECK (zizhu_data_visible(tenant_id))`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE ON reconciliation_runs, reconciliation_differences TO zizhu_app`);
    await q.query(`GRANT SELECT, INSERT ON reconciliation_bills TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reconciliation_differences`);
    await q.query(`DROP TABLE reconciliation_bills`);
    await q.query(`DROP TABLE reconciliation_runs`);
  }
}
