import { useQueryClient } from '@tanstack/react-query';
import { client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import { reconciliationKeys } from './keys';

/** `POST /v1/reconciliations`: a new run (201, RUNNING) or the day's existing one (200). */
export async function runReconciliation(body: { merchantAccountId: string; billDate: string }) {
  return unwrap(await client.POST('/v1/reconciliations', { body }));
}

/** `POST /v1/reconciliations/{id}/differences/{differenceId}/resolve` with the operator's note. */
export async function resolveDifference(id: string, differenceId: string, note: string) {
  return unwrap(await client.POST('/v1/reconciliations/{id}/differences/{differenceId}/resolve', { params: { path: { id, differenceId } }, body: { note } }));
}

/** After a run or a resolution: the lists (their open counts) and the run. */
export function useReconciliationChanged(): (id: string) => Promise<void> {
  const queryClient = useQueryClient();
  return async (id) => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: reconciliationKeys.lists() }), queryClient.invalidateQueries({ queryKey: reconciliationKeys.detail(id) })]);
  };
}
