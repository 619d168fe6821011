import { $api } from '@/lib/api';
import { listQuery, type SessionsSearch } from '../search';

/** One page of sessions with the URL's filters. */
export const sessionsQuery = (search: SessionsSearch) => $api.queryOptions('get', '/v1/sessions', { params: { query: listQuery(search) } }, { placeholderData: (previous) => previous });
