import { useQueryClient } from '@tanstack/react-query';
import { client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import { receivablesKeys } from './keys';

/** Ask WeChat to try the debit again now (催收), under the dialog's Idempotency-Key. */
export async function collectReceivable(sessionId: string, key: string) {
  return unwrap(await client.POST('/v1/sessions/{id}/collect', { params: { path: { id: sessionId }, header: { 'Idempotency-Key': key } } }));
}

/** After a collection: the receivables, the session and the session lists. */
export function useReceivableChanged(): (sessionId: string) => Promise<void> {
  const queryClient = useQueryClient();
  return async (sessionId) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: receivablesKeys.all() }),
      queryClient.invalidateQueries({ queryKey: receivablesKeys.session(sessionId) }),
      queryClient.invalidateQueries({ queryKey: receivablesKeys.sessionLists() }),
    ]);
  };
}
