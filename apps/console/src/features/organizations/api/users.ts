import { useQueryClient } from '@tanstack/react-query';
import { $api } from '@/lib/api';
import { organizationKeys, userKeys } from './keys';

/** `POST /v1/users`; refreshes the user lists and the tree (its login counts). */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/v1/users', {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: userKeys.lists() });
      await queryClient.invalidateQueries({ queryKey: organizationKeys.tree() });
    },
  });
}

/** `POST /v1/users/{id}/disable` or `/enable`; refreshes the user lists and that login. */
export function useSetUserEnabled(enabled: boolean) {
  const queryClient = useQueryClient();
  return $api.useMutation('post', enabled ? '/v1/users/{id}/enable' : '/v1/users/{id}/disable', {
    onSuccess: async (_data, variables) => {
      await queryClient.invalidateQueries({ queryKey: userKeys.lists() });
      await queryClient.invalidateQueries({ queryKey: userKeys.detail(variables.params.path.id) });
    },
  });
}
