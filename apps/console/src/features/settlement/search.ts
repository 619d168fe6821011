import { z } from 'zod';
import { profitSharingOrderDtoStateValues } from '@zizhu/api-client';
import type { paths } from '@/lib/api';
import { optionalDay, optionalPage, optionalPageSize } from '@/lib/search-params';

// /settlement's state is its URL: the tab, the counterparty, the period range, the status, the page and the
// statement open in the drawer; anything unreadable falls back to "no filter".

export const TABS = ['statements', 'agreements', 'earnings', 'payouts', 'splits'] as const;
export type Tab = (typeof TABS)[number];
export const STATEMENT_STATUSES = ['OPEN', 'CLOSED', 'SETTLED'] as const;
export const PAGE_SIZES = [20, 50, 100] as const;
export const PAYOUT_STATES = ['REQUESTED', 'PROCESSING', 'SUCCEEDED', 'FAILED'] as const;
type SplitState = (typeof profitSharingOrderDtoStateValues)[number];
/** The splits' states, from the generated schema. */
export const SPLIT_STATES = profitSharingOrderDtoStateValues as [SplitState, ...SplitState[]];

const uuid = z.string().uuid().optional().catch(undefined);

export const settlementSearchSchema = z.object({
  tab: z.enum(TABS).optional().catch(undefined),
  /** A franchisee or customer: filters statements and earnings, opens its agreements. */
  organizationId: uuid,
  status: z.enum(STATEMENT_STATUSES).optional().catch(undefined),
  /** The payouts tab's state filter. */
  payoutState: z.enum(PAYOUT_STATES).optional().catch(undefined),
  /** The splits tab's state filter. */
  splitState: z.enum(SPLIT_STATES).optional().catch(undefined),
  from: optionalDay,
  to: optionalDay,
  /** The statement shown in the drawer. */
  statementId: uuid,
  page: optionalPage,
  pageSize: optionalPageSize(PAGE_SIZES),
});

export type SettlementSearch = z.infer<typeof settlementSearchSchema>;
export type StatementsApiQuery = NonNullable<paths['/v1/statements']['get']['parameters']['query']>;

/** One page of statements as the API takes it (no undefined keys: stable query keys). */
export function statementsApiQuery(search: SettlementSearch): StatementsApiQuery {
  const pageSize = search.pageSize ?? PAGE_SIZES[0];
  return {
    ...(search.organizationId ? { organizationId: search.organizationId } : {}),
    ...(search.status ? { status: search.status } : {}),
    ...(search.from ? { from: search.from } : {}),
    ...(search.to ? { to: search.to } : {}),
    limit: pageSize,
    offset: ((search.page ?? 1) - 1) * pageSize,
  };
}

export type PayoutsApiQuery = NonNullable<paths['/v1/payouts']['get']['parameters']['query']>;

/** One page of payouts as the API takes it. */
export function payoutsApiQuery(search: SettlementSearch): PayoutsApiQuery {
  const pageSize = search.pageSize ?? PAGE_SIZES[0];
  return {
    ...(search.organizationId ? { organizationId: search.organizationId } : {}),
    ...(search.payoutState ? { state: search.payoutState } : {}),
    limit: pageSize,
    offset: ((search.page ?? 1) - 1) * pageSize,
  };
}

export type SplitsApiQuery = NonNullable<paths['/v1/profit-sharing-orders']['get']['parameters']['query']>;

/** One page of profit-sharing splits as the API takes it. */
export function splitsApiQuery(search: SettlementSearch): SplitsApiQuery {
  const pageSize = search.pageSize ?? PAGE_SIZES[0];
  return {
    ...(search.organizationId ? { organizationId: search.organizationId } : {}),
    ...(search.splitState ? { state: search.splitState } : {}),
    limit: pageSize,
    offset: ((search.page ?? 1) - 1) * pageSize,
  };
}
