import { useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zizhu/api-client';
import { $api, client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import { complaintsApiQuery, type ComplaintsSearch } from '../search';
import type { ComplaintDetail, ComplaintsApiQuery } from '../types';
import { complaintsKeys } from './keys';

/** While an action job awaits WeChat, the complaint is read again this often. */
export const ACTION_REFRESH_MS = 3_000;

const list = (query: ComplaintsApiQuery) => $api.queryOptions('get', '/v1/complaints', { params: { query } }, { placeholderData: (previous) => previous });

/** One page of the inbox, newest first. */
export const complaintsQuery = (search: ComplaintsSearch) => list(complaintsApiQuery(search));

/** The complaints on one session (its page lists them). */
export const sessionComplaintsQuery = (sessionId: string) => list({ sessionId, limit: 50, offset: 0 });

/** The nav badge: how many wait for a first answer (one row read, the total counted), polled once a minute. */
export const pendingCountQuery = () =>
  $api.queryOptions('get', '/v1/complaints', { params: { query: { state: 'PENDING', limit: 1, offset: 0 } } }, { refetchInterval: 60_000, select: (data) => data.total });

/** How long after an action succeeded the page still waits for the complaint's own state to follow it. */
const SYNC_GRACE_MS = 60_000;

/**
 * Read again while an action job is PENDING, and for a short while after a reply or completion succeeded until
 * the complaint, fetched again from WeChat after it, shows it (replied, PROCESSED).
 */
export function refreshInterval(complaint: ComplaintDetail | undefined, now = Date.now()): number | false {
  if (!complaint) return false;
  if (complaint.actions.some((a) => a.state === 'PENDING')) return ACTION_REFRESH_MS;
  const syncing = complaint.actions.some(
    (a) =>
      a.state === 'SUCCEEDED' &&
      a.finishedAt !== null &&
      now - Date.parse(a.finishedAt) < SYNC_GRACE_MS &&
      ((a.kind === 'COMPLETE' && complaint.state !== 'PROCESSED') || (a.kind === 'REPLY' && complaint.repliedAt === null)),
  );
  return syncing ? ACTION_REFRESH_MS : false;
}

/** One complaint with its history and actions; read again while an action is still PENDING. */
export const complaintQuery = (id: string) =>
  $api.queryOptions('get', '/v1/complaints/{id}', { params: { path: { id } } }, { refetchInterval: (query) => refreshInterval(query.state.data) });

/** Merchant accounts for the filter. */
export const merchantAccountsQuery = () => $api.queryOptions('get', '/v1/merchant-accounts', {}, { staleTime: 5 * 60_000 });

/** Where the browser loads one of the complaint's images from (the API fetches it from WeChat for this login). */
export function mediaSrc(complaintId: string, mediaUrl: string): string {
  return `/v1/complaints/${complaintId}/media?url=${encodeURIComponent(mediaUrl)}`;
}

// The merchant's actions. Each sends the Idempotency-Key its dialog made when it opened.
const idem = (id: string, key: string) => ({ path: { id }, header: { 'Idempotency-Key': key } });

export async function replyToComplaint(id: string, body: Schemas['ComplaintReplyDto'], key: string) {
  return unwrap(await client.POST('/v1/complaints/{id}/reply', { params: idem(id, key), body }));
}

export async function completeComplaint(id: string, key: string) {
  return unwrap(await client.POST('/v1/complaints/{id}/complete', { params: idem(id, key) }));
}

export async function updateRefundProgress(id: string, body: Schemas['ComplaintRefundProgressDto'], key: string) {
  return unwrap(await client.POST('/v1/complaints/{id}/refund-progress', { params: idem(id, key), body }));
}

export async function refundComplaint(id: string, body: Schemas['ComplaintRefundDto'], key: string) {
  return unwrap(await client.POST('/v1/complaints/{id}/refund', { params: idem(id, key), body }));
}

/** The payer's phone, decrypted for this one read (the API audits it); never cached. */
export async function readPayerPhone(id: string): Promise<string> {
  return unwrap(await client.GET('/v1/complaints/{id}/payer-phone', { params: { path: { id } } })).payerPhone;
}

/** After an action: the complaint and every list (the inbox, the badge, a session's list). */
export function useComplaintChanged(): (id: string) => Promise<void> {
  const queryClient = useQueryClient();
  return async (id) => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: complaintsKeys.detail(id) }), queryClient.invalidateQueries({ queryKey: complaintsKeys.lists() })]);
  };
}
