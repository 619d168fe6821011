import { $api } from '@/lib/api';
import type { Schemas } from '@zizhu/api-client';
import type { ReconciliationsApiQuery } from '../search';

export type Run = Schemas['ReconciliationDto'];
export type RunSummary = Schemas['ReconciliationSummaryDto'];
export type Difference = Schemas['ReconciliationDifferenceDto'];
export type DifferenceKind = Difference['kind'];
export type BillKind = Difference['bill'];

/** How often a run still RUNNING is read again (the job downloads and matches in the background). */
export const RUNNING_POLL_MS = 2_000;

/** `GET /v1/reconciliations`: runs of the accounts the login sees, newest bill date first; polled while one is RUNNING. */
export const reconciliationsQuery = (query: ReconciliationsApiQuery) =>
  $api.queryOptions(
    'get',
    '/v1/reconciliations',
    { params: { query } },
    { placeholderData: (previous) => previous, refetchInterval: (q) => (q.state.data?.items.some((r) => r.state === 'RUNNING') ? RUNNING_POLL_MS : false) },
  );

/** `GET /v1/reconciliations/{id}`: a run with its bills and differences; polled while RUNNING. */
export const reconciliationQuery = (id: string) =>
  $api.queryOptions('get', '/v1/reconciliations/{id}', { params: { path: { id } } }, { refetchInterval: (q) => (q.state.data?.state === 'RUNNING' ? RUNNING_POLL_MS : false) });
