import { useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zizhu/api-client';
import { $api, client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import { alertsApiQuery, type AlertsSearch } from '../search';
import { alertsKeys } from './keys';

/** One page of the inbox, newest first. */
export const alertsQuery = (search: AlertsSearch) =>
  $api.queryOptions('get', '/v1/alerts', { params: { query: alertsApiQuery(search) } }, { placeholderData: (previous) => previous });

/** The badge: polled once a minute (alerts are raised by a job, not by this login). */
export const unreadCountQuery = () => $api.queryOptions('get', '/v1/alerts/unread-count', {}, { refetchInterval: 60_000 });

export const alertRulesQuery = () => $api.queryOptions('get', '/v1/alert-rules', {});
export const alertWebhookQuery = () => $api.queryOptions('get', '/v1/alert-webhooks', {});
export const deliveriesQuery = (page: number, pageSize = 10) =>
  $api.queryOptions('get', '/v1/alert-webhooks/deliveries', { params: { query: { limit: pageSize, offset: (page - 1) * pageSize } } }, { placeholderData: (previous) => previous });

export async function markRead(id: string) {
  return unwrap(await client.POST('/v1/alerts/{id}/read', { params: { path: { id } } }));
}

export async function acknowledge(id: string) {
  return unwrap(await client.POST('/v1/alerts/{id}/acknowledge', { params: { path: { id } } }));
}

export async function saveRules(rules: Schemas['UpdateAlertRulesDto']['rules']) {
  return unwrap(await client.PUT('/v1/alert-rules', { body: { rules } }));
}

export async function saveWebhook(body: Schemas['PutWebhookDto']) {
  return unwrap(await client.PUT('/v1/alert-webhooks', { body }));
}

export async function removeWebhook() {
  return unwrap(await client.DELETE('/v1/alert-webhooks', {}));
}

export async function testWebhook() {
  return unwrap(await client.POST('/v1/alert-webhooks/test', {}));
}

/** After read / acknowledge: the lists and the badge. */
export function useAlertsChanged(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: alertsKeys.lists() }), queryClient.invalidateQueries({ queryKey: alertsKeys.unreadCount() })]);
  };
}

/** After saving rules: the rules. */
export function useRulesChanged(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: alertsKeys.rules() });
}

/** After saving, removing or testing the webhook: the webhook and its delivery log. */
export function useWebhookChanged(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: alertsKeys.webhook() }), queryClient.invalidateQueries({ queryKey: alertsKeys.deliveries() })]);
  };
}
