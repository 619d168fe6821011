/** Query keys of the audit log (openapi-react-query keys start with method and path). */
export const auditKeys = {
  lists: () => ['get', '/v1/audit-log'] as const,
};
