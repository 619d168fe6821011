import { useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zizhu/api-client';
import { $api, client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import { settlementKeys } from './keys';

export type Payee = Schemas['PayoutPayeeDto'];
export type PayeeChange = Schemas['SetPayoutPayeeDto'];

/** `GET /v1/organizations/{id}/payout-payee`: the openid and appid, whether a real name is stored (422 PAYOUT_PAYEE_MISSING when none). */
export const payeeQuery = (organizationId: string) => $api.queryOptions('get', '/v1/organizations/{id}/payout-payee', { params: { path: { id: organizationId } } });

/** `PUT /v1/organizations/{id}/payout-payee`: the real name is write-only (omitted: the stored one stays; null: cleared). */
export async function setPayee(organizationId: string, body: PayeeChange) {
  return unwrap(await client.PUT('/v1/organizations/{id}/payout-payee', { params: { path: { id: organizationId } }, body }));
}

/** After a change: that franchisee's payee. */
export function usePayeeChanged(): (organizationId: string) => Promise<void> {
  const queryClient = useQueryClient();
  return (organizationId) => queryClient.invalidateQueries({ queryKey: settlementKeys.payee(organizationId) });
}

/** An openid shown masked (it identifies a person): its first and last four characters. */
export function maskOpenid(openid: string): string {
  return openid.length <= 8 ? `${openid.slice(0, 2)}…` : `${openid.slice(0, 4)}…${openid.slice(-4)}`;
}
