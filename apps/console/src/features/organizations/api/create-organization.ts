import { useQueryClient } from '@tanstack/react-query';
import { $api } from '@/lib/api';
import { organizationKeys } from './keys';

/** `POST /v1/organizations`; refreshes the tree and the flat list. */
export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/v1/organizations', {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: organizationKeys.tree() });
      await queryClient.invalidateQueries({ queryKey: organizationKeys.lists() });
    },
  });
}
