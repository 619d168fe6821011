import type { Me } from '@/lib/access';

/**
 * Which settlement screens a login gets: a franchise brand (or the platform) manages agreements and statements
 * of its franchisees; a hardware reseller its customers' fee statements; a franchisee sees its earnings; a
 * reseller's customer what it owes. A self-run operator has nobody to settle with.
 */
export type SettlementRole = 'BRAND' | 'RESELLER' | 'FRANCHISEE' | 'CUSTOMER' | 'NONE';

export function settlementRoleOf(me: Pick<Me, 'organizationKind' | 'operatingModel'> | undefined): SettlementRole {
  if (!me) return 'NONE';
  if (me.organizationKind === 'PLATFORM') return 'BRAND';
  if (me.organizationKind === 'FRANCHISEE') return 'FRANCHISEE';
  if (me.organizationKind === 'CUSTOMER') return 'CUSTOMER';
  if (me.operatingModel === 'FRANCHISE') return 'BRAND';
  if (me.operatingModel === 'HARDWARE_SALE') return 'RESELLER';
  return 'NONE';
}

/** The kind of organisation a brand or reseller settles with. */
export function counterpartyKindOf(role: SettlementRole): 'FRANCHISEE' | 'CUSTOMER' | null {
  return role === 'BRAND' ? 'FRANCHISEE' : role === 'RESELLER' ? 'CUSTOMER' : null;
}
