import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { paths, Schemas } from '@zizhu/api-client';
import { $api } from '@/lib/api';

export type PlanType = Schemas['PlanSummaryDto']['type'];
export type DeviceType = Schemas['PlanDeviceDto']['type'];
export const PLAN_TYPES = ['RENTAL', 'ITEMS', 'ENERGY', 'VOLUME', 'MIXED'] as const satisfies readonly PlanType[];
export const DEVICE_TYPES = ['POWERBANK_CABINET', 'FRIDGE', 'EV_CHARGER', 'WATER_VALVE'] as const satisfies readonly DeviceType[];
export const PAGE_SIZES = [20, 50, 100] as const;

/** The list's state in the URL (`/plans?type=RENTAL&page=2`): anything malformed falls back to its default. */
export const plansSearchSchema = z.object({
  page: z.number().int().min(1).catch(1).default(1),
  pageSize: z
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(20)
    .default(20),
  type: z.enum(PLAN_TYPES).optional().catch(undefined),
  deviceType: z.enum(DEVICE_TYPES).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});
export type PlansSearch = z.output<typeof plansSearchSchema>;
export type PlansFilters = Pick<PlansSearch, 'type' | 'deviceType' | 'q'>;

export type PlanListQuery = NonNullable<paths['/v1/plans']['get']['parameters']['query']>;

/** The URL's search → the API's query (offset paging). */
export function planListQuery(search: PlansSearch): PlanListQuery {
  return {
    limit: search.pageSize,
    offset: (search.page - 1) * search.pageSize,
    ...(search.type ? { type: search.type } : {}),
    ...(search.deviceType ? { deviceType: search.deviceType } : {}),
    ...(search.q ? { q: search.q } : {}),
  };
}

/** GET /v1/plans for one page of the list. */
export const plansQuery = (search: PlansSearch) => $api.queryOptions('get', '/v1/plans', { params: { query: planListQuery(search) } });

export function usePlans(search: PlansSearch) {
  return useQuery({ ...plansQuery(search), placeholderData: keepPreviousData });
}
