// Named query keys (openapi-react-query keys a read as [method, path, init]): the receivables views, and the
// session lists and details a collection changes.
export const receivablesKeys = {
  all: () => ['get', '/v1/receivables'] as const,
  sessionLists: () => ['get', '/v1/sessions'] as const,
  session: (id: string) => ['get', '/v1/sessions/{id}', { params: { path: { id } } }] as const,
};
