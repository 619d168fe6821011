import { describe, expect, it } from '@jest/globals';
import type { LedgerLine } from './ledger-postings.js';
import { adjustmentPosting, withManualAdjustments } from './manual-adjustments.js';
import { franchiseStatement, resellerStatement } from './statement-lines.js';

const F = 'franchisee';
const B = 'brand';
const balance = (lines: LedgerLine[], tenant: string, account: string) =>
  lines.filter((l) => l.tenant_id === tenant && l.account === account).reduce((sum, l) => sum + l.debit_fen - l.credit_fen, 0);
const figures = { sessions: 2, paidFen: 10_000, refundedFen: 0, commissionFen: 2_000, adjustedSessions: 0, adjustedRefundedFen: 0, commissionBackFen: 0 };

describe('manual adjustments (issue 12)', () => {
  it('brand collects: a credit raises what the brand holds for the franchisee, a debit lowers it; every posting balances', () => {
    for (const fen of [1_234, -567]) {
      const lines = adjustmentPosting(F, B, fen, true, 'x');
      expect(lines.reduce((s, l) => s + l.debit_fen - l.credit_fen, 0)).toBe(0);
      expect(lines.every((l) => l.kind === 'ADJUSTMENT' && (l.debit_fen === 0) !== (l.credit_fen === 0))).toBe(true);
      expect(balance(lines, F, 'DUE_FROM_MERCHANT')).toBe(fen);
      expect(balance(lines, B, 'DUE_TO_OWNERS')).toBe(-fen);
      expect(balance(lines, F, 'ADJUSTMENTS')).toBe(-fen); // income of the franchisee (credit)
      expect(balance(lines, B, 'ADJUSTMENTS')).toBe(fen); // expense of the brand (debit)
    }
  });

  it('not netted (franchisee collects, a reseller’s customer): against what it owes its parent', () => {
    const lines = adjustmentPosting(F, B, 800, false, 'x');
    expect(balance(lines, F, 'FEES_PAYABLE')).toBe(800); // it owes 800 less
    expect(balance(lines, B, 'FEES_RECEIVABLE')).toBe(-800);
    expect(adjustmentPosting(F, B, 0, false, 'x')).toEqual([]);
  });

  it('a franchise statement gets one ADJUSTMENT line per adjustment with its reason; adjustmentFen and payableFen move with them', () => {
    const base = franchiseStatement(figures, { monthEnd: null, collection: 'BRAND_COLLECTS' });
    const adjusted = withManualAdjustments('FRANCHISE', base, [
      { amountFen: 1_234, reason: '维修补贴' },
      { amountFen: -34, reason: '多付扣回' },
    ]);
    expect(adjusted.lines.slice(base.lines.length)).toEqual([
      { kind: 'ADJUSTMENT', description: '维修补贴', quantity: null, unitFen: null, amountFen: 1_234, rounding: null },
      { kind: 'ADJUSTMENT', description: '多付扣回', quantity: null, unitFen: null, amountFen: -34, rounding: null },
    ]);
    expect(adjusted.totals).toEqual({ ...base.totals, adjustmentFen: 1_200, payableFen: 8_000 + 1_200 });
    // brand collects: payable is still the sum of the lines
    expect(adjusted.totals.payableFen).toBe(adjusted.lines.reduce((s, l) => s + l.amountFen, 0));
    const collects = franchiseStatement(figures, { monthEnd: null, collection: 'FRANCHISEE_COLLECTS' });
    expect(withManualAdjustments('FRANCHISE', collects, [{ amountFen: 500, reason: 'r' }]).totals.payableFen).toBe(-2_000 + 500);
    expect(withManualAdjustments('FRANCHISE', base, [])).toBe(base);
  });

  it('a reseller’s fee statement: in the customer’s favour lowers what it owes', () => {
    const base = resellerStatement({ monthEnd: { activeDevices: 3, platformFeePerActiveDeviceMonthFen: 1_000, fixedMonthFen: null } });
    const adjusted = withManualAdjustments('RESELLER', base, [{ amountFen: 700, reason: '故障设备减免' }]);
    expect(adjusted.totals).toMatchObject({ resellerFeeFen: 3_000, adjustmentFen: 700, payableFen: 2_300 });
    expect(adjusted.lines.at(-1)).toMatchObject({ kind: 'ADJUSTMENT', description: '故障设备减免', amountFen: 700 });
  });
});
