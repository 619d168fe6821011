import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The onboarding tracker (issue 14): the operator's own record of each step of WeChat's guide per merchant account
 * (state, the day it was submitted or done, a note, evidence as metadata: no file is stored), and the account's
 * subject type (主体类型), which decides whether it may apply for direct Pay Score at all.
 */
export class CreateOnboardingSteps1764310000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE merchant_accounts ADD COLUMN onboarding_subject_type text CHECK (onboarding_subject_type IN
        ('ENTERPRISE', 'INSTITUTION', 'GOVERNMENT', 'OTHER_ORGANIZATION', 'INDIVIDUAL_BUSINESS', 'MICRO_MERCHANT', 'SERVICE_PROVIDER'))`);
    await q.query(`
      CREATE TABLE onboarding_steps (
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        merchant_account_id uuid NOT NULL,
        step text NOT NULL CHECK (step IN ('1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3')),
        state text NOT NULL CHECK (state IN ('TODO', 'IN_PROGRESS', 'SUBMITTED', 'DONE')),
        submitted_on date,
        note text CHECK (length(note) <= 2000),
        evidence jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(evidence) = 'array'),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (merchant_account_id, step),
        FOREIGN KEY (tenant_id, merchant_account_id) REFERENCES merchant_accounts (tenant_id, id)
      )`);
    await q.query(`ALTER TABLE onboarding_steps ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE onboarding_steps FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY onboarding_steps_visible ON onboarding_steps USING (zizhu_data_visible(tenant_id)) WITH CHECK (zizhu_data_visible(tenant_id))`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON onboarding_steps TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE onboarding_steps`);
    await q.query(`ALTER TABLE merchant_accounts DROP COLUMN onboarding_subject_type`);
  }
}
