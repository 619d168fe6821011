// The query keys of this feature, named once (openapi-react-query keys a read as [method, path, init]):
// every mutation says which of these it invalidates.
export const reconciliationKeys = {
  lists: () => ['get', '/v1/reconciliations'] as const,
  detail: (id: string) => ['get', '/v1/reconciliations/{id}', { params: { path: { id } } }] as const,
};
