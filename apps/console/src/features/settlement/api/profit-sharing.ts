import { useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zizhu/api-client';
import { $api, client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import type { SplitsApiQuery } from '../search';
import { settlementKeys } from './keys';

export type Split = Schemas['ProfitSharingOrderDto'];
export type SplitState = Split['state'];

/** `GET /v1/profit-sharing-orders`: a brand's franchisees' splits (分账), a franchisee its own; newest first. */
export const splitsQuery = (query: SplitsApiQuery) => $api.queryOptions('get', '/v1/profit-sharing-orders', { params: { query } }, { placeholderData: (previous) => previous });

/** `POST /v1/profit-sharing-orders/{id}/retry` under the dialog's Idempotency-Key: a FAILED split tried again (new out_order_no). */
export async function retrySplit(id: string, key: string) {
  return unwrap(await client.POST('/v1/profit-sharing-orders/{id}/retry', { params: { path: { id }, header: { 'Idempotency-Key': key } } }));
}

/** After a retry: the split lists. */
export function useSplitsChanged(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: settlementKeys.splitLists() });
}
