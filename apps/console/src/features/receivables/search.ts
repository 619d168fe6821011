import { z } from 'zod';
import type { paths } from '@/lib/api';
import { optionalPage, optionalPageSize } from '@/lib/search-params';

export const BUCKETS = ['0-1d', '1-3d', '3-7d', '7-30d', '>30d'] as const;
export const PAGE_SIZES = [20, 50, 100] as const;

/** /receivables?bucket=3-7d&page=2: the age picked and the page; anything unreadable falls back. */
export const receivablesSearchSchema = z.object({
  bucket: z.enum(BUCKETS).optional().catch(undefined),
  page: optionalPage,
  pageSize: optionalPageSize(PAGE_SIZES),
});

export type ReceivablesSearch = z.infer<typeof receivablesSearchSchema>;
type ReceivablesApiQuery = NonNullable<paths['/v1/receivables']['get']['parameters']['query']>;

export function receivablesApiQuery(search: ReceivablesSearch): ReceivablesApiQuery {
  const pageSize = search.pageSize ?? PAGE_SIZES[0];
  return { ...(search.bucket ? { bucket: search.bucket } : {}), limit: pageSize, offset: ((search.page ?? 1) - 1) * pageSize };
}
