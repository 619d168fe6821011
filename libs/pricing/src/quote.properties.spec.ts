import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { estimate, payscoreLines, quote } from './index.js';
import type { EnergyBand, PayscoreScenario, PricingPlan, Usage } from './index.js';

const DAY = 86_400_000;
const RUNS = { numRuns: 300 };
const ZONES = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC'] as const;

const arbBands: fc.Arbitrary<EnergyBand[]> = fc
  .record({
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: 1439 }), { maxLength: 3 }),
    prices: fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 })), { minLength: 4, maxLength: 4 }),
  })
  .map(({ cuts, prices }) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 1440];
    const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    return points.slice(1).map((to, i) => ({
      from: clock(points[i] as number),
      to: clock(to),
      energyFenPerKwh: prices[i]?.[0] ?? 0,
      serviceFenPerKwh: prices[i]?.[1] ?? 0,
    }));
  });

const arbPlan: fc.Arbitrary<PricingPlan> = fc
  .record({
    timezone: fc.constantFrom(...ZONES),
    rental: fc.option(
      fc.record({
        unitFen: fc.integer({ min: 0, max: 1000 }),
        unitMinutes: fc.integer({ min: 1, max: 240 }),
        freeMinutes: fc.integer({ min: 0, max: 30 }),
        freeMode: fc.constantFrom('grace' as const, 'deduct' as const),
        dailyCapFen: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
        dayBoundary: fc.constantFrom('rolling-24h' as const, 'calendar' as const),
      }),
      { nil: undefined },
    ),
    energy: fc.option(fc.record({ bands: arbBands }), { nil: undefined }),
    volume: fc.option(fc.record({ fenPerLitre: fc.integer({ min: 0, max: 500 }), stepMillilitres: fc.integer({ min: 1, max: 1000 }) }), {
      nil: undefined,
    }),
    items: fc.option(
      fc.record({
        catalog: fc
          .array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 3 })
          .map((prices) => prices.map((priceFen, i) => ({ sku: `sku-${i}`, name: `商品${i}`, priceFen }))),
      }),
      { nil: undefined },
    ),
    minimumFen: fc.integer({ min: 0, max: 500 }),
    totalCapFen: fc.option(fc.integer({ min: 1, max: 50_000 }), { nil: undefined }),
  })
  .filter((p) => p.rental !== undefined || p.energy !== undefined || p.volume !== undefined || p.items !== undefined)
  .map((p) => ({ ...p, minimumFen: Math.min(p.minimumFen, p.totalCapFen ?? Infinity, p.rental?.dailyCapFen ?? Infinity) }));

/** Rental-only plans with a daily cap (and sometimes a total cap): where the sum of daily caps bounds the total. */
const arbCappedRentalPlan: fc.Arbitrary<PricingPlan> = fc
  .record({
    plan: arbPlan,
    rental: fc.record({
      unitFen: fc.integer({ min: 1, max: 1000 }),
      unitMinutes: fc.integer({ min: 1, max: 240 }),
      freeMinutes: fc.integer({ min: 0, max: 30 }),
      freeMode: fc.constantFrom('grace' as const, 'deduct' as const),
      dailyCapFen: fc.integer({ min: 1, max: 5000 }),
      dayBoundary: fc.constantFrom('rolling-24h' as const, 'calendar' as const),
    }),
    withTotalCap: fc.boolean(),
  })
  .map(({ plan, rental, withTotalCap }) => ({
    timezone: plan.timezone,
    rental,
    minimumFen: Math.min(plan.minimumFen ?? 0, rental.dailyCapFen),
    ...(withTotalCap ? { totalCapFen: Math.max(rental.dailyCapFen, plan.totalCapFen ?? 50_000) } : {}),
  }));

const iso = (ms: number) => new Date(ms).toISOString();
const START_MIN = Date.parse('2026-01-01T00:00:00Z');
const START_MAX = Date.parse('2027-01-01T00:00:00Z');

interface Raw {
  start: number;
  duration: number;
  intervals: [number, number][];
  volume: number;
  counts: number[];
}

const arbRaw: fc.Arbitrary<Raw> = fc.record({
  start: fc.integer({ min: START_MIN, max: START_MAX }),
  duration: fc.integer({ min: 0, max: 10 * DAY }),
  intervals: fc.array(fc.tuple(fc.integer({ min: 1, max: 4 * 3_600_000 }), fc.integer({ min: 0, max: 20_000 })), { maxLength: 6 }),
  volume: fc.integer({ min: 0, max: 50_000 }),
  counts: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 3 }),
});

/** A usage that fits the plan (only what the plan prices). */
function usageFor(plan: PricingPlan, raw: Raw): Usage {
  let t = raw.start;
  return {
    startedAt: iso(raw.start),
    endedAt: iso(raw.start + raw.duration),
    ...(plan.energy
      ? {
          energy: raw.intervals.map(([length, wattHours]) => {
            const from = t;
            t += length;
            return { from: iso(from), to: iso(t), wattHours };
          }),
        }
      : {}),
    ...(plan.volume ? { volumeMillilitres: raw.volume } : {}),
    ...(plan.items ? { items: plan.items.catalog.map((c, i) => ({ sku: c.sku, count: raw.counts[i] ?? 0 })) } : {}),
  };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** Local day number of an instant, via Intl (independent of the engine's own zone code). */
function localDayNumber(t: number, timeZone: string): number {
  let f = dayFormats.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  return Date.parse(`${f.format(t)}T00:00:00Z`) / DAY;
}

/** How many day windows the charged span of a rental touches. */
function daysTouched(plan: PricingPlan, start: number, end: number): number {
  const r = plan.rental;
  if (r === undefined) return 0;
  const free = (r.freeMinutes ?? 0) * 60_000;
  if (end - start <= free) return 0;
  const from = r.freeMode === 'deduct' ? start + free : start;
  if (r.dayBoundary === 'calendar') {
    const tz = plan.timezone ?? 'Asia/Shanghai';
    return localDayNumber(end - 1, tz) - localDayNumber(from, tz) + 1;
  }
  return Math.floor((end - 1 - start) / DAY) - Math.floor((from - start) / DAY) + 1;
}

describe('quote properties (random plans and usages)', () => {
  it('is a non-negative integer, its lines add up, and it never exceeds the total cap or the sum of daily caps', () => {
    fc.assert(
      fc.property(arbPlan, arbRaw, (plan, raw) => {
        const q = quote(plan, usageFor(plan, raw));
        expect(Number.isSafeInteger(q.totalFen)).toBe(true);
        expect(q.totalFen).toBeGreaterThanOrEqual(0);
        expect(q.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(q.totalFen);
        if (plan.totalCapFen !== undefined) expect(q.totalFen).toBeLessThanOrEqual(plan.totalCapFen);
        expect(q.capped === 'total').toBe(q.lines.some((l) => l.kind === 'cap'));
        const cap = plan.rental?.dailyCapFen;
        if (cap !== undefined && !plan.energy && !plan.volume && !plan.items) {
          expect(q.totalFen).toBeLessThanOrEqual(cap * daysTouched(plan, raw.start, raw.start + raw.duration));
          expect(q.lines.filter((l) => l.kind === 'rental').length).toBe(Math.max(1, daysTouched(plan, raw.start, raw.start + raw.duration)));
        }
      }),
      RUNS,
    );
  });

  it('never charges a rental more than its daily cap times the days it touches, one line per day', () => {
    fc.assert(
      fc.property(arbCappedRentalPlan, arbRaw, (plan, raw) => {
        const end = raw.start + raw.duration;
        const q = quote(plan, usageFor(plan, raw));
        const days = daysTouched(plan, raw.start, end);
        expect(q.totalFen).toBeLessThanOrEqual((plan.rental?.dailyCapFen ?? 0) * days);
        expect(q.lines.filter((l) => l.kind === 'rental').length).toBe(Math.max(1, days));
        for (const l of q.lines) if (l.kind === 'rental') expect(l.amountFen).toBeLessThanOrEqual(plan.rental?.dailyCapFen ?? 0);
        if (plan.totalCapFen !== undefined) expect(q.totalFen).toBeLessThanOrEqual(plan.totalCapFen);
      }),
      RUNS,
    );
  });

  it('never decreases when a rental lasts longer', () => {
    fc.assert(
      fc.property(fc.oneof(arbPlan, arbCappedRentalPlan), arbRaw, fc.integer({ min: 0, max: 3 * DAY }), (plan, raw, extra) => {
        const shorter = quote(plan, usageFor(plan, raw)).totalFen;
        const longer = quote(plan, usageFor(plan, { ...raw, duration: raw.duration + extra })).totalFen;
        expect(longer).toBeGreaterThanOrEqual(shorter);
      }),
      RUNS,
    );
  });

  it('never decreases when more energy, water or items are used', () => {
    fc.assert(
      fc.property(
        arbPlan,
        arbRaw,
        fc.record({
          wh: fc.integer({ min: 0, max: 5000 }),
          extraInterval: fc.option(fc.tuple(fc.integer({ min: 1, max: 3_600_000 }), fc.integer({ min: 0, max: 5000 })), { nil: undefined }),
          ml: fc.integer({ min: 0, max: 5000 }),
          items: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
        }),
        (plan, raw, more) => {
          const grown: Raw = {
            ...raw,
            intervals: [
              ...raw.intervals.map(([l, w], i): [number, number] => [l, i === 0 ? w + more.wh : w]),
              ...(more.extraInterval ? [more.extraInterval] : []),
            ],
            volume: raw.volume + more.ml,
            counts: raw.counts.map((c, i) => c + (more.items[i] ?? 0)),
          };
          expect(quote(plan, usageFor(plan, grown)).totalFen).toBeGreaterThanOrEqual(quote(plan, usageFor(plan, raw)).totalFen);
        },
      ),
      RUNS,
    );
  });

  it('gives Pay Score lines whose payments minus discounts are the total (or, without amounts, only the total), within the field limits', () => {
    const scenarios: PayscoreScenario[] = ['VENDING', 'POWERBANK_RENTAL', 'EV_CHARGING', 'WATER'];
    const chars = (s: string) => Array.from(s).length;
    fc.assert(
      fc.property(arbPlan, arbRaw, fc.constantFrom(...scenarios), fc.boolean(), (plan, raw, scenario, withPlan) => {
        const q = quote(plan, usageFor(plan, raw));
        const l = payscoreLines(q, scenario, withPlan ? plan : undefined);
        const paid = l.post_payments.reduce((s, x) => s + (x.amount ?? 0), 0);
        const off = l.post_discounts.reduce((s, x) => s + x.amount, 0);
        expect(l.total_amount).toBe(q.totalFen);
        const amounts = [...l.post_payments, ...l.post_discounts].some((x) => x.amount !== undefined);
        // vending carries amounts (the sum rule holds); the other templates carry none, nor any discount (§9.1, §9.6)
        expect(amounts).toBe(scenario === 'VENDING');
        if (amounts) expect(paid - off).toBe(l.total_amount);
        else expect(l.post_discounts).toEqual([]);
        expect(l.post_payments.length).toBeGreaterThanOrEqual(1);
        expect(l.post_payments.length).toBeLessThanOrEqual(100);
        expect(l.post_discounts.length).toBeLessThanOrEqual(30);
        for (const x of [...l.post_payments, ...l.post_discounts]) {
          expect(chars(x.name)).toBeGreaterThanOrEqual(1);
          expect(chars(x.name)).toBeLessThanOrEqual(20);
          if (x.description !== undefined) {
            expect(chars(x.description)).toBeGreaterThanOrEqual(1);
            expect(chars(x.description)).toBeLessThanOrEqual(30);
          }
          if (x.amount !== undefined) expect(Number.isSafeInteger(x.amount) && x.amount >= 0).toBe(true);
        }
        for (const x of l.post_payments) if (x.count !== undefined) expect(x.count >= 1 && x.count <= 100).toBe(true);
        const names = l.post_payments.map((x) => x.name).filter((n) => n !== '商品信息');
        expect(new Set(names).size).toBe(names.length);
      }),
      RUNS,
    );
  });

  it('estimates at the end exactly what it quotes', () => {
    fc.assert(
      fc.property(arbPlan, arbRaw, (plan, raw) => {
        const usage = usageFor(plan, raw);
        const { endedAt, ...soFar } = usage;
        expect(estimate(plan, soFar, endedAt ?? '')).toEqual(quote(plan, usage));
      }),
      RUNS,
    );
  });
});
