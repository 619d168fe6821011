import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type LedgerLine, refundPosting, salePosting, type SessionParties } from './ledger-postings.js';
import { addDays, commissionFen, commissionReversalFen, isCalendarDate, periodOf, shanghaiDate, shanghaiStartOf, shareFen } from './settlement-math.js';

const BRAND = 'b0000000-0000-4000-8000-000000000001';
const FRANCHISEE = 'f0000000-0000-4000-8000-000000000001';

const balanceOf = (lines: readonly LedgerLine[], tenant: string, account: string): number =>
  0 +
  lines.filter((l) => l.tenant_id === tenant && l.account === account).reduce((sum, l) => sum + l.debit_fen - l.credit_fen, 0);

describe('settlement arithmetic (pure)', () => {
  it('commission is the floor per order and share + commission = net exactly', () => {
    expect(commissionFen(1234, 2000)).toBe(246);
    expect(commissionFen(333, 1500)).toBe(49);
    expect(commissionFen(0, 10000)).toBe(0);
    expect(commissionFen(1, 9999)).toBe(0);
    expect(shareFen(1234, 2000)).toBe(988);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 10000 }), (net, bp) => {
        const c = commissionFen(net, bp);
        expect(c + shareFen(net, bp)).toBe(net);
        expect(c * 10000).toBeLessThanOrEqual(net * bp);
        expect((c + 1) * 10000).toBeGreaterThan(net * bp);
      }),
    );
  });

  it('refunds give back commission so that the total over an order is the floor of its final net, in any order of refunds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 10000 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }), (paid, bp, cuts) => {
        let net = paid;
        let commission = commissionFen(paid, bp);
        for (const cut of cuts) {
          const refund = Math.floor(net * cut);
          commission -= commissionReversalFen(net, refund, bp);
          net -= refund;
        }
        expect(commission).toBe(commissionFen(net, bp));
      }),
    );
  });

  it('dates: Asia/Shanghai days, periods with inclusive ends', () => {
    expect(shanghaiDate(new Date('2026-10-31T16:00:00Z'))).toBe('2026-11-01');
    expect(shanghaiDate(new Date('2026-10-31T15:59:59Z'))).toBe('2026-10-31');
    expect(shanghaiStartOf('2026-11-01').toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(periodOf('2026-12-06', 'DAILY')).toEqual({ start: '2026-12-06', end: '2026-12-06' });
    expect(periodOf('2026-12-06', 'WEEKLY')).toEqual({ start: '2026-11-30', end: '2026-12-06' }); // a Sunday
    expect(periodOf('2026-12-07', 'WEEKLY')).toEqual({ start: '2026-12-07', end: '2026-12-13' });
    expect(periodOf('2028-02-10', 'MONTHLY')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodOf('2026-12-31', 'MONTHLY')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('ledger postings (pure, fast-check)', () => {
  const arbOrder = fc.record({
    paid: fc.integer({ min: 1, max: 500_000 }),
    refunds: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
    bp: fc.option(fc.integer({ min: 0, max: 10000 }), { nil: null }),
    brandCollects: fc.boolean(),
  });

  it('over random orders, refunds and agreements: every posting balances, Σ shares + Σ commissions = Σ net, and the franchisee is owed exactly its shares', () => {
    fc.assert(
      fc.property(fc.array(arbOrder, { minLength: 1, maxLength: 30 }), (orders) => {
        const all: LedgerLine[] = [];
        let totalNet = 0;
        let totalCommission = 0;
        let totalShareBrandCollects = 0;
        orders.forEach((o, i) => {
          const parties: SessionParties = {
            sessionId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
            ownerTenantId: FRANCHISEE,
            merchantTenantId: o.brandCollects ? BRAND : FRANCHISEE,
            agreement: o.bp === null ? null : { brandTenantId: BRAND, commissionBasisPoints: o.bp },
          };
          const postings = [salePosting(parties, o.paid)];
          let net = o.paid;
          for (const cut of o.refunds) {
            const refund = Math.floor(net * cut);
            postings.push(refundPosting(parties, net, refund));
            net -= refund;
          }
          for (const p of postings) {
            expect(p.reduce((s, l) => s + l.debit_fen, 0)).toBe(p.reduce((s, l) => s + l.credit_fen, 0));
            for (const l of p) expect((l.debit_fen === 0) !== (l.credit_fen === 0)).toBe(true);
          }
          const lines = postings.flat();
          const commission = 0 - balanceOf(lines, BRAND, 'COMMISSION_INCOME');
          expect(commission).toBe(o.bp === null ? 0 : commissionFen(net, o.bp));
          expect(balanceOf(lines, FRANCHISEE, 'COMMISSION_EXPENSE')).toBe(commission);
          expect(-balanceOf(lines, FRANCHISEE, 'SALES') - balanceOf(lines, FRANCHISEE, 'REFUNDS')).toBe(net);
          totalNet += net;
          totalCommission += commission;
          if (o.brandCollects) totalShareBrandCollects += net - commission;
          all.push(...lines);
        });
        // what the brand holds for the franchisee is exactly the franchisee's shares of the orders it collected
        expect(balanceOf(all, FRANCHISEE, 'DUE_FROM_MERCHANT')).toBe(totalShareBrandCollects);
        expect(0 - balanceOf(all, BRAND, 'DUE_TO_OWNERS')).toBe(totalShareBrandCollects);
        // Σ shares + Σ commissions = Σ net
        const shares = totalNet - totalCommission;
        expect(shares + totalCommission).toBe(-balanceOf(all, FRANCHISEE, 'SALES') - balanceOf(all, FRANCHISEE, 'REFUNDS'));
        // the whole ledger balances
        expect(all.reduce((s, l) => s + l.debit_fen - l.credit_fen, 0)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
