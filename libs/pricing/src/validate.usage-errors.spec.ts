import { describe, expect, it } from '@jest/globals';
import { tryQuote, validateUsage } from './index.js';
import { evPlan, powerBankPlan, waterPlan } from './fixtures.js';

const problems = (usage: unknown, plan?: Parameters<typeof validateUsage>[1]) => {
  const r = validateUsage(usage, plan);
  return r.ok ? [] : r.error.map((p) => [p.path, p.message]);
};

describe('validateUsage', () => {
  it('accepts a well-formed usage', () => {
    const usage = { startedAt: '2026-11-27T10:00:00+08:00', endedAt: '2026-11-27T12:10:00+08:00' };
    expect(validateUsage(usage, powerBankPlan)).toEqual({ ok: true, value: usage });
  });

  it('rejects a reversed time span', () => {
    expect(problems({ startedAt: '2026-11-27T10:00:00+08:00', endedAt: '2026-11-27T09:59:59+08:00' })).toEqual([
      ['endedAt', 'is before startedAt: the time span is reversed'],
    ]);
  });

  it('rejects times without an offset or that do not exist', () => {
    expect(problems({ startedAt: '2026-11-27T10:00:00', endedAt: '2026-02-30T10:00:00Z' })).toEqual([
      ['startedAt', 'must be an ISO-8601 time with an offset such as "2026-11-27T10:00:00+08:00", got "2026-11-27T10:00:00"'],
      ['endedAt', 'must be an ISO-8601 time with an offset such as "2026-11-27T10:00:00+08:00", got "2026-02-30T10:00:00Z"'],
    ]);
  });

  it('requires both times when the plan charges for time', () => {
    expect(problems({}, powerBankPlan)).toEqual([
      ['startedAt', 'is required: this plan charges for time'],
      ['endedAt', 'is required: this plan charges for time'],
    ]);
  });

  it('rejects negative, fractional and reversed meter readings', () => {
    const energy = [
      { from: '2026-11-27T10:00:00Z', to: '2026-11-27T11:00:00Z', wattHours: -5 },
      { from: '2026-11-27T10:00:00Z', to: '2026-11-27T11:00:00Z', wattHours: 1.5 },
      { from: '2026-11-27T11:00:00Z', to: '2026-11-27T10:00:00Z', wattHours: 5 },
      { from: '2026-11-27T11:00:00Z', to: '2026-11-27T11:00:00Z', wattHours: 5 },
    ];
    expect(problems({ energy }, evPlan)).toEqual([
      ['energy[0].wattHours', 'must not be negative, got -5'],
      ['energy[1].wattHours', 'must be a whole number of watt-hours, got 1.5'],
      ['energy[2].to', 'is before from: the interval is reversed'],
      ['energy[3]', 'an interval with energy must have a length'],
    ]);
  });

  it('rejects usage the plan does not price and non-integer volumes', () => {
    expect(problems({ volumeMillilitres: 12.5 }, waterPlan)).toEqual([['volumeMillilitres', 'must be a whole number of millilitres, got 12.5']]);
    expect(problems({ volumeMillilitres: 100 }, evPlan)).toEqual([['volumeMillilitres', 'this plan does not price water']]);
    expect(problems({ energy: [{ from: '2026-11-27T10:00:00Z', to: '2026-11-27T11:00:00Z', wattHours: 5 }] }, waterPlan)).toEqual([
      ['energy', 'this plan does not price energy'],
    ]);
  });

  it('rejects unknown fields and lists plan and usage problems together in a quote error', () => {
    expect(problems({ volumeMl: 5 })).toEqual([['volumeMl', 'unknown field "volumeMl" (allowed: startedAt, endedAt, energy, volumeMillilitres, items)']]);
    const r = tryQuote({ rental: { unitFen: 1, unitMinutes: 0 } }, { startedAt: '2026-11-27T10:00:00Z', endedAt: '2026-11-27T09:00:00Z' });
    expect(r.ok ? null : r.error.message).toBe(
      'plan.rental.unitMinutes: must be at least 1 minute, got 0; usage.endedAt: is before startedAt: the time span is reversed',
    );
  });
});
