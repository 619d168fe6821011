import { useQueryClient } from '@tanstack/react-query';
import { $api } from '@/lib/api';
import { merchantAccountKeys } from './keys';

/** `POST /v1/merchant-accounts` (the server test-calls WeChat Pay before it stores anything); refreshes the list. */
export function useCreateMerchantAccount() {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/v1/merchant-accounts', {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: merchantAccountKeys.lists() });
    },
  });
}
