import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { ReactNode } from 'react';
import { App } from 'antd';
import { render as renderDom, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import { answer, fakeApi, meWith } from '@/test/fake-api';
import { AutoTickets } from '../components/auto-tickets';
import { DeviceTickets } from '../components/device-tickets';
import { OpenTicketFromAlert } from '../components/open-ticket';
import { TicketDetailPage } from './ticket-detail-page';
import { TicketsPage } from './tickets-page';

jest.setTimeout(60_000);

const TICKET = '00000000-0000-4000-8000-00000000a001';
const DEVICE = '00000000-0000-4000-8000-000000000221';
const TECH = '00000000-0000-4000-8000-0000000000aa';
const ALERT = '00000000-0000-4000-8000-0000000000c1';

const ticket = (overrides: Record<string, unknown> = {}) => ({
  id: TICKET,
  organizationId: '00000000-0000-4000-8000-000000000021',
  deviceId: DEVICE,
  deviceCode: 'FR-0001',
  alertId: null,
  title: '柜门无法打开',
  description: '用户反馈扫码后门锁无反应',
  state: 'OPEN',
  assigneeId: TECH,
  assigneeName: '冰柜维修员',
  resolution: null,
  openedAt: '2026-12-05T02:00:00Z',
  openedBy: null,
  startedAt: null,
  startedBy: null,
  resolvedAt: null,
  resolvedBy: null,
  closedAt: null,
  closedBy: null,
  reopenedAt: null,
  reopenedBy: null,
  actions: ['start', 'resolve', 'close'],
  ...overrides,
});
const detail = (overrides: Record<string, unknown> = {}) => ({
  ...ticket(overrides),
  events: [
    { id: 'e1', kind: 'STATE', body: '', fromState: null, toState: 'OPEN', createdAt: '2026-12-05T02:00:00Z', createdBy: null, createdByName: '西湖店长' },
    { id: 'e2', kind: 'NOTE', body: '门锁电机烧毁', fromState: null, toState: null, createdAt: '2026-12-05T02:10:00Z', createdBy: TECH, createdByName: '冰柜维修员' },
  ],
  photos: [{ id: 'p1', name: '压缩机.png', contentType: 'image/png', size: 2048, sha256: 'a'.repeat(64), uploadedAt: '2026-12-05T02:20:00Z', uploadedBy: TECH }],
});

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());

/** A component inside a router with the routes it links to. */
function render(node: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const rootRoute = createRootRoute({ component: Outlet });
  const page = createRoute({ getParentRoute: () => rootRoute, path: '/', component: () => <App>{node}</App> });
  const list = createRoute({ getParentRoute: () => rootRoute, path: '/maintenance', component: () => null });
  const one = createRoute({ getParentRoute: () => rootRoute, path: '/maintenance/$ticketId', component: () => <div data-testid="opened-ticket">opened</div> });
  const device = createRoute({ getParentRoute: () => rootRoute, path: '/devices/$deviceId', component: () => null });
  const router = createRouter({ routeTree: rootRoute.addChildren([page, list, one, device]), history: createMemoryHistory({ initialEntries: ['/'] }) });
  renderDom(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router as never} />
    </QueryClientProvider>,
  );
  return router;
}

const WRITE = ['devices.read', 'sites.read', 'maintenance.read', 'maintenance.write'];

describe('maintenance console', () => {
  it('lists tickets by device code with state and assignee, and sends the URL’s filters', async () => {
    api = fakeApi({
      'GET /v1/me': meWith(WRITE, { user: { id: TECH, role: 'TECHNICIAN', displayName: '冰柜维修员' } }),
      'GET /v1/maintenance/tickets': { items: [ticket(), ticket({ id: '00000000-0000-4000-8000-00000000a002', title: '制冷异常', state: 'IN_PROGRESS', assigneeId: null, assigneeName: null })], total: 2 },
      'GET /v1/maintenance/assignees': [{ id: TECH, organizationId: '00000000-0000-4000-8000-000000000020', displayName: '冰柜维修员', role: 'TECHNICIAN' }],
    });
    render(<TicketsPage search={{ state: 'OPEN', assigneeId: TECH, page: 2 }} onSearchChange={() => undefined} />);
    const list = await screen.findByTestId('maintenance-tickets');
    expect((await within(list).findAllByText('FR-0001'))[0]!.closest('a')).toHaveAttribute('href', `/devices/${DEVICE}`);
    expect(within(list).getByText('柜门无法打开').closest('a')).toHaveAttribute('href', `/maintenance/${TICKET}`);
    expect(within(list).getByText('处理中')).toBeInTheDocument();
    expect(within(list).getByText('未指派')).toBeInTheDocument();
    expect(api.requests.find((r) => r.path === '/v1/maintenance/tickets')!.query).toEqual({ state: 'OPEN', assigneeId: TECH, limit: '20', offset: '20' });
  });

  it('works a ticket: starts it, adds a note, and shows a refused transition’s code', async () => {
    const user = userEvent.setup({ delay: null });
    api = fakeApi({
      'GET /v1/me': meWith(WRITE),
      [`GET /v1/maintenance/tickets/${TICKET}`]: detail(),
      'GET /v1/maintenance/assignees': [{ id: TECH, organizationId: '00000000-0000-4000-8000-000000000020', displayName: '冰柜维修员', role: 'TECHNICIAN' }],
      [`POST /v1/maintenance/tickets/${TICKET}/transitions`]: answer(409, { status: 409, code: 'TICKET_INVALID_TRANSITION', title: 'Conflict', detail: 'A IN_PROGRESS ticket cannot start.' }),
      [`POST /v1/maintenance/tickets/${TICKET}/notes`]: detail(),
    });
    render(<TicketDetailPage ticketId={TICKET} />);
    const page = await screen.findByTestId('ticket-detail');
    expect(await within(page).findByText('门锁电机烧毁')).toBeInTheDocument();
    expect(within(page).getByText('压缩机.png')).toBeInTheDocument();
    expect(within(page).getByText('FR-0001')).toBeInTheDocument();

    await user.click(within(page).getByRole('button', { name: '开始处理' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox'), '出发');
    await user.click(within(dialog).getByRole('button', { name: /确\s?定/ }));
    await waitFor(() => expect(api!.requests.find((r) => r.method === 'POST' && r.path.endsWith('/transitions'))?.body).toEqual({ action: 'start', note: '出发' }));
    expect(await screen.findByText(/TICKET_INVALID_TRANSITION/)).toBeInTheDocument();

    await user.type(within(page).getByRole('textbox', { name: '添加备注' }), '已更换门锁电机');
    await user.click(within(page).getByRole('button', { name: /提\s?交/ }));
    await waitFor(() => expect(api!.requests.find((r) => r.method === 'POST' && r.path.endsWith('/notes'))?.body).toEqual({ body: '已更换门锁电机' }));
  });

  it('shows a closed ticket read-only but for reopen, and a login that may only read no actions', async () => {
    api = fakeApi({ 'GET /v1/me': meWith(['maintenance.read']), [`GET /v1/maintenance/tickets/${TICKET}`]: detail({ state: 'CLOSED', actions: ['reopen'], resolution: '已更换门锁电机' }) });
    render(<TicketDetailPage ticketId={TICKET} />);
    const page = await screen.findByTestId('ticket-detail');
    expect(await within(page).findByText('已更换门锁电机')).toBeInTheDocument();
    expect(within(page).queryByRole('button', { name: '重新打开' })).toBeNull();
    expect(within(page).queryByRole('textbox', { name: '添加备注' })).toBeNull();
  });

  it('opens a ticket from an alert and goes to it', async () => {
    const user = userEvent.setup({ delay: null });
    api = fakeApi({ 'GET /v1/me': meWith(WRITE), 'POST /v1/maintenance/tickets': detail({ alertId: ALERT }) });
    render(<OpenTicketFromAlert alertId={ALERT} />);
    await user.click(await screen.findByRole('button', { name: '建工单' }));
    await waitFor(() => expect(api!.requests.find((r) => r.method === 'POST')?.body).toEqual({ alertId: ALERT }));
    expect(await screen.findByTestId('opened-ticket')).toBeInTheDocument();
  });

  it('shows a device’s tickets on its page', async () => {
    api = fakeApi({ 'GET /v1/me': meWith(WRITE), 'GET /v1/maintenance/tickets': { items: [ticket()], total: 1 } });
    render(<DeviceTickets deviceId={DEVICE} />);
    const section = await screen.findByTestId('device-tickets');
    expect(await within(section).findByText('柜门无法打开')).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: /^报\s?修$/ })).toBeInTheDocument();
    expect(api.requests.find((r) => r.path === '/v1/maintenance/tickets')!.query).toMatchObject({ deviceId: DEVICE });
  });

  it('lets an admin choose the alert kinds that open tickets by themselves', async () => {
    const user = userEvent.setup({ delay: null });
    api = fakeApi({
      'GET /v1/me': meWith([...WRITE, 'alerts.write']),
      'GET /v1/maintenance/settings': { autoTicketKinds: ['DEVICE_OFFLINE'], available: ['DEVICE_OFFLINE', 'DEVICE_START_FAILURES'] },
      'PUT /v1/maintenance/settings': { autoTicketKinds: ['DEVICE_OFFLINE', 'DEVICE_START_FAILURES'], available: ['DEVICE_OFFLINE', 'DEVICE_START_FAILURES'] },
    });
    render(<AutoTickets />);
    const card = await screen.findByTestId('auto-tickets');
    await waitFor(() => expect(within(card).getByRole('checkbox', { name: '设备离线' })).toBeChecked());
    await user.click(within(card).getByRole('checkbox', { name: '设备连续启动失败' }));
    await user.click(within(card).getByRole('button', { name: /保\s?存/ }));
    await waitFor(() => expect(api!.requests.find((r) => r.method === 'PUT')?.body).toEqual({ autoTicketKinds: ['DEVICE_OFFLINE', 'DEVICE_START_FAILURES'] }));
  });

  it('shows no automatic-ticket choice to a login without alerts.write (a technician)', async () => {
    api = fakeApi({ 'GET /v1/me': meWith(WRITE), 'GET /v1/maintenance/tickets': { items: [ticket()], total: 1 } });
    render(
      <>
        <DeviceTickets deviceId={DEVICE} />
        <AutoTickets />
      </>,
    );
    await screen.findByTestId('device-tickets');
    expect(screen.queryByTestId('auto-tickets')).toBeNull();
    expect(api.requests.some((r) => r.path === '/v1/maintenance/settings')).toBe(false);
  });
});
