import { $api } from '@/lib/api';
import type { LookupKind } from '../search';

/**
 * One lookup. A search by a user's identifier writes an audit row each time it reaches the API, so it is read once
 * per search: never again on focus, on remount or by a retry.
 */
export function lookupQuery(kind: LookupKind, q: string, at: string | undefined) {
  return $api.queryOptions(
    'get',
    '/v1/support/lookup',
    { params: { query: { kind, q, ...(at ? { at } : {}) } } },
    { staleTime: Number.POSITIVE_INFINITY, refetchOnWindowFocus: false, refetchOnMount: false, retry: false },
  );
}
