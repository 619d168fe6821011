import { $api } from '@/lib/api';
import { receivablesApiQuery, type ReceivablesSearch } from '../search';

/** What users still owe: totals by age and one page of the orders, oldest first. */
export const receivablesQuery = (search: ReceivablesSearch) =>
  $api.queryOptions('get', '/v1/receivables', { params: { query: receivablesApiQuery(search) } }, { placeholderData: (previous) => previous });
