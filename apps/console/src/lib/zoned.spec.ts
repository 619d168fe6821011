import { describe, expect, it } from '@jest/globals';
import { fromZonedInput, toZonedInput } from './zoned';

describe('datetime-local values in the user’s zone', () => {
  it('reads a Shanghai wall-clock time as the instant 8 hours earlier in UTC, and writes it back', () => {
    expect(fromZonedInput('2026-12-06T12:36', 'Asia/Shanghai')?.toISOString()).toBe('2026-12-06T04:36:00.000Z');
    expect(toZonedInput(new Date('2026-12-06T04:36:30Z'), 'Asia/Shanghai')).toBe('2026-12-06T12:36');
  });

  it('follows a zone with daylight saving on both sides of the change', () => {
    expect(fromZonedInput('2026-07-01T09:00', 'Europe/Berlin')?.toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(fromZonedInput('2026-12-01T09:00', 'Europe/Berlin')?.toISOString()).toBe('2026-12-01T08:00:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(fromZonedInput('', 'Asia/Shanghai')).toBeNull();
    expect(fromZonedInput('2026-12-06', 'Asia/Shanghai')).toBeNull();
  });
});
