import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zizhu/api-client';
import { client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import { planKeys } from './keys';

/** POST /v1/plans: a named plan at version 1. */
export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['CreatePlanDto']) => unwrap(await client.POST('/v1/plans', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.lists() }),
  });
}
