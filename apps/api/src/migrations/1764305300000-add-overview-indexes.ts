import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The indexes the overview's aggregates (`GET /v1/overview`) use: what was paid since a date, sessions by state
 * and creation, open anomalies, refunds that succeeded since a date, device faults.
 *
 * An earlier draft of this migration also rewrote the read policies of service_sessions, session_actions and
 * devices to read the tenant settings once per statement (scalar sub-selects) instead of per row. Together with
 * the session-list indexes that made the core loop about twice as slow on the embedded database (the chaos test's
 * scans timed out), so the policies stay as they were; see BENCHMARKS.md.
 */
export class AddOverviewIndexes1764305300000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX service_sessions_paid_at_idx ON service_sessions (paid_at) INCLUDE (paid_fen, tenant_id, merchant_tenant_id) WHERE paid_at IS NOT NULL`);
    await q.query(`CREATE INDEX service_sessions_state_created_idx ON service_sessions (state, created_at) INCLUDE (tenant_id, merchant_tenant_id)`);
    await q.query(`CREATE INDEX service_sessions_anomaly_tenant_idx ON service_sessions (tenant_id) INCLUDE (merchant_tenant_id) WHERE anomaly IS NOT NULL`);
    await q.query(`CREATE INDEX session_actions_refunded_idx ON session_actions (finished_at) INCLUDE (amount_fen, tenant_id) WHERE kind = 'REFUND' AND state = 'SUCCEEDED'`);
    await q.query(`CREATE INDEX device_events_fault_idx ON device_events (received_at) INCLUDE (device_id) WHERE type = 'device.fault'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX device_events_fault_idx`);
    await q.query(`DROP INDEX session_actions_refunded_idx`);
    await q.query(`DROP INDEX service_sessions_anomaly_tenant_idx`);
    await q.query(`DROP INDEX service_sessions_state_created_idx`);
    await q.query(`DROP INDEX service_sessions_paid_at_idx`);
  }
}
