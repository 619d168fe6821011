import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The onboarding evidence store and the acceptance kit (issue 14): files an operator uploads for a step of WeChat's
 * guide (`step:<key>`) or for an item of an acceptance run's checklist (`acceptance:<runId>:<item>`), kept in the
 * database (`bytea`, at most 10 MiB each, with its sha256) like the reconciliation's bill files, so row-level
 * security guards them like every other merchant datum and a database backup holds them; and the acceptance runs
 * (2.3): the service id and the device a run watches, the items marked not applicable, and when it was finished.
 * The run's two sessions are not stored: they are read from `service_sessions` when the run is read.
 */
export class CreateOnboardingEvidence1764320000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE acceptance_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        merchant_account_id uuid NOT NULL,
        payscore_service_id uuid NOT NULL,
        service_id text NOT NULL,
        device_id uuid NOT NULL REFERENCES devices(id),
        device_code text NOT NULL,
        not_applicable jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(not_applicable) = 'object'),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        finished_at timestamptz,
        finished_by uuid,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, merchant_account_id) REFERENCES merchant_accounts (tenant_id, id),
        FOREIGN KEY (tenant_id, payscore_service_id) REFERENCES payscore_services (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX acceptance_runs_account_idx ON acceptance_runs (merchant_account_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE onboarding_evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        merchant_account_id uuid NOT NULL,
        purpose text NOT NULL CHECK (purpose ~ '^(step:(1\\.[1-4]|2\\.[1-3])|acceptance:[0-9a-f-]{36}:[A-Z_]{1,40})$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content bytea NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        uploaded_by uuid,
        FOREIGN KEY (tenant_id, merchant_account_id) REFERENCES merchant_accounts (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX onboarding_evidence_account_idx ON onboarding_evidence (merchant_account_id, purpose, uploaded_at)`);
    for (const table of ['acceptance_runs', 'onboarding_evidence']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_visible ON ${table} USING (zizhu_data_visible(tenant_id)) WITH CHECK (zizhu_data_visible(tenant_id))`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE ON acceptance_runs TO zizhu_app`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON onboarding_evidence TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE onboarding_evidence`);
    await q.query(`DROP TABLE acceptance_runs`);
  }
}
