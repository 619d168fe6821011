import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '@zizhu/api-client';
import { $api } from '@/lib/api';
import type { Me } from '@/lib/access';

export type Organization = Schemas['OrganizationDto'];

/** GET /v1/organizations: the caller's organisation and those under it, to name a plan's owner. */
export const organizationsQuery = () => $api.queryOptions('get', '/v1/organizations', {}, { staleTime: 5 * 60_000 });

export function useOrganizations() {
  return useQuery(organizationsQuery());
}

/**
 * The organisations a plan may be created for: the caller's own and those whose fleet it operates (a franchise
 * brand's franchisees; every operator for the platform), never a reseller's customers. The API checks it again.
 */
export function planOwners(me: Me | undefined, organizations: readonly Organization[] | undefined): Organization[] {
  if (!me || !organizations) return [];
  return organizations.filter((o) => {
    if (o.id === me.organizationId) return true;
    if (me.organizationKind === 'PLATFORM') return o.kind === 'OPERATOR' || o.kind === 'FRANCHISEE';
    return me.operatingModel === 'FRANCHISE' && o.kind === 'FRANCHISEE' && o.parentId === me.organizationId;
  });
}
