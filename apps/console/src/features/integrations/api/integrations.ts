import { useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zizhu/api-client';
import { $api, client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import { integrationsKeys } from './keys';

export const apiKeysQuery = () => $api.queryOptions('get', '/v1/api-keys', {});
export const scopesQuery = () => $api.queryOptions('get', '/v1/api-keys/scopes', {});
export const endpointsQuery = () => $api.queryOptions('get', '/v1/webhook-endpoints', {});
/** While a delivery of the page is still being sent (PENDING: new, retrying or replayed), the log follows it every 2 s. */
export const DELIVERY_POLL_MS = 2000;
export const webhookDeliveriesQuery = (page: number, pageSize = 10) =>
  $api.queryOptions(
    'get',
    '/v1/webhook-deliveries',
    { params: { query: { limit: pageSize, offset: (page - 1) * pageSize } } },
    { placeholderData: (previous) => previous, refetchInterval: (query) => (query.state.data?.items.some((d) => d.state === 'PENDING') ? DELIVERY_POLL_MS : false) },
  );

export async function createApiKey(body: Schemas['CreateApiKeyDto']) {
  return unwrap(await client.POST('/v1/api-keys', { body }));
}

export async function revokeApiKey(id: string) {
  return unwrap(await client.DELETE('/v1/api-keys/{id}', { params: { path: { id } } }));
}

export async function createEndpoint(body: Schemas['CreateEndpointDto']) {
  return unwrap(await client.POST('/v1/webhook-endpoints', { body }));
}

export async function updateEndpoint(id: string, body: Schemas['UpdateEndpointDto']) {
  return unwrap(await client.PATCH('/v1/webhook-endpoints/{id}', { params: { path: { id } }, body }));
}

export async function removeEndpoint(id: string) {
  return unwrap(await client.DELETE('/v1/webhook-endpoints/{id}', { params: { path: { id } } }));
}

export async function testEndpoint(id: string) {
  return unwrap(await client.POST('/v1/webhook-endpoints/{id}/test', { params: { path: { id } } }));
}

export async function replayDelivery(id: string) {
  return unwrap(await client.POST('/v1/webhook-deliveries/{id}/replay', { params: { path: { id } } }));
}

/** After creating or revoking a key: the key list. */
export function useApiKeysChanged(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: integrationsKeys.apiKeys() });
}

/** After changing an endpoint, testing it or replaying a delivery: the endpoints and the delivery log. */
export function useWebhooksChanged(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: integrationsKeys.endpoints() }), queryClient.invalidateQueries({ queryKey: integrationsKeys.deliveries() })]);
  };
}
