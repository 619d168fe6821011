import { $api } from '@/lib/api';

/** `GET /v1/organizations/tree`: the caller's organisation and everything under it that it may see. */
export const organizationTreeQuery = () => $api.queryOptions('get', '/v1/organizations/tree', {}, { staleTime: 60_000 });
