import { describe, expect, it } from '@jest/globals';
import { quote } from './index.js';
import type { PricingPlan } from './index.js';

const plan = (dayBoundary: 'calendar' | 'rolling-24h'): PricingPlan => ({
  timezone: 'Asia/Shanghai',
  rental: { unitFen: 300, unitMinutes: 60, dailyCapFen: 3000, dayBoundary },
});
const usage = { startedAt: '2026-11-27T10:00:00+08:00', endedAt: '2026-11-28T10:30:00+08:00' };

describe('rolling 24-hour windows vs calendar days, same 24.5-hour rental', () => {
  it('rolling: a full 24 h window capped at 30, then 30 minutes = 1 unit', () => {
    const q = quote(plan('rolling-24h'), usage);
    expect(q.lines.map((l) => [l.label, l.amountFen])).toEqual([
      ['第1天', 3000],
      ['第2天', 300],
    ]);
    expect(q.totalFen).toBe(3300);
    expect(q.capped).toBe('daily');
    expect(q.lines[0]?.detail).toBe('使用1天30分；计费1天，24个单位 × 3元/小时，封顶30元');
  });

  it('calendar: 14 h on the 27th (42 → 30) and 10.5 h on the 28th (11 units = 33 → 30)', () => {
    const q = quote(plan('calendar'), usage);
    expect(q.lines.map((l) => [l.label, l.amountFen])).toEqual([
      ['11月27日', 3000],
      ['11月28日', 3000],
    ]);
    expect(q.totalFen).toBe(6000);
    expect(q.capped).toBe('daily');
    expect(q.explanation).toBe('3元/小时，每自然日封顶30元（本次按每日封顶计费）');
  });

  it('defaults to rolling 24-hour windows', () => {
    const p: PricingPlan = { rental: { unitFen: 300, unitMinutes: 60, dailyCapFen: 3000 } };
    expect(quote(p, usage).totalFen).toBe(3300);
  });
});
