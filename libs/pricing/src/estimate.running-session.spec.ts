import { describe, expect, it } from '@jest/globals';
import { estimate, PricingError, quote } from './index.js';
import { evPlan, powerBankPlan, shanghai } from './fixtures.js';

const started = { startedAt: '2026-11-27T10:00:00+08:00' };

describe('estimate: the running charge of a session in progress', () => {
  it('follows the clock it is given', () => {
    expect(estimate(powerBankPlan, started, '2026-11-27T10:04:00+08:00').totalFen).toBe(0);
    expect(estimate(powerBankPlan, started, '2026-11-27T10:06:00+08:00').totalFen).toBe(300);
    expect(estimate(powerBankPlan, started, Date.parse('2026-11-27T13:30:00+08:00')).totalFen).toBe(1200);
    expect(estimate(powerBankPlan, started, '2026-12-27T10:00:00+08:00').capped).toBe('total');
  });

  it('equals the quote at the end of the session', () => {
    const usage = { ...started, endedAt: '2026-11-27T12:10:00+08:00' };
    expect(estimate(powerBankPlan, started, usage.endedAt)).toEqual(quote(powerBankPlan, usage));
  });

  it('uses the usage end when the session has ended', () => {
    const usage = { ...started, endedAt: '2026-11-27T12:10:00+08:00' };
    expect(estimate(powerBankPlan, usage, '2026-11-30T00:00:00+08:00').totalFen).toBe(900);
  });

  it('prices the energy metered so far', () => {
    const energy = [{ from: shanghai('2026-11-27', '07:00:00'), to: shanghai('2026-11-27', '08:00:00'), wattHours: 2000 }];
    expect(estimate(evPlan, { energy }, shanghai('2026-11-27', '08:00:00')).totalFen).toBe(150);
  });

  it('rejects a clock before the start or not a time', () => {
    expect(() => estimate(powerBankPlan, started, '2026-11-27T09:00:00+08:00')).toThrow('usage.at: is before startedAt');
    expect(() => estimate(powerBankPlan, started, 'now')).toThrow(PricingError);
  });
});
