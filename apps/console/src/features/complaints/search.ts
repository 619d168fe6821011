import { z } from 'zod';
import { optionalPage, optionalPageSize } from '@/lib/search-params';
import type { ComplaintsApiQuery } from './types';

export const STATES = ['PENDING', 'PROCESSING', 'PROCESSED'] as const;
export const PAGE_SIZES = [20, 50, 100] as const;

/** /complaints?state=PENDING&merchantAccountId=…&page=2: anything unreadable falls back to "no filter". */
export const complaintsSearchSchema = z.object({
  state: z.enum(STATES).optional().catch(undefined),
  merchantAccountId: z.uuid().optional().catch(undefined),
  page: optionalPage,
  pageSize: optionalPageSize(PAGE_SIZES),
});

export type ComplaintsSearch = z.infer<typeof complaintsSearchSchema>;

export function complaintsApiQuery(search: ComplaintsSearch): ComplaintsApiQuery {
  const pageSize = search.pageSize ?? PAGE_SIZES[0];
  return {
    ...(search.state ? { state: search.state } : {}),
    ...(search.merchantAccountId ? { merchantAccountId: search.merchantAccountId } : {}),
    limit: pageSize,
    offset: ((search.page ?? 1) - 1) * pageSize,
  };
}
