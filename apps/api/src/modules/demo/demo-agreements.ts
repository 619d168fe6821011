import type { EntityManager } from 'typeorm';
import { shanghaiDate } from '../settlement/settlement-math.js';
import { DEMO_ORGS } from './demo-data.js';

/**
 * The demo's agreements (issue 12), so the settlement screens have figures: the fridge brand with its two
 * franchisees (monthly with a fixed fee per fridge; weekly), the hardware reseller with its two customers (a
 * platform fee per active device, one with a fixed monthly fee). In force from the first day of the month the
 * demo was seeded in (Asia/Shanghai); the statements job opens their statements.
 */
export const DEMO_AGREEMENTS = [
  { id: '00000000-0000-4000-8000-000000000521', org: 'fridgeF1', kind: 'FRANCHISE', period: 'MONTHLY', commissionBasisPoints: 2000, fixedFeePerDeviceMonthFen: 3000, minimumMonthFen: 5000 },
  { id: '00000000-0000-4000-8000-000000000522', org: 'fridgeF2', kind: 'FRANCHISE', period: 'WEEKLY', commissionBasisPoints: 1500 },
  { id: '00000000-0000-4000-8000-000000000531', org: 'vendorC1', kind: 'RESELLER', period: 'MONTHLY', platformFeePerActiveDeviceMonthFen: 1000, fixedMonthFen: 5000 },
  { id: '00000000-0000-4000-8000-000000000532', org: 'vendorC2', kind: 'RESELLER', period: 'MONTHLY', platformFeePerActiveDeviceMonthFen: 800 },
] as const satisfies readonly {
  id: string;
  org: keyof typeof DEMO_ORGS;
  kind: 'FRANCHISE' | 'RESELLER';
  period: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  commissionBasisPoints?: number;
  fixedFeePerDeviceMonthFen?: number;
  minimumMonthFen?: number;
  platformFeePerActiveDeviceMonthFen?: number;
  fixedMonthFen?: number;
}[];

export async function seedDemoAgreements(m: EntityManager, now = new Date()): Promise<number> {
  const from = `${shanghaiDate(now).slice(0, 7)}-01`;
  for (const a of DEMO_AGREEMENTS) {
    const org = DEMO_ORGS[a.org];
    const f = a as Partial<Record<'commissionBasisPoints' | 'fixedFeePerDeviceMonthFen' | 'minimumMonthFen' | 'platformFeePerActiveDeviceMonthFen' | 'fixedMonthFen', number>>;
    await m.query(
      `INSERT INTO agreements (id, tenant_id, parent_tenant_id, kind, version, effective_from, period, commission_basis_points, fixed_fee_per_device_month_fen,
         minimum_month_fen, collection, max_profit_sharing_ratio_basis_points, platform_fee_per_active_device_month_fen, fixed_month_fen, note)
       VALUES ($1, $2, $3, $4, 1, $5::date, $6, $7, $8, $9, $10, $11, $12, $13, '演示协议')`,
      [
        a.id,
        org.id,
        org.parentId,
        a.kind,
        from,
        a.period,
        f.commissionBasisPoints ?? null,
        f.fixedFeePerDeviceMonthFen ?? null,
        f.minimumMonthFen ?? null,
        a.kind === 'FRANCHISE' ? 'BRAND_COLLECTS' : null,
        a.kind === 'FRANCHISE' ? 3000 : null,
        f.platformFeePerActiveDeviceMonthFen ?? null,
        f.fixedMonthFen ?? null,
      ],
    );
  }
  return DEMO_AGREEMENTS.length;
}
