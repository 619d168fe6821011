// Named query keys (openapi-react-query keys a read as [method, path, init]).
export const maintenanceKeys = {
  lists: () => ['get', '/v1/maintenance/tickets'] as const,
  detail: (id: string) => ['get', '/v1/maintenance/tickets/{id}', { params: { path: { id } } }] as const,
  assignees: () => ['get', '/v1/maintenance/assignees'] as const,
};
export const maintenanceSettingsKey = () => ['get', '/v1/maintenance/settings'] as const;
