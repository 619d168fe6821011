// Named query keys (openapi-react-query keys a read as [method, path, init]).
export const integrationsKeys = {
  apiKeys: () => ['get', '/v1/api-keys'] as const,
  scopes: () => ['get', '/v1/api-keys/scopes'] as const,
  endpoints: () => ['get', '/v1/webhook-endpoints'] as const,
  deliveries: () => ['get', '/v1/webhook-deliveries'] as const,
};
