import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Logins (argon2id hashes), rotating refresh tokens stored hashed, and the login attempts that rate-limit them. */
export class CreateUsersAndTokens1764300002000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        email text UNIQUE CHECK (email = lower(email)),
        phone text UNIQUE,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('PLATFORM_ADMIN', 'OPERATOR_ADMIN', 'OPERATOR_STAFF', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN')),
        display_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz,
        CONSTRAINT users_need_a_login CHECK (email IS NOT NULL OR phone IS NOT NULL),
        UNIQUE (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX users_tenant_idx ON users (tenant_id)`);
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        user_id uuid NOT NULL,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        revoked_at timestamptz,
        FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`
      CREATE TABLE login_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        login text NOT NULL,
        ip text NOT NULL,
        succeeded boolean NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_attempts_login_idx ON login_attempts (login, attempted_at)`);
    await q.query(`CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, attempted_at)`);

    for (const table of ['users', 'refresh_tokens']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    // logins are the merchant of record's: a franchise brand manages its franchisees' logins, but a hardware
    // reseller neither sees nor creates its customers' (it could otherwise sign in as one and read its orders)
    await q.query(`CREATE POLICY users_visible ON users USING (zizhu_data_visible(tenant_id)) WITH CHECK (zizhu_data_visible(tenant_id))`);
    await q.query(`CREATE POLICY refresh_tokens_visible ON refresh_tokens USING (zizhu_data_visible(tenant_id)) WITH CHECK (zizhu_data_visible(tenant_id))`);
    // login attempts hold no tenant data; only the system context (login) touches them
    await q.query(`ALTER TABLE login_attempts ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE login_attempts FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY login_attempts_system ON login_attempts USING (zizhu_all_tenants()) WITH CHECK (zizhu_all_tenants())`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON users TO zizhu_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON refresh_tokens TO zizhu_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON login_attempts TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_attempts`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE users`);
  }
}
