/** Query keys of the overview feature (openapi-react-query keys start with method and path). */
export const overviewKeys = {
  all: ['get', '/v1/overview'] as const,
};
