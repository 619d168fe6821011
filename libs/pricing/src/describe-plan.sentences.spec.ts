import { describe, expect, it } from '@jest/globals';
import { describePlan } from './index.js';
import type { PricingPlan } from './index.js';
import { evPlan, powerBankPlan, waterPlan } from './fixtures.js';

describe('describePlan', () => {
  it('writes the power-bank sentence of contracts.md', () => {
    expect(describePlan(powerBankPlan, 'zh-CN')).toBe('3元/小时，前5分钟免费，每日封顶30元，总封顶99元');
    expect(describePlan(powerBankPlan, 'en')).toBe('¥3/hour, free if used no more than 5 min, at most ¥30 per 24 h, at most ¥99 in total');
  });

  it('writes time-of-use bands with two-decimal yuan', () => {
    expect(describePlan(evPlan, 'zh-CN')).toBe('电费0.35元/度，服务费0.40元/度（00:00–08:00）；电费0.95元/度，服务费0.60元/度（08:00–24:00）');
    expect(describePlan(evPlan, 'en')).toBe(
      'electricity ¥0.35/kWh + service ¥0.40/kWh (00:00–08:00); electricity ¥0.95/kWh + service ¥0.60/kWh (08:00–24:00)',
    );
  });

  it('words other units, deduct mode, calendar caps, water and minimums', () => {
    const p: PricingPlan = {
      rental: { unitFen: 150, unitMinutes: 30, freeMinutes: 10, freeMode: 'deduct', dailyCapFen: 2000, dayBoundary: 'calendar' },
      minimumFen: 100,
    };
    expect(describePlan(p, 'zh-CN')).toBe('1.50元/30分钟，前10分钟免费（不计入计费时长），每自然日封顶20元，最低消费1元');
    expect(describePlan(p, 'en')).toBe('¥1.50 per 30 min, first 10 min free, at most ¥20 per calendar day, minimum charge ¥1');
    expect(describePlan(waterPlan)).toBe('水费0.25元/升，每100毫升起计');
    expect(describePlan({ rental: { unitFen: 1000, unitMinutes: 1440 } })).toBe('10元/天');
  });
});
