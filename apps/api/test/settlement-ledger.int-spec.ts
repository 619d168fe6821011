import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { LedgerService } from '../src/modules/settlement/ledger.service.js';
import type { OpenDatabase } from '../src/platform/database/database.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { jobPrincipal } from '../src/platform/jobs/job-principal.js';
import { RequestContext, type Principal } from '../src/platform/tenancy/request-context.js';
import { openSeededDatabase } from './support/seeded-database.js';

const O = DEMO_ORGS;
const principalOf = (tenantId: string, role: Principal['role'] = 'OPERATOR_ADMIN'): Principal => ({ userId: '00000000-0000-4000-8000-0000000000ff', tenantId, role });

/** The ledger on the database itself: posting once, balanced, append-only, per-tenant reads, the balance check. */
describe('settlement ledger (issue 12)', () => {
  let db: OpenDatabase;
  let drop: () => Promise<void>;
  let transactions: Transactions;
  const ledger = new LedgerService();
  const context = new RequestContext();
  const asSystem = <T>(fn: (m: EntityManager) => Promise<T>) => transactions.asSystem(fn);
  /** As the database owner (not the app role): what only a trigger can stop. */
  const asOwner = (sql: string) =>
    db.dataSource.transaction(async (m) => {
      await m.query('SET LOCAL ROLE NONE');
      return m.query(sql);
    });

  const session = (code: string, paidFen: number, created = '2026-11-10 10:00') =>
    asSystem(async (m) => {
      const [row] = (await m.query(
        `INSERT INTO service_sessions (tenant_id, merchant_tenant_id, merchant_account_id, payscore_service_id, service_id, scenario, service_mode, end_user_id, appid,
                                       device_id, device_type, device_code, plan_id, plan_version, plan, risk_fund_fen, notify_url, out_order_no, state,
                                       total_fen, paid_fen, paid_at, created_at)
         SELECT d.tenant_id, ps.tenant_id, ps.merchant_account_id, ps.id, ps.service_id, ps.scenario, ps.mode, eu.id, eu.appid,
                d.id, d.type, d.code, p.id, p.current_version, v.plan, 100000, 'https://example.test/notify', 'LG' || substr(md5(random()::text), 1, 20), 'PAID',
                $2, $2, now(), ($3::timestamp AT TIME ZONE 'Asia/Shanghai')
           FROM devices d
           JOIN payscore_services ps ON ps.service_id = d.payscore_service_id
           JOIN pricing_plans p ON p.id = d.plan_id
           JOIN pricing_plan_versions v ON v.plan_id = p.id AND v.version = p.current_version
           JOIN LATERAL (SELECT id, appid FROM end_users WHERE tenant_id = ps.tenant_id LIMIT 1) eu ON true
          WHERE d.code = $1
         RETURNING id, tenant_id, merchant_tenant_id`,
        [code, paidFen, created],
      )) as { id: string; tenant_id: string; merchant_tenant_id: string }[];
      return row!;
    });
  /** A refund succeeding as the session engine records it: the refunded total raised, then posted, in one merchant transaction. */
  const refund = (s: { id: string; tenant_id: string; merchant_tenant_id: string }, amountFen: number) =>
    transactions.asTenant(jobPrincipal(s.merchant_tenant_id), async (m) => {
      const [action] = (await m.query(
        `INSERT INTO session_actions (tenant_id, session_id, kind, amount_fen, out_refund_no, state, finished_at)
         VALUES ($1, $2, 'REFUND', $3, 'RF' || substr(md5(random()::text), 1, 20), 'SUCCEEDED', now()) RETURNING id`,
        [s.tenant_id, s.id, amountFen],
      )) as { id: string }[];
      await m.query(`UPDATE service_sessions SET refunded_fen = refunded_fen + $2 WHERE id = $1`, [s.id, amountFen]);
      return { actionId: action!.id, posted: await ledger.postRefundSucceeded(m, action!.id, s.id, amountFen, new Date()) };
    });
  const balances = (principal: Principal) =>
    transactions.asTenant(principal, async (m) =>
      Object.fromEntries(
        ((await m.query(`SELECT tenant_id, account, balance_fen FROM ledger_balances ORDER BY 1, 2`)) as { tenant_id: string; account: string; balance_fen: string }[]).map(
          (r) => [`${r.tenant_id === O.fridge.id ? 'brand' : r.tenant_id === O.fridgeF1.id ? 'f1' : r.tenant_id === O.fridgeF2.id ? 'f2' : r.tenant_id}:${r.account}`, Number(r.balance_fen)],
        ),
      ),
    );

  let s1: { id: string; tenant_id: string; merchant_tenant_id: string };

  beforeAll(async () => {
    ({ db, transactions, drop } = await openSeededDatabase(context));
    await asSystem(async (m) => {
      await m.query(`INSERT INTO end_users (tenant_id, appid, openid) SELECT DISTINCT tenant_id, 'wxd0000000000demo', 'ledger-' || tenant_id FROM merchant_accounts ON CONFLICT DO NOTHING`);
      await m.query(
        `INSERT INTO agreements (tenant_id, parent_tenant_id, kind, version, effective_from, period, commission_basis_points, collection, max_profit_sharing_ratio_basis_points)
         VALUES ($1, $2, 'FRANCHISE', (SELECT coalesce(max(version), 0) + 1 FROM agreements WHERE tenant_id = $1), '2026-11-01', 'MONTHLY', 2000, 'BRAND_COLLECTS', 3000)`,
        [O.fridgeF1.id, O.fridge.id],
      );
    });
    s1 = await session('FR-0001', 999);
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  it('posts a paid session once, balanced, in the recording transaction: the sale, and the commission netted from what the brand holds', async () => {
    const post = () => transactions.asTenant(jobPrincipal(s1.merchant_tenant_id), (m) => ledger.postSessionPaid(m, s1.id, new Date()));
    expect(await post()).toBe(8);
    expect(await post()).toBe(0); // a retry posts nothing
    // ⌊999 × 2000 ÷ 10000⌋ = 199; the franchisee is owed 999 − 199 = 800
    expect(await balances(principalOf(O.fridge.id))).toEqual({
      'brand:COMMISSION_INCOME': -199,
      'brand:DUE_TO_OWNERS': -800,
      'brand:MERCHANT_CLEARING': 999,
      'f1:COMMISSION_EXPENSE': 199,
      'f1:DUE_FROM_MERCHANT': 800,
      'f1:SALES': -999,
    });
  });

  it('posts a refund with the commission it gives back, so the order’s commission stays ⌊net × bp ÷ 10000⌋', async () => {
    const { actionId, posted } = await refund(s1, 100); // net 899: commission 179, 20 given back
    expect(posted).toBe(8);
    expect((await transactions.asTenant(jobPrincipal(s1.merchant_tenant_id), (m) => ledger.postRefundSucceeded(m, actionId, s1.id, 100, new Date())))).toBe(0);
    expect(await balances(principalOf(O.fridge.id))).toMatchObject({
      'brand:COMMISSION_INCOME': -179,
      'brand:DUE_TO_OWNERS': -720,
      'brand:MERCHANT_CLEARING': 899,
      'f1:DUE_FROM_MERCHANT': 720,
      'f1:REFUNDS': 100,
    });
  });

  it('a franchisee reads only its own entries and balances; a sibling none of them', async () => {
    const f1 = await balances(principalOf(O.fridgeF1.id, 'FRANCHISEE_ADMIN'));
    expect(Object.keys(f1).every((k) => k.startsWith('f1:'))).toBe(true);
    expect(f1['f1:DUE_FROM_MERCHANT']).toBe(720);
    expect(await balances(principalOf(O.fridgeF2.id, 'FRANCHISEE_ADMIN'))).toEqual({});
    const entries = await transactions.asTenant(principalOf(O.fridgeF2.id, 'FRANCHISEE_ADMIN'), (m) => m.query(`SELECT count(*)::int AS n FROM ledger_entries`));
    expect(entries).toEqual([{ n: 0 }]);
    const own = await transactions.asTenant(principalOf(O.fridgeF1.id, 'FRANCHISEE_ADMIN'), (m) => m.query(`SELECT DISTINCT tenant_id FROM ledger_entries`));
    expect(own).toEqual([{ tenant_id: O.fridgeF1.id }]);
  });

  it('refuses an unbalanced posting, and a posting for an organisation outside the caller’s scope', async () => {
    const line = (tenant: string, debit: number, credit: number) => ({ tenant_id: tenant, account: 'ADJUSTMENTS' as const, counterparty_tenant_id: null, kind: 'ADJUSTMENT' as const, debit_fen: debit, credit_fen: credit });
    await expect(
      transactions.asTenant(principalOf(O.fridge.id), (m) => ledger.post(m, 'ADJUSTMENT', 'unbalanced-1', '2026-11-10', [line(O.fridge.id, 10, 0), line(O.fridgeF1.id, 0, 9)])),
    ).rejects.toThrow(/does not balance/);
    await expect(
      transactions.asTenant(principalOf(O.fridgeF2.id, 'FRANCHISEE_ADMIN'), (m) => ledger.post(m, 'ADJUSTMENT', 'foreign-1', '2026-11-10', [line(O.fridgeF1.id, 10, 0), line(O.fridgeF1.id, 0, 10)])),
    ).rejects.toThrow(/outside the caller/);
    // the app role cannot write the tables directly at all
    await expect(transactions.asTenant(principalOf(O.fridge.id), (m) => m.query(`DELETE FROM ledger_entries`))).rejects.toThrow(/permission denied/);
  });

  it('entries are never updated or deleted, even by the tables’ owner (a trigger raises)', async () => {
    await expect(asOwner(`UPDATE ledger_entries SET debit_fen = debit_fen + 1 WHERE debit_fen > 0`)).rejects.toThrow(/append-only/);
    await expect(asOwner(`DELETE FROM ledger_entries`)).rejects.toThrow(/append-only/);
    await expect(asOwner(`TRUNCATE ledger_entries`)).rejects.toThrow(/append-only/);
    await expect(asOwner(`UPDATE agreements SET commission_basis_points = 0`)).rejects.toThrow(/append-only/);
  });

  it('the balance check recomputes every account from entries alone: sound, then a tampered stored balance is found', async () => {
    const sound = await asSystem((m) => ledger.check(m));
    expect(sound.accounts).toBeGreaterThanOrEqual(7);
    expect(sound.mismatches).toEqual([]);
    expect(sound.unbalancedPostings).toEqual([]);
    expect((await transactions.asTenant(principalOf(O.fridgeF1.id, 'FRANCHISEE_ADMIN'), (m) => ledger.check(m))).mismatches).toEqual([]);
    await asOwner(`UPDATE ledger_balances SET balance_fen = balance_fen + 1 WHERE tenant_id = '${O.fridgeF1.id}' AND account = 'DUE_FROM_MERCHANT'`);
    const tampered = await asSystem((m) => ledger.check(m));
    expect(tampered.mismatches).toEqual([
      { tenantId: O.fridgeF1.id, account: 'DUE_FROM_MERCHANT', counterpartyTenantId: O.fridge.id, storedFen: 721, recomputedFen: 720 },
    ]);
  });
});
