import { useQueryClient } from '@tanstack/react-query';
import { $api } from '@/lib/api';
import { organizationKeys } from './keys';

/** `PATCH /v1/organizations/{id}`; refreshes the tree, the flat list and that organisation. */
export function useRenameOrganization() {
  const queryClient = useQueryClient();
  return $api.useMutation('patch', '/v1/organizations/{id}', {
    onSuccess: async (_data, variables) => {
      await queryClient.invalidateQueries({ queryKey: organizationKeys.tree() });
      await queryClient.invalidateQueries({ queryKey: organizationKeys.lists() });
      await queryClient.invalidateQueries({ queryKey: organizationKeys.detail(variables.params.path.id) });
    },
  });
}
