import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zizhu/api-client';
import { $api } from '@/lib/api';

export type PlanDetail = Schemas['PlanDetailDto'];

/** GET /v1/plans/{id}: the current plan, every version with its author, the devices using it. */
export const planQuery = (id: string) => $api.queryOptions('get', '/v1/plans/{id}', { params: { path: { id } } });

export function usePlan(id: string) {
  return useQuery(planQuery(id));
}
