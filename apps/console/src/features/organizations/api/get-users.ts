import { $api } from '@/lib/api';

/** `GET /v1/users?organizationId=`: the logins of one organisation. */
export const usersQuery = (organizationId: string) => $api.queryOptions('get', '/v1/users', { params: { query: { organizationId } } });
