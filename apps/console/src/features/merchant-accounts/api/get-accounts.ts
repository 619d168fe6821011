import { $api } from '@/lib/api';

/** `GET /v1/merchant-accounts`: the accounts of the caller's organisation (never a secret). */
export const merchantAccountsQuery = () => $api.queryOptions('get', '/v1/merchant-accounts');

/** `GET /v1/merchant-accounts/{id}`: one account with its Pay Score services. */
export const merchantAccountQuery = (id: string) => $api.queryOptions('get', '/v1/merchant-accounts/{id}', { params: { path: { id } } });
