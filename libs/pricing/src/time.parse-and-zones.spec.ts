import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { civilFromDays, daysFromCivil, formatDurationZh, parseInstant, zoneFor } from './time.js';

const HOUR = 3_600_000;

describe('parseInstant', () => {
  it('agrees with Date for every toISOString() output from year 1 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('0001-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59.999Z') }), (ms) => {
        expect(parseInstant(new Date(ms).toISOString())).toBe(ms);
      }),
      { numRuns: 500 },
    );
  });

  it('reads offsets, optional seconds and fractions', () => {
    expect(parseInstant('2026-11-27T10:00:00+08:00')).toBe(Date.UTC(2026, 10, 27, 2));
    expect(parseInstant('2026-11-27T10:00+0800')).toBe(Date.UTC(2026, 10, 27, 2));
    expect(parseInstant('2026-11-27T10:00:00.5-01:30')).toBe(Date.UTC(2026, 10, 27, 11, 30, 0, 500));
    expect(parseInstant('2026-11-27T10:00:00.123456789Z')).toBe(Date.UTC(2026, 10, 27, 10, 0, 0, 123));
  });

  it('refuses times without an offset, impossible dates and trailing text', () => {
    for (const bad of ['2026-11-27T10:00:00', '2026-11-27', '2026-13-01T00:00Z', '2025-02-29T00:00Z', '2026-11-27T24:00Z', '2026-11-27T10:00:00Zx', '2026-11-27T10:00:00+8']) {
      expect(parseInstant(bad)).toBeNull();
    }
    expect(parseInstant('2024-02-29T00:00Z')).toBe(Date.UTC(2024, 1, 29));
  });
});

describe('civil day arithmetic', () => {
  it('round-trips days and dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (days) => {
        const { year, month, day } = civilFromDays(days);
        expect(daysFromCivil(year, month, day)).toBe(days);
        const d = new Date(days * 86_400_000);
        expect([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]).toEqual([year, month, day]);
      }),
      { numRuns: 300 },
    );
    expect(civilFromDays(daysFromCivil(2026, 11, 27))).toEqual({ year: 2026, month: 11, day: 27 });
  });
});

describe('zones', () => {
  it('returns null for names that are not timezones', () => {
    expect(zoneFor('Mars/Olympus')).toBeNull();
  });

  it('Europe/Berlin: gap and fold instants, 23- and 25-hour days', () => {
    const berlin = zoneFor('Europe/Berlin');
    if (berlin === null) throw new Error('no Berlin');
    const local = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);
    // 02:30 on 2026-03-29 does not exist: the first instant reaching it is the 01:00 UTC transition
    expect(berlin.instantOf(local(2026, 3, 29, 2, 30))).toBe(Date.UTC(2026, 2, 29, 1));
    // 02:30 on 2026-10-25 happens twice: the first occurrence is 00:30 UTC (CEST)
    expect(berlin.instantOf(local(2026, 10, 25, 2, 30))).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(berlin.instantOf(local(2026, 3, 30)) - berlin.instantOf(local(2026, 3, 29))).toBe(23 * HOUR);
    expect(berlin.instantOf(local(2026, 10, 26)) - berlin.instantOf(local(2026, 10, 25))).toBe(25 * HOUR);
    expect(berlin.offsetAt(Date.UTC(2026, 9, 25, 0, 59, 59, 999))).toBe(2 * HOUR);
    expect(berlin.offsetAt(Date.UTC(2026, 9, 25, 1))).toBe(HOUR);
  });

  it('Asia/Shanghai is UTC+8 today and keeps its 1991 daylight saving', () => {
    const sh = zoneFor('Asia/Shanghai');
    if (sh === null) throw new Error('no Shanghai');
    expect(sh.offsetAt(Date.UTC(2026, 6, 1))).toBe(8 * HOUR);
    expect(sh.offsetAt(Date.UTC(1991, 6, 1))).toBe(9 * HOUR);
    expect(sh.localDay(Date.UTC(2026, 10, 26, 16))).toBe(daysFromCivil(2026, 11, 27));
  });
});

describe('formatDurationZh', () => {
  it('writes the Pay Score duration style', () => {
    expect(formatDurationZh((3600 + 38 * 60 + 20) * 1000)).toBe('1小时38分20秒');
    expect(formatDurationZh(2 * 86_400_000 + 3 * HOUR + 999)).toBe('2天3小时');
    expect(formatDurationZh(0)).toBe('0秒');
  });
});
