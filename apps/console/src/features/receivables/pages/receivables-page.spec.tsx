import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import type { Schemas } from '@zizhu/api-client';
import { meQuery } from '@/lib/me';
import { receivablesSearchSchema } from '../search';
import { ReceivablesPage } from './receivables-page';

// whole pages with antd on a machine shared by several people: more than the default per test
jest.setTimeout(60_000);

const owed: Schemas['ReceivableDto'] = {
  id: '7f0c2c8e-4a51-4d1a-9c3e-1f6f0f6b8a02',
  outOrderNo: 'ZZ20261201000009',
  bucket: '3-7d',
  state: 'AWAITING_PAYMENT',
  deviceType: 'POWERBANK_CABINET',
  deviceCode: 'PB-0002',
  deviceId: '00000000-0000-4000-8000-000000000202',
  endUserId: '00000000-0000-4000-8000-000000000301',
  organizationId: '00000000-0000-4000-8000-000000000101',
  merchantOrganizationId: '00000000-0000-4000-8000-000000000101',
  anomaly: null,
  anomalyKind: null,
  cancelReason: null,
  collectionState: 'USER_PAYING',
  connector: null,
  slot: 1,
  endSource: 'DEVICE',
  meterReading: null,
  orderAttempt: 1,
  orderState: 'DOING',
  paidFen: null,
  planVersion: 1,
  quotedFen: 1250,
  refundedFen: 0,
  riskFundFen: 9900,
  runningFen: null,
  scenario: 'RENTAL',
  serviceId: '00004000000000001',
  times: { orderCompletedAt: '2026-12-01T02:00:00.000Z' },
  totalFen: 1250,
};

const answer: Schemas['ReceivablesDto'] = {
  count: 3,
  owedFen: 4250,
  total: 3,
  items: [owed],
  aging: [
    { bucket: '0-1d', count: 1, owedFen: 1000, minDays: 0, maxDays: 1 },
    { bucket: '1-3d', count: 0, owedFen: 0, minDays: 1, maxDays: 3 },
    { bucket: '3-7d', count: 2, owedFen: 3250, minDays: 3, maxDays: 7 },
    { bucket: '7-30d', count: 0, owedFen: 0, minDays: 7, maxDays: 30 },
    { bucket: '>30d', count: 0, owedFen: 0, minDays: 30, maxDays: null },
  ],
};

interface Sent {
  method: string;
  url: URL;
  key: string | null;
}

let original: typeof fetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = original;
});

function stub(): Sent[] {
  original = globalThis.fetch;
  const sent: Sent[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    sent.push({ method: request.method, url, key: request.headers.get('Idempotency-Key') });
    const body = url.pathname === '/v1/receivables' ? answer : { ...owed, actions: [] };
    return new Response(JSON.stringify(body), { status: request.method === 'POST' ? 202 : 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return sent;
}

function renderAt(url: string, permissions: readonly string[]) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(meQuery().queryKey, { permissions: [...permissions], user: { role: 'OPERATOR_ADMIN' } } as never);
  const rootRoute = createRootRoute({ component: Outlet });
  const route = createRoute({
    getParentRoute: () => rootRoute,
    path: '/receivables',
    validateSearch: receivablesSearchSchema,
    component: function Page() {
      // this tree is not the registered app's, so the navigate call is untyped here
      const navigate = route.useNavigate() as unknown as (options: { search: unknown }) => Promise<void>;
      return <ReceivablesPage search={route.useSearch()} onSearchChange={(search) => void navigate({ search })} />;
    },
  });
  const detail = createRoute({ getParentRoute: () => rootRoute, path: '/sessions/$sessionId', component: () => null });
  const router = createRouter({ routeTree: rootRoute.addChildren([route, detail]), history: createMemoryHistory({ initialEntries: [url] }) });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router as never} />
    </QueryClientProvider>,
  );
  return router;
}

const shown = (text: string | RegExp) => screen.findByText(text, {}, { timeout: 10_000 });
const buttons = (name: RegExp) => screen.queryAllByText(name).filter((e) => e.closest('button') !== null);
const reads = (sent: Sent[]) => sent.filter((s) => s.url.pathname === '/v1/receivables');

describe('receivables', () => {
  it('shows what is owed by age; a card filters the list through the URL', async () => {
    const user = userEvent.setup({ delay: null });
    const sent = stub();
    const router = renderAt('/receivables', ['money.read', 'sessions.read']);
    expect(await shown('ZZ20261201000009')).toBeInTheDocument();
    expect(screen.getByTestId('bucket-all')).toHaveTextContent('¥42.50');
    expect(screen.getByTestId('bucket-all')).toHaveTextContent('3 笔');
    expect(screen.getByTestId('bucket-3-7d')).toHaveTextContent('¥32.50');
    await user.click(screen.getByTestId('bucket-3-7d'));
    await waitFor(() => expect(router.state.location.search).toEqual({ bucket: '3-7d' }));
    await waitFor(() => expect(reads(sent).at(-1)!.url.searchParams.get('bucket')).toBe('3-7d'));
    expect(screen.getByTestId('bucket-3-7d')).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByTestId('bucket-all'));
    await waitFor(() => expect(router.state.location.search).toEqual({}));
  });

  it('collects now with an Idempotency-Key, then reads the receivables again', async () => {
    const user = userEvent.setup({ delay: null });
    const sent = stub();
    renderAt('/receivables?bucket=3-7d', ['money.read', 'sessions.read', 'sessions.act']);
    await shown('ZZ20261201000009');
    const before = reads(sent).length;
    await user.click(buttons(/^立即催收$/)[0]!);
    expect(await shown(/用户在设备 PB-0002 上尚欠 ¥12\.50/)).toBeInTheDocument();
    await user.click(buttons(/^确认催收$/)[0]!);
    await waitFor(() => expect(sent.filter((s) => s.method === 'POST')).toHaveLength(1));
    const post = sent.find((s) => s.method === 'POST')!;
    expect(post.url.pathname).toBe(`/v1/sessions/${owed.id}/collect`);
    expect(post.key).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect(reads(sent).length).toBeGreaterThan(before));
  });

  it('hides 催收 from a login that may not act', async () => {
    stub();
    renderAt('/receivables', ['money.read', 'sessions.read']);
    await shown('ZZ20261201000009');
    expect(buttons(/^立即催收$/)).toHaveLength(0);
  });
});
