import { describe, expect, it } from '@jest/globals';
import { quote } from './index.js';
import type { PricingPlan } from './index.js';
import { evPlan, linesSum, shanghai } from './fixtures.js';

const reading = (from: string, to: string, wattHours: number) => ({ from, to, wattHours });

describe('energy intervals and time-of-use bands', () => {
  it('splits an interval over a band edge in proportion to time (07:00–09:00, 10 kWh: 5 + 5)', () => {
    const q = quote(evPlan, { energy: [reading(shanghai('2026-11-27', '07:00:00'), shanghai('2026-11-27', '09:00:00'), 10_000)] });
    expect(q.lines).toEqual([
      { kind: 'energy', label: '电费（00:00–08:00）', amountFen: 175, detail: '5.000度 × 0.35元/度' },
      { kind: 'service', label: '服务费（00:00–08:00）', amountFen: 200, detail: '5.000度 × 0.40元/度' },
      { kind: 'energy', label: '电费（08:00–24:00）', amountFen: 475, detail: '5.000度 × 0.95元/度' },
      { kind: 'service', label: '服务费（08:00–24:00）', amountFen: 300, detail: '5.000度 × 0.60元/度' },
    ]);
    expect(q.totalFen).toBe(1150);
  });

  it('splits unevenly: 07:45–08:45, 1 kWh → 0.25 kWh night (8.75 → 9, 10) and 0.75 kWh day (71.25 → 71, 45)', () => {
    const q = quote(evPlan, { energy: [reading(shanghai('2026-11-27', '07:45:00'), shanghai('2026-11-27', '08:45:00'), 1000)] });
    expect(q.lines.map((l) => l.amountFen)).toEqual([9, 10, 71, 45]);
    expect(q.totalFen).toBe(135);
  });

  it('splits an interval spanning midnight and rounds each band half-up (52.5 → 53, 142.5 → 143)', () => {
    const q = quote(evPlan, { energy: [reading(shanghai('2026-11-27', '23:00:00'), shanghai('2026-11-28', '01:00:00'), 3000)] });
    expect(q.lines.map((l) => [l.label, l.amountFen])).toEqual([
      ['电费（00:00–08:00）', 53],
      ['服务费（00:00–08:00）', 60],
      ['电费（08:00–24:00）', 143],
      ['服务费（08:00–24:00）', 90],
    ]);
    expect(q.totalFen).toBe(346);
  });

  it('rounds each band once over all intervals, not per interval (2 × 26.25 → 53, not 52)', () => {
    const q = quote(evPlan, {
      energy: [
        reading(shanghai('2026-11-27', '00:00:00'), shanghai('2026-11-27', '01:00:00'), 750),
        reading(shanghai('2026-11-27', '01:00:00'), shanghai('2026-11-27', '02:00:00'), 750),
      ],
    });
    expect(q.lines.map((l) => l.amountFen)).toEqual([53, 60]);
  });

  it('stays exact with intervals of different lengths (1.7 kWh night, 0.3 kWh day)', () => {
    const q = quote(evPlan, {
      energy: [
        reading(shanghai('2026-11-27', '07:50:00'), shanghai('2026-11-27', '08:03:00'), 1300), // 10 min night, 3 min day
        reading(shanghai('2026-11-27', '07:53:00'), shanghai('2026-11-27', '08:00:00'), 700),
      ],
    });
    // night 1.7 × 35 = 59.5 → 60, × 40 = 68; day 0.3 × 95 = 28.5 → 29, × 60 = 18
    expect(q.lines.map((l) => l.amountFen)).toEqual([60, 68, 29, 18]);
    expect(q.totalFen).toBe(175);
  });

  it('handles a band that wraps midnight (22:00–06:00)', () => {
    const p: PricingPlan = {
      energy: {
        bands: [
          { from: '22:00', to: '06:00', energyFenPerKwh: 30, serviceFenPerKwh: 30 },
          { from: '06:00', to: '22:00', energyFenPerKwh: 100, serviceFenPerKwh: 50 },
        ],
      },
    };
    const q = quote(p, {
      energy: [
        reading(shanghai('2026-11-27', '21:00:00'), shanghai('2026-11-27', '23:00:00'), 2000),
        reading(shanghai('2026-11-28', '05:00:00'), shanghai('2026-11-28', '07:00:00'), 2000),
      ],
    });
    // night: 2 kWh × (30 + 30) = 120; day: 2 kWh × (100 + 50) = 300
    expect(q.lines.map((l) => [l.label, l.amountFen])).toEqual([
      ['电费（22:00–06:00）', 60],
      ['服务费（22:00–06:00）', 60],
      ['电费（06:00–22:00）', 200],
      ['服务费（06:00–22:00）', 100],
    ]);
    expect(linesSum(q)).toBe(420);
  });

  it('reads bands in the plan timezone: 07:00–09:00 Shanghai is all "day" in UTC', () => {
    const p: PricingPlan = { ...evPlan, timezone: 'UTC' };
    const q = quote(p, { energy: [reading(shanghai('2026-11-27', '07:00:00'), shanghai('2026-11-27', '09:00:00'), 10_000)] });
    // 23:00–01:00 UTC: 1 h day + 1 h night
    expect(q.lines.map((l) => l.amountFen)).toEqual([175, 200, 475, 300]);
    const q2 = quote(p, { energy: [reading(shanghai('2026-11-27', '17:00:00'), shanghai('2026-11-27', '19:00:00'), 10_000)] });
    expect(q2.lines.map((l) => l.amountFen)).toEqual([950, 600]); // 09:00–11:00 UTC
  });

  it('gives one line pair without times when a single band covers the day', () => {
    const p: PricingPlan = { energy: { bands: [{ from: '00:00', to: '24:00', energyFenPerKwh: 80, serviceFenPerKwh: 40 }] } };
    const q = quote(p, { energy: [reading(shanghai('2026-11-27', '10:00:00'), shanghai('2026-11-27', '11:00:00'), 2500)] });
    expect(q.lines.map((l) => [l.label, l.amountFen])).toEqual([
      ['电费', 200],
      ['服务费', 100],
    ]);
  });
});
