import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { DemoSeedService } from '../src/modules/demo/demo-seed.service.js';
import { openDatabase, type OpenDatabase } from '../src/platform/database/database.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { DomainError } from '../src/platform/errors/domain-error.js';
import { RequestContext, type Principal } from '../src/platform/tenancy/request-context.js';
import { freshDatabaseConfig } from './support/test-app.js';

const O = DEMO_ORGS;
const principalOf = (tenantId: string, role: Principal['role'] = 'OPERATOR_ADMIN'): Principal => ({ userId: '00000000-0000-4000-8000-0000000000ff', tenantId, role });

describe('row-level security, on the database itself', () => {
  let db: OpenDatabase;
  let drop: () => Promise<void>;
  let transactions: Transactions;
  const context = new RequestContext();

  beforeAll(async () => {
    const fresh = await freshDatabaseConfig();
    drop = fresh.drop;
    db = await openDatabase(fresh.database);
    transactions = new Transactions(db.dataSource, context);
    await new DemoSeedService().seedIfEmpty(transactions);
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  it('fails closed: the app role with no tenant set sees no rows at all', async () => {
    const counts = await db.dataSource.transaction(async (m) => {
      await m.query('SET LOCAL ROLE zizhu_app');
      const [users] = (await m.query('SELECT count(*)::int AS n FROM users')) as [{ n: number }];
      const [orgs] = (await m.query('SELECT count(*)::int AS n FROM organizations')) as [{ n: number }];
      return { users: users.n, orgs: orgs.n };
    });
    expect(counts).toEqual({ users: 0, orgs: 0 });
  });

  it('the application connection itself is the non-bypassing role and sees nothing without a context', async () => {
    const [row] = (await db.dataSource.query('SELECT count(*)::int AS n FROM users, (SELECT 1) x')) as [{ n: number }];
    expect(row.n).toBe(0);
    const [who] = (await db.dataSource.query(`SELECT current_user AS role, (SELECT rolbypassrls OR rolsuper FROM pg_roles WHERE rolname = current_user) AS bypasses`)) as [{ role: string; bypasses: boolean }];
    expect(who).toEqual({ role: 'zizhu_app', bypasses: false });
  });

  it('refuses to hand out a tenant or a transaction outside a request context', () => {
    expect(() => context.principal).toThrow(DomainError);
    expect(() => context.manager).toThrow(/No database transaction/);
  });

  it('refuses writes into another tenant', async () => {
    await expect(
      transactions.asTenant(principalOf(O.fridgeF1.id, 'FRANCHISEE_ADMIN'), (m) =>
        m.query(`INSERT INTO users (tenant_id, email, password_hash, role, display_name) VALUES ($1, 'x@y.z', 'h', 'FRANCHISEE_ADMIN', 'x')`, [O.fridgeF2.id]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('keeps 60 overlapping tenant transactions apart', async () => {
    const tenants = [O.powerbank, O.fridge, O.fridgeF1, O.fridgeF2, O.vendor, O.vendorC1, O.vendorC2];
    const expected: Record<string, string[]> = {
      [O.powerbank.id]: [O.powerbank.id],
      [O.fridge.id]: [O.fridge.id, O.fridgeF1.id, O.fridgeF2.id],
      [O.fridgeF1.id]: [O.fridgeF1.id],
      [O.fridgeF2.id]: [O.fridgeF2.id],
      [O.vendor.id]: [O.vendor.id], // logins are data: a reseller does not see its customers'
      [O.vendorC1.id]: [O.vendorC1.id],
      [O.vendorC2.id]: [O.vendorC2.id],
    };
    const runs = Array.from({ length: 60 }, (_, i) => tenants[i % tenants.length]!).map((org, i) =>
      transactions.asTenant(principalOf(org.id), async (m) => {
        const before = (await m.query('SELECT tenant_id FROM users ORDER BY tenant_id')) as { tenant_id: string }[];
        await m.query('SELECT pg_sleep($1)', [(i % 5) / 1000]);
        const after = (await m.query('SELECT tenant_id FROM users ORDER BY tenant_id')) as { tenant_id: string }[];
        return { org: org.id, seen: [...new Set([...before, ...after].map((r) => r.tenant_id))].sort() };
      }),
    );
    const leaks = (await Promise.all(runs)).filter((r) => JSON.stringify(r.seen) !== JSON.stringify([...expected[r.org]!].sort()));
    expect(leaks).toEqual([]);
  });

  it('refuses to open a transaction for another principal or scope inside an open one', async () => {
    await expect(
      transactions.asTenant(principalOf(O.fridgeF1.id, 'FRANCHISEE_ADMIN'), () => transactions.asTenant(principalOf(O.vendor.id), async () => 'widened')),
    ).rejects.toMatchObject({ code: 'TRANSACTION_NESTING_REFUSED' });
    await expect(transactions.asTenant(principalOf(O.fridgeF1.id, 'FRANCHISEE_ADMIN'), () => transactions.asSystem(async () => 'escaped'))).rejects.toMatchObject({
      code: 'TRANSACTION_NESTING_REFUSED',
    });
    // joining with the same principal is fine
    const joined = await transactions.asTenant(principalOf(O.fridgeF1.id, 'FRANCHISEE_ADMIN'), () => transactions.asTenant(principalOf(O.fridgeF1.id, 'FRANCHISEE_ADMIN'), async () => 'joined'));
    expect(joined).toBe('joined');
  });

  it('a platform-admin transaction sees every tenant', async () => {
    const seen = await transactions.asTenant(principalOf(O.platform.id, 'PLATFORM_ADMIN'), async (m) => (await m.query('SELECT DISTINCT tenant_id FROM users')) as unknown[]);
    expect(seen).toHaveLength(Object.keys(O).length);
  });
});
