import { describe, expect, it } from '@jest/globals';
import { payscoreCreateLines, payscoreLines, quote } from './index.js';
import type { PricingPlan } from './index.js';
import { evPlan, fridgePlan, powerBankPlan, shanghai, waterPlan } from './fixtures.js';

const rental = (end: string) => quote(powerBankPlan, { startedAt: '2026-11-27T10:00:00+08:00', endedAt: end });

describe('payscoreLines: Pay Score completion items per industry template', () => {
  const RATE = '3元/小时，前5分钟免费，每日封顶30元，总封顶99元';

  it('power bank: exactly 收费标准 (the plan’s rate) + 使用时长, no amount or count anywhere; the total is total_amount alone', () => {
    expect(payscoreLines(rental('2026-11-27T11:38:20+08:00'), 'POWERBANK_RENTAL', powerBankPlan)).toEqual({
      post_payments: [
        { name: '收费标准', description: RATE },
        { name: '使用时长', description: '1小时38分20秒' },
      ],
      post_discounts: [],
      total_amount: 600,
    });
  });

  it('power bank bought out: still no amounts and no discount item (the cap is in the rate), total = the capped quote', () => {
    expect(payscoreLines(rental('2026-12-02T10:00:00+08:00'), 'POWERBANK_RENTAL', powerBankPlan)).toEqual({
      post_payments: [
        { name: '收费标准', description: RATE },
        { name: '使用时长', description: '5天' },
      ],
      post_discounts: [],
      total_amount: 9900,
    });
  });

  it('create: the rate item alone for the templates that show one (power bank, charger, water), nothing for vending', () => {
    expect(payscoreCreateLines(powerBankPlan, 'POWERBANK_RENTAL')).toEqual([{ name: '收费标准', description: RATE }]);
    expect(payscoreCreateLines(evPlan, 'EV_CHARGING')).toEqual([{ name: '计费规则', description: '电费0.35–0.95元/度，服务费0.40–0.60元/度' }]);
    expect(payscoreCreateLines(waterPlan, 'WATER')).toEqual([{ name: '收费标准', description: '水费0.25元/升，每100毫升起计' }]);
    expect(payscoreCreateLines(fridgePlan, 'VENDING')).toEqual([]);
  });

  it('the rate keeps the leading clauses that fit in 30 characters', () => {
    const long: PricingPlan = { ...powerBankPlan, rental: { ...powerBankPlan.rental!, freeMode: 'deduct' }, minimumFen: 100 };
    const [rate] = payscoreCreateLines(long, 'POWERBANK_RENTAL');
    expect(rate).toEqual({ name: '收费标准', description: '3元/小时，前5分钟免费（不计入计费时长），每日封顶30元' });
    expect(Array.from(rate!.description!).length).toBeLessThanOrEqual(30);
  });

  it('vending: one 商品信息 per product with amount, name and count', () => {
    const q = quote(fridgePlan, { items: [{ sku: 'cola-330', count: 2 }, { sku: 'chips-70', count: 1 }] });
    expect(payscoreLines(q, 'VENDING')).toEqual({
      post_payments: [
        { name: '商品信息', amount: 700, description: '可乐 330ml', count: 2 },
        { name: '商品信息', amount: 600, description: '薯片 70g', count: 1 },
      ],
      post_discounts: [],
      total_amount: 1300,
    });
  });

  it('vending: splits a count above 100 and keeps the sum', () => {
    const q = quote(fridgePlan, { items: [{ sku: 'cola-330', count: 150 }] });
    expect(payscoreLines(q, 'VENDING').post_payments).toEqual([
      { name: '商品信息', amount: 35000, description: '可乐 330ml', count: 100 },
      { name: '商品信息', amount: 17500, description: '可乐 330ml', count: 50 },
    ]);
  });

  it('vending: merges beyond 100 products into one last item', () => {
    const catalog = Array.from({ length: 120 }, (_, i) => ({ sku: `s${i}`, name: `商品${i}`, priceFen: 100 + i }));
    const p: PricingPlan = { items: { catalog } };
    const q = quote(p, { items: catalog.map((c) => ({ sku: c.sku, count: 1 })) });
    const lines = payscoreLines(q, 'VENDING');
    expect(lines.post_payments).toHaveLength(100);
    expect(lines.post_payments.at(-1)).toEqual({ name: '商品信息', amount: Array.from({ length: 21 }, (_, i) => 199 + i).reduce((a, b) => a + b), description: '其他商品共21件', count: 21 });
    expect(lines.post_payments.reduce((s, x) => s + (x.amount ?? 0), 0)).toBe(q.totalFen);
  });

  it('car charging: 计费规则 + 费用明细 with energy and service totals, no amount or count', () => {
    const q = quote(evPlan, { energy: [{ from: shanghai('2026-11-27', '07:00:00'), to: shanghai('2026-11-27', '09:00:00'), wattHours: 10_000 }] });
    expect(payscoreLines(q, 'EV_CHARGING', evPlan)).toEqual({
      post_payments: [
        { name: '计费规则', description: '电费0.35–0.95元/度，服务费0.40–0.60元/度' },
        { name: '费用明细', description: '电费6.50元,服务费5元' },
      ],
      post_discounts: [],
      total_amount: 1150,
    });
    // without the plan the rule is the sentence cut at 30 characters
    const rule = payscoreLines(q, 'EV_CHARGING').post_payments[0]?.description ?? '';
    expect(Array.from(rule).length).toBeLessThanOrEqual(30);
    expect(rule.startsWith('电费0.35元/度')).toBe(true);
  });

  it('water (no WeChat template; our reading): the power-bank shape, 收费标准 + 使用量, no amounts', () => {
    const q = quote(waterPlan, { volumeMillilitres: 1234 });
    expect(payscoreLines(q, 'WATER', waterPlan)).toEqual({
      post_payments: [
        { name: '收费标准', description: '水费0.25元/升，每100毫升起计' },
        { name: '使用量', description: '1.234升' },
      ],
      post_discounts: [],
      total_amount: 33,
    });
  });

  it('always has at least one payment item, even for a zero quote', () => {
    const q = quote(fridgePlan, { items: [] });
    expect(payscoreLines(q, 'VENDING').post_payments).toEqual([{ name: '商品信息', amount: 0, description: '本次未购买商品', count: 1 }]);
    expect(payscoreLines(quote(waterPlan, {}), 'WATER').post_payments).toEqual([{ name: '收费标准', description: '水费0.25元/升，每100毫升起计' }, { name: '使用量', description: '本次未用水' }]);
  });
});
