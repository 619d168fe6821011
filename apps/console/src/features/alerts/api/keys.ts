// Named query keys (openapi-react-query keys a read as [method, path, init]).
export const alertsKeys = {
  lists: () => ['get', '/v1/alerts'] as const,
  unreadCount: () => ['get', '/v1/alerts/unread-count'] as const,
  rules: () => ['get', '/v1/alert-rules'] as const,
  webhook: () => ['get', '/v1/alert-webhooks'] as const,
  deliveries: () => ['get', '/v1/alert-webhooks/deliveries'] as const,
};
