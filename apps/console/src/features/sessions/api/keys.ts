// The query keys of this feature, named once: openapi-react-query keys a read as [method, path, init], so
// these prefixes match every page of the list, one session's detail, and the receivables views that list
// the same orders. Every mutation says which of them it invalidates.
export const sessionKeys = {
  lists: () => ['get', '/v1/sessions'] as const,
  detail: (id: string) => ['get', '/v1/sessions/{id}', { params: { path: { id } } }] as const,
  receivables: () => ['get', '/v1/receivables'] as const,
};
