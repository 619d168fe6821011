import { describe, expect, it } from '@jest/globals';
import { beijingDate, beijingDayStart, billTime, compactTime, parseCompactTime, rfc3339 } from './beijing-time.js';

describe('Beijing time formats', () => {
  const ms = Date.parse('2026-11-27T16:30:05Z'); // 00:30:05 on the 28th in Beijing

  it('formats in GMT+8', () => {
    expect(compactTime(ms)).toBe('20261128003005');
    expect(rfc3339(ms)).toBe('2026-11-28T00:30:05+08:00');
    expect(billTime(ms)).toBe('2026-11-28 00:30:05');
    expect(beijingDate(ms)).toBe('2026-11-28');
    expect(beijingDayStart('2026-11-28')).toBe(Date.parse('2026-11-27T16:00:00Z'));
  });

  it('parses yyyyMMddHHmmss and yyyyMMdd, and refuses impossible dates', () => {
    expect(parseCompactTime('20261128003005')).toEqual({ ms, precision: 'second' });
    expect(parseCompactTime('20261128')).toEqual({ ms: Date.parse('2026-11-27T16:00:00Z'), precision: 'day' });
    expect(parseCompactTime('20260230')).toBeUndefined();
    expect(parseCompactTime('20261128246000')).toBeUndefined();
    expect(parseCompactTime('OnAccept')).toBeUndefined();
    expect(beijingDayStart('2026-02-30')).toBeUndefined();
  });
});
