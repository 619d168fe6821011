import { useQueryClient } from '@tanstack/react-query';
import { client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import { settlementKeys } from './keys';

export type PayoutMethod = 'OFFLINE_BANK' | 'WECHAT_TRANSFER';

/** `POST /v1/payouts` under the dialog's Idempotency-Key: a bank payout recorded with its reference, or a WeChat transfer. */
export async function createPayout(input: { statementId: string; method: PayoutMethod; reference?: string; paidOn?: string }, key: string) {
  return unwrap(await client.POST('/v1/payouts', { params: { header: { 'Idempotency-Key': key } }, body: input }));
}

/** `POST /v1/payouts/{id}/retry` under the dialog's Idempotency-Key: a new transfer (new out_bill_no) of a FAILED one. */
export async function retryPayout(id: string, key: string) {
  return unwrap(await client.POST('/v1/payouts/{id}/retry', { params: { path: { id }, header: { 'Idempotency-Key': key } } }));
}

/** After a payout or a retry: the payout lists, the statement it pays and the statement lists (a bank payout settles it). */
export function usePayoutChanged(): (statementId: string) => Promise<void> {
  const queryClient = useQueryClient();
  return async (statementId) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: settlementKeys.payoutLists() }),
      queryClient.invalidateQueries({ queryKey: settlementKeys.statement(statementId) }),
      queryClient.invalidateQueries({ queryKey: settlementKeys.statementLists() }),
    ]);
  };
}
