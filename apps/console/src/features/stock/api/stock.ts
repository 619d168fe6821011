import type { Schemas } from '@zizhu/api-client';
import { $api } from '@/lib/api';

export type Stock = Schemas['StockDto'];
export type PlanogramSlot = Schemas['PlanogramSlotDto'];
export type BelowParFridge = Schemas['LowStockFridgeDto'];

/** GET /v1/devices/{id}/stock: the book, par levels, low marks, the plan's catalog and the latest discrepancies. */
export function stockQuery(id: string) {
  return $api.queryOptions('get', '/v1/devices/{id}/stock', { params: { path: { id } } });
}

/** GET /v1/devices/{id}/planogram. */
export function planogramQuery(id: string) {
  return $api.queryOptions('get', '/v1/devices/{id}/planogram', { params: { path: { id } } });
}

/** GET /v1/devices/{id}/stock/movements: the book's history. */
export function movementsQuery(id: string) {
  return $api.queryOptions('get', '/v1/devices/{id}/stock/movements', { params: { path: { id } } });
}

/** GET /v1/devices/{id}/restocks. */
export function restocksQuery(id: string) {
  return $api.queryOptions('get', '/v1/devices/{id}/restocks', { params: { path: { id } } });
}

/** GET /v1/devices/{id}/stock-counts. */
export function countsQuery(id: string) {
  return $api.queryOptions('get', '/v1/devices/{id}/stock-counts', { params: { path: { id } } });
}

/** GET /v1/stock/below-par: the morning restock run. */
export function belowParQuery() {
  return $api.queryOptions('get', '/v1/stock/below-par');
}
