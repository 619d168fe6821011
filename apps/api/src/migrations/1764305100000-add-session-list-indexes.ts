import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the operator's session list (issue 11): newest first with the id as tie-breaker (keyset
 * pages), by device, by vertical and state, and the flagged ones. A brand sees its own and its
 * franchisees' sessions (row-level security ORs two tenant columns), so the list walks the time index and
 * filters; the per-tenant indexes now end in the id too, so a small tenant's page is an index range.
 */
export class AddSessionListIndexes1764305100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX service_sessions_created_idx ON service_sessions (created_at DESC, id DESC)`);
    await q.query(`DROP INDEX service_sessions_tenant_idx`);
    await q.query(`CREATE INDEX service_sessions_tenant_idx ON service_sessions (tenant_id, created_at DESC, id DESC)`);
    await q.query(`DROP INDEX service_sessions_merchant_idx`);
    await q.query(`CREATE INDEX service_sessions_merchant_idx ON service_sessions (merchant_tenant_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX service_sessions_device_idx ON service_sessions (device_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX service_sessions_state_idx ON service_sessions (state, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX service_sessions_type_idx ON service_sessions (device_type, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX service_sessions_anomaly_idx ON service_sessions (created_at DESC, id DESC) WHERE anomaly IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of ['anomaly', 'type', 'state', 'device', 'created']) await q.query(`DROP INDEX service_sessions_${name}_idx`);
    await q.query(`DROP INDEX service_sessions_merchant_idx`);
    await q.query(`CREATE INDEX service_sessions_merchant_idx ON service_sessions (merchant_tenant_id, created_at DESC)`);
    await q.query(`DROP INDEX service_sessions_tenant_idx`);
    await q.query(`CREATE INDEX service_sessions_tenant_idx ON service_sessions (tenant_id, created_at DESC)`);
  }
}
