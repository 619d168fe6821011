import { $api } from '@/lib/api';
import type { Schemas } from '@zizhu/api-client';
import type { StatementsApiQuery } from '../search';

export type Statement = Schemas['StatementDto'];

/** `GET /v1/statements`: the statements the login may see, newest period first. */
export const statementsQuery = (query: StatementsApiQuery) =>
  $api.queryOptions('get', '/v1/statements', { params: { query } }, { placeholderData: (previous) => previous });
