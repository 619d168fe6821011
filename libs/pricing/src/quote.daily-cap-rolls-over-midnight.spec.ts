import { describe, expect, it } from '@jest/globals';
import { quote } from './index.js';
import type { PricingPlan } from './index.js';
import { linesSum, powerBankPlan } from './fixtures.js';

describe('daily cap over a multi-day rental', () => {
  it('caps each 24 h window at 30 yuan: 3 full days + 2 hours = 30 + 30 + 30 + 6', () => {
    const q = quote(powerBankPlan, { startedAt: '2026-11-27T10:00:00+08:00', endedAt: '2026-11-30T12:00:00+08:00' });
    expect(q.lines.map((l) => l.amountFen)).toEqual([3000, 3000, 3000, 600]);
    expect(q.lines.every((l) => l.kind === 'rental')).toBe(true);
    expect(q.totalFen).toBe(9600);
    expect(q.capped).toBe('daily');
    expect(linesSum(q)).toBe(9600);
  });

  it('does not report a cap when no day reached it', () => {
    const q = quote(powerBankPlan, { startedAt: '2026-11-27T10:00:00+08:00', endedAt: '2026-11-27T19:00:00+08:00' });
    expect(q.totalFen).toBe(2700);
    expect(q.capped).toBeNull();
    expect(q.explanation).toBe('3元/小时，前5分钟免费，每日封顶30元，总封顶99元');
  });

  it('caps calendar days that roll over midnight in the plan timezone', () => {
    const p: PricingPlan = { timezone: 'Asia/Shanghai', rental: { unitFen: 500, unitMinutes: 60, dailyCapFen: 2000, dayBoundary: 'calendar' } };
    // 20:00 on the 27th to 02:00 on the 29th: 4 h (20 yuan), 24 h (capped 20), 2 h (10 yuan)
    const q = quote(p, { startedAt: '2026-11-27T20:00:00+08:00', endedAt: '2026-11-29T02:00:00+08:00' });
    expect(q.lines.map((l) => [l.label, l.amountFen])).toEqual([
      ['11月27日', 2000],
      ['11月28日', 2000],
      ['11月29日', 1000],
    ]);
    expect(q.totalFen).toBe(5000);
    expect(q.capped).toBe('daily');
  });
});
