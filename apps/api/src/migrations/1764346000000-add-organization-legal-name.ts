import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An organisation's legal name (主体名称: the name on its business licence, the subject WeChat registers its merchant
 * numbers to), beside its display name. Optional; when set, 1–100 characters without leading or trailing blanks. On the
 * organisation, not the merchant account: the platform's legal entity is the merchant-of-record organisation (the
 * complaint rate per legal entity sums all its accounts), so all its accounts share one subject. The application pack
 * (issue 14) uses it for 主体名称 and falls back to the display name, saying so, while it is empty.
 */
export class AddOrganizationLegalName1764346000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organizations
      ADD COLUMN legal_name text CONSTRAINT organizations_legal_name_shape CHECK (legal_name IS NULL OR (char_length(legal_name) BETWEEN 1 AND 100 AND legal_name = btrim(legal_name)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organizations DROP COLUMN legal_name`);
  }
}
