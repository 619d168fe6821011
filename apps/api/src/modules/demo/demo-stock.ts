import type { EntityManager } from 'typeorm';
import { DEMO_DEVICES, DEMO_ORGS } from './demo-data.js';

const FR2 = DEMO_DEVICES.find((d) => d.code === 'FR-0002')!;

/**
 * The demo's fridge stock (issue 16): the gym fridge FR-0002 (franchisee F2) has a planogram and a book, its yogurt
 * below par but above the low-stock share, so the restock board (`/stock`) has a fridge to show without raising an
 * alert. FR-0001 has none: sessions there keep no book until an operator sets its planogram.
 */
export async function seedDemoStock(m: EntityManager): Promise<void> {
  const tenant = DEMO_ORGS.fridgeF2.id;
  const slots = [
    { shelf: 1, slot: 1, sku: 'milk-250', par: 4 },
    { shelf: 1, slot: 2, sku: 'milk-250', par: 4 },
    { shelf: 2, slot: 1, sku: 'yogurt-200', par: 6 },
  ];
  for (const s of slots) {
    await m.query(`INSERT INTO fridge_planogram_slots (tenant_id, device_id, shelf, slot, sku, par_level) VALUES ($1, $2, $3, $4, $5, $6)`, [tenant, FR2.id, s.shelf, s.slot, s.sku, s.par]);
  }
  for (const [sku, onHand] of [['milk-250', 8], ['yogurt-200', 3]] as const) {
    await m.query(`INSERT INTO fridge_stock (tenant_id, device_id, sku, on_hand) VALUES ($1, $2, $3, $4)`, [tenant, FR2.id, sku, onHand]);
  }
}
