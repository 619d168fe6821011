import { $api } from '@/lib/api';
import { listQuery, type SessionsSearch } from '../search';
import { OPEN_STATES, RUNNING_REFRESH_MS } from './get-session';

/** One page of sessions with the URL's filters; read again now and then while a row on it is still open. */
export const sessionsQuery = (search: SessionsSearch) =>
  $api.queryOptions(
    'get',
    '/v1/sessions',
    { params: { query: listQuery(search) } },
    {
      placeholderData: (previous) => previous,
      refetchInterval: (query) => (query.state.data?.items.some((s) => OPEN_STATES.has(s.state)) ? RUNNING_REFRESH_MS : false),
    },
  );
