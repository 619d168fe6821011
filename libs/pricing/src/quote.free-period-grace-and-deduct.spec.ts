import { describe, expect, it } from '@jest/globals';
import { quote } from './index.js';
import type { PricingPlan } from './index.js';

const at = (minutes: number, seconds = 0): string => {
  const total = 10 * 3600 + minutes * 60 + seconds;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `2026-11-27T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}+08:00`;
};
const plan = (freeMode: 'grace' | 'deduct'): PricingPlan => ({ rental: { unitFen: 300, unitMinutes: 60, freeMinutes: 5, freeMode } });
const total = (p: PricingPlan, minutes: number, seconds = 0): number =>
  quote(p, { startedAt: at(0), endedAt: at(minutes, seconds) }).totalFen;

describe('free period, "grace" mode (bill from the start once exceeded)', () => {
  it('charges nothing for a session of at most the free minutes, inclusive', () => {
    expect(total(plan('grace'), 0)).toBe(0);
    expect(total(plan('grace'), 4, 59)).toBe(0);
    expect(total(plan('grace'), 5)).toBe(0);
    const q = quote(plan('grace'), { startedAt: at(0), endedAt: at(3) });
    expect(q.lines).toEqual([{ kind: 'rental', label: '使用费', amountFen: 0, detail: '使用3分，5分钟内免费' }]);
  });

  it('bills the whole session from its start one second after the free period', () => {
    expect(total(plan('grace'), 5, 1)).toBe(300);
    expect(total(plan('grace'), 60)).toBe(300);
    expect(total(plan('grace'), 60, 1)).toBe(600);
    expect(total(plan('grace'), 65)).toBe(600);
  });
});

describe('free period, "deduct" mode (bill only past it)', () => {
  it('charges nothing within the free minutes', () => {
    expect(total(plan('deduct'), 5)).toBe(0);
  });

  it('bills only the time past the free minutes', () => {
    expect(total(plan('deduct'), 5, 1)).toBe(300);
    expect(total(plan('deduct'), 65)).toBe(300); // 60 charged minutes: one unit
    expect(total(plan('deduct'), 65, 1)).toBe(600);
    const q = quote(plan('deduct'), { startedAt: at(0), endedAt: at(66) });
    expect(q.lines[0]?.detail).toBe('使用1小时6分，扣除免费5分钟，计2个单位 × 3元/小时');
  });

  it('defaults to grace when freeMode is left out', () => {
    const p: PricingPlan = { rental: { unitFen: 300, unitMinutes: 60, freeMinutes: 5 } };
    expect(total(p, 65)).toBe(600);
  });
});
