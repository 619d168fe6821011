import { $api } from '@/lib/api';

// The settlement figures the overview's card shows (the settlement feature has the screens; this is a glance).

/** `GET /v1/earnings` for one organisation (with those under it) over Asia/Shanghai days, inclusive. */
export const settlementEarningsQuery = (organizationId: string, from: string, to: string) =>
  $api.queryOptions('get', '/v1/earnings', { params: { query: { organizationId, from, to } } }, { staleTime: 30_000 });

/** `GET /v1/statements` in one status (or overlapping a range): the card sums what they say is payable. */
export const settlementStatementsQuery = (query: { status?: 'OPEN' | 'CLOSED'; from?: string; organizationId?: string }) =>
  $api.queryOptions('get', '/v1/statements', { params: { query: { ...query, limit: 200, offset: 0 } } }, { staleTime: 30_000 });
