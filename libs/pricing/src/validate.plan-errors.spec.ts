import { describe, expect, it } from '@jest/globals';
import { PricingError, quote, validatePlan } from './index.js';
import { powerBankPlan, twoBands } from './fixtures.js';

const problems = (plan: unknown) => {
  const r = validatePlan(plan);
  return r.ok ? [] : r.error.map((p) => [p.path, p.message]);
};

describe('validatePlan', () => {
  it('accepts the contracts.md plan', () => {
    expect(validatePlan(powerBankPlan)).toEqual({ ok: true, value: powerBankPlan });
  });

  it('requires at least one charge part', () => {
    expect(problems({ totalCapFen: 100 })).toEqual([['', 'a plan needs at least one charge part: rental, energy, volume or items']]);
  });

  it('rejects a minimum above the total cap and above the daily cap', () => {
    expect(problems({ rental: { unitFen: 100, unitMinutes: 60, dailyCapFen: 400 }, minimumFen: 500, totalCapFen: 300 })).toEqual([
      ['minimumFen', 'the minimum charge (500 fen) is above the total cap (300 fen)'],
      ['minimumFen', 'the minimum charge (500 fen) is above the daily cap (400 fen)'],
    ]);
  });

  it('rejects a zero-length unit, a negative price and non-integer amounts, all at once', () => {
    expect(problems({ rental: { unitFen: -1, unitMinutes: 0, freeMinutes: 1.5 }, totalCapFen: 99.5 })).toEqual([
      ['rental.unitFen', 'must not be negative, got -1'],
      ['rental.unitMinutes', 'must be at least 1 minute, got 0'],
      ['rental.freeMinutes', 'must be a whole number of minutes, got 1.5'],
      ['totalCapFen', 'must be a whole number of fen, got 99.5'],
    ]);
  });

  it('rejects amounts given as strings and unknown fields', () => {
    expect(problems({ volume: { fenPerLitre: '25', stepMillilitres: 100, stepMl: 1 } })).toEqual([
      ['volume.stepMl', 'unknown field "stepMl" (allowed: fenPerLitre, stepMillilitres)'],
      ['volume.fenPerLitre', 'must be a whole number of fen, got "25"'],
    ]);
  });

  it('rejects bands that overlap', () => {
    const bands = [twoBands[0], { ...twoBands[1], from: '07:00' }];
    expect(problems({ energy: { bands } })).toEqual([['energy.bands', 'bands[0] and bands[1] overlap between 07:00 and 08:00']]);
  });

  it('rejects bands that leave a gap, at either end or in the middle', () => {
    const bands = [
      { from: '01:00', to: '08:00', energyFenPerKwh: 1, serviceFenPerKwh: 1 },
      { from: '09:00', to: '23:00', energyFenPerKwh: 1, serviceFenPerKwh: 1 },
    ];
    expect(problems({ energy: { bands } })).toEqual([
      ['energy.bands', 'no band covers 00:00–01:00: the bands must cover the whole day'],
      ['energy.bands', 'no band covers 08:00–09:00: the bands must cover the whole day'],
      ['energy.bands', 'no band covers 23:00–24:00: the bands must cover the whole day'],
    ]);
  });

  it('rejects malformed band times and zero-length bands', () => {
    const bands = [
      { from: '8:00', to: '25:00', energyFenPerKwh: 1, serviceFenPerKwh: 1 },
      { from: '10:00', to: '10:00', energyFenPerKwh: 1, serviceFenPerKwh: 1 },
    ];
    expect(problems({ energy: { bands } })).toEqual([
      ['energy.bands[0].from', 'must be a time "HH:MM" from 00:00 to 23:59, got "8:00"'],
      ['energy.bands[0].to', 'must be a time "HH:MM" from 00:00 to 24:00, got "25:00"'],
      ['energy.bands[1]', 'a band from 10:00 to 10:00 has no length'],
    ]);
  });

  it('rejects an unknown timezone, enum typos, duplicate SKUs and an empty catalog', () => {
    expect(problems({ timezone: 'Mars/Olympus', rental: { unitFen: 1, unitMinutes: 1, freeMode: 'grase', dayBoundary: 'daily' } })).toEqual([
      ['timezone', 'must be an IANA timezone name such as "Asia/Shanghai", got "Mars/Olympus"'],
      ['rental.freeMode', 'must be one of "grace", "deduct", got "grase"'],
      ['rental.dayBoundary', 'must be one of "rolling-24h", "calendar", got "daily"'],
    ]);
    const sku = { sku: 'a', name: 'A', priceFen: 1 };
    expect(problems({ items: { catalog: [sku, sku] } })).toEqual([['items.catalog[1].sku', 'SKU "a" is listed twice']]);
    expect(problems({ items: { catalog: [] } })).toEqual([['items.catalog', 'must be a non-empty list of {sku, name, priceFen}']]);
  });

  it('makes quote throw PricingError with the field named', () => {
    let caught: unknown;
    try {
      quote({ rental: { unitFen: 300, unitMinutes: 0 } }, { startedAt: '2026-11-27T10:00:00Z', endedAt: '2026-11-27T11:00:00Z' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PricingError);
    expect((caught as PricingError).code).toBe('PRICING_INVALID_PLAN');
    expect((caught as PricingError).message).toBe('plan.rental.unitMinutes: must be at least 1 minute, got 0');
  });

  it('rejects something that is not an object', () => {
    expect(problems(null)).toEqual([['', 'a plan must be a JSON object']]);
    expect(problems([1])).toEqual([['', 'a plan must be a JSON object']]);
  });
});
