import { z } from 'zod';
import { pathsV1MaintenanceTicketsGetParametersQueryStateValues } from '@zizhu/api-client';
import type { paths } from '@/lib/api';
import { optionalPage, optionalPageSize } from '@/lib/search-params';

// the states the API takes, from the generated schema (never copied by hand)
export const STATES = pathsV1MaintenanceTicketsGetParametersQueryStateValues;
export const PAGE_SIZES = [20, 50, 100] as const;
const uuid = z.string().uuid().optional().catch(undefined);

/** /maintenance?state=OPEN&assigneeId=…&deviceId=…&page=2: anything unreadable falls back. */
export const ticketsSearchSchema = z.object({
  state: z.enum(STATES as [(typeof STATES)[number], ...(typeof STATES)[number][]]).optional().catch(undefined),
  assigneeId: uuid,
  deviceId: uuid,
  page: optionalPage,
  pageSize: optionalPageSize(PAGE_SIZES),
});

export type TicketsSearch = z.infer<typeof ticketsSearchSchema>;
type TicketsApiQuery = NonNullable<paths['/v1/maintenance/tickets']['get']['parameters']['query']>;

export function ticketsApiQuery(search: TicketsSearch): TicketsApiQuery {
  const pageSize = search.pageSize ?? PAGE_SIZES[0];
  return {
    ...(search.state ? { state: search.state } : {}),
    ...(search.assigneeId ? { assigneeId: search.assigneeId } : {}),
    ...(search.deviceId ? { deviceId: search.deviceId } : {}),
    limit: pageSize,
    offset: ((search.page ?? 1) - 1) * pageSize,
  };
}
