import { describe, expect, it } from '@jest/globals';
import { fee5, yuan } from './trade-bill.js';
import { PAYSCORE_RETRY_SCHEDULE_MS } from '../notifications/notifier.js';

describe('bill amounts', () => {
  it('fen → yuan with two decimals, integer arithmetic', () => {
    expect(yuan(0)).toBe('0.00');
    expect(yuan(1)).toBe('0.01');
    expect(yuan(350)).toBe('3.50');
    expect(yuan(123456)).toBe('1234.56');
    expect(yuan(-100)).toBe('-1.00');
  });

  it('fee at 0.60% in yuan with five decimals (as in real bills: 3.50 → 0.02100)', () => {
    expect(fee5(350)).toBe('0.02100');
    expect(fee5(1)).toBe('0.00006');
    expect(fee5(1_000_000)).toBe('60.00000');
  });
});

describe('Pay Score callback retry schedule (§7.4)', () => {
  it('is 15s/15s/30s/180s/1800s×4/3600s: nine retries over 3 h 4 min', () => {
    expect(PAYSCORE_RETRY_SCHEDULE_MS.map((ms) => ms / 1000)).toEqual([15, 15, 30, 180, 1800, 1800, 1800, 1800, 3600]);
    expect(PAYSCORE_RETRY_SCHEDULE_MS.reduce((a, b) => a + b, 0)).toBe((3 * 3600 + 4 * 60) * 1000);
  });
});
