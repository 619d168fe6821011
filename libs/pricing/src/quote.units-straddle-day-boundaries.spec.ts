import { describe, expect, it } from '@jest/globals';
import { quote } from './index.js';
import type { PricingPlan } from './index.js';

const rental = (dayBoundary: 'calendar' | 'rolling-24h', dailyCapFen?: number): PricingPlan => ({
  timezone: 'Asia/Shanghai',
  rental: { unitFen: 300, unitMinutes: 60, dayBoundary, ...(dailyCapFen === undefined ? {} : { dailyCapFen }) },
});
const night = { startedAt: '2026-11-27T23:30:00+08:00', endedAt: '2026-11-28T01:30:00+08:00' };

describe('a unit straddling a day boundary', () => {
  it('is charged in each calendar day it touches (23:30–24:00 one unit, 00:00–01:30 two)', () => {
    const q = quote(rental('calendar'), night);
    expect(q.totalFen).toBe(900);
    expect(q.lines).toEqual([{ kind: 'rental', label: '使用费', amountFen: 900, detail: '使用2小时，计3个单位 × 3元/小时' }]);
  });

  it('is not split at midnight with rolling 24-hour windows (2 hours from the start: two units)', () => {
    expect(quote(rental('rolling-24h'), night).totalFen).toBe(600);
  });

  it('gives one line per calendar day when a daily cap applies', () => {
    const q = quote(rental('calendar', 3000), night);
    expect(q.lines.map((l) => [l.label, l.amountFen])).toEqual([
      ['11月27日', 300],
      ['11月28日', 600],
    ]);
    expect(q.capped).toBeNull();
  });

  it('reads the calendar day in the plan timezone, not UTC', () => {
    // 23:30–01:30 in Shanghai is 15:30–17:30 UTC: one calendar day in UTC
    const utc: PricingPlan = { timezone: 'UTC', rental: { unitFen: 300, unitMinutes: 60, dayBoundary: 'calendar' } };
    expect(quote(utc, night).totalFen).toBe(600);
  });

  it('splits a 7-minute unit at the 24-hour window edge (1440 is not a multiple of 7)', () => {
    const p: PricingPlan = { rental: { unitFen: 10, unitMinutes: 7 } };
    // 25 h: window 1 = 1440 min → 206 units (205.7 rounded up), window 2 = 60 min → 9 units
    const q = quote(p, { startedAt: '2026-11-27T10:00:00+08:00', endedAt: '2026-11-28T11:00:00+08:00' });
    expect(q.totalFen).toBe((206 + 9) * 10);
  });
});
