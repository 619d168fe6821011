import { useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zizhu/api-client';
import { $api, client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import { settlementKeys } from './keys';

export type Adjustment = Schemas['AdjustmentDto'];
export type NewAdjustment = Schemas['CreateAdjustmentDto'];

/** `GET /v1/organizations/{id}/adjustments`: a franchisee's (customer's) manual adjustments (the newest 50) with the statement each landed on. */
export const adjustmentsQuery = (organizationId: string) => $api.queryOptions('get', '/v1/organizations/{id}/adjustments', { params: { path: { id: organizationId } } });

/** `POST /v1/organizations/{id}/adjustments` under the dialog's Idempotency-Key: an ADJUSTMENT line on the open statement holding its date. */
export async function createAdjustment(organizationId: string, body: NewAdjustment, key: string) {
  return unwrap(await client.POST('/v1/organizations/{id}/adjustments', { params: { path: { id: organizationId }, header: { 'Idempotency-Key': key } }, body }));
}

/** After an adjustment: that organisation's adjustments, the statement it landed on (any statement read) and the statement lists. */
export function useAdjustmentBooked(): (organizationId: string) => Promise<void> {
  const queryClient = useQueryClient();
  return async (organizationId) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: settlementKeys.adjustments(organizationId) }),
      queryClient.invalidateQueries({ queryKey: settlementKeys.statements() }),
      queryClient.invalidateQueries({ queryKey: settlementKeys.statementLists() }),
    ]);
  };
}
