import { describe, expect, it } from '@jest/globals';
import { districtOf, largestRemainderPercents, operatingModelOf, rangeOf } from './application-pack-math.js';

describe('application pack rules (contracts.md §10)', () => {
  it('puts a paid amount in its range with the boundaries 10, 50 and 99 元 in the lower range', () => {
    expect([1, 1000, 1001, 5000, 5001, 9900, 9901].map(rangeOf)).toEqual(['0-10', '0-10', '10-50', '10-50', '50-99', '50-99', '99+']);
  });

  it('rounds percents to whole numbers adding up to 100 by largest remainder, ties to the lower range', () => {
    expect(largestRemainderPercents([1, 1, 1, 0])).toEqual([34, 33, 33, 0]);
    expect(largestRemainderPercents([2, 1, 0, 0])).toEqual([67, 33, 0, 0]);
    expect(largestRemainderPercents([1, 1, 1, 1, 1, 1].slice(0, 4))).toEqual([25, 25, 25, 25]);
    expect(largestRemainderPercents([1, 0, 1, 1])).toEqual([34, 0, 33, 33]);
    expect(largestRemainderPercents([5, 3, 3, 0])).toEqual([46, 27, 27, 0]);
    expect(largestRemainderPercents([0, 0, 0, 0])).toEqual([0, 0, 0, 0]);
    for (const counts of [[7, 0, 3, 1], [1, 2, 3, 4], [13, 17, 19, 23], [1, 0, 0, 0]]) {
      expect(largestRemainderPercents(counts).reduce((a, b) => a + b, 0)).toBe(100);
    }
  });

  it('maps the organisation to 纯自营 / 加盟 / 硬件售卖', () => {
    expect(operatingModelOf('OPERATOR', 'SELF_RUN')).toBe('纯自营');
    expect(operatingModelOf('CUSTOMER', null)).toBe('纯自营');
    expect(operatingModelOf('OPERATOR', 'FRANCHISE')).toBe('加盟');
    expect(operatingModelOf('FRANCHISEE', null)).toBe('加盟');
    expect(operatingModelOf('OPERATOR', 'HARDWARE_SALE')).toBe('硬件售卖');
  });

  it('reads the district from an address', () => {
    expect(districtOf('浙江省杭州市上城区全福桥路2号')).toBe('上城区');
    expect(districtOf('浙江省杭州市滨江区江南大道')).toBe('滨江区');
    expect(districtOf('中山路 88 号')).toBeNull();
  });
});
