// The query keys of the devices feature: openapi-react-query keys a read as [method, path, init], so a
// prefix names every read of one endpoint (any filters, any page).
export const deviceKeys = {
  lists: () => ['get', '/v1/devices'] as const,
  detail: () => ['get', '/v1/devices/{id}'] as const,
  telemetry: () => ['get', '/v1/devices/{id}/telemetry'] as const,
  commands: () => ['get', '/v1/devices/{id}/commands'] as const,
  sites: () => ['get', '/v1/sites'] as const,
};

/** The power-bank reads (issue 16). */
export const powerBankKeys = {
  lists: () => ['get', '/v1/power-banks'] as const,
  inventory: () => ['get', '/v1/devices/{id}/inventory'] as const,
};
