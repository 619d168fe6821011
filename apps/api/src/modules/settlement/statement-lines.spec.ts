import { describe, expect, it } from '@jest/globals';
import { franchiseStatement } from './statement-lines.js';

const figures = { sessions: 2, paidFen: 10_000, refundedFen: 0, commissionFen: 2_000, adjustedSessions: 0, adjustedRefundedFen: 0, commissionBackFen: 0 };

describe('split returns on a franchisee-collects statement (issue 12)', () => {
  it('a failed return is a line in the franchisee’s favour, a succeeded return of a refused refund one in the brand’s; both in adjustmentFen and payableFen', () => {
    const terms = { monthEnd: null, collection: 'FRANCHISEE_COLLECTS' } as const;
    const base = franchiseStatement(figures, terms);
    const both = franchiseStatement({ ...figures, splitReturnOwedFen: 10, splitReturnReclaimedFen: 35 }, terms);
    expect(both.lines.slice(base.lines.length)).toEqual([
      { kind: 'ADJUSTMENT', description: '分账回退失败：品牌应退还的佣金（已分账后退款）', quantity: null, unitFen: null, amountFen: 10, rounding: 'COMMISSION_FLOOR_PER_ORDER' },
      { kind: 'ADJUSTMENT', description: '分账已回退但退款失败：加盟商应再付品牌的佣金（订单未退款）', quantity: null, unitFen: null, amountFen: -35, rounding: 'COMMISSION_FLOOR_PER_ORDER' },
    ]);
    expect(both.totals).toEqual({ ...base.totals, adjustmentFen: 10 - 35, payableFen: -2_000 + 10 - 35 });
    // none: no line (never a 0-fen line)
    expect(franchiseStatement({ ...figures, splitReturnReclaimedFen: 0 }, terms)).toEqual(base);
  });
});
