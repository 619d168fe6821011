import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The stored answers of money-moving POSTs, per tenant, route and Idempotency-Key (platform/idempotency).
 * A row is written inside the request's own transaction, so it exists iff the work committed; the primary
 * key is what serialises two concurrent requests with one key. Rows live 24 hours (`expires_at`).
 */
export class CreateIdempotencyKeys1764303002000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        scope text NOT NULL CHECK (length(scope) BETWEEN 1 AND 500),
        request_hash text NOT NULL,
        status_code integer NOT NULL CHECK (status_code BETWEEN 100 AND 599),
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, scope, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at)`);
    await q.query(`ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY idempotency_keys_visible ON idempotency_keys
        USING (zizhu_data_visible(tenant_id)) WITH CHECK (zizhu_data_visible(tenant_id))`);
    // UPDATE: the row is inserted as a placeholder first and completed with the answer in the same transaction
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
