import { describe, expect, it } from '@jest/globals';
import { periodStartOf, todayInShanghai } from './period';

describe('statement periods on Asia/Shanghai calendar days', () => {
  it('starts a daily period on the day, a weekly one on Monday, a monthly one on the 1st', () => {
    expect(periodStartOf('2026-12-06', 'DAILY')).toBe('2026-12-06');
    expect(periodStartOf('2026-12-06', 'WEEKLY')).toBe('2026-11-30'); // a Sunday belongs to the week from Monday
    expect(periodStartOf('2026-11-30', 'WEEKLY')).toBe('2026-11-30');
    expect(periodStartOf('2027-01-02', 'WEEKLY')).toBe('2026-12-28'); // across a year
    expect(periodStartOf('2026-12-31', 'MONTHLY')).toBe('2026-12-01');
  });

  it('reads today in Shanghai, not in the machine’s zone', () => {
    expect(todayInShanghai(new Date('2026-12-05T16:00:00Z'))).toBe('2026-12-06'); // midnight in Shanghai
    expect(todayInShanghai(new Date('2026-12-05T15:59:59Z'))).toBe('2026-12-05');
  });
});
