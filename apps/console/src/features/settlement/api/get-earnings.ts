import { $api } from '@/lib/api';
import type { Schemas } from '@zizhu/api-client';

export type Earnings = Schemas['EarningsDto'];
export type OrganizationEarnings = Schemas['OrganizationEarningsDto'];

/** `GET /v1/earnings` (contracts.md §8): one organisation (with those under it), Asia/Shanghai days inclusive. */
export const earningsQuery = (organizationId: string, from: string, to: string) =>
  $api.queryOptions('get', '/v1/earnings', { params: { query: { organizationId, from, to } } }, { staleTime: 30_000 });

/** `GET /v1/earnings/by-organization`: the same figures per direct child (each franchisee) and the brand itself, in one query. */
export const earningsByOrganizationQuery = (organizationId: string, from: string, to: string) =>
  $api.queryOptions('get', '/v1/earnings/by-organization', { params: { query: { organizationId, from, to } } }, { staleTime: 30_000 });
