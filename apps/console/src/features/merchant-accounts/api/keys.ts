/** Query keys of merchant accounts (openapi-react-query keys start with method and path). */
export const merchantAccountKeys = {
  lists: () => ['get', '/v1/merchant-accounts'] as const,
  detail: (id: string) => ['get', '/v1/merchant-accounts/{id}', { params: { path: { id } } }] as const,
  services: () => ['get', '/v1/payscore-services'] as const,
};
