import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { LedgerService } from '../src/modules/settlement/ledger.service.js';
import { adjustmentPosting } from '../src/modules/settlement/manual-adjustments.js';
import { addDays, commissionFen, periodOf } from '../src/modules/settlement/settlement-math.js';
import { StatementsService } from '../src/modules/settlement/statements.service.js';
import { SystemClock } from '../src/platform/clock/clock.js';
import type { OpenDatabase } from '../src/platform/database/database.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { jobPrincipal } from '../src/platform/jobs/job-principal.js';
import { RequestContext } from '../src/platform/tenancy/request-context.js';
import { openSeededDatabase } from './support/seeded-database.js';

const O = DEMO_ORGS;

/**
 * Property tests on the database (issue 12): random sequences of paid sessions, refunds (before and after their
 * period closed), agreement changes and month closes for one franchisee, each run on the next three months of a
 * timeline. Sessions and refunds are recorded with their ledger postings in one merchant transaction, as the
 * session engine does. After every run: each closed statement's commission is Σ ⌊order net at close × bp⌋ of its
 * own orders, its adjustments are the refunds learnt after their period closed with the commission they give back
 * (so Σ shares + Σ commissions = Σ net, per period) plus the manual adjustments booked on it, WeChat's channel fee of
 * its orders is charged to it exactly where the agreement in force when each order started passes it on (the brand
 * keeps the rest of each day's fee), and over the run every fen paid and refunded is accounted once, and what the brand
 * holds for the franchisee in the ledger moved by exactly the run's payables; no closed statement ever changed; the ledger's commission per order is ⌊final net × bp⌋ (agreement versions
 * backdated over orders already posted are trued up when their statement closes); every stored
 * balance equals its recomputation from entries.
 */
describe('settlement properties on the database (fast-check)', () => {
  let db: OpenDatabase;
  let drop: () => Promise<void>;
  let transactions: Transactions;
  const context = new RequestContext();
  const ledger = new LedgerService();
  const statements = new StatementsService(context, null as never, ledger, null as never, new SystemClock());
  const snapshots = new Map<string, string>();
  let run = 0;

  const snapshot = (id: string) =>
    transactions.asSystem(async (m) =>
      JSON.stringify([
        await m.query(`SELECT * FROM statements WHERE id = $1`, [id]),
        await m.query(`SELECT position, kind, quantity, unit_fen, amount_fen, rounding FROM statement_lines WHERE statement_id = $1 ORDER BY position`, [id]),
      ]),
    );

  const setAgreement = (day: string, bp: number, passOn: boolean) =>
    transactions.asSystem((m) =>
      m.query(
        `INSERT INTO agreements (tenant_id, parent_tenant_id, kind, version, effective_from, period, commission_basis_points, collection, max_profit_sharing_ratio_basis_points, channel_fee_passed_on)
         VALUES ($1, $2, 'FRANCHISE', (SELECT coalesce(max(version), 0) + 1 FROM agreements WHERE tenant_id = $1), $3::date, 'MONTHLY', $4, 'BRAND_COLLECTS', 3000, $5)`,
        [O.fridgeF1.id, O.fridge.id, day, bp, passOn],
      ),
    );

  /**
   * A day's WeChat channel fee of the brand's merchant account as the reconciliation run posts it (issue 12): `orders`
   * are the bill's fees per order of ours; the brand's own rows make the rest of `dayFeeFen`.
   */
  const postChannelFee = (sourceId: string, day: string, dayFeeFen: number, orders: { sessionId: string; feeFen: number }[]) =>
    transactions.asSystem((m) => ledger.postChannelFee(m, sourceId, O.fridge.id, dayFeeFen, day, orders));

  /** A manual adjustment booked on the franchisee's open statement holding `day`, posted at once (as AdjustmentsService does; brand collects: netted). */
  const adjust = (day: string, amountFen: number) =>
    transactions.asSystem(async (m) => {
      const [row] = (await m.query(
        `INSERT INTO settlement_adjustments (tenant_id, parent_tenant_id, statement_id, amount_fen, reason, effective_date, created_at)
         SELECT s.tenant_id, s.parent_tenant_id, s.id, $3, '属性测试调整', $2::date, now() FROM statements s
          WHERE s.tenant_id = $1 AND s.status = 'OPEN' AND s.period_start <= $2::date AND s.period_end >= $2::date
         RETURNING id`,
        [O.fridgeF1.id, day, amountFen],
      )) as { id: string }[];
      await ledger.post(m, 'ADJUSTMENT', row!.id, day, adjustmentPosting(O.fridgeF1.id, O.fridge.id, amountFen, true, 'property adjustment'));
      return row!.id;
    });

  /** A session paid on a day (Asia/Shanghai), recorded and posted in one transaction of its merchant of record. */
  const paySession = (day: string, paidFen: number) =>
    transactions.asTenant(jobPrincipal(O.fridge.id), async (m) => {
      const [row] = (await m.query(
        `INSERT INTO service_sessions (tenant_id, merchant_tenant_id, merchant_account_id, payscore_service_id, service_id, scenario, service_mode, end_user_id, appid,
                                       device_id, device_type, device_code, plan_id, plan_version, plan, risk_fund_fen, notify_url, out_order_no, state,
                                       total_fen, paid_fen, paid_at, created_at)
         SELECT d.tenant_id, ps.tenant_id, ps.merchant_account_id, ps.id, ps.service_id, ps.scenario, ps.mode, eu.id, eu.appid,
                d.id, d.type, d.code, p.id, p.current_version, v.plan, 1000000, 'https://example.test/notify', 'PR' || substr(md5(random()::text), 1, 20), 'PAID',
                $1, $1, ($2::date + time '10:05') AT TIME ZONE 'Asia/Shanghai', ($2::date + time '10:00') AT TIME ZONE 'Asia/Shanghai'
           FROM devices d
           JOIN payscore_services ps ON ps.service_id = d.payscore_service_id
           JOIN pricing_plans p ON p.id = d.plan_id
           JOIN pricing_plan_versions v ON v.plan_id = p.id AND v.version = p.current_version
           JOIN LATERAL (SELECT id, appid FROM end_users WHERE tenant_id = ps.tenant_id LIMIT 1) eu ON true
          WHERE d.code = 'FR-0001'
         RETURNING id, paid_at`,
        [paidFen, day],
      )) as { id: string; paid_at: Date }[];
      expect(await ledger.postSessionPaid(m, row!.id, row!.paid_at)).toBeGreaterThan(0);
      return row!.id;
    });

  const refundSession = (sessionId: string, amountFen: number) =>
    transactions.asTenant(jobPrincipal(O.fridge.id), async (m) => {
      const [action] = (await m.query(
        `INSERT INTO session_actions (tenant_id, session_id, kind, amount_fen, out_refund_no, state, finished_at)
         VALUES ($1, $2, 'REFUND', $3, 'RP' || substr(md5(random()::text), 1, 20), 'SUCCEEDED', now()) RETURNING id`,
        [O.fridgeF1.id, sessionId, amountFen],
      )) as { id: string }[];
      await m.query(`UPDATE service_sessions SET refunded_fen = refunded_fen + $2 WHERE id = $1`, [sessionId, amountFen]);
      await ledger.postRefundSucceeded(m, action!.id, sessionId, amountFen, new Date());
    });

  beforeAll(async () => {
    ({ db, transactions, drop } = await openSeededDatabase(context));
    await transactions.asSystem((m) =>
      m.query(`INSERT INTO end_users (tenant_id, appid, openid) SELECT DISTINCT tenant_id, 'wxd0000000000demo', 'prop-' || tenant_id FROM merchant_accounts ON CONFLICT DO NOTHING`),
    );
    // the fridge was held since before the timeline (it is in the fixed-fee count of no statement here: no fees in these agreements)
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  const month = fc.record({
    sessions: fc.array(fc.record({ day: fc.integer({ min: 0, max: 27 }), paidFen: fc.integer({ min: 1, max: 200_000 }) }), { maxLength: 5 }),
    refunds: fc.array(fc.record({ day: fc.integer({ min: 0, max: 27 }), pick: fc.nat(), cut: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 4 }),
    change: fc.option(fc.record({ day: fc.integer({ min: 0, max: 27 }), bp: fc.integer({ min: 0, max: 10000 }), passOn: fc.boolean() }), { nil: null }),
    /** WeChat's channel fee of a day: per order of the month paid so far (a refund's fee given back may make one negative) and the brand's own rows. */
    fees: fc.array(fc.record({ day: fc.integer({ min: 0, max: 27 }), perOrder: fc.array(fc.integer({ min: -20, max: 300 }), { minLength: 1, maxLength: 4 }), brandOwnFen: fc.integer({ min: 0, max: 500 }) }), {
      maxLength: 3,
    }),
    /** Manual adjustments booked on the month's open statement (signed from the franchisee's side). */
    adjustments: fc.array(fc.record({ day: fc.integer({ min: 0, max: 27 }), amountFen: fc.integer({ min: -5000, max: 5000 }).filter((n) => n !== 0) }), { maxLength: 2 }),
    /** At the month's end, before its close: a version set from the month's first day (backdated over orders already posted). */
    backdate: fc.option(fc.integer({ min: 0, max: 10000 }), { nil: null }),
  });

  it('shares + commissions = net per order and per period; channel fees and adjustments exactly per period; closed statements never change; balances recompute', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 10000 }), fc.boolean(), fc.array(month, { minLength: 3, maxLength: 3 }), async (firstBp, firstPassOn, months) => {
        // each run (shrinking included) takes the next three months of a timeline from 2000
        const first = `${2000 + Math.floor((run * 3) / 12)}-${String(((run * 3) % 12) + 1).padStart(2, '0')}-01`;
        run += 1;
        interface Order { id: string; paidFen: number; bp: number; passOn: boolean; refunded: number; period: number }
        const orders: Order[] = [];
        const periods: { commission: number; paid: number; refunded: number; adjustedRefunds: number; commissionBack: number; passedOnFee: number; manual: number }[] = [];
        const feeSources: string[] = [];
        const adjustmentIds: string[] = [];
        let dayFees = 0;
        // refunds learnt since the last close: of which order, how much, and the order's net before it
        let pending: { order: Order; amount: number; netBefore: number }[] = [];
        let bp = firstBp;
        let passOn = firstPassOn;
        // a run that failed part-way (fast-check then shrinks) leaves its months open: close them, so runs stay independent
        for (const id of await transactions.asSystem((m) => statements.due(m, new Date(`${first}T00:00:00+08:00`)))) {
          await transactions.asSystem((m) => statements.closeIn(m, id, new Date(), null));
        }
        await setAgreement(first, bp, passOn);
        let start = first;
        for (const [index, m] of months.entries()) {
          // the statements job as of this month: its statement is opened (and none beyond it)
          await transactions.asSystem((tx) => statements.openDue(tx, new Date(`${start}T12:00:00+08:00`)));
          let passedOnFee = 0;
          let manual = 0;
          // one month's events in day order: the agreement change first on its day, then sessions, refunds, channel fees, adjustments
          const events = [
            ...(m.change ? [{ day: m.change.day, rank: 0, act: async () => setAgreement(addDays(start, m.change!.day), (bp = m.change!.bp), (passOn = m.change!.passOn)) }] : []),
            ...m.sessions.map((s) => ({
              day: s.day,
              rank: 1,
              act: async () => {
                orders.push({ id: await paySession(addDays(start, s.day), s.paidFen), paidFen: s.paidFen, bp, passOn, refunded: 0, period: index });
              },
            })),
            ...m.fees.map((f, k) => ({
              day: f.day,
              rank: 3,
              act: async () => {
                // the month's orders so far, each with its fee from the bill (rounding CHANNEL_FEE_PER_ORDER_FROM_BILL)
                const billed = orders.filter((o) => o.period === index).map((o, i) => ({ order: o, feeFen: f.perOrder[i % f.perOrder.length]! }));
                const dayFeeFen = billed.reduce((s, b) => s + b.feeFen, 0) + f.brandOwnFen;
                const sourceId = `prop-${run}-${index}-${k}`;
                await postChannelFee(sourceId, addDays(start, f.day), dayFeeFen, billed.map((b) => ({ sessionId: b.order.id, feeFen: b.feeFen })));
                feeSources.push(sourceId);
                dayFees += dayFeeFen;
                // the franchisee bears its own orders' fees where the agreement in force when each started passes them on
                passedOnFee += billed.filter((b) => b.order.passOn).reduce((s, b) => s + b.feeFen, 0);
              },
            })),
            ...m.adjustments.map((a) => ({
              day: a.day,
              rank: 4,
              act: async () => {
                adjustmentIds.push(await adjust(addDays(start, a.day), a.amountFen));
                manual += a.amountFen;
              },
            })),
            ...m.refunds.map((r) => ({
              day: r.day,
              rank: 2,
              act: async () => {
                if (orders.length === 0) return;
                const order = orders[r.pick % orders.length]!;
                const net = order.paidFen - order.refunded;
                const amount = Math.floor(net * r.cut);
                if (amount === 0) return;
                await refundSession(order.id, amount);
                pending.push({ order, amount, netBefore: net });
                order.refunded += amount;
              },
            })),
          ].sort((a, b) => a.day - b.day || a.rank - b.rank);
          for (const e of events) await e.act();
          if (m.backdate !== null) {
            await setAgreement(start, (bp = m.backdate), passOn);
            for (const o of orders) if (o.period === index) o.bp = bp;
          }
          // close the month: its own orders at their net now, and the refunds learnt since of earlier periods' orders
          const own = orders.filter((o) => o.period === index);
          const earlier = pending.filter((p) => p.order.period < index);
          periods.push({
            paid: own.reduce((s, o) => s + o.paidFen, 0),
            refunded: own.reduce((s, o) => s + o.refunded, 0),
            commission: own.reduce((s, o) => s + commissionFen(o.paidFen - o.refunded, o.bp), 0),
            adjustedRefunds: earlier.reduce((s, p) => s + p.amount, 0),
            commissionBack: earlier.reduce((s, p) => s + commissionFen(p.netBefore, p.order.bp) - commissionFen(p.netBefore - p.amount, p.order.bp), 0),
            passedOnFee,
            manual,
          });
          pending = [];
          const id = await transactions.asSystem(async (tx) => {
            const [row] = (await tx.query(`SELECT id FROM statements WHERE tenant_id = $1 AND period_start = $2::date`, [O.fridgeF1.id, start])) as { id: string }[];
            await statements.closeIn(tx, row!.id, new Date(), null);
            return row!.id;
          });
          snapshots.set(id, await snapshot(id));
          const [stored] = (await transactions.asSystem((tx) => tx.query(`SELECT * FROM statements WHERE id = $1`, [id]))) as Record<string, string | number>[];
          const [lines] = (await transactions.asSystem((tx) =>
            tx.query(
              `SELECT coalesce(sum(amount_fen) FILTER (WHERE kind = 'CHANNEL_FEE'), 0)::bigint AS fee, count(*) FILTER (WHERE kind = 'ADJUSTMENT' AND description = '属性测试调整')::int AS manual_lines
                 FROM statement_lines WHERE statement_id = $1`,
              [id],
            ),
          )) as { fee: string; manual_lines: number }[];
          const p = periods[index]!;
          expect({
            paid: Number(stored!['paid_fen']),
            refunded: Number(stored!['refunded_fen']),
            commission: Number(stored!['commission_fen']),
            adjustment: Number(stored!['adjustment_fen']),
            payable: Number(stored!['payable_fen']),
            channelFee: Number(lines!.fee),
            manualLines: lines!.manual_lines,
          }).toEqual({
            paid: p.paid,
            refunded: p.refunded,
            commission: p.commission,
            adjustment: p.commissionBack - p.adjustedRefunds + p.manual,
            // the franchisee's share of the period (net − commission) with the adjustments, less WeChat's fee passed on to
            // it: what the brand owes it
            payable: p.paid - p.refunded - p.commission + p.commissionBack - p.adjustedRefunds - p.passedOnFee + p.manual,
            // the fee passed on is one line charged to the franchisee (none when nothing is passed on), each adjustment a line
            channelFee: p.passedOnFee === 0 ? 0 : -p.passedOnFee,
            manualLines: m.adjustments.length,
          });
          start = addDays(periodOf(start, 'MONTHLY').end, 1);
        }
        // over the run, every fen paid and refunded is in exactly one statement
        const paid = orders.reduce((s, o) => s + o.paidFen, 0);
        const refunded = orders.reduce((s, o) => s + o.refunded, 0);
        expect(periods.reduce((s, p) => s + p.paid - p.refunded - p.adjustedRefunds, 0)).toBe(paid - refunded);
        // the ledger agrees with the statements to the fen: what the brand holds for the franchisee moved by exactly the
        // run's payables; the fee passed on is the franchisee's expense and the rest of the day's fees the brand's
        const sum = async (sql: string, params: unknown[]) => Number(((await transactions.asSystem((m) => m.query(sql, params))) as { fen: string }[])[0]!.fen);
        const fromRun = `(session_id = ANY ($3::uuid[]) OR (source_kind = 'CHANNEL_FEE' AND source_id = ANY ($4::text[])) OR (source_kind = 'ADJUSTMENT' AND source_id = ANY ($5::text[])))`;
        const runParams = [orders.map((o) => o.id), feeSources, adjustmentIds];
        const totalPayable = periods.reduce((s, p) => s + p.paid - p.refunded - p.commission + p.commissionBack - p.adjustedRefunds - p.passedOnFee + p.manual, 0);
        expect(await sum(`SELECT coalesce(sum(debit_fen - credit_fen), 0)::bigint AS fen FROM ledger_entries WHERE tenant_id = $1 AND account = 'DUE_FROM_MERCHANT' AND counterparty_tenant_id = $2 AND ${fromRun}`, [O.fridgeF1.id, O.fridge.id, ...runParams])).toBe(totalPayable);
        const passedOn = periods.reduce((s, p) => s + p.passedOnFee, 0);
        const feeOf = (tenant: string) => sum(`SELECT coalesce(sum(debit_fen - credit_fen), 0)::bigint AS fen FROM ledger_entries WHERE tenant_id = $1 AND account = 'FEE_EXPENSE' AND source_kind = 'CHANNEL_FEE' AND source_id = ANY ($2::text[])`, [tenant, feeSources]);
        expect([await feeOf(O.fridgeF1.id), await feeOf(O.fridge.id)]).toEqual([passedOn, dayFees - passedOn]);
        // the ledger's commission per order is the floor of its final net under the agreement its statement applied
        // (a backdated version is trued up at the close)
        const posted = (await transactions.asSystem((m) =>
          m.query(`SELECT session_id, sum(credit_fen - debit_fen)::bigint AS fen FROM ledger_entries WHERE account = 'COMMISSION_INCOME' AND session_id = ANY ($1) GROUP BY session_id`, [
            orders.map((o) => o.id),
          ]),
        )) as { session_id: string; fen: string }[];
        const byOrder = new Map(posted.map((r) => [r.session_id, Number(r.fen)]));
        for (const o of orders) expect(byOrder.get(o.id) ?? 0).toBe(commissionFen(o.paidFen - o.refunded, o.bp));
        // no closed statement ever changed, and the ledger recomputes
        for (const [id, before] of snapshots) expect(await snapshot(id)).toBe(before);
        const check = await transactions.asSystem((m) => ledger.check(m));
        expect(check.mismatches).toEqual([]);
        expect(check.unbalancedPostings).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });
});
