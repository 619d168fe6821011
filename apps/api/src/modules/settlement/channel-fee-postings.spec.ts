import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { channelFeePosting, channelFeeShares, type LedgerLine, type SessionChannelFee } from './ledger-postings.js';
import { ROUNDINGS } from './settlement-math.js';
import { franchiseStatement } from './statement-lines.js';

const BRAND = 'brand';
const OTHER_BRAND = 'other-brand';
const F1 = 'franchisee-1';
const F2 = 'franchisee-2';
const balance = (lines: readonly LedgerLine[], tenant: string, account: string) =>
  0 + lines.filter((l) => l.tenant_id === tenant && l.account === account).reduce((sum, l) => sum + l.debit_fen - l.credit_fen, 0);

const order: fc.Arbitrary<SessionChannelFee> = fc.record({
  ownerTenantId: fc.constantFrom(F1, F2, BRAND),
  brandTenantId: fc.constantFrom(BRAND, OTHER_BRAND, null as string | null),
  passedOn: fc.boolean(),
  feeFen: fc.integer({ min: -300, max: 3000 }),
});

describe('WeChat’s channel fee passed on to franchisees (issue 12, rounding CHANNEL_FEE_PER_ORDER_FROM_BILL)', () => {
  it('the shares passed on and what the merchant of record keeps add up to the day’s fee exactly, and the posting balances', () => {
    fc.assert(
      fc.property(fc.array(order, { maxLength: 40 }), fc.integer({ min: -200, max: 2000 }), (orders, unmatchedFen) => {
        // the day's total: every order's fee as the bill has it, plus rows of no session of ours (kept by the merchant)
        const dayFeeFen = orders.reduce((sum, o) => sum + o.feeFen, 0) + unmatchedFen;
        const { passedOn, keptFen } = channelFeeShares(BRAND, dayFeeFen, orders);
        expect([...passedOn.values()].reduce((sum, fen) => sum + fen, 0) + keptFen).toBe(dayFeeFen);
        for (const f of [F1, F2]) {
          const own = orders.filter((o) => o.ownerTenantId === f && o.passedOn && o.brandTenantId === BRAND).reduce((sum, o) => sum + o.feeFen, 0);
          expect(passedOn.get(f) ?? 0).toBe(own);
        }
        expect(passedOn.has(BRAND)).toBe(false);

        const lines = channelFeePosting(BRAND, dayFeeFen, orders, 'fees');
        expect(lines.reduce((sum, l) => sum + l.debit_fen, 0)).toBe(lines.reduce((sum, l) => sum + l.credit_fen, 0));
        for (const l of lines) {
          expect(l.kind).toBe('CHANNEL_FEE');
          expect((l.debit_fen === 0) !== (l.credit_fen === 0)).toBe(true);
          expect(Number.isSafeInteger(l.debit_fen) && Number.isSafeInteger(l.credit_fen)).toBe(true);
        }
        // the brand's money at WeChat lost the whole fee; its expense is what it keeps; each franchisee bears its share,
        // netted from what the brand holds for it
        expect(balance(lines, BRAND, 'MERCHANT_CLEARING')).toBe(0 - dayFeeFen);
        expect(balance(lines, BRAND, 'FEE_EXPENSE')).toBe(keptFen);
        for (const f of [F1, F2]) {
          expect(balance(lines, f, 'FEE_EXPENSE')).toBe(passedOn.get(f) ?? 0);
          expect(balance(lines, f, 'DUE_FROM_MERCHANT')).toBe(0 - (passedOn.get(f) ?? 0));
        }
        expect(balance(lines, BRAND, 'DUE_TO_OWNERS')).toBe([...passedOn.values()].reduce((sum, fen) => sum + fen, 0));
      }),
    );
  });

  it('nothing is passed on by default, nor by a brand that is not the merchant of record (the franchisee collects), nor for 0', () => {
    const orders: SessionChannelFee[] = [
      { ownerTenantId: F1, brandTenantId: BRAND, passedOn: false, feeFen: 7 },
      { ownerTenantId: F2, brandTenantId: OTHER_BRAND, passedOn: true, feeFen: 5 },
    ];
    expect(channelFeeShares(BRAND, 12, orders)).toEqual({ passedOn: new Map(), keptFen: 12 });
    expect(channelFeePosting(BRAND, 12, orders, 'fees').map((l) => [l.tenant_id, l.account, l.debit_fen, l.credit_fen])).toEqual([
      [BRAND, 'FEE_EXPENSE', 12, 0],
      [BRAND, 'MERCHANT_CLEARING', 0, 12],
    ]);
    expect(channelFeePosting(BRAND, 0, [], 'fees')).toEqual([]);
  });

  it('a franchisee’s statement charges the fee passed on (in payableFen) and shows its own fee as merchant of record without counting it', () => {
    const figures = { sessions: 2, paidFen: 2400, refundedFen: 0, commissionFen: 480, adjustedSessions: 0, adjustedRefundedFen: 0, commissionBackFen: 0 };
    const passed = franchiseStatement({ ...figures, channelFee: { passedOnFen: 14, passedOnDays: 1, ownFen: 0, ownDays: 0 } }, { monthEnd: null, collection: 'BRAND_COLLECTS' });
    expect(passed.lines.filter((l) => l.kind === 'CHANNEL_FEE')).toEqual([expect.objectContaining({ amountFen: -14, quantity: 1, rounding: ROUNDINGS.CHANNEL_FEE_PER_ORDER_FROM_BILL })]);
    expect(passed.totals.payableFen).toBe(2400 - 480 - 14);

    const own = franchiseStatement({ ...figures, channelFee: { passedOnFen: 0, passedOnDays: 0, ownFen: 9, ownDays: 2 } }, { monthEnd: null, collection: 'FRANCHISEE_COLLECTS' });
    expect(own.lines.filter((l) => l.kind === 'CHANNEL_FEE')).toEqual([expect.objectContaining({ amountFen: -9, quantity: 2, rounding: ROUNDINGS.CHANNEL_FEE_PER_ORDER_FROM_BILL })]);
    expect(own.totals.payableFen).toBe(-480);
    const ownBrandCollects = franchiseStatement({ ...figures, channelFee: { passedOnFen: 0, passedOnDays: 0, ownFen: 9, ownDays: 1 } }, { monthEnd: null, collection: 'BRAND_COLLECTS' });
    expect(ownBrandCollects.totals.payableFen).toBe(2400 - 480);

    const none = franchiseStatement(figures, { monthEnd: null, collection: 'BRAND_COLLECTS' });
    expect(none.lines.some((l) => l.kind === 'CHANNEL_FEE')).toBe(false);
  });
});
