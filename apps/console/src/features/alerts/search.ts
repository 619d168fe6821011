import { z } from 'zod';
import { alertDtoKindValues, alertDtoStateValues } from '@zizhu/api-client';
import type { paths } from '@/lib/api';
import { optionalPage, optionalPageSize } from '@/lib/search-params';

export const TABS = ['inbox', 'rules', 'webhook'] as const;
// the states and kinds the API takes, from the generated schema (never copied by hand)
export const STATES = alertDtoStateValues;
export const KINDS = alertDtoKindValues;
export const PAGE_SIZES = [20, 50, 100] as const;

/** /alerts?tab=inbox&state=OPEN&kind=DEVICE_OFFLINE&unread=true&page=2: anything unreadable falls back. */
export const alertsSearchSchema = z.object({
  tab: z.enum(TABS).optional().catch(undefined),
  state: z.enum(STATES as [(typeof STATES)[number], ...(typeof STATES)[number][]]).optional().catch(undefined),
  kind: z.enum(KINDS as [(typeof KINDS)[number], ...(typeof KINDS)[number][]]).optional().catch(undefined),
  unread: z.boolean().optional().catch(undefined),
  page: optionalPage,
  pageSize: optionalPageSize(PAGE_SIZES),
});

export type AlertsSearch = z.infer<typeof alertsSearchSchema>;
type AlertsApiQuery = NonNullable<paths['/v1/alerts']['get']['parameters']['query']>;

export function alertsApiQuery(search: AlertsSearch): AlertsApiQuery {
  const pageSize = search.pageSize ?? PAGE_SIZES[0];
  return {
    ...(search.state ? { state: search.state } : {}),
    ...(search.kind ? { kind: search.kind } : {}),
    ...(search.unread ? { unread: true } : {}),
    limit: pageSize,
    offset: ((search.page ?? 1) - 1) * pageSize,
  };
}
