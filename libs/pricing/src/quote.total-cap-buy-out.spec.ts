import { describe, expect, it } from '@jest/globals';
import { quote } from './index.js';
import { linesSum, powerBankPlan } from './fixtures.js';

describe('total cap: the ¥99 buy-out of an unreturned power bank', () => {
  it('cuts five capped days (150 yuan) to 99 yuan with a negative cap line', () => {
    const q = quote(powerBankPlan, { startedAt: '2026-11-27T10:00:00+08:00', endedAt: '2026-12-02T10:00:00+08:00' });
    expect(q.totalFen).toBe(9900);
    expect(q.capped).toBe('total');
    expect(q.lines.filter((l) => l.kind === 'rental').map((l) => l.amountFen)).toEqual([3000, 3000, 3000, 3000, 3000]);
    expect(q.lines.at(-1)).toEqual({ kind: 'cap', label: '总封顶', amountFen: -5100, detail: '总封顶99元，减免51元' });
    expect(linesSum(q)).toBe(9900);
    expect(q.explanation).toBe('3元/小时，前5分钟免费，每日封顶30元，总封顶99元（本次已达总封顶99元）');
  });

  it('stays at 99 yuan for a month-long rental', () => {
    const q = quote(powerBankPlan, { startedAt: '2026-11-27T10:00:00+08:00', endedAt: '2026-12-27T10:00:00+08:00' });
    expect(q.totalFen).toBe(9900);
    expect(q.lines.filter((l) => l.kind === 'rental')).toHaveLength(30);
  });

  it('is not reported when the sum is exactly the cap', () => {
    const p = { rental: { unitFen: 100, unitMinutes: 60 }, totalCapFen: 300 };
    const q = quote(p, { startedAt: '2026-11-27T10:00:00+08:00', endedAt: '2026-11-27T13:00:00+08:00' });
    expect(q.totalFen).toBe(300);
    expect(q.capped).toBeNull();
    expect(q.lines).toHaveLength(1);
  });
});
