import { useQueryClient } from '@tanstack/react-query';
import { client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import type { Schemas } from '@zizhu/api-client';
import { settlementKeys } from './keys';

export type PutAgreement = Schemas['PutAgreementDto'];

/** `PUT /v1/organizations/{id}/agreement`: a new version in force from `effectiveFrom`. */
export async function putAgreement(organizationId: string, body: PutAgreement) {
  return unwrap(await client.PUT('/v1/organizations/{id}/agreement', { params: { path: { id: organizationId } }, body }));
}

/** After a new version: that organisation's agreement in force and history, and the open statements it may change. */
export function useAgreementChanged(): (organizationId: string) => Promise<void> {
  const queryClient = useQueryClient();
  return async (organizationId) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: settlementKeys.agreement(organizationId) }),
      queryClient.invalidateQueries({ queryKey: settlementKeys.agreements(organizationId) }),
      queryClient.invalidateQueries({ queryKey: settlementKeys.agreementsInForce() }),
      queryClient.invalidateQueries({ queryKey: settlementKeys.statementLists() }),
      queryClient.invalidateQueries({ queryKey: settlementKeys.earnings() }),
    ]);
  };
}
