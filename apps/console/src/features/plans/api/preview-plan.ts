import { useMutation } from '@tanstack/react-query';
import type { Schemas } from '@zizhu/api-client';
import { client } from '@/lib/api';
import { unwrap } from '@/lib/problem';

export type PlanRepricing = Schemas['PlanRepricingDto'];

/** POST /v1/plans/{id}/preview: the devices a new version would reprice; stores nothing, invalidates nothing. */
export function usePreviewPlan(id: string) {
  return useMutation({
    mutationFn: async (plan: Record<string, unknown>) => unwrap(await client.POST('/v1/plans/{id}/preview', { params: { path: { id } }, body: { plan } })),
  });
}
