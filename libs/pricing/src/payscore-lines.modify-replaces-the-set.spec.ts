import { describe, expect, it } from '@jest/globals';
import { payscoreLines, PricingError, quote } from './index.js';
import type { PayscoreLines, PricingPlan } from './index.js';
import { evPlan, powerBankPlan, shanghai, waterPlan } from './fixtures.js';

// WeChat's modify replaces the whole post_payments / post_discounts set, and discount names are unique per order: every
// modify recomputes the set from the quote, so a second (third…) modify is as valid as the first (issue 10 item 11).

const fridge: PricingPlan = { items: { catalog: [{ sku: 'sandwich-ham', name: '火腿三明治', priceFen: 1200 }] } };
const sum = (l: PayscoreLines) =>
  l.post_payments.reduce((s, p) => s + (p.amount ?? 0), 0) - l.post_discounts.reduce((s, d) => s + d.amount, 0);

describe('payscoreLines for a modify (1,200 → 900 → 800)', () => {
  it('vending: one 商户减免 discount carrying quote − new total, replaced (not appended) on the second modify', () => {
    const q = quote(fridge, { items: [{ sku: 'sandwich-ham', count: 1 }] });
    const first = payscoreLines(q, 'VENDING', fridge, { totalFen: 900, reason: '临期商品折扣' });
    const second = payscoreLines(q, 'VENDING', fridge, { totalFen: 800, reason: '再减一元' });
    expect(first.post_discounts).toEqual([{ name: '商户减免', description: '临期商品折扣', amount: 300 }]);
    expect(second).toEqual({
      post_payments: [{ name: '商品信息', amount: 1200, description: '火腿三明治', count: 1 }],
      post_discounts: [{ name: '商户减免', description: '再减一元', amount: 400 }],
      total_amount: 800,
    });
    for (const l of [first, second]) {
      expect(sum(l)).toBe(l.total_amount);
      expect(new Set(l.post_discounts.map((d) => d.name)).size).toBe(l.post_discounts.length);
    }
  });

  it('vending with a total-cap cut keeps 封顶优惠 and adds one 商户减免', () => {
    const capped: PricingPlan = { ...fridge, totalCapFen: 1000 };
    const q = quote(capped, { items: [{ sku: 'sandwich-ham', count: 1 }] });
    const l = payscoreLines(q, 'VENDING', capped, { totalFen: 800 });
    expect(l.post_discounts.map((d) => [d.name, d.amount])).toEqual([
      ['封顶优惠', 200],
      ['商户减免', 200],
    ]);
    expect(sum(l)).toBe(800);
  });

  it('the templates without amounts send the template lines and the new total_amount, no discount item', () => {
    const pb = quote(powerBankPlan, { startedAt: '2026-11-27T10:00:00+08:00', endedAt: '2026-11-27T13:30:00+08:00' });
    expect(pb.totalFen).toBe(1200);
    for (const total of [900, 800]) {
      const l = payscoreLines(pb, 'POWERBANK_RENTAL', powerBankPlan, { totalFen: total, reason: '投诉补偿' });
      expect(l).toEqual({ post_payments: payscoreLines(pb, 'POWERBANK_RENTAL', powerBankPlan).post_payments, post_discounts: [], total_amount: total });
      expect(l.post_payments.every((p) => p.amount === undefined && p.count === undefined)).toBe(true);
    }
    const water = quote(waterPlan, { volumeMillilitres: 48_000 });
    expect(payscoreLines(water, 'WATER', waterPlan, { totalFen: 800 })).toMatchObject({ post_discounts: [], total_amount: 800 });
    const ev = quote(evPlan, { energy: [{ from: shanghai('2026-11-27', '07:00:00'), to: shanghai('2026-11-27', '09:00:00'), wattHours: 10_000 }] });
    const lowered = payscoreLines(ev, 'EV_CHARGING', evPlan, { totalFen: 800 });
    expect(lowered).toMatchObject({ post_discounts: [], total_amount: 800 });
    expect(lowered.post_payments[1]).toEqual({ name: '费用明细', description: '电费6.50元,服务费5元,减免3.50元' });
  });

  it('refuses a total above the quote (modify only lowers) or a non-integer one', () => {
    const q = quote(fridge, { items: [{ sku: 'sandwich-ham', count: 1 }] });
    expect(() => payscoreLines(q, 'VENDING', fridge, { totalFen: 1201 })).toThrow(PricingError);
    expect(() => payscoreLines(q, 'VENDING', fridge, { totalFen: 899.5 })).toThrow(PricingError);
  });
});
