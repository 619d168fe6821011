import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { Schemas } from '@zizhu/api-client';
import { $api, client } from '@/lib/api';
import { unwrap } from '@/lib/problem';

// Query keys of the sites feature (openapi-react-query keys: [method, path, init]).
export const siteKeys = {
  lists: () => ['get', '/v1/sites'] as const,
  detail: () => ['get', '/v1/sites/{id}'] as const,
  devices: () => ['get', '/v1/devices'] as const,
};

export const siteListSearch = z.object({
  q: z.string().trim().min(1).max(200).optional().catch(undefined),
  city: z.string().trim().min(1).max(100).optional().catch(undefined),
  page: z.number().int().min(1).default(1).catch(1),
  pageSize: z.number().int().min(1).max(100).default(20).catch(20),
});
export type SiteListSearch = z.infer<typeof siteListSearch>;
export type SiteRow = Schemas['SiteWithCountsDto'];
export type CreateSite = Schemas['CreateSiteDto'];

export function sitesQuery(search: SiteListSearch) {
  const { page, pageSize, ...filters } = search;
  return $api.queryOptions('get', '/v1/sites', { params: { query: { ...filters, limit: pageSize, offset: (page - 1) * pageSize } } });
}

export function siteQuery(id: string) {
  return $api.queryOptions('get', '/v1/sites/{id}', { params: { path: { id } } });
}

/** The largest page `GET /v1/devices` answers. */
export const DEVICE_PAGE = 1000;

/**
 * Every device of a site, for its QR sheet: read page after page until the list's `total` is reached, so a site with
 * more devices than one page still prints every one (under the devices key, so what invalidates devices refreshes it).
 */
export function siteDevicesQuery(siteId: string) {
  return queryOptions({
    queryKey: [...siteKeys.devices(), { params: { query: { siteId, all: true } } }] as const,
    queryFn: async ({ signal }) => {
      const items: Schemas['DeviceListItemDto'][] = [];
      for (;;) {
        const page = unwrap(await client.GET('/v1/devices', { params: { query: { siteId, limit: DEVICE_PAGE, offset: items.length } }, signal }));
        items.push(...page.items);
        if (page.items.length === 0 || items.length >= page.total) return { items, total: page.total };
      }
    },
  });
}

export function useCreateSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateSite) => unwrap(await client.POST('/v1/sites', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: siteKeys.lists() }),
  });
}
