import type { PlanListQuery } from './list-plans';

// The query keys of the plans feature. They are the keys `$api.queryOptions` makes (method, path, init), so a
// prefix here matches every query of that endpoint.
export const planKeys = {
  /** Every page and filter of the list. */
  lists: () => ['get', '/v1/plans'] as const,
  list: (query: PlanListQuery) => ['get', '/v1/plans', { params: { query } }] as const,
  /** Every plan's detail. */
  details: () => ['get', '/v1/plans/{id}'] as const,
  detail: (id: string) => ['get', '/v1/plans/{id}', { params: { path: { id } } }] as const,
};

/**
 * Reads of other features that show a plan's version or rule (the devices list and a device's detail). Written as
 * endpoint prefixes, not imported: features do not import each other.
 */
export const repricedReads = () => [['get', '/v1/devices'] as const, ['get', '/v1/devices/{id}'] as const];
