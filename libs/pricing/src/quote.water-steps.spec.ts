import { describe, expect, it } from '@jest/globals';
import { quote } from './index.js';
import { waterPlan } from './fixtures.js';

const total = (ml: number): number => quote(waterPlan, { volumeMillilitres: ml }).totalFen;

describe('water: every started step is charged, priced per litre, rounded half-up once', () => {
  it('charges 1234 ml as 1300 ml: 1.3 L × 0.25 = 32.5 → 33 fen', () => {
    const q = quote(waterPlan, { volumeMillilitres: 1234 });
    expect(q.lines).toEqual([{ kind: 'volume', label: '水费', amountFen: 33, detail: '用水1.234升，按1.3升计 × 0.25元/升' }]);
    expect(q.totalFen).toBe(33);
  });

  it('charges whole steps exactly and rounds 2.5 fen up', () => {
    expect(total(1200)).toBe(30);
    expect(total(1)).toBe(3); // 100 ml → 2.5 → 3
    expect(total(100)).toBe(3);
    expect(total(101)).toBe(5); // 200 ml
    expect(total(0)).toBe(0);
  });

  it('leaves out the water line when no volume is reported', () => {
    expect(quote(waterPlan, {}).lines).toEqual([]);
  });
});
