import { describe, expect, it } from '@jest/globals';
import { PricingError, quote, tryQuote } from './index.js';
import { fridgePlan } from './fixtures.js';

describe('items: catalog price × count', () => {
  it('gives one line per SKU', () => {
    const q = quote(fridgePlan, { items: [{ sku: 'cola-330', count: 2 }, { sku: 'chips-70', count: 1 }] });
    expect(q.lines).toEqual([
      { kind: 'item', label: '可乐 330ml', amountFen: 700, detail: '3.50元 × 2件' },
      { kind: 'item', label: '薯片 70g', amountFen: 600, detail: '6元 × 1件' },
    ]);
    expect(q.totalFen).toBe(1300);
    expect(q.explanation).toBe('商品按标价计费');
  });

  it('merges repeated SKUs and skips zero counts', () => {
    const q = quote(fridgePlan, { items: [{ sku: 'cola-330', count: 1 }, { sku: 'chips-70', count: 0 }, { sku: 'cola-330', count: 2 }] });
    expect(q.lines).toEqual([{ kind: 'item', label: '可乐 330ml', amountFen: 1050, detail: '3.50元 × 3件' }]);
  });

  it('rejects an unknown SKU with a clear error naming the field', () => {
    const usage = { items: [{ sku: 'cola-330', count: 1 }, { sku: 'beer-500', count: 1 }] };
    expect(() => quote(fridgePlan, usage)).toThrow(PricingError);
    const r = tryQuote(fridgePlan, usage);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('PRICING_UNKNOWN_SKU');
    expect(r.error.message).toBe('usage.items[1].sku: unknown SKU "beer-500": it is not in the plan catalog');
    expect(r.error.problems).toEqual([
      { code: 'PRICING_UNKNOWN_SKU', path: 'items[1].sku', message: 'unknown SKU "beer-500": it is not in the plan catalog' },
    ]);
  });

  it('rejects items against a plan that sells none', () => {
    const r = tryQuote({ volume: { fenPerLitre: 25, stepMillilitres: 100 } }, { items: [{ sku: 'cola-330', count: 1 }] });
    expect(r.ok ? null : r.error.code).toBe('PRICING_UNKNOWN_SKU');
  });
});
