import { $api } from '@/lib/api';
import type { Schemas } from '@zizhu/api-client';

export type Agreement = Schemas['AgreementDto'];

/** `GET /v1/organizations/{id}/agreement`: the version in force today (404 AGREEMENT_NOT_FOUND: none yet). */
export const agreementInForceQuery = (organizationId: string) =>
  $api.queryOptions('get', '/v1/organizations/{id}/agreement', { params: { path: { id: organizationId } } }, { staleTime: 60_000, retry: false });

/** `GET /v1/organizations/{id}/agreements`: every version, newest first. */
export const agreementHistoryQuery = (organizationId: string) =>
  $api.queryOptions('get', '/v1/organizations/{id}/agreements', { params: { path: { id: organizationId } } });

/** `GET /v1/agreements?parentId=`: the version in force today of every child of a brand or reseller, in one request. */
export const agreementsInForceQuery = (parentId: string) =>
  $api.queryOptions('get', '/v1/agreements', { params: { query: { parentId } } }, { staleTime: 60_000 });
