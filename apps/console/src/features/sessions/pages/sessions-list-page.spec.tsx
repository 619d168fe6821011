import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import { json, session, stubFetch, type Sent } from '../test/fixtures';
import { sessionsSearchSchema } from '../search';
import { SessionsListPage } from './sessions-list-page';
import { setViewportWidth } from '@/test/viewport';

// whole pages with antd on a machine shared by several people: more than the default per test
jest.setTimeout(60_000);

// The list inside a router wired the way app/routes/_app/sessions/index.tsx wires it: the URL is the state.
function renderAt(url: string) {
  const rootRoute = createRootRoute({ component: Outlet });
  const listRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/sessions',
    validateSearch: sessionsSearchSchema,
    component: function List() {
      // this tree is not the registered app's, so the navigate call is untyped here
      const navigate = listRoute.useNavigate() as unknown as (options: { search: unknown }) => Promise<void>;
      return <SessionsListPage search={listRoute.useSearch()} onSearchChange={(search) => void navigate({ search })} />;
    },
  });
  const detailRoute = createRoute({ getParentRoute: () => rootRoute, path: '/sessions/$sessionId', component: () => null });
  const router = createRouter({ routeTree: rootRoute.addChildren([listRoute, detailRoute]), history: createMemoryHistory({ initialEntries: [url] }) });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router as never} />
    </QueryClientProvider>,
  );
  return router;
}

// the first render loads antd and the router: allow it more than findBy's default second on a shared machine
const rowShown = () => screen.findByText('ZZ20261206000001', {}, { timeout: 10_000 });

let stub: { sent: Sent[]; restore: () => void };
const listCalls = () => stub.sent.filter((s) => s.url.pathname === '/v1/sessions');
const exportCalls = () => stub.sent.filter((s) => s.url.pathname === '/v1/sessions/export.csv');

beforeEach(() => {
  stub = stubFetch((sent) => {
    if (sent.url.pathname === '/v1/sessions') return json(200, { items: [session()], nextCursor: null, total: 1 });
    if (sent.url.pathname === '/v1/sessions/export.csv') return new Response('\uFEFFid,total_fen\n', { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' } });
    if (sent.url.pathname === '/v1/devices') return json(200, { items: [], total: 0 });
    return json(200, []);
  });
});
afterEach(() => {
  stub.restore();
  setViewportWidth(1280);
});

describe('the sessions list', () => {
  it('searches the device filter on the server by code and keeps the chosen device named when it is not among the matches', async () => {
    stub.restore();
    const far = { id: 'dev-far', code: 'FR-9999', name: 'Far fridge' };
    const near = { id: 'dev-77', code: 'FR-0077', name: null };
    stub = stubFetch((sent) => {
      if (sent.url.pathname === '/v1/sessions') return json(200, { items: [session()], nextCursor: null, total: 1 });
      if (sent.url.pathname === '/v1/devices') return json(200, { items: sent.url.searchParams.get('code') === 'FR-007' ? [near] : [], total: 0 });
      if (sent.url.pathname === '/v1/devices/dev-far') return json(200, far);
      return json(200, []);
    });
    renderAt('/sessions?deviceId=dev-far');
    await rowShown();
    // the chosen device (beyond the first page of devices) is shown by its code and name
    expect(await screen.findByText('FR-9999 Far fridge', {}, { timeout: 10_000 })).toBeTruthy();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('设备'), 'FR-007');
    expect(await screen.findByText('FR-0077', {}, { timeout: 10_000 })).toBeTruthy();
    await waitFor(() => expect(stub.sent.some((s) => s.url.pathname === '/v1/devices' && s.url.searchParams.get('code') === 'FR-007')).toBe(true));
  });

  it("accepts the overview's links: state and organisation from the URL reach the API", async () => {
    renderAt('/sessions?state=IN_USE&organizationId=org-1');
    expect(await rowShown()).toBeInTheDocument();
    expect(screen.getAllByText('7f0c2c8e-4a51-4d1a-9c3e-1f6f0f6b8a01').length).toBeGreaterThan(0);
    const query = listCalls().at(-1)!.url.searchParams;
    expect(query.getAll('state')).toEqual(['IN_USE']);
    expect(query.get('organizationId')).toBe('org-1');
    expect(query.get('limit')).toBe('20');
    expect(query.get('offset')).toBe('0');
  });

  it('accepts ?anomaly=true (and a kind), and drops what it cannot read', async () => {
    const router = renderAt('/sessions?anomaly=true&anomalyKind=REFUND_ABNORMAL&vertical=TOASTER&page=0');
    await rowShown();
    const query = listCalls().at(-1)!.url.searchParams;
    expect(query.get('anomaly')).toBe('true');
    expect(query.get('anomalyKind')).toBe('REFUND_ABNORMAL');
    expect(query.has('vertical')).toBe(false);
    expect(query.get('offset')).toBe('0');
    const search = router.state.location.search as Record<string, unknown>;
    expect([search['anomaly'], search['anomalyKind'], search['vertical'], search['page']]).toEqual([true, 'REFUND_ABNORMAL', undefined, undefined]);
  });

  it('a filter change writes the URL search params (keeping the others, back to page 1) and asks the API with them', async () => {
    const user = userEvent.setup({ delay: null });
    setViewportWidth(390);
    const router = renderAt('/sessions?state=IN_USE&organizationId=org-1&page=3');
    await rowShown();
    await user.type(screen.getByLabelText('订单号'), 'ZZ2026');
    // on a phone the organisation filter is folded away but still counted and kept
    const more = screen.getByRole('button', { name: '更多筛选（已选 1 项）' });
    await user.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    fireEvent.change(screen.getByLabelText('开始日期'), { target: { value: '2026-12-01' } });
    await user.click(screen.getByRole('button', { name: /查\s*询/ }));
    await waitFor(() => expect(router.state.location.search).toEqual({ state: ['IN_USE'], organizationId: 'org-1', q: 'ZZ2026', from: '2026-12-01' }));
    await waitFor(() => expect(listCalls().at(-1)!.url.searchParams.get('q')).toBe('ZZ2026'));
    const query = listCalls().at(-1)!.url.searchParams;
    expect(query.get('from')).toBe('2026-12-01');
    expect(query.getAll('state')).toEqual(['IN_USE']);
    expect(query.get('offset')).toBe('0');
  });

  it('reset clears every filter from the URL', async () => {
    const user = userEvent.setup({ delay: null });
    const router = renderAt('/sessions?state=PAID&q=abc');
    await rowShown();
    await user.click(screen.getByRole('button', { name: /重\s*置/ }));
    await waitFor(() => expect(router.state.location.search).toEqual({}));
  });

  it('exports the CSV with the same filters through the authenticated client and saves it', async () => {
    const user = userEvent.setup({ delay: null });
    const saved: Blob[] = [];
    const originalCreate = URL.createObjectURL;
    const originalRevoke = URL.revokeObjectURL;
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return 'blob:sessions';
    };
    URL.revokeObjectURL = () => undefined;
    try {
      renderAt('/sessions?state=PAID&vertical=FRIDGE&page=2');
      await rowShown();
      await user.click(screen.getByRole('button', { name: /导出 CSV/ }));
      await waitFor(() => expect(saved).toHaveLength(1));
      const query = exportCalls()[0]!.url.searchParams;
      expect(query.getAll('state')).toEqual(['PAID']);
      expect(query.get('vertical')).toBe('FRIDGE');
      expect(query.has('offset')).toBe(false);
      expect(await saved[0]!.text()).toContain('id,total_fen');
    } finally {
      URL.createObjectURL = originalCreate;
      URL.revokeObjectURL = originalRevoke;
    }
  });
});
