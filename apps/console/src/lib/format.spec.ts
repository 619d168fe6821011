import { describe, expect, it } from '@jest/globals';
import { dayIn, formatFen, formatTime, parseYuan } from './format';

describe('formatFen', () => {
  it('shows integer fen as yuan with two decimals, never through floating point', () => {
    expect(formatFen(1230)).toBe('¥12.30');
    expect(formatFen(1)).toBe('¥0.01');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(-250)).toBe('-¥2.50');
    expect(formatFen('123456789')).toBe('¥1,234,567.89');
    expect(formatFen(9007199254740993n)).toBe('¥90,071,992,547,409.93');
    expect(formatFen(null)).toBe('—');
  });
  it('parses what an operator types into fen, refusing anything that is not an amount', () => {
    expect(parseYuan('12.3')).toBe(1230);
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan('5')).toBe(500);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-1')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
  });
});

describe('formatTime', () => {
  it('shows an instant in Asia/Shanghai by default and in the zone the user picked', () => {
    const instant = '2026-12-05T16:30:05Z';
    expect(formatTime(instant)).toBe('2026-12-06 00:30:05');
    expect(formatTime(instant, 'UTC')).toBe('2026-12-05 16:30:05');
    expect(formatTime(instant, 'Asia/Shanghai', false)).toBe('2026-12-06 00:30');
    expect(formatTime('not a time')).toBe('—');
  });
  it('names the calendar day of an instant in a zone', () => {
    expect(dayIn(new Date('2026-12-05T16:30:05Z'))).toBe('2026-12-06');
    expect(dayIn(new Date('2026-12-05T16:30:05Z'), 'UTC')).toBe('2026-12-05');
  });
});
