// The query keys of the stock feature (openapi-react-query keys a read as [method, path, init]).
export const stockKeys = {
  planogram: () => ['get', '/v1/devices/{id}/planogram'] as const,
  stock: () => ['get', '/v1/devices/{id}/stock'] as const,
  movements: () => ['get', '/v1/devices/{id}/stock/movements'] as const,
  restocks: () => ['get', '/v1/devices/{id}/restocks'] as const,
  counts: () => ['get', '/v1/devices/{id}/stock-counts'] as const,
  belowPar: () => ['get', '/v1/stock/below-par'] as const,
};
