import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { fakeApi } from '@/test/fake-api';
import { setViewportWidth } from '@/test/viewport';
import { ADMIN, complaint, renderAt, SESSION } from '../test/render';
import { ComplaintsPage } from './complaints-page';

// whole pages with antd on a shared machine: more than the default per test
jest.setTimeout(60_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());

const HOUR = 3_600_000;
const accounts = [{ id: '00000000-0000-4000-8000-000000000501', name: '鲜柜品牌', mchid: '1900000109' }];

function serve(items: unknown[]) {
  api = fakeApi({ 'GET /v1/complaints': { items, total: items.length }, 'GET /v1/merchant-accounts': accounts });
}

const now = Date.now();
const rows = [
  complaint({ replyDueAt: new Date(now - 2 * HOUR).toISOString(), completeDueAt: new Date(now + 50 * HOUR).toISOString(), incomingUserResponse: true }),
  complaint({
    id: '00000000-0000-4000-8000-000000000902',
    complaintId: '200220261206000000000000002',
    outOrderNo: 'ZZ-UNKNOWN',
    sessionId: null,
    state: 'PROCESSING',
    replyDueAt: new Date(now + 2 * HOUR).toISOString(),
    completeDueAt: new Date(now + 70 * HOUR).toISOString(),
  }),
];

describe('the complaints inbox', () => {
  it('lists the complaints with the state and merchant account filters it was given, the deadlines highlighted', async () => {
    serve(rows);
    renderAt(<ComplaintsPage search={{ state: 'PENDING', merchantAccountId: accounts[0]!.id, page: 2 }} onSearchChange={() => undefined} />, ADMIN);
    const first = await screen.findByText('200220261206000000000000001');
    expect(first.closest('a')).toHaveAttribute('href', '/complaints/00000000-0000-4000-8000-000000000901');
    const listed = api!.requests.find((r) => r.path === '/v1/complaints');
    expect(listed?.query).toEqual({ state: 'PENDING', merchantAccountId: accounts[0]!.id, limit: '20', offset: '20' });
    // the first is past its reply deadline, the second near it
    expect(screen.getAllByText('已超时')).toHaveLength(1);
    expect(screen.getAllByText('即将到期')).toHaveLength(1);
    expect(screen.getByText(/^2\s?小时前$/)).toBeInTheDocument();
    expect(screen.getByTestId('user-responded')).toHaveTextContent('用户有新留言');
    // the order links to its session; an order matching none says so
    expect(screen.getByText('ZZ20261206000001').closest('a')).toHaveAttribute('href', `/sessions/${SESSION}`);
    expect(screen.getByTestId('no-session')).toHaveTextContent('无对应订单');
    expect(screen.getByText('ZZ-UNKNOWN').closest('a')).toBeNull();
    expect(screen.getAllByText('待处理').length).toBeGreaterThan(0);
    expect(screen.getAllByText('处理中').length).toBeGreaterThan(0);
  });

  it('says so when a filter finds nothing', async () => {
    serve([]);
    renderAt(<ComplaintsPage search={{ state: 'PROCESSED' }} onSearchChange={() => undefined} />, ADMIN);
    expect(await screen.findByText(/没有符合/)).toBeInTheDocument();
  });
});

describe('the complaints inbox on a phone', () => {
  beforeAll(() => setViewportWidth(390));
  afterAll(() => setViewportWidth(1280));

  it('shows each complaint as a card with its order and deadlines', async () => {
    serve(rows);
    renderAt(<ComplaintsPage search={{}} onSearchChange={() => undefined} />, ADMIN);
    const link = await screen.findByText('200220261206000000000000002');
    const card = link.closest('.ant-card') as HTMLElement;
    expect(card).not.toBeNull();
    expect(within(card).getByText('ZZ-UNKNOWN')).toBeInTheDocument();
    expect(within(card).getByText('即将到期')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
