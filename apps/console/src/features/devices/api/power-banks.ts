import { z } from 'zod';
import type { Schemas } from '@zizhu/api-client';
import { $api, client } from '@/lib/api';
import { unwrap } from '@/lib/problem';

export const POWER_BANK_STATES = ['IN_SLOT', 'RENTED', 'LOST', 'BOUGHT_OUT'] as const;

/** The bank list's filters and page: the URL is the state of the list. */
export const powerBankListSearch = z.object({
  state: z.enum(POWER_BANK_STATES).optional().catch(undefined),
  flagged: z.boolean().optional().catch(undefined),
  bankId: z.string().trim().min(1).max(64).optional().catch(undefined),
  page: z.number().int().min(1).default(1).catch(1),
  pageSize: z.number().int().min(1).max(100).default(20).catch(20),
});
export type PowerBankListSearch = z.infer<typeof powerBankListSearch>;

export type PowerBank = Schemas['PowerBankDto'];
export type DeviceInventory = Schemas['DeviceInventoryDto'];

/** GET /v1/power-banks for the list page. */
export function powerBanksQuery(search: PowerBankListSearch) {
  const { page, pageSize, ...filters } = search;
  return $api.queryOptions('get', '/v1/power-banks', { params: { query: { ...filters, limit: pageSize, offset: (page - 1) * pageSize } } });
}

/** GET /v1/devices/{id}/inventory: a power-bank cabinet's slots and banks. */
export function inventoryQuery(id: string) {
  return $api.queryOptions('get', '/v1/devices/{id}/inventory', { params: { path: { id } } }, { refetchInterval: 10_000 });
}

/** POST /v1/power-banks/{id}/clear-flag: the operator has dealt with a flagged bank (the note is audited). */
export async function clearPowerBankFlag(id: string, note: string): Promise<PowerBank> {
  return unwrap(await client.POST('/v1/power-banks/{id}/clear-flag', { params: { path: { id } }, body: { note } }));
}
