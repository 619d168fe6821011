import { describe, expect, it } from '@jest/globals';
import { riskFundFor } from './index.js';
import { evPlan, powerBankPlan } from './fixtures.js';

describe('riskFundFor', () => {
  it('asks for the total cap: the most a session can cost', () => {
    expect(riskFundFor(powerBankPlan, 'POWERBANK_RENTAL')).toEqual({ ok: true, value: { amountFen: 9900, description: '最高收费99元' } });
    expect(riskFundFor(powerBankPlan)).toEqual({ ok: true, value: { amountFen: 9900, description: '最高收费99元' } });
  });

  it('is a clear error when the plan has no total cap', () => {
    const r = riskFundFor(evPlan, 'EV_CHARGING');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('PRICING_NO_TOTAL_CAP');
    expect(r.error.message).toBe(
      'totalCapFen: the plan has no total cap, so one EV charging session has no upper bound and no Pay Score risk fund can be derived; set totalCapFen',
    );
  });

  it('reports an invalid plan', () => {
    const r = riskFundFor({ totalCapFen: 100 } as never);
    expect(r.ok ? null : r.error.code).toBe('PRICING_INVALID_PLAN');
  });
});
