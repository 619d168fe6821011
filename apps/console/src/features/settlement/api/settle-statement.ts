import { useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zizhu/api-client';
import { client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import { settlementKeys } from './keys';

export type SettlementMethod = Schemas['SettleStatementDto']['method'];

/** `POST /v1/statements/{id}/settle` under the dialog's Idempotency-Key: records how a CLOSED statement no payout settles was settled. */
export async function settleStatement(id: string, body: Schemas['SettleStatementDto'], key: string) {
  return unwrap(await client.POST('/v1/statements/{id}/settle', { params: { path: { id }, header: { 'Idempotency-Key': key } }, body }));
}

/** After a settlement: that statement and the statement lists (its status and the totals per status). */
export function useStatementSettled(): (id: string) => Promise<void> {
  const queryClient = useQueryClient();
  return async (id) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: settlementKeys.statement(id) }),
      queryClient.invalidateQueries({ queryKey: settlementKeys.statementLists() }),
    ]);
  };
}
