import { $api } from '@/lib/api';
import type { Schemas } from '@zizhu/api-client';

export type SessionDetail = Schemas['SessionDetailDto'];

/** States a session can still leave on its own: the page refreshes itself while it is in one. */
export const OPEN_STATES: ReadonlySet<SessionDetail['state']> = new Set(['AWAITING_CONFIRMATION', 'STARTING', 'IN_USE']);
export const RUNNING_REFRESH_MS = 10_000;
export const ACTION_REFRESH_MS = 3_000;

/** How often to read the session again: while open (its running cost grows) or while an action awaits WeChat. */
export function refreshInterval(session: SessionDetail | undefined): number | false {
  if (!session) return false;
  if (session.actions.some((a) => a.state === 'PENDING' || a.state === 'PROCESSING')) return ACTION_REFRESH_MS;
  return OPEN_STATES.has(session.state) ? RUNNING_REFRESH_MS : false;
}

/** One session with its times, usage, quote, lines, refunds and running cost. */
export const sessionQuery = (id: string) =>
  $api.queryOptions('get', '/v1/sessions/{id}', { params: { path: { id } } }, { refetchInterval: (query) => refreshInterval(query.state.data) });
