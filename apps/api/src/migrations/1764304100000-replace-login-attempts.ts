import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sign-in limiter keys on (login, client address) with exponential back-off, plus a separate ceiling per
 * address (modules/identity/login-limiter.ts). It replaces `login_attempts`, one row per attempt kept forever,
 * which locked a login for everyone after five failures from anywhere. Both tables hold no tenant data: only
 * the system context (sign-in) touches them.
 */
export class ReplaceLoginAttempts1764304100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_attempts`);
    await q.query(`
      CREATE TABLE login_failures (
        login text NOT NULL,
        address text NOT NULL,
        failures integer NOT NULL CHECK (failures >= 0),
        last_failed_at timestamptz,
        blocked_until timestamptz,
        succeeded_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (login, address)
      )`);
    await q.query(`CREATE INDEX login_failures_updated_idx ON login_failures (updated_at)`);
    await q.query(`
      CREATE TABLE login_address_failures (
        address text PRIMARY KEY,
        window_started_at timestamptz NOT NULL,
        failures integer NOT NULL CHECK (failures >= 0)
      )`);
    await q.query(`CREATE INDEX login_address_failures_window_idx ON login_address_failures (window_started_at)`);
    for (const table of ['login_failures', 'login_address_failures']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_system ON ${table} USING (zizhu_all_tenants()) WITH CHECK (zizhu_all_tenants())`);
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO zizhu_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_address_failures`);
    await q.query(`DROP TABLE login_failures`);
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
    await q.query(`ALTER TABLE login_attempts ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE login_attempts FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY login_attempts_system ON login_attempts USING (zizhu_all_tenants()) WITH CHECK (zizhu_all_tenants())`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON login_attempts TO zizhu_app`);
  }
}
