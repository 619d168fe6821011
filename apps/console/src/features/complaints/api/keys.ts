// Named query keys (openapi-react-query keys a read as [method, path, init]): every page of the list (the
// session's list and the nav badge included) and one complaint.
export const complaintsKeys = {
  lists: () => ['get', '/v1/complaints'] as const,
  detail: (id: string) => ['get', '/v1/complaints/{id}', { params: { path: { id } } }] as const,
};
