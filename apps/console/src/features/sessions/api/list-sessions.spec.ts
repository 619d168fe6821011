import { describe, expect, it } from '@jest/globals';
import { RUNNING_REFRESH_MS } from './get-session';
import { sessionsQuery } from './list-sessions';

type Interval = (query: { state: { data?: { items: { state: string }[] } } }) => number | false;

describe('the sessions list query', () => {
  it('pages by limit and offset with the filters, under the list key', () => {
    const options = sessionsQuery({ state: ['IN_USE', 'PAID'], anomaly: false, page: 3, pageSize: 50 });
    expect(options.queryKey).toEqual(['get', '/v1/sessions', { params: { query: { state: ['IN_USE', 'PAID'], anomaly: 'false', limit: 50, offset: 100 } } }]);
  });

  it('reads the page again while a session on it is open, not when all are settled', () => {
    const interval = sessionsQuery({}).refetchInterval as unknown as Interval;
    expect(interval({ state: { data: { items: [{ state: 'PAID' }, { state: 'IN_USE' }] } } })).toBe(RUNNING_REFRESH_MS);
    expect(interval({ state: { data: { items: [{ state: 'PAID' }, { state: 'CANCELLED' }] } } })).toBe(false);
    expect(interval({ state: {} })).toBe(false);
  });
});
