import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_DEVICES, DEMO_MERCHANTS, DEMO_ORGS, DEMO_SITES } from '../src/modules/demo/demo-data.js';
import type { OpenDatabase } from '../src/platform/database/database.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { DomainError } from '../src/platform/errors/domain-error.js';
import { RequestContext, type Principal } from '../src/platform/tenancy/request-context.js';
import { openSeededDatabase } from './support/seeded-database.js';

const O = DEMO_ORGS;
const principalOf = (tenantId: string, role: Principal['role'] = 'OPERATOR_ADMIN'): Principal => ({ userId: '00000000-0000-4000-8000-0000000000ff', tenantId, role });

describe('row-level security, on the database itself', () => {
  let db: OpenDatabase;
  let drop: () => Promise<void>;
  let transactions: Transactions;
  const context = new RequestContext();

  beforeAll(async () => {
    ({ db, transactions, drop } = await openSeededDatabase(context));
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

  it('a reseller’s transaction sees its customers’ devices but cannot write them, even bypassing the services', async () => {
    const wv = DEMO_DEVICES.find((d) => d.code === 'WV-0001')!.id;
    const row = `SELECT tenant_id, site_id, plan_id, payscore_service_id, secret_ciphertext, secret_version, revoked_at FROM devices WHERE id = $1`;
    const before = await transactions.asSystem((m) => m.query(row, [wv]));
    const outcome = await transactions.asTenant(principalOf(O.vendor.id), async (m) => {
      const seen = ((await m.query(`SELECT id FROM devices WHERE id = $1`, [wv])) as unknown[]).length;
      const plans = ((await m.query(`SELECT id FROM pricing_plans WHERE tenant_id = $1`, [O.vendorC2.id])) as unknown[]).length;
      const [, updated] = (await m.query(`UPDATE devices SET secret_version = 99, secret_ciphertext = 'v1.stolen', payscore_service_id = 'stolen' WHERE id = $1`, [wv])) as [unknown, number];
      const [, planned] = (await m.query(`UPDATE pricing_plans SET current_version = current_version + 1 WHERE tenant_id = $1`, [O.vendorC2.id])) as [unknown, number];
      const [, sited] = (await m.query(`UPDATE sites SET name = 'stolen' WHERE tenant_id = $1`, [O.vendorC2.id])) as [unknown, number];
      return { seen, plans, updated, planned, sited };
    });
    expect(outcome).toEqual({ seen: 1, plans: 0, updated: 0, planned: 0, sited: 0 });
    expect(await transactions.asSystem((m) => m.query(row, [wv]))).toEqual(before);
    // nor can it hand its customer's device over to another customer (the sale is only of its own inventory)
    const transfer = await transactions.asTenant(principalOf(O.vendor.id), async (m) =>
      (await m.query(`SELECT zizhu_fleet_transfer_device($1, $2, $3, 'v1.x', 2) AS outcome`, [wv, O.vendorC1.id, DEMO_SITES.chargingEast.id])) as [{ outcome: string }],
    );
    expect(transfer[0].outcome).toBe('DEVICE_NOT_FOUND');
    const refused = (sql: string, params: unknown[]) => transactions.asTenant(principalOf(O.vendor.id), (m) => m.query(sql, params));
    await expect(refused(`INSERT INTO sites (tenant_id, name, address, city) VALUES ($1, 'x', 'y', 'z')`, [O.vendorC2.id])).rejects.toThrow(/row-level security/);
    await expect(
      refused(`INSERT INTO devices (tenant_id, site_id, code, type, secret_ciphertext) VALUES ($1, $2, 'WV-EVIL', 'WATER_VALVE', 'x')`, [O.vendorC2.id, DEMO_SITES.waterCampus.id]),
    ).rejects.toThrow(/row-level security/);
    await expect(
      refused(`INSERT INTO device_commands (tenant_id, device_id, type, expires_at) VALUES ($1, $2, 'OPEN_VALVE', now() + interval '1 minute')`, [O.vendorC2.id, wv]),
    ).rejects.toThrow(/row-level security/);
    await expect(refused(`INSERT INTO pricing_plans (tenant_id, name) VALUES ($1, 'x')`, [O.vendorC2.id])).rejects.toThrow(/row-level security/);
    // its own inventory it writes; a franchise brand writes its franchisees' fleet; the customer its own
    const written = async (tenant: string, role: Principal['role'], device: string) =>
      transactions.asTenant(principalOf(tenant, role), async (m) => ((await m.query(`UPDATE devices SET name = name WHERE id = $1`, [device])) as [unknown, number])[1]);
    expect(await written(O.fridge.id, 'OPERATOR_ADMIN', DEMO_DEVICES.find((d) => d.code === 'FR-0001')!.id)).toBe(1);
    expect(await written(O.vendorC2.id, 'CUSTOMER_ADMIN', wv)).toBe(1);
    expect(await written(O.vendorC1.id, 'CUSTOMER_ADMIN', wv)).toBe(0);
  });

  it('the sale moves only inventory: its history follows the device, a device that served sessions stays with its owner', async () => {
    const C1 = DEMO_MERCHANTS.vendorC1;
    const [stock, used] = await transactions.asSystem(async (m) => {
      const [site] = (await m.query(`INSERT INTO sites (tenant_id, name, address, city) VALUES ($1, '仓库', 'x', 'y') RETURNING id`, [O.vendor.id])) as [{ id: string }];
      const devices: string[] = [];
      for (const code of ['WV-STOCK-1', 'WV-STOCK-2']) {
        const [d] = (await m.query(`INSERT INTO devices (tenant_id, site_id, code, type, secret_ciphertext) VALUES ($1, $2, $3, 'WATER_VALVE', 'x') RETURNING id`, [
          O.vendor.id,
          site.id,
          code,
        ])) as [{ id: string }];
        devices.push(d.id);
        await m.query(`INSERT INTO device_events (tenant_id, device_id, event_id, type, source, occurred_at) VALUES ($1, $2, 'e1', 'device.fault', 'DEVICE', now())`, [O.vendor.id, d.id]);
        await m.query(`INSERT INTO device_commands (tenant_id, device_id, type, expires_at) VALUES ($1, $2, 'REBOOT', now() + interval '1 minute')`, [O.vendor.id, d.id]);
        await m.query(`INSERT INTO device_telemetry (tenant_id, device_id, recorded_at, telemetry) VALUES ($1, $2, now(), '{}')`, [O.vendor.id, d.id]);
      }
      // the second one served a session (the reseller demonstrating it, say)
      const [plan] = (await m.query(`INSERT INTO pricing_plans (tenant_id, name) VALUES ($1, 'p') RETURNING id`, [O.vendor.id])) as [{ id: string }];
      const [user] = (await m.query(`INSERT INTO end_users (tenant_id, appid, openid) VALUES ($1, 'wxd0000000000demo', 'rls-probe') RETURNING id`, [O.vendorC1.id])) as [{ id: string }];
      await m.query(
        `INSERT INTO service_sessions (tenant_id, merchant_tenant_id, merchant_account_id, payscore_service_id, service_id, scenario, service_mode, end_user_id, appid,
           device_id, device_type, device_code, plan_id, plan_version, plan, risk_fund_fen, notify_url, out_order_no, state)
         VALUES ($1, $2, $3, $4, $5, 'WATER', 'USE_FIRST', $6, 'wxd0000000000demo', $7, 'WATER_VALVE', 'WV-STOCK-2', $8, 1, '{}', 100, 'https://x', 'rlsprobe1', 'CANCELLED')`,
        [O.vendor.id, O.vendorC1.id, C1.id, C1.services[0].id, C1.services[0].serviceId, user.id, devices[1], plan.id],
      );
      return devices;
    });
    const transfer = (device: string) =>
      transactions.asTenant(principalOf(O.vendor.id), async (m) =>
        ((await m.query(`SELECT zizhu_fleet_transfer_device($1, $2, $3, 'v1.x', 2) AS outcome`, [device, O.vendorC1.id, DEMO_SITES.chargingEast.id])) as [{ outcome: string }])[0].outcome,
      );
    expect(await transfer(used!)).toBe('DEVICE_USED');
    expect(await transfer(stock!)).toBe('OK');
    const owners = await transactions.asSystem(
      async (m) =>
        (await m.query(
          `SELECT d.code, d.tenant_id AS device, (SELECT array_agg(DISTINCT x.tenant_id) FROM (SELECT tenant_id FROM device_events WHERE device_id = d.id
             UNION ALL SELECT tenant_id FROM device_commands WHERE device_id = d.id UNION ALL SELECT tenant_id FROM device_telemetry WHERE device_id = d.id) x) AS history,
             (SELECT array_agg(state) FROM device_commands WHERE device_id = d.id) AS commands
           FROM devices d WHERE d.id = ANY ($1) ORDER BY d.code`,
          [[stock, used]],
        )) as unknown[],
    );
    expect(owners).toEqual([
      { code: 'WV-STOCK-1', device: O.vendorC1.id, history: [O.vendorC1.id], commands: ['EXPIRED'] },
      { code: 'WV-STOCK-2', device: O.vendor.id, history: [O.vendor.id], commands: ['QUEUED'] },
    ]);
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
