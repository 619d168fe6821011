import { describe, expect, it } from '@jest/globals';
import { quote } from './index.js';
import type { PricingPlan } from './index.js';

// Europe/Berlin: 2026-03-29 has 23 hours (02:00 → 03:00), 2026-10-25 has 25 hours (03:00 → 02:00).
const bands = [
  { from: '00:00', to: '08:00', energyFenPerKwh: 10, serviceFenPerKwh: 0 },
  { from: '08:00', to: '24:00', energyFenPerKwh: 20, serviceFenPerKwh: 0 },
];
const berlinEv: PricingPlan = { timezone: 'Europe/Berlin', energy: { bands } };
const berlinRental: PricingPlan = {
  timezone: 'Europe/Berlin',
  rental: { unitFen: 100, unitMinutes: 60, dailyCapFen: 100_000, dayBoundary: 'calendar' },
};

describe('a daylight-saving timezone', () => {
  it('prices a 23-hour spring-forward day: 00:00–08:00 lasts 7 real hours', () => {
    const q = quote(berlinEv, { energy: [{ from: '2026-03-29T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00', wattHours: 23_000 }] });
    expect(q.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ['energy', 70],
      ['service', 0],
      ['energy', 320],
      ['service', 0],
    ]);
  });

  it('prices a 25-hour fall-back day: 00:00–08:00 lasts 9 real hours', () => {
    const q = quote(berlinEv, { energy: [{ from: '2026-10-25T00:00:00+02:00', to: '2026-10-26T00:00:00+01:00', wattHours: 25_000 }] });
    expect(q.lines.filter((l) => l.kind === 'energy').map((l) => l.amountFen)).toEqual([90, 320]);
  });

  it('splits a calendar-day rental into 12 h + 23 h + 12 h across spring-forward', () => {
    const q = quote(berlinRental, { startedAt: '2026-03-28T12:00:00+01:00', endedAt: '2026-03-30T12:00:00+02:00' });
    expect(q.lines.map((l) => [l.label, l.amountFen])).toEqual([
      ['3月28日', 1200],
      ['3月29日', 2300],
      ['3月30日', 1200],
    ]);
  });

  it('splits a calendar-day rental into 12 h + 25 h + 12 h across fall-back', () => {
    const q = quote(berlinRental, { startedAt: '2026-10-24T12:00:00+02:00', endedAt: '2026-10-26T12:00:00+01:00' });
    expect(q.lines.map((l) => l.amountFen)).toEqual([1200, 2500, 1200]);
    expect(q.totalFen).toBe(4900);
  });

  it('gives a band boundary inside the skipped hour to the transition instant', () => {
    // 02:30 does not exist on 2026-03-29: the night band 00:00–02:30 ends at 03:00 CEST (01:00 UTC)
    const p: PricingPlan = {
      timezone: 'Europe/Berlin',
      energy: {
        bands: [
          { from: '02:30', to: '24:00', energyFenPerKwh: 20, serviceFenPerKwh: 0 },
          { from: '00:00', to: '02:30', energyFenPerKwh: 10, serviceFenPerKwh: 0 },
        ],
      },
    };
    // 00:00 CET (23:00 UTC) to 04:00 CEST (02:00 UTC) = 3 real hours: 2 h night, 1 h day
    const q = quote(p, { energy: [{ from: '2026-03-28T23:00:00Z', to: '2026-03-29T02:00:00Z', wattHours: 3000 }] });
    expect(q.lines.filter((l) => l.kind === 'energy').map((l) => [l.label, l.amountFen])).toEqual([
      ['电费（02:30–24:00）', 20],
      ['电费（00:00–02:30）', 20],
    ]);
  });
});
