import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { systemQuery } from './fleet-support.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { TestClock } from './support/test-clock.js';

const O = DEMO_ORGS;

interface Body {
  code?: string;
  errors?: { field: string; messages: string[] }[];
  [k: string]: unknown;
}

/**
 * Issue 12: `POST /v1/statements/{id}/settle` — the party owed records how a CLOSED statement that no payout settles
 * was settled (a franchisee that collects itself, a brand-collects statement owing nothing or less, a reseller's fee
 * statement); the refusals; who may; idempotency; the audit row; the settlement's posting (what the statement left open
 * between the parties cleared, once) and the ledger still balanced; and
 * settled_at from the business clock (a payout's too). Also manual adjustments (POST /v1/organizations/{id}/adjustments):
 * one ADJUSTMENT line on the open statement holding their date, posted once, refused for a closed period.
 */
describe('settlement: recording how a statement was settled without a payout (issue 12)', () => {
  /** Friday 4 December 2026, noon in Shanghai; the real date differs, so a settled_at from the database's now() would show. */
  const clock = TestClock.startingAt(new Date('2026-12-04T12:00:00+08:00'));
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const call = async (login: string, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, key?: string) => {
    const r = await t.http(method, url, { token: tokens[login], ...(body !== undefined ? { body } : {}), ...(key ? { headers: { 'idempotency-key': key } } : {}) });
    return { status: r.statusCode, body: r.json() as Body };
  };
  const settle = (login: string, id: string, body: unknown, key = randomUUID()) => call(login, 'POST', `/v1/statements/${id}/settle`, body, key);
  let month = 0;
  /** A statement of a past month (2024 on, before any agreement of the demo), CLOSED a day before the clock's now unless OPEN. */
  const statement = async (org: { id: string; parentId: string }, kind: 'FRANCHISE' | 'RESELLER', payableFen: number, status: 'OPEN' | 'CLOSED' = 'CLOSED') => {
    const start = `${2024 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
    month += 1;
    const closedAt = status === 'CLOSED' ? new Date(clock.now().getTime() - 86_400_000) : null;
    const [row] = await systemQuery<{ id: string }>(
      t,
      `INSERT INTO statements (tenant_id, parent_tenant_id, kind, period, period_start, period_end, status, payable_fen, reseller_fee_fen, closed_at)
       VALUES ($1, $2, $3, 'MONTHLY', $4::date, ($4::date + interval '1 month' - interval '1 day')::date, $5, $6, $7, $8) RETURNING id`,
      [org.id, org.parentId, kind, start, status, payableFen, kind === 'RESELLER' ? payableFen : 0, closedAt],
    );
    return row!.id;
  };
  const ledgerCount = async () => (await systemQuery<{ n: number }>(t, `SELECT count(*)::int AS n FROM ledger_entries`))[0]!.n;
  /** The fees a closed statement posts when they are not netted (franchisee collects, a reseller's customer), as feePosting does at the close. */
  const postFees = async (statementId: string, org: { id: string; parentId: string }, kind: 'FIXED_FEE' | 'RESELLER_FEE', fen: number) => {
    const line = (tenant: string, account: string, counterparty: string, debit: boolean) => ({ tenant_id: tenant, account, counterparty_tenant_id: counterparty, kind, debit_fen: debit ? fen : 0, credit_fen: debit ? 0 : fen });
    await systemQuery(t, `SELECT zizhu_post_ledger('STATEMENT', $1, '2024-01-31'::date, $2::jsonb)`, [
      statementId,
      JSON.stringify([line(org.id, 'FEE_EXPENSE', org.parentId, true), line(org.id, 'FEES_PAYABLE', org.parentId, false), line(org.parentId, 'FEES_RECEIVABLE', org.id, true), line(org.parentId, 'FEE_INCOME', org.id, false)]),
    ]);
  };
  /** debits − credits per organisation and account of the statement's own postings and its settlement's (what the statement left open, then cleared). */
  const openOf = async (statementId: string, settlementId: string | null) =>
    Object.fromEntries(
      (
        await systemQuery<{ key: string; fen: string }>(
          t,
          `SELECT tenant_id || ':' || account AS key, sum(debit_fen - credit_fen)::text AS fen FROM ledger_entries
            WHERE (source_kind = 'STATEMENT' AND source_id = $1) OR (source_kind = 'SETTLEMENT' AND source_id = $2) GROUP BY 1`,
          [statementId, settlementId ?? ''],
        )
      ).map((r) => [r.key, Number(r.fen)]),
    );
  const settlementEntries = async (settlementId: string) =>
    systemQuery<{ tenant_id: string; account: string; kind: string; debit_fen: string; credit_fen: string; effective_date: string }>(
      t,
      `SELECT tenant_id, account, kind, debit_fen::text, credit_fen::text, to_char(effective_date, 'YYYY-MM-DD') AS effective_date FROM ledger_entries WHERE source_kind = 'SETTLEMENT' AND source_id = $1 ORDER BY line_no`,
      [settlementId],
    );
  const settlementsOf = async (statementId: string) => systemQuery<{ id: string }>(t, `SELECT id FROM statement_settlements WHERE statement_id = $1`, [statementId]);

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    for (const login of ['admin@zizhu.demo', 'ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'ops@vendor.demo', 'c1@vendor.demo', 'ops@powerbank.demo']) {
      tokens[login] = await t.login(login);
    }
    // franchisee 2 collects itself from 2020 on (a version above the demo's, so it is the one in force for the periods below)
    await systemQuery(
      t,
      `INSERT INTO agreements (tenant_id, parent_tenant_id, kind, version, effective_from, period, commission_basis_points, fixed_fee_per_device_month_fen, collection, max_profit_sharing_ratio_basis_points)
       VALUES ($1, $2, 'FRANCHISE', 50, '2020-01-01', 'MONTHLY', 2000, 5000, 'FRANCHISEE_COLLECTS', 3000)`,
      [O.fridgeF2.id, O.fridge.id],
    );
  });
  afterAll(() => t.close());

  it('franchisee collects: the brand records the fees paid by bank; SETTLED with the settlement shown to both; audited; the fees receivable cleared in the ledger, once', async () => {
    const f2 = O.fridgeF2 as { id: string; parentId: string };
    const id = await statement(f2, 'FRANCHISE', -5_000);
    await postFees(id, f2, 'FIXED_FEE', 5_000);
    expect(await openOf(id, null)).toMatchObject({ [`${f2.id}:FEES_PAYABLE`]: -5_000, [`${f2.parentId}:FEES_RECEIVABLE`]: 5_000 });
    const entriesBefore = await ledgerCount();
    const settledAt = new Date(clock.now().getTime() - 3_600_000).toISOString();
    const r = await settle('ops@fridge.demo', id, { method: 'OFFLINE_BANK', reference: 'BANK-2024-01-F2', note: '设备月固定费', settledAt });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id,
      status: 'SETTLED',
      settledAt,
      settlement: { method: 'OFFLINE_BANK', amountFen: -5_000, reference: 'BANK-2024-01-F2', note: '设备月固定费', settledAt, settledByName: expect.any(String) },
    });
    const settlement = r.body['settlement'] as { id: string; recordedAt: string; settledBy: string };
    expect(r.body['settlementReference']).toBe(`settlement:${settlement.id}`);
    expect(settlement.recordedAt.slice(0, 10)).toBe('2026-12-04'); // the business clock, not the database's now()
    expect(settlement.settledBy).toMatch(/^[0-9a-f-]{36}$/);
    // the franchisee reads it on its statement
    expect((await call('f2@fridge.demo', 'GET', `/v1/statements/${id}`)).body).toMatchObject({ status: 'SETTLED', settlement: { id: settlement.id, method: 'OFFLINE_BANK' } });
    const audit = await systemQuery<{ n: number }>(
      t,
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'statement.settle' AND resource_id = $1 AND subject_tenant_id = $2 AND after->>'status' = 'SETTLED' AND before->>'status' = 'CLOSED'`,
      [id, O.fridgeF2.id],
    );
    expect(audit[0]!.n).toBe(1);
    // the settlement's posting (source = the settlement, kind SETTLEMENT, dated the day the money moved): both sides' receivable and payable back to 0
    expect(await ledgerCount()).toBe(entriesBefore + 4);
    expect(await settlementEntries(settlement.id)).toEqual([
      { tenant_id: f2.id, account: 'FEES_PAYABLE', kind: 'SETTLEMENT', debit_fen: '5000', credit_fen: '0', effective_date: '2026-12-04' },
      { tenant_id: f2.id, account: 'BANK', kind: 'SETTLEMENT', debit_fen: '0', credit_fen: '5000', effective_date: '2026-12-04' },
      { tenant_id: f2.parentId, account: 'BANK', kind: 'SETTLEMENT', debit_fen: '5000', credit_fen: '0', effective_date: '2026-12-04' },
      { tenant_id: f2.parentId, account: 'FEES_RECEIVABLE', kind: 'SETTLEMENT', debit_fen: '0', credit_fen: '5000', effective_date: '2026-12-04' },
    ]);
    expect(await openOf(id, settlement.id)).toMatchObject({ [`${f2.id}:FEES_PAYABLE`]: 0, [`${f2.parentId}:FEES_RECEIVABLE`]: 0 });
    // settled once: a second record (another key) is refused and posts nothing
    expect((await settle('ops@fridge.demo', id, { method: 'OFFSET' })).status).toBe(409);
    expect(await ledgerCount()).toBe(entriesBefore + 4);
  });

  it('franchisee collects with a positive payable (a failed split return owed back) is settled here too, by offset', async () => {
    const id = await statement(O.fridgeF2 as { id: string; parentId: string }, 'FRANCHISE', 300);
    const r = await settle('ops@fridge.demo', id, { method: 'OFFSET', note: '抵扣下期固定费' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'SETTLED', settlement: { method: 'OFFSET', amountFen: 300, reference: null, note: '抵扣下期固定费' } });
    expect(String(r.body['settledAt']).slice(0, 10)).toBe('2026-12-04');
  });

  it('brand collects with payableFen ≤ 0 (the franchisee owes, or nothing is owed) is settled here; with payableFen > 0 it is refused: a payout settles it', async () => {
    const owes = await statement(O.fridgeF1 as { id: string; parentId: string }, 'FRANCHISE', -1_200);
    const paid = await settle('ops@fridge.demo', owes, { method: 'OTHER', note: '现金' });
    expect(paid).toMatchObject({ status: 200, body: { status: 'SETTLED', settlement: { method: 'OTHER', amountFen: -1_200 } } });
    // what the franchisee paid back into what the brand holds for it (the mirror of a payout): DUE_FROM_MERCHANT +1,200
    const entries = await settlementEntries((paid.body['settlement'] as { id: string }).id);
    expect(entries.map((e) => [e.tenant_id, e.account, Number(e.debit_fen) - Number(e.credit_fen)])).toEqual([
      [O.fridgeF1.id, 'DUE_FROM_MERCHANT', 1_200],
      [O.fridgeF1.id, 'BANK', -1_200],
      [O.fridge.id, 'BANK', 1_200],
      [O.fridge.id, 'DUE_TO_OWNERS', -1_200],
    ]);
    const entriesBefore = await ledgerCount();
    const nothing = await statement(O.fridgeF1 as { id: string; parentId: string }, 'FRANCHISE', 0);
    expect(await settle('ops@fridge.demo', nothing, { method: 'OFFSET' })).toMatchObject({ status: 200, body: { status: 'SETTLED' } });
    expect(await ledgerCount()).toBe(entriesBefore); // nothing owed, nothing posted
    const owed = await statement(O.fridgeF1 as { id: string; parentId: string }, 'FRANCHISE', 5_000);
    expect(await settle('ops@fridge.demo', owed, { method: 'OFFLINE_BANK', reference: 'X' })).toMatchObject({ status: 409, body: { code: 'STATEMENT_SETTLE_BY_PAYOUT' } });
    expect(await settlementsOf(owed)).toEqual([]);
  });

  it('a reseller records its customer’s fee statement as paid; the customer reads it', async () => {
    const c1 = O.vendorC1 as { id: string; parentId: string };
    const id = await statement(c1, 'RESELLER', 8_000);
    await postFees(id, c1, 'RESELLER_FEE', 8_000);
    const r = await settle('ops@vendor.demo', id, { method: 'OFFLINE_BANK', reference: 'C1-FEE-1' });
    expect(r).toMatchObject({ status: 200, body: { status: 'SETTLED', settlement: { method: 'OFFLINE_BANK', amountFen: 8_000, reference: 'C1-FEE-1' } } });
    // the customer's fees payable and the reseller's receivable of this statement are cleared
    expect(await openOf(id, (r.body['settlement'] as { id: string }).id)).toMatchObject({ [`${c1.id}:FEES_PAYABLE`]: 0, [`${c1.parentId}:FEES_RECEIVABLE`]: 0, [`${c1.id}:BANK`]: -8_000 });
    expect((await call('c1@vendor.demo', 'GET', `/v1/statements/${id}`)).body).toMatchObject({ status: 'SETTLED', settlement: { reference: 'C1-FEE-1' } });
    // the platform admin may record one too
    const other = await statement(O.vendorC1 as { id: string; parentId: string }, 'RESELLER', 100);
    expect((await settle('admin@zizhu.demo', other, { method: 'OTHER', note: '平台代收' })).status).toBe(200);
  });

  describe('manual adjustments (POST /v1/organizations/{id}/adjustments)', () => {
    const adjust = (login: string, orgId: string, body: unknown, key = randomUUID()) => call(login, 'POST', `/v1/organizations/${orgId}/adjustments`, body, key);
    const adjustmentsOf = async (orgId: string) => systemQuery<{ id: string; statement_id: string }>(t, `SELECT id, statement_id FROM settlement_adjustments WHERE tenant_id = $1`, [orgId]);
    const periodOf = async (id: string) =>
      (await systemQuery<{ start: string }>(t, `SELECT to_char(period_start, 'YYYY-MM-DD') AS start FROM statements WHERE id = $1`, [id]))[0]!.start;
    const F1 = O.fridgeF1 as { id: string; parentId: string };

    it('the brand books a credit and a debit on a franchisee’s open statement: each an ADJUSTMENT line with its reason, once in the ledger; the close fixes them; the ledger balances', async () => {
      const id = await statement(F1, 'FRANCHISE', 0, 'OPEN');
      const day = (await periodOf(id)).replace(/-01$/, '-10');
      const key = randomUUID();
      const credit = await adjust('ops@fridge.demo', F1.id, { amountFen: 1_234, reason: ' 冰柜维修费由品牌承担 ', effectiveDate: day }, key);
      expect(credit.status).toBe(201);
      expect(credit.body).toMatchObject({ organizationId: F1.id, parentOrganizationId: O.fridge.id, kind: 'FRANCHISE', amountFen: 1_234, reason: '冰柜维修费由品牌承担', effectiveDate: day, statementId: id, statementStatus: 'OPEN' });
      // the same key replays the first answer and books nothing more; with another body it is 422
      expect(await adjust('ops@fridge.demo', F1.id, { amountFen: 1_234, reason: ' 冰柜维修费由品牌承担 ', effectiveDate: day }, key)).toEqual(credit);
      expect((await adjust('ops@fridge.demo', F1.id, { amountFen: 1_235, reason: '冰柜维修费由品牌承担', effectiveDate: day }, key)).status).toBe(422);
      const debit = await adjust('ops@fridge.demo', F1.id, { amountFen: -234, reason: '@财务 11 月多付扣回', effectiveDate: day });
      expect(debit.status).toBe(201);
      expect((await adjustmentsOf(F1.id)).filter((a) => a.statement_id === id)).toHaveLength(2);
      const audit = await systemQuery<{ n: number }>(t, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'adjustment.create' AND subject_tenant_id = $1 AND resource_id IN ($2, $3)`, [
        F1.id,
        credit.body['id'],
        debit.body['id'],
      ]);
      expect(audit[0]!.n).toBe(2);
      // posted once each, balanced, netted from what the brand holds for the franchisee (brand collects)
      const entries = await systemQuery<{ source_id: string; tenant_id: string; account: string; debit_fen: string; credit_fen: string }>(
        t,
        `SELECT source_id, tenant_id, account, debit_fen, credit_fen FROM ledger_entries WHERE source_kind = 'ADJUSTMENT' AND source_id IN ($1, $2)`,
        [credit.body['id'], debit.body['id']],
      );
      expect(entries).toHaveLength(8);
      const net = (tenant: string, account: string) =>
        entries.filter((e) => e.tenant_id === tenant && e.account === account).reduce((s, e) => s + Number(e.debit_fen) - Number(e.credit_fen), 0);
      expect(net(F1.id, 'DUE_FROM_MERCHANT')).toBe(1_000);
      expect(net(O.fridge.id, 'DUE_TO_OWNERS')).toBe(-1_000);
      // the open statement shows them (the franchisee reads it too)
      const open = (await call('f1@fridge.demo', 'GET', `/v1/statements/${id}`)).body as Body & { lines: { kind: string; description: string; amountFen: number }[] };
      expect(open).toMatchObject({ status: 'OPEN', adjustmentFen: 1_000, payableFen: 1_000 });
      expect(open.lines.filter((l) => l.kind === 'ADJUSTMENT').map((l) => [l.description, l.amountFen])).toEqual([
        ['冰柜维修费由品牌承担', 1_234],
        ['@财务 11 月多付扣回', -234],
      ]);
      // the close fixes the lines and totals
      const closed = await call('ops@fridge.demo', 'POST', `/v1/statements/${id}/close`);
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'CLOSED', netFen: 0, commissionFen: 0, adjustmentFen: 1_000, payableFen: 1_000 });
      const lines = await systemQuery<{ kind: string; description: string; amount_fen: string }>(t, `SELECT kind, description, amount_fen FROM statement_lines WHERE statement_id = $1 AND kind = 'ADJUSTMENT' ORDER BY position`, [id]);
      expect(lines.map((l) => [l.description, Number(l.amount_fen)])).toEqual([
        ['冰柜维修费由品牌承担', 1_234],
        ['@财务 11 月多付扣回', -234],
      ]);
      // in the CSV the franchisee downloads, text a spreadsheet would run as a formula stays text; amounts stay numbers
      const csv = (await t.http('GET', `/v1/statements/${id}/export.csv`, { token: tokens['f1@fridge.demo'] })).body.split('\r\n');
      expect(csv.filter((l) => l.includes('多付扣回'))).toEqual([expect.stringMatching(/^\d+,ADJUSTMENT,'@财务 11 月多付扣回,,,-234,-2\.34,/)]);
      // the franchisee reads its adjustments, now on a closed statement
      const list = await call('f1@fridge.demo', 'GET', `/v1/organizations/${F1.id}/adjustments`);
      expect(list.status).toBe(200);
      expect((list.body['items'] as { id: string; statementStatus: string }[]).filter((a) => a.id === credit.body['id'] || a.id === debit.body['id']).map((a) => a.statementStatus)).toEqual(['CLOSED', 'CLOSED']);
      // a date in the closed period is refused, naming the field; nothing is written
      const late = await adjust('ops@fridge.demo', F1.id, { amountFen: 100, reason: '结账后才知道', effectiveDate: day });
      expect(late).toMatchObject({ status: 422, body: { code: 'ADJUSTMENT_PERIOD_CLOSED' } });
      expect(late.body.errors?.map((e) => e.field)).toEqual(['effectiveDate']);
      expect((await adjustmentsOf(F1.id)).filter((a) => a.statement_id === id)).toHaveLength(2);
      // the ledger recomputed from its entries matches the stored balances
      expect((await call('admin@zizhu.demo', 'GET', '/v1/ledger/check')).body).toMatchObject({ mismatches: [], unbalancedPostings: [] });
    });

    it('a hardware reseller books one on its customer’s fee statement: it lowers what the customer owes', async () => {
      const C1 = O.vendorC1 as { id: string; parentId: string };
      const id = await statement(C1, 'RESELLER', 0, 'OPEN');
      const r = await adjust('ops@vendor.demo', C1.id, { amountFen: 700, reason: '故障设备减免', effectiveDate: await periodOf(id) });
      expect(r).toMatchObject({ status: 201, body: { kind: 'RESELLER', statementId: id, amountFen: 700 } });
      const read = (await call('c1@vendor.demo', 'GET', `/v1/statements/${id}`)).body as Body & { lines: { kind: string; description: string; amountFen: number }[] };
      expect(read).toMatchObject({ adjustmentFen: 700, payableFen: -700 });
      expect(read.lines).toEqual([expect.objectContaining({ kind: 'ADJUSTMENT', description: '故障设备减免', amountFen: 700 })]);
      expect((await adjust('c1@vendor.demo', C1.id, { amountFen: 700, reason: 'x' })).status).toBe(403);
    });

    it('who may: the franchisee is refused by its role, another brand or reseller gets 404, reading included', async () => {
      const before = (await adjustmentsOf(F1.id)).length;
      expect((await adjust('f1@fridge.demo', F1.id, { amountFen: 100, reason: '自己给自己加钱' })).status).toBe(403);
      expect((await adjust('ops@vendor.demo', F1.id, { amountFen: 100, reason: 'x' })).status).toBe(404);
      expect((await adjust('ops@powerbank.demo', F1.id, { amountFen: 100, reason: 'x' })).status).toBe(404);
      expect((await call('ops@vendor.demo', 'GET', `/v1/organizations/${F1.id}/adjustments`)).status).toBe(404);
      expect((await call('f2@fridge.demo', 'GET', `/v1/organizations/${F1.id}/adjustments`)).status).toBe(404);
      expect((await adjustmentsOf(F1.id)).length).toBe(before);
    });

    it('bad input names the field: amountFen 0 or not whole fen, an empty reason, a future date; no period for the date is 422; the Idempotency-Key is required', async () => {
      const fields = async (body: unknown) => {
        const r = await adjust('ops@fridge.demo', F1.id, body);
        expect(r.status).toBe(400);
        return (r.body.errors ?? []).map((e) => e.field);
      };
      expect(await fields({ amountFen: 0, reason: 'x' })).toEqual(['amountFen']);
      expect(await fields({ amountFen: 12.5, reason: 'x' })).toEqual(['amountFen']);
      expect(await fields({ amountFen: 100, reason: '   ' })).toEqual(['reason']);
      expect(await fields({ amountFen: 100, reason: 'x', effectiveDate: '2099-01-01' })).toEqual(['effectiveDate']);
      expect(await fields({ amountFen: 100, reason: 'x', effectiveDate: '2026-02-30' })).toEqual(['effectiveDate']);
      expect((await adjust('ops@fridge.demo', F1.id, { amountFen: 100, reason: 'x', effectiveDate: '2019-06-01' })).body.code).toBe('ADJUSTMENT_NO_STATEMENT');
      expect((await call('ops@fridge.demo', 'POST', `/v1/organizations/${F1.id}/adjustments`, { amountFen: 100, reason: 'x' })).status).toBe(400);
      expect((await adjust('ops@fridge.demo', O.fridge.id, { amountFen: 100, reason: 'x' })).status).toBe(404);
    });
  });

  it('OPEN and already SETTLED statements are refused with 409', async () => {
    const open = await statement(O.fridgeF1 as { id: string; parentId: string }, 'FRANCHISE', -100, 'OPEN');
    expect(await settle('ops@fridge.demo', open, { method: 'OFFSET' })).toMatchObject({ status: 409, body: { code: 'STATEMENT_SETTLE_NOT_CLOSED' } });
    const id = await statement(O.fridgeF1 as { id: string; parentId: string }, 'FRANCHISE', -100);
    expect((await settle('ops@fridge.demo', id, { method: 'OFFSET' })).status).toBe(200);
    expect(await settle('ops@fridge.demo', id, { method: 'OFFSET' })).toMatchObject({ status: 409, body: { code: 'STATEMENT_ALREADY_SETTLED' } });
    expect(await settlementsOf(id)).toHaveLength(1);
  });

  it('only the party owed: the franchisee (or customer) cannot settle its own statement; another brand or reseller gets 404', async () => {
    const id = await statement(O.fridgeF1 as { id: string; parentId: string }, 'FRANCHISE', -700);
    expect((await settle('f1@fridge.demo', id, { method: 'OFFSET' })).status).toBe(403);
    expect((await settle('ops@vendor.demo', id, { method: 'OFFSET' })).status).toBe(404);
    expect((await settle('ops@powerbank.demo', id, { method: 'OFFSET' })).status).toBe(404);
    const fee = await statement(O.vendorC1 as { id: string; parentId: string }, 'RESELLER', 900);
    expect((await settle('c1@vendor.demo', fee, { method: 'OFFSET' })).status).toBe(403);
    expect((await settle('ops@fridge.demo', fee, { method: 'OFFSET' })).status).toBe(404);
    expect(await settlementsOf(id)).toEqual([]);
    expect(await settlementsOf(fee)).toEqual([]);
  });

  it('bad input names the field: reference for OFFLINE_BANK, settledAt in the future or before the close, an unknown method; the Idempotency-Key is required', async () => {
    const id = await statement(O.fridgeF1 as { id: string; parentId: string }, 'FRANCHISE', -100);
    const fields = async (body: unknown) => {
      const r = await settle('ops@fridge.demo', id, body);
      expect(r.status).toBe(400);
      return (r.body.errors ?? []).map((e) => e.field);
    };
    expect(await fields({ method: 'OFFLINE_BANK' })).toEqual(['reference']);
    expect(await fields({ method: 'OFFSET', settledAt: new Date(clock.now().getTime() + 3_600_000).toISOString() })).toEqual(['settledAt']);
    expect(await fields({ method: 'OFFSET', settledAt: new Date(clock.now().getTime() - 2 * 86_400_000).toISOString() })).toEqual(['settledAt']);
    expect(await fields({ method: 'OFFSET', settledAt: 'yesterday' })).toEqual(['settledAt']);
    expect(await fields({ method: 'CHEQUE' })).toEqual(['method']);
    expect((await call('ops@fridge.demo', 'POST', `/v1/statements/${id}/settle`, { method: 'OFFSET' })).status).toBe(400);
    expect(await settlementsOf(id)).toEqual([]);
  });

  it('the same Idempotency-Key twice gives one settlement and one audit row; the same key with another body is 422', async () => {
    const id = await statement(O.fridgeF1 as { id: string; parentId: string }, 'FRANCHISE', -2_500);
    const key = randomUUID();
    const first = await settle('ops@fridge.demo', id, { method: 'OFFLINE_BANK', reference: 'DUP-1' }, key);
    expect(first.status).toBe(200);
    expect(await settle('ops@fridge.demo', id, { method: 'OFFLINE_BANK', reference: 'DUP-1' }, key)).toEqual(first);
    expect((await settle('ops@fridge.demo', id, { method: 'OFFLINE_BANK', reference: 'DUP-2' }, key)).status).toBe(422);
    expect(await settlementsOf(id)).toHaveLength(1);
    const audit = await systemQuery<{ n: number }>(t, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'statement.settle' AND resource_id = $1`, [id]);
    expect(audit[0]!.n).toBe(1);
  });

  it('a settlement is never changed or removed, and the statement stays fixed', async () => {
    const id = await statement(O.fridgeF1 as { id: string; parentId: string }, 'FRANCHISE', -100);
    await settle('ops@fridge.demo', id, { method: 'OFFSET' });
    await expect(systemQuery(t, `UPDATE statement_settlements SET note = 'x' WHERE statement_id = $1`, [id])).rejects.toThrow();
    await expect(systemQuery(t, `DELETE FROM statement_settlements WHERE statement_id = $1`, [id])).rejects.toThrow();
    await expect(systemQuery(t, `UPDATE statements SET payable_fen = 1 WHERE id = $1`, [id])).rejects.toThrow();
  });

  it('an offline bank payout sets settled_at from the business clock', async () => {
    const id = await statement(O.fridgeF1 as { id: string; parentId: string }, 'FRANCHISE', 4_200);
    const paid = await call('ops@fridge.demo', 'POST', '/v1/payouts', { statementId: id, method: 'OFFLINE_BANK', reference: 'PO-BANK-1' }, randomUUID());
    expect(paid.status).toBe(201);
    const read = (await call('ops@fridge.demo', 'GET', `/v1/statements/${id}`)).body;
    expect(read).toMatchObject({ status: 'SETTLED', settlement: null });
    expect(String(read['settledAt']).slice(0, 10)).toBe('2026-12-04');
  });

  it('collection cannot switch inside a period that has money booked: 422 naming collection and effectiveFrom; from the next period it may; other terms may change mid-period', async () => {
    const F1 = O.fridgeF1 as { id: string; parentId: string };
    const agreement = (body: Record<string, unknown>) => call('ops@fridge.demo', 'PUT', `/v1/organizations/${F1.id}/agreement`, body);
    const [december] = await systemQuery<{ id: string; end: string }>(
      t,
      `SELECT id, to_char(period_end, 'YYYY-MM-DD') AS end FROM statements WHERE tenant_id = $1 AND status = 'OPEN' AND period_start <= '2026-12-03' AND period_end >= '2026-12-03'`,
      [F1.id],
    );
    expect(december).toBeDefined();
    // booked under brand collects (netted from what the brand holds for the franchisee) on 3 December
    const booked = await call('ops@fridge.demo', 'POST', `/v1/organizations/${F1.id}/adjustments`, { amountFen: 500, reason: '冰柜清洁补贴', effectiveDate: '2026-12-03' }, randomUUID());
    expect(booked.status).toBe(201);
    const refused = await agreement({ commissionBasisPoints: 2000, collection: 'FRANCHISEE_COLLECTS', effectiveFrom: '2026-12-04' });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('AGREEMENT_COLLECTION_MID_PERIOD');
    expect((refused.body.errors ?? []).map((e) => e.field)).toEqual(['collection', 'effectiveFrom']);
    const nextStart = new Date(Date.parse(`${december!.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(String(refused.body['detail'])).toContain(nextStart);
    expect(await systemQuery(t, `SELECT 1 FROM agreements WHERE tenant_id = $1 AND collection = 'FRANCHISEE_COLLECTS'`, [F1.id])).toEqual([]);
    // the same collection with other terms, mid-period: allowed
    expect((await agreement({ commissionBasisPoints: 2100, collection: 'BRAND_COLLECTS', effectiveFrom: '2026-12-04' })).status).toBe(200);
    // from the next period's first day the timing is fine (what stops it now is only that franchisee 1 has no merchant account of its own)
    expect((await agreement({ commissionBasisPoints: 2000, collection: 'FRANCHISEE_COLLECTS', effectiveFrom: nextStart })).body.code).toBe('AGREEMENT_NEEDS_OWN_MERCHANT_ACCOUNT');
    // a franchisee that collects itself (franchisee 2 here, booked on earlier periods only) switches back to brand collects from a period start with nothing booked
    expect((await call('ops@fridge.demo', 'PUT', `/v1/organizations/${O.fridgeF2.id}/agreement`, { commissionBasisPoints: 2000, collection: 'BRAND_COLLECTS', effectiveFrom: nextStart })).status).toBe(200);
  });

  it('a switch on the first day of a period is allowed when all it has is the previous period’s late bookings: a channel fee learnt the next day, a split of a late-night order, a payout', async () => {
    const F2 = O.fridgeF2 as { id: string; parentId: string };
    const post = (kind: string, sourceId: string, date: string, lines: [string, string, string | null, number, number][]) =>
      systemQuery(t, `SELECT zizhu_post_ledger($1, $2, $3::date, $4::jsonb)`, [
        kind,
        sourceId,
        date,
        JSON.stringify(lines.map(([tenant, account, counterparty, debit, credit]) => ({ tenant_id: tenant, account, counterparty_tenant_id: counterparty, kind, debit_fen: debit, credit_fen: credit }))),
      ]);
    // dated 1 December, all of November: its last day's channel fee (bill day 30 November), the split of an order paid at 23:59
    await post('CHANNEL_FEE', `${randomUUID()}:2026-11-30`, '2026-12-01', [
      [F2.id, 'FEE_EXPENSE', null, 37, 0],
      [F2.id, 'MERCHANT_CLEARING', null, 0, 37],
    ]);
    await post('SPLIT', randomUUID(), '2026-12-01', [
      [F2.id, 'COMMISSION_PAYABLE', F2.parentId, 70, 0],
      [F2.id, 'MERCHANT_CLEARING', F2.parentId, 0, 70],
      [F2.parentId, 'MERCHANT_CLEARING', F2.id, 70, 0],
      [F2.parentId, 'COMMISSION_RECEIVABLE', F2.id, 0, 70],
    ]);
    await post('PAYOUT', randomUUID(), '2026-12-02', [
      [F2.id, 'BANK', F2.parentId, 300, 0],
      [F2.id, 'DUE_FROM_MERCHANT', F2.parentId, 0, 300],
      [F2.parentId, 'DUE_TO_OWNERS', F2.id, 300, 0],
      [F2.parentId, 'BANK', F2.id, 0, 300],
    ]);
    const switched = await call('ops@fridge.demo', 'PUT', `/v1/organizations/${F2.id}/agreement`, { commissionBasisPoints: 2000, collection: 'BRAND_COLLECTS', effectiveFrom: '2026-12-01' });
    expect(switched).toMatchObject({ status: 200, body: { collection: 'BRAND_COLLECTS', effectiveFrom: '2026-12-01' } });
  });

  it('a later version that a newer one supersedes does not block other terms: brand collects now, franchisee collects scheduled for next month, a new brand-collects version from today is allowed', async () => {
    const F1 = O.fridgeF1 as { id: string; parentId: string };
    // scheduled: franchisee collects from 1 January (inserted as the brand would once franchisee 1 has its own account)
    await systemQuery(
      t,
      `INSERT INTO agreements (tenant_id, parent_tenant_id, kind, version, effective_from, period, commission_basis_points, fixed_fee_per_device_month_fen, collection, max_profit_sharing_ratio_basis_points)
       SELECT tenant_id, parent_tenant_id, kind, version + 1, '2027-01-01', period, commission_basis_points, fixed_fee_per_device_month_fen, 'FRANCHISEE_COLLECTS', 3000
         FROM agreements WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1`,
      [F1.id],
    );
    // December has money booked (the adjustment of 3 December), but a new version from the 5th keeps brand collects in
    // December and supersedes the scheduled switch: nothing changes collection inside a booked period
    const put = await call('ops@fridge.demo', 'PUT', `/v1/organizations/${F1.id}/agreement`, { commissionBasisPoints: 2200, collection: 'BRAND_COLLECTS', effectiveFrom: '2026-12-05' });
    expect(put).toMatchObject({ status: 200, body: { collection: 'BRAND_COLLECTS', commissionBasisPoints: 2200 } });
  });

  it('the ledger check still balances', async () => {
    const check = (await call('admin@zizhu.demo', 'GET', '/v1/ledger/check')).body;
    expect(check).toMatchObject({ mismatches: [], unbalancedPostings: [] });
  });
});
