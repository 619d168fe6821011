import { useQueryClient } from '@tanstack/react-query';
import { $api } from '@/lib/api';
import { merchantAccountKeys } from './keys';

/** `PUT /v1/merchant-accounts/{id}/credentials`; refreshes the list and that account. */
export function useReplaceCredentials(id: string) {
  const queryClient = useQueryClient();
  return $api.useMutation('put', '/v1/merchant-accounts/{id}/credentials', {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: merchantAccountKeys.lists() });
      await queryClient.invalidateQueries({ queryKey: merchantAccountKeys.detail(id) });
    },
  });
}
