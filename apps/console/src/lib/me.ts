import { useQuery } from '@tanstack/react-query';
import { $api } from './api';
import { can, type Me, type Permission } from './access';

/** The signed-in login, its organisation and what it may do; loaded once by the app layout's guard. */
export const meQuery = () => $api.queryOptions('get', '/v1/me', {}, { staleTime: 5 * 60_000 });

export function useMe(): Me | undefined {
  return useQuery(meQuery()).data;
}

export function useCan(permission: Permission): boolean {
  return can(useMe(), permission);
}
