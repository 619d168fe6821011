import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { screen } from '@testing-library/react';
import { fakeApi } from '@/test/fake-api';
import { setViewportWidth } from '@/test/viewport';
import { complaint, FRANCHISEE_ADMIN, renderAt, SESSION } from '../test/render';
import { PendingComplaintsBadge } from './pending-badge';
import { SessionComplaints } from './session-complaints';

jest.setTimeout(60_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());

describe.each([
  ['wide', 1280],
  ['phone', 390],
])('the complaints on a session (%s)', (_name, width) => {
  beforeAll(() => setViewportWidth(width));
  afterAll(() => setViewportWidth(1280));

  it('lists those of the session, each linked to its page', async () => {
    api = fakeApi({ 'GET /v1/complaints': { items: [complaint()], total: 1 } });
    renderAt(<SessionComplaints sessionId={SESSION} />, FRANCHISEE_ADMIN, `/sessions/${SESSION}`);
    const link = await screen.findByText('200220261206000000000000001');
    expect(link.closest('a')).toHaveAttribute('href', '/complaints/00000000-0000-4000-8000-000000000901');
    expect(api.requests.find((r) => r.path === '/v1/complaints')?.query).toEqual({ sessionId: SESSION, limit: '50', offset: '0' });
  });

  it('says when there are none', async () => {
    api = fakeApi({ 'GET /v1/complaints': { items: [], total: 0 } });
    renderAt(<SessionComplaints sessionId={SESSION} />, FRANCHISEE_ADMIN, `/sessions/${SESSION}`);
    expect(await screen.findByText('此订单没有投诉')).toBeInTheDocument();
  });
});

describe('the menu badge', () => {
  it('counts the PENDING complaints from one row of the list, and shows nothing at zero', async () => {
    api = fakeApi({ 'GET /v1/complaints': (r: { query: Record<string, string> }) => ({ items: [complaint()], total: r.query['state'] === 'PENDING' ? 3 : 9 }) });
    renderAt(<PendingComplaintsBadge />, FRANCHISEE_ADMIN);
    expect(await screen.findByTestId('complaints-badge')).toHaveTextContent('3');
    expect(api.requests[0]?.query).toEqual({ state: 'PENDING', limit: '1', offset: '0' });
  });
});
