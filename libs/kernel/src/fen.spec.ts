import { describe, expect, it } from '@jest/globals';
import { fen, formatYuan } from './fen.js';
import { isUuid } from './brand.js';

describe('fen', () => {
  it('accepts integers and refuses fractions', () => {
    expect(fen(300)).toBe(300);
    expect(() => fen(1.5)).toThrow(RangeError);
    expect(() => fen(Number.NaN)).toThrow(RangeError);
  });

  it('formats yuan with two decimals', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(9900)).toBe('99.00');
    expect(formatYuan(-1234)).toBe('-12.34');
  });

  it('recognises uuids', () => {
    expect(isUuid('7c9e6679-7425-40de-944b-e07fc1f90ae7')).toBe(true);
    expect(isUuid('not-a-uuid')).toBe(false);
    expect(isUuid(42)).toBe(false);
  });
});
