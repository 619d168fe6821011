import { useQueryClient } from '@tanstack/react-query';
import { $api } from '@/lib/api';
import { merchantAccountKeys } from './keys';

/** `POST /v1/merchant-accounts/{id}/services`; refreshes that account, the list and the service list. */
export function useAddPayscoreService(id: string) {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/v1/merchant-accounts/{id}/services', {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: merchantAccountKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: merchantAccountKeys.lists() });
      await queryClient.invalidateQueries({ queryKey: merchantAccountKeys.services() });
    },
  });
}

/** `POST /v1/merchant-accounts/{id}/disable`; refreshes the list and that account. */
export function useDisableMerchantAccount(id: string) {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/v1/merchant-accounts/{id}/disable', {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: merchantAccountKeys.lists() });
      await queryClient.invalidateQueries({ queryKey: merchantAccountKeys.detail(id) });
    },
  });
}

/** `PUT /v1/merchant-accounts/{id}/transfer-scene`; refreshes that account. */
export function useSetTransferScene(id: string) {
  const queryClient = useQueryClient();
  return $api.useMutation('put', '/v1/merchant-accounts/{id}/transfer-scene', {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: merchantAccountKeys.detail(id) });
    },
  });
}

/** `PUT /v1/merchant-accounts/{id}/complaint-notification-url` (audited); refreshes that account and the list, which show the registration. */
export function useRegisterComplaintNotificationUrl(id: string) {
  const queryClient = useQueryClient();
  return $api.useMutation('put', '/v1/merchant-accounts/{id}/complaint-notification-url', {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: merchantAccountKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: merchantAccountKeys.lists() });
    },
  });
}
