// Migration 1764305000000 (issue 11) on a database holding plans, versions and devices of the shape before it:
// every row stays as it was, the versions gain an empty author, and the plan type is computed from the stored JSON.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { DataSource } from 'typeorm';
import { AddPlanAuthorsAndTypes1764305000000 } from '../src/migrations/1764305000000-add-plan-authors-and-types.js';
import { migrations } from '../src/migrations/index.js';
import { freshDatabaseConfig } from './support/test-app.js';

const EPOCH = 1764305000000;
const epochOf = (m: { name: string }) => Number(/(\d{13})$/.exec(m.name)![1]);
const ORG = '00000000-0000-4000-8000-00000000a001';
const SITE = '00000000-0000-4000-8000-00000000a101';
const PLANS = {
  rental: { id: '00000000-0000-4000-8000-00000000b001', plan: { rental: { unitFen: 300, unitMinutes: 60 }, totalCapFen: 9900 } },
  items: { id: '00000000-0000-4000-8000-00000000b002', plan: { items: { catalog: [{ sku: 'a', name: 'A', priceFen: 100 }] } } },
  energy: { id: '00000000-0000-4000-8000-00000000b003', plan: { energy: { bands: [{ from: '00:00', to: '24:00', energyFenPerKwh: 50, serviceFenPerKwh: 40 }] } } },
  volume: { id: '00000000-0000-4000-8000-00000000b004', plan: { volume: { fenPerLitre: 25, stepMillilitres: 100 } } },
  mixed: { id: '00000000-0000-4000-8000-00000000b005', plan: { rental: { unitFen: 100, unitMinutes: 30 }, items: { catalog: [{ sku: 'b', name: 'B', priceFen: 50 }] } } },
};

describe('migration 1764305000000: plan authors and types on existing plans', () => {
  let ds: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const before = migrations.filter((m) => epochOf(m) < EPOCH);
    const common = { type: 'postgres' as const, entities: [], migrations: before, synchronize: false, logging: false };
    if (process.env.DATABASE_URL) {
      const fresh = await freshDatabaseConfig();
      if (fresh.database.kind !== 'server') throw new Error('expected a server database');
      ds = await new DataSource({ ...common, url: fresh.database.migrationUrl, poolSize: 1 }).initialize();
      close = async () => {
        await ds.destroy();
        await fresh.drop();
      };
    } else {
      const pglite = await PGlite.create();
      ds = await new DataSource({ ...common, poolSize: 1, extra: { ...createPgConfig(pglite), max: 1 } }).initialize();
      close = async () => {
        await ds.destroy();
        await pglite.close();
      };
    }
    await ds.runMigrations({ transaction: 'each' });
    // the old shape: plans with versions (no author), a device on one of them
    await ds.query(`INSERT INTO organizations (id, path, kind, name) VALUES ($1, ARRAY[$1::uuid], 'PLATFORM', 'p')`, [ORG]);
    await ds.query(`INSERT INTO sites (id, tenant_id, name, address, city) VALUES ($1, $2, 's', 'a', 'c')`, [SITE, ORG]);
    for (const [name, { id, plan }] of Object.entries(PLANS)) {
      await ds.query(`INSERT INTO pricing_plans (id, tenant_id, name, current_version) VALUES ($1, $2, $3, 2)`, [id, ORG, name]);
      await ds.query(`INSERT INTO pricing_plan_versions (tenant_id, plan_id, version, plan) VALUES ($1, $2, 1, '{"items":{"catalog":[]}}'), ($1, $2, 2, $3)`, [ORG, id, JSON.stringify(plan)]);
    }
    await ds.query(
      `INSERT INTO devices (tenant_id, site_id, code, type, plan_id, secret_ciphertext) VALUES ($1, $2, 'OLD-0001', 'FRIDGE', $3, 'x'), ($1, $2, 'OLD-0002', 'FRIDGE', $3, 'x')`,
      [ORG, SITE, PLANS.items.id],
    );
  }, 120_000);
  afterAll(() => close());

  // one connection (PGlite is one session): every statement of the test goes through this runner
  const q = (sql: string) => runner.query(sql) as Promise<unknown[]>;
  let runner: ReturnType<DataSource['createQueryRunner']>;
  const snapshot = () =>
    q(
      `SELECT p.id, p.name, p.current_version, v.version, v.plan, d.codes
         FROM pricing_plans p JOIN pricing_plan_versions v ON v.plan_id = p.id
         LEFT JOIN LATERAL (SELECT array_agg(code ORDER BY code) AS codes FROM devices WHERE plan_id = p.id) d ON true
        ORDER BY p.name, v.version`,
    );

  it('keeps every plan, version and device reference; old versions have no author; the type comes from the current version', async () => {
    runner = ds.createQueryRunner();
    const before = await snapshot();
    expect(before).toHaveLength(10);
    await new AddPlanAuthorsAndTypes1764305000000().up(runner);
    expect(await snapshot()).toEqual(before);

    const types = (await q(
      `SELECT p.name, zizhu_plan_type(v.plan) AS type, v.created_by FROM pricing_plans p JOIN pricing_plan_versions v ON v.plan_id = p.id AND v.version = p.current_version ORDER BY p.name`,
    )) as { name: string; type: string; created_by: string | null }[];
    expect(types).toEqual([
      { name: 'energy', type: 'ENERGY', created_by: null },
      { name: 'items', type: 'ITEMS', created_by: null },
      { name: 'mixed', type: 'MIXED', created_by: null },
      { name: 'rental', type: 'RENTAL', created_by: null },
      { name: 'volume', type: 'VOLUME', created_by: null },
    ]);
    // versions stay immutable: the new column is written by INSERT only
    await expect(q(`UPDATE pricing_plan_versions SET created_by = NULL WHERE version = 1`)).rejects.toThrow(/immutable/);

    // and back: down keeps every version's plan, up again finds the same rows
    await new AddPlanAuthorsAndTypes1764305000000().down(runner);
    expect(await snapshot()).toEqual(before);
    await new AddPlanAuthorsAndTypes1764305000000().up(runner);
    expect(await snapshot()).toEqual(before);
    await runner.release();
  });
});
