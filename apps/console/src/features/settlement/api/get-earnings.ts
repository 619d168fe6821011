import { $api } from '@/lib/api';
import type { Schemas } from '@zizhu/api-client';

export type Earnings = Schemas['EarningsDto'];

/** `GET /v1/earnings` (contracts.md §8): one organisation (with those under it), Asia/Shanghai days inclusive. */
export const earningsQuery = (organizationId: string, from: string, to: string) =>
  $api.queryOptions('get', '/v1/earnings', { params: { query: { organizationId, from, to } } }, { staleTime: 30_000 });
