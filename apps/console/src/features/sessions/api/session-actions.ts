import { useQueryClient } from '@tanstack/react-query';
import { client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import type { Schemas } from '@zizhu/api-client';
import { sessionKeys } from './keys';

// The operator's actions on a session. Each sends the Idempotency-Key its dialog made when it opened, so a
// retry after a lost answer is replayed by the API instead of done twice.

const idem = (id: string, key: string) => ({ path: { id }, header: { 'Idempotency-Key': key } });

export async function endSession(id: string, body: Schemas['EndSessionDto'], key: string) {
  return unwrap(await client.POST('/v1/sessions/{id}/end', { params: idem(id, key), body }));
}

export async function modifySession(id: string, body: Schemas['ModifySessionDto'], key: string) {
  return unwrap(await client.POST('/v1/sessions/{id}/modify', { params: idem(id, key), body }));
}

export async function collectSession(id: string, key: string) {
  return unwrap(await client.POST('/v1/sessions/{id}/collect', { params: idem(id, key) }));
}

export async function refundSession(id: string, body: Schemas['RefundSessionDto'], key: string) {
  return unwrap(await client.POST('/v1/sessions/{id}/refunds', { params: idem(id, key), body }));
}

/** A HELD refund (issue 12) sent again under its out_refund_no, once the merchant's balance covers it. */
export async function retryHeldRefund(id: string, actionId: string, key: string) {
  return unwrap(await client.POST('/v1/sessions/{id}/refunds/{actionId}/retry', { params: { path: { id, actionId }, header: { 'Idempotency-Key': key } } }));
}

/** A HELD refund given up: FAILED, its amount free to refund again. */
export async function giveUpHeldRefund(id: string, actionId: string, key: string) {
  return unwrap(await client.POST('/v1/sessions/{id}/refunds/{actionId}/give-up', { params: { path: { id, actionId }, header: { 'Idempotency-Key': key } } }));
}

/** After an action: the session itself, every list page, and the receivables it may have left. */
export function useSessionChanged(): (id: string) => Promise<void> {
  const queryClient = useQueryClient();
  return async (id) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: sessionKeys.detail(id) }),
      queryClient.invalidateQueries({ queryKey: sessionKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: sessionKeys.receivables() }),
    ]);
  };
}
