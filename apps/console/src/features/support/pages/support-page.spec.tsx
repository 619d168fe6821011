import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { ReactNode } from 'react';
import { App } from 'antd';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import { meQuery } from '@/lib/me';
import { answer, fakeApi, meWith } from '@/test/fake-api';
import type { SupportSearch } from '../search';
import { detectKind } from '../search';
import { SupportPage } from './support-page';

// whole pages with antd on a shared machine: more than the default per test
jest.setTimeout(60_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());

const SESSION = '00000000-0000-4000-8000-000000000301';
const COMPLAINT = '00000000-0000-4000-8000-000000000901';
const TX = '4200000000202612060000000001';

function renderPage(page: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  queryClient.setQueryData(meQuery().queryKey, meWith(['sessions.read', 'support.search']) as never);
  const rootRoute = createRootRoute({ component: Outlet });
  // every route shows the page under test: the tests read where its links lead, they do not follow them
  const routes = ['/support', '/sessions/$sessionId', '/complaints/$complaintId'].map((p) => createRoute({ getParentRoute: () => rootRoute, path: p, component: () => <App>{page}</App> }));
  const router = createRouter({ routeTree: rootRoute.addChildren(routes), history: createMemoryHistory({ initialEntries: ['/support'] }) });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router as never} />
    </QueryClientProvider>,
  );
}

const found = {
  kind: 'transactionId',
  q: TX,
  audited: true,
  truncated: false,
  sessions: [
    {
      id: SESSION,
      state: 'PAID',
      organizationId: '00000000-0000-4000-8000-000000000021',
      organizationName: '鲜柜 西湖加盟店',
      outOrderNo: 'ZZB20261206000001',
      outOrderNos: ['ZZA20261206000001', 'ZZB20261206000001'],
      transactionId: TX,
      openid: 'o-user-1',
      deviceId: '00000000-0000-4000-8000-000000000201',
      deviceCode: 'FR-0001',
      deviceType: 'FRIDGE',
      slot: null,
      connector: null,
      createdAt: '2026-12-06T02:00:00Z',
      inUseAt: '2026-12-06T02:01:00Z',
      endedAt: '2026-12-06T02:10:00Z',
      paidAt: '2026-12-06T02:11:00Z',
      cancelledAt: null,
      cancelReason: null,
      anomaly: null,
      totalFen: 700,
      paidFen: 700,
      refundedFen: 200,
      charges: [{ kind: 'items', label: '可乐 330ml × 2', amountFen: 700, detail: '3.5元 × 2' }],
      refunds: [
        {
          id: '00000000-0000-4000-8000-000000000401',
          outRefundNo: 'R0123456789abcdef0123456789abcdef',
          refundId: '50300000000202612060000000001',
          amountFen: 200,
          state: 'SUCCEEDED',
          reason: '少拿了一瓶',
          createdAt: '2026-12-06T03:00:00Z',
          finishedAt: '2026-12-06T03:01:00Z',
        },
      ],
      complaints: [{ id: COMPLAINT, complaintId: '200220261206000000000000001', state: 'PENDING', detail: '扣错钱了', complaintTime: '2026-12-06T04:00:00Z', replyDueAt: '2026-12-07T04:00:00Z' }],
      deviceReports: [
        { at: '2026-12-06T02:01:00Z', source: 'COMMAND', type: 'UNLOCK', ofSession: true, detail: { state: 'SUCCEEDED', ackResult: 'SUCCEEDED' } },
        { at: '2026-12-06T02:05:00Z', source: 'TELEMETRY', type: 'heartbeat', ofSession: false, detail: { telemetry: { temperatureC: 4 } } },
        { at: '2026-12-06T02:10:00Z', source: 'EVENT', type: 'session.ended', ofSession: true, detail: { payload: { usage: { items: [{ sku: 'cola-330', count: 2 }] } } } },
      ],
    },
  ],
};

describe('the customer-service lookup page', () => {
  it('shows the session found with its charges, refunds, complaints and device reports, linked to its page', async () => {
    api = fakeApi({ 'GET /v1/support/lookup': found });
    renderPage(<SupportPage search={{ kind: 'transactionId', q: TX }} onSearchChange={() => undefined} />);
    const card = await screen.findByTestId('support-session');
    expect(api.requests.filter((r) => r.path === '/v1/support/lookup').map((r) => r.query)).toEqual([{ kind: 'transactionId', q: TX }]);
    expect(within(card).getByText('ZZB20261206000001').closest('a')).toHaveAttribute('href', `/sessions/${SESSION}`);
    expect(within(card).getByText('订单详情').closest('a')).toHaveAttribute('href', `/sessions/${SESSION}`);
    expect(within(card).getByText('ZZA20261206000001, ZZB20261206000001')).toBeInTheDocument();
    expect(within(card).getByText('o-user-1')).toBeInTheDocument();
    // charges, refunds (both numbers), the complaint linked to its page
    expect(within(card).getByText('可乐 330ml × 2')).toBeInTheDocument();
    expect(within(card).getByText('R0123456789abcdef0123456789abcdef')).toBeInTheDocument();
    expect(within(card).getByText('50300000000202612060000000001')).toBeInTheDocument();
    expect(within(card).getByText('200220261206000000000000001').closest('a')).toHaveAttribute('href', `/complaints/${COMPLAINT}`);
    // the device's reports in time order, those naming the session marked
    const timeline = within(card).getByTestId('device-timeline');
    expect(within(timeline).getAllByText(/^(UNLOCK|heartbeat|session\.ended)$/).map((n) => n.textContent)).toEqual(['UNLOCK', 'heartbeat', 'session.ended']);
    expect(within(timeline).getAllByText('本订单')).toHaveLength(2);
    expect(screen.getByText(/会记入操作日志/)).toBeInTheDocument();
    expect(screen.getByTestId('found-count')).toHaveTextContent('找到 1 笔订单');
  });

  it('detects the kind from the identifier’s shape and puts the search in the URL', async () => {
    api = fakeApi({});
    const changes: SupportSearch[] = [];
    renderPage(<SupportPage search={{}} onSearchChange={(s) => changes.push(s)} />);
    const box = await screen.findByLabelText('查询内容');
    fireEvent.change(box, { target: { value: ` ${TX} ` } });
    expect(screen.getByText(/识别为：微信支付订单号/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /查询/ }));
    expect(changes).toEqual([{ kind: 'transactionId', q: TX }]);
    // nothing was sent before the search was complete
    expect(api.requests.filter((r) => r.path === '/v1/support/lookup')).toEqual([]);
    expect([detectKind('50300000000202612060000000001'), detectKind('R0123456789abcdef0123456789abcdef'), detectKind('oUpF8uMuAJO_M2pxb1Q9zNjWeS6o'), detectKind('ZZ20261206-1')]).toEqual([
      'refundNo',
      'refundNo',
      'openid',
      'outOrderNo',
    ]);
  });

  it('after a search, a different identifier pasted into the box is detected afresh, not searched as the previous kind', async () => {
    api = fakeApi({ 'GET /v1/support/lookup': found });
    const changes: SupportSearch[] = [];
    renderPage(<SupportPage search={{ kind: 'outOrderNo', q: 'ZZB20261206000001' }} onSearchChange={(s) => changes.push(s)} />);
    await screen.findByTestId('support-session');
    fireEvent.change(screen.getByLabelText('查询内容'), { target: { value: TX } });
    expect(screen.getByText(/识别为：微信支付订单号/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /查询/ }));
    expect(changes).toEqual([{ kind: 'transactionId', q: TX }]);
  });

  it('asks for the time of a device search and sends it as an instant read in Asia/Shanghai', async () => {
    api = fakeApi({});
    const changes: SupportSearch[] = [];
    renderPage(<SupportPage search={{ kind: 'deviceTime', q: 'FR-0001' }} onSearchChange={(s) => changes.push(s)} />);
    const when = await screen.findByLabelText('用户所述时间');
    fireEvent.click(screen.getByRole('button', { name: /查询/ }));
    expect(changes).toEqual([]);
    expect(screen.getByText('请填写用户所述的时间')).toBeInTheDocument();
    fireEvent.change(when, { target: { value: '2026-12-06T10:00' } });
    fireEvent.click(screen.getByRole('button', { name: /查询/ }));
    expect(changes).toEqual([{ kind: 'deviceTime', q: 'FR-0001', at: '2026-12-06T02:00:00.000Z' }]);
  });

  it('says so when nothing is found, and shows a refusal with its code', async () => {
    api = fakeApi({ 'GET /v1/support/lookup': { ...found, sessions: [] } });
    renderPage(<SupportPage search={{ kind: 'outOrderNo', q: 'NOPE' }} onSearchChange={() => undefined} />);
    expect(await screen.findByText('没有找到你可查看的订单')).toBeInTheDocument();
    api.restore();
    api = fakeApi({
      'GET /v1/support/lookup': answer(400, { status: 400, code: 'VALIDATION_FAILED', title: 'Bad Request', detail: 'Invalid fields: q', errors: [{ field: 'q', messages: ['q must be an openid'] }] }),
    });
    renderPage(<SupportPage search={{ kind: 'openid', q: 'bad' }} onSearchChange={() => undefined} />);
    expect(await screen.findByText(/VALIDATION_FAILED/)).toBeInTheDocument();
  });
});
