/** Query keys of organisations and their logins (openapi-react-query keys start with method and path). */
export const organizationKeys = {
  tree: () => ['get', '/v1/organizations/tree'] as const,
  lists: () => ['get', '/v1/organizations'] as const,
  detail: (id: string) => ['get', '/v1/organizations/{id}', { params: { path: { id } } }] as const,
};

export const userKeys = {
  lists: () => ['get', '/v1/users'] as const,
  detail: (id: string) => ['get', '/v1/users/{id}', { params: { path: { id } } }] as const,
};
