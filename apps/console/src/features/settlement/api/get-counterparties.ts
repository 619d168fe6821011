import { $api } from '@/lib/api';
import type { Schemas } from '@zizhu/api-client';

export type Organization = Schemas['OrganizationDto'];

/** `GET /v1/organizations`: every organisation the login may see; the pages keep the franchisees or customers. */
export const organizationsQuery = () => $api.queryOptions('get', '/v1/organizations', {}, { staleTime: 60_000 });
