import { z } from 'zod';
import type { paths } from '@/lib/api';
import { reconciliationDtoStateValues, type Schemas } from '@zizhu/api-client';
import { optionalDay, optionalPage, optionalPageSize } from '@/lib/search-params';

// /reconciliation?merchantAccountId=…&billDate=2026-12-05&state=DONE&page=2: the filters the list route takes.
// The run states are the API's, from the generated schema.

export type RunState = Schemas['ReconciliationDto']['state'];
export const RUN_STATES = reconciliationDtoStateValues;
export const PAGE_SIZES = [20, 50, 100] as const;

export const reconciliationSearchSchema = z.object({
  merchantAccountId: z.string().uuid().optional().catch(undefined),
  billDate: optionalDay,
  state: z.enum(RUN_STATES as [RunState, ...RunState[]]).optional().catch(undefined),
  page: optionalPage,
  pageSize: optionalPageSize(PAGE_SIZES),
});

export type ReconciliationSearch = z.infer<typeof reconciliationSearchSchema>;
export type ReconciliationsApiQuery = NonNullable<paths['/v1/reconciliations']['get']['parameters']['query']>;

/** One page of runs as the API takes it (no undefined keys: stable query keys). */
export function reconciliationsApiQuery(search: ReconciliationSearch): ReconciliationsApiQuery {
  const pageSize = search.pageSize ?? PAGE_SIZES[0];
  return {
    ...(search.merchantAccountId ? { merchantAccountId: search.merchantAccountId } : {}),
    ...(search.billDate ? { billDate: search.billDate } : {}),
    ...(search.state ? { state: search.state } : {}),
    limit: pageSize,
    offset: ((search.page ?? 1) - 1) * pageSize,
  };
}

/** The run detail's filters: a difference kind, a bill, open or resolved. */
export const reconciliationDetailSearchSchema = z.object({
  kind: z.string().regex(/^[A-Z_]+$/).optional().catch(undefined),
  bill: z.string().regex(/^[A-Z_]+$/).optional().catch(undefined),
  open: z.boolean().optional().catch(undefined),
});
export type ReconciliationDetailSearch = z.infer<typeof reconciliationDetailSearchSchema>;
