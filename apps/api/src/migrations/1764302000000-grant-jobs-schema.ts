import { getConstructionPlans } from 'pg-boss';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The durable job queue (pg-boss, see platform/jobs): its schema is installed here, by the owner
 * connection that runs migrations, and the application role gets only the data rights it needs.
 * pg-boss itself runs with `migrate: false` as zizhu_app (which cannot create anything) and refuses to
 * start when the installed schema version is not the one the installed pg-boss package expects.
 *
 * The DDL is pg-boss's own construction plan for the package version installed when this migration
 * first runs (schema version 46 for pg-boss 12.38). Upgrading pg-boss to a release with a new schema
 * version needs a new migration running `getMigrationPlans('pgboss', <installed version>)` followed by
 * the same grants. That plan wraps itself in BEGIN … COMMIT (with an advisory lock), so this migration
 * runs outside TypeORM's transaction; it is idempotent instead (install only when pgboss.version is
 * absent, grants are repeatable).
 *
 * zizhu_app needs DML on every pg-boss table: producers insert jobs (also inside tenant transactions,
 * which SET LOCAL ROLE zizhu_app), workers claim, complete and fail them (UPDATE), and maintenance
 * expires and deletes them (DELETE). Queues are never partitioned (`partition: true` would need CREATE).
 */
export class GrantJobsSchema1764302000000 implements MigrationInterface {
  readonly transaction = false;

  async up(q: QueryRunner): Promise<void> {
    const [row] = (await q.query(`SELECT to_regclass('pgboss.version') IS NOT NULL AS installed`)) as [{ installed: boolean }];
    if (!row.installed) await q.query(getConstructionPlans('pgboss'));
    await q.query(`GRANT USAGE ON SCHEMA pgboss TO zizhu_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO zizhu_app`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO zizhu_app`);
    // tables a later pg-boss migration adds (run by the same owner) get the same rights
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO zizhu_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT USAGE, SELECT ON SEQUENCES TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss REVOKE ALL ON SEQUENCES FROM zizhu_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss REVOKE ALL ON TABLES FROM zizhu_app`);
    await q.query(`DROP SCHEMA pgboss CASCADE`);
  }
}
