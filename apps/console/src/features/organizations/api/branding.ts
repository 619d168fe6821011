import { useQueryClient } from '@tanstack/react-query';
import { $api } from '@/lib/api';

/** `GET /v1/organizations/{id}/branding`: what the organisation set for its user pages, what they show, a device to preview. */
export const brandingQuery = (id: string) => $api.queryOptions('get', '/v1/organizations/{id}/branding', { params: { path: { id } } });

/** `PUT /v1/organizations/{id}/branding`; refreshes every organisation's branding (a brand's change shows in its franchisees'). */
export function usePutBranding() {
  const queryClient = useQueryClient();
  return $api.useMutation('put', '/v1/organizations/{id}/branding', {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['get', '/v1/organizations/{id}/branding'] });
    },
  });
}
