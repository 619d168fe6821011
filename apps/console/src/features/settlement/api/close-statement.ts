import { useQueryClient } from '@tanstack/react-query';
import { client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import { settlementKeys } from './keys';

/** `POST /v1/statements/{id}/close` under the dialog's Idempotency-Key: fixes the statement's lines and totals (closing a closed one answers it again). */
export async function closeStatement(id: string, key: string) {
  return unwrap(await client.POST('/v1/statements/{id}/close', { params: { path: { id }, header: { 'Idempotency-Key': key } } }));
}

/** After a close: that statement, the statement lists and the earnings cards. */
export function useStatementClosed(): (id: string) => Promise<void> {
  const queryClient = useQueryClient();
  return async (id) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: settlementKeys.statement(id) }),
      queryClient.invalidateQueries({ queryKey: settlementKeys.statementLists() }),
    ]);
  };
}
