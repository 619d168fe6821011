import { $api } from '@/lib/api';

/** `GET /v1/overview`, optionally narrowed to one organisation (a franchise brand: one franchisee). */
export const overviewQuery = (organizationId?: string) =>
  $api.queryOptions('get', '/v1/overview', { params: { query: organizationId ? { organizationId } : {} } }, { staleTime: 30_000 });
