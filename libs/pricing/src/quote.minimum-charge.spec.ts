import { describe, expect, it } from '@jest/globals';
import { quote } from './index.js';
import type { PricingPlan } from './index.js';

const plan: PricingPlan = { rental: { unitFen: 100, unitMinutes: 30, freeMinutes: 2 }, minimumFen: 250, totalCapFen: 1000 };
const until = (end: string) => ({ startedAt: '2026-11-27T10:00:00+08:00', endedAt: `2026-11-27T${end}+08:00` });

describe('minimum charge', () => {
  it('raises a session that costs something to the minimum, with a minimum line', () => {
    const q = quote(plan, until('10:10:00'));
    expect(q.totalFen).toBe(250);
    expect(q.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ['rental', 100],
      ['minimum', 150],
    ]);
    expect(q.lines[1]?.detail).toBe('不足最低消费2.50元，补足1.50元');
    expect(q.capped).toBeNull();
    expect(q.explanation).toBe('1元/30分钟，前2分钟免费，最低消费2.50元，总封顶10元（本次按最低消费2.50元计费）');
  });

  it('leaves a free session at 0', () => {
    const q = quote(plan, until('10:01:00'));
    expect(q.totalFen).toBe(0);
    expect(q.lines.some((l) => l.kind === 'minimum')).toBe(false);
  });

  it('leaves a session above the minimum alone', () => {
    expect(quote(plan, until('11:10:00')).totalFen).toBe(300);
  });

  it('applies to a rental whose unit price is 0 only if something was charged', () => {
    const free: PricingPlan = { rental: { unitFen: 0, unitMinutes: 60 }, minimumFen: 100 };
    expect(quote(free, until('12:00:00')).totalFen).toBe(0);
  });
});
