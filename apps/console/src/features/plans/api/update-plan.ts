import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zizhu/api-client';
import { client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import { planKeys, repricedReads } from './keys';

/**
 * PUT /v1/plans/{id}: publishes the next version; with `expectedVersion` a version published meanwhile refuses it (409).
 * Invalidates the plan, the plan list and the device reads that show the plan's version (the devices it repriced).
 */
export function useUpdatePlan(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['UpdatePlanDto']) => unwrap(await client.PUT('/v1/plans/{id}', { params: { path: { id } }, body })),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: planKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: planKeys.lists() }),
        ...repricedReads().map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ]),
  });
}
