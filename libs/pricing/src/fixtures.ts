// Plans and helpers shared by the specs (not part of the public API).
import type { PricingPlan, Quote } from './types.js';

/** The plan of contracts.md §3 (rental part, caps). */
export const powerBankPlan: PricingPlan = {
  timezone: 'Asia/Shanghai',
  rental: { unitFen: 300, unitMinutes: 60, freeMinutes: 5, freeMode: 'grace', dailyCapFen: 3000, dayBoundary: 'rolling-24h' },
  minimumFen: 0,
  totalCapFen: 9900,
};

export const twoBands = [
  { from: '00:00', to: '08:00', energyFenPerKwh: 35, serviceFenPerKwh: 40 },
  { from: '08:00', to: '24:00', energyFenPerKwh: 95, serviceFenPerKwh: 60 },
];

export const evPlan: PricingPlan = { energy: { bands: twoBands } };

export const fridgePlan: PricingPlan = {
  items: {
    catalog: [
      { sku: 'cola-330', name: '可乐 330ml', priceFen: 350 },
      { sku: 'chips-70', name: '薯片 70g', priceFen: 600 },
    ],
  },
};

export const waterPlan: PricingPlan = { volume: { fenPerLitre: 25, stepMillilitres: 100 } };

/** `2026-11-27T10:00:00+08:00` plus whole minutes, as ISO with +08:00. */
export function shanghai(date: string, time: string): string {
  return `${date}T${time}+08:00`;
}

export function linesSum(q: Quote): number {
  return q.lines.reduce((s, l) => s + l.amountFen, 0);
}
