import { z } from 'zod';
import type { Schemas } from '@zizhu/api-client';
import { $api } from '@/lib/api';

export const DEVICE_TYPES = ['FRIDGE', 'POWERBANK_CABINET', 'EV_CHARGER', 'WATER_VALVE'] as const;
export const DEVICE_STATUSES = ['ONLINE', 'OFFLINE', 'FAULTED'] as const;

/** The device list's filters, page and page size: the URL is the state of the list. */
export const deviceListSearch = z.object({
  status: z.enum(DEVICE_STATUSES).optional().catch(undefined),
  type: z.enum(DEVICE_TYPES).optional().catch(undefined),
  siteId: z.uuid().optional().catch(undefined),
  organizationId: z.uuid().optional().catch(undefined),
  code: z.string().trim().min(1).max(64).optional().catch(undefined),
  page: z.number().int().min(1).default(1).catch(1),
  pageSize: z.number().int().min(1).max(100).default(20).catch(20),
});
export type DeviceListSearch = z.infer<typeof deviceListSearch>;

export type DeviceRow = Schemas['DeviceListItemDto'];
export type DeviceDetail = Schemas['DeviceDetailDto'];

/** GET /v1/devices for a list page. */
export function devicesQuery(search: DeviceListSearch) {
  const { page, pageSize, ...filters } = search;
  return $api.queryOptions('get', '/v1/devices', { params: { query: { ...filters, limit: pageSize, offset: (page - 1) * pageSize } } });
}

/** GET /v1/devices/{id}. */
export function deviceQuery(id: string) {
  return $api.queryOptions('get', '/v1/devices/{id}', { params: { path: { id } } });
}

/** GET /v1/devices/{id}/telemetry over the last `hours`. */
export function telemetryQuery(id: string, hours: number, now: number) {
  const to = new Date(now).toISOString();
  const from = new Date(now - hours * 3600_000).toISOString();
  return $api.queryOptions('get', '/v1/devices/{id}/telemetry', { params: { path: { id }, query: { from, to, maxPoints: 120 } } });
}

/** GET /v1/devices/{id}/commands, newest first. */
export function commandsQuery(id: string, page: number, pageSize = 10) {
  return $api.queryOptions(
    'get',
    '/v1/devices/{id}/commands',
    { params: { path: { id }, query: { limit: pageSize, offset: (page - 1) * pageSize } } },
    { refetchInterval: 5000 },
  );
}

/** Every site the caller may see, for filters (at most 500). */
export function siteOptionsQuery() {
  return $api.queryOptions('get', '/v1/sites', { params: { query: { limit: 500 } } }, { staleTime: 60_000 });
}

/** The Pay Score services the caller's devices may be bound to. */
export function payscoreServicesQuery() {
  return $api.queryOptions('get', '/v1/payscore-services', {});
}

/** The organisations the caller may see (its own and those under it), for the organisation filter. */
export function organizationOptionsQuery() {
  return $api.queryOptions('get', '/v1/organizations', {}, { staleTime: 5 * 60_000 });
}
