import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access tokens can be revoked before they expire. Each carries its user's `token_version` (bumped when the
 * user is disabled) and its sign-in session (the refresh-token family, revoked at logout or on refresh-token
 * reuse). `zizhu_enter_session` enters the tenant exactly as `zizhu_enter_tenant` does and, in the same
 * statement, checks both: the check costs no round trip, and every API process sees a revocation at once.
 */
export class AddUserTokenVersion1764304101000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);
    // returns the organisation's kind, NULL when the organisation is gone, or 'REVOKED'
    await q.query(`
      CREATE FUNCTION zizhu_enter_session(tenant uuid, platform boolean, login uuid, version integer, session uuid)
      RETURNS text LANGUAGE plpgsql AS $$
      DECLARE
        kind text;
      BEGIN
        kind := zizhu_enter_tenant(tenant, platform);
        IF kind IS NULL THEN
          RETURN NULL;
        END IF;
        -- the user is in the tenant just entered, so the policies let these rows through
        IF NOT EXISTS (SELECT 1 FROM users u WHERE u.id = login AND u.tenant_id = tenant AND u.token_version = version AND u.disabled_at IS NULL)
           OR EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = session AND t.revoked_at IS NOT NULL) THEN
          RETURN 'REVOKED';
        END IF;
        RETURN kind;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION zizhu_enter_session(uuid, boolean, uuid, integer, uuid)`);
    await q.query(`DROP INDEX refresh_tokens_user_idx`);
    await q.query(`ALTER TABLE users DROP COLUMN token_version`);
  }
}
