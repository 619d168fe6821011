// The query keys of this feature, named once (openapi-react-query keys a read as [method, path, init]):
// every mutation says which of these it invalidates.
export const settlementKeys = {
  statementLists: () => ['get', '/v1/statements'] as const,
  statement: (id: string) => ['get', '/v1/statements/{id}', { params: { path: { id } } }] as const,
  agreement: (organizationId: string) => ['get', '/v1/organizations/{id}/agreement', { params: { path: { id: organizationId } } }] as const,
  agreements: (organizationId: string) => ['get', '/v1/organizations/{id}/agreements', { params: { path: { id: organizationId } } }] as const,
  earnings: () => ['get', '/v1/earnings'] as const,
  earningsByOrganization: () => ['get', '/v1/earnings/by-organization'] as const,
  ledgerFigures: () => ['get', '/v1/ledger/figures'] as const,
  agreementsInForce: () => ['get', '/v1/agreements'] as const,
  payoutLists: () => ['get', '/v1/payouts'] as const,
  splitLists: () => ['get', '/v1/profit-sharing-orders'] as const,
  payee: (organizationId: string) => ['get', '/v1/organizations/{id}/payout-payee', { params: { path: { id: organizationId } } }] as const,
  adjustments: (organizationId: string) => ['get', '/v1/organizations/{id}/adjustments', { params: { path: { id: organizationId } } }] as const,
  statements: () => ['get', '/v1/statements/{id}'] as const,
};
