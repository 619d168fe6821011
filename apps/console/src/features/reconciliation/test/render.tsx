import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import type { Schemas } from '@zizhu/api-client';
import { meWith } from '@/test/fake-api';
import { ReconciliationDetailPage } from '../pages/reconciliation-detail-page';
import { ReconciliationListPage } from '../pages/reconciliation-list-page';
import { reconciliationDetailSearchSchema, reconciliationSearchSchema } from '../search';

// Reconciliation as the API answers it, and the pages inside a router wired the way app/routes/_app/reconciliation wires them.

export const ACCOUNT = '00000000-0000-4000-8000-0000000000e1';
export const RUN = '00000000-0000-4000-8000-0000000000e2';
export const SESSION = '00000000-0000-4000-8000-0000000000e3';
export const D_LOCAL = '00000000-0000-4000-8000-0000000000e4';
export const D_AMOUNT = '00000000-0000-4000-8000-0000000000e5';
export const D_FLOW = '00000000-0000-4000-8000-0000000000e6';
export const D_SHARING = '00000000-0000-4000-8000-0000000000e7';

export const account = { id: ACCOUNT, name: '冰柜品牌商户号', mchid: '1900000002', organizationId: '00000000-0000-4000-8000-000000000001' };

export const adminMe = () => meWith(['merchantAccounts.read', 'merchantAccounts.write', 'reconciliations.read', 'reconciliations.write', 'sessions.read']);
export const staffMe = () => meWith(['merchantAccounts.read', 'reconciliations.read'], { user: { ...meWith([]).user, role: 'OPERATOR_STAFF' } });

export function difference(overrides: Partial<Schemas['ReconciliationDifferenceDto']>): Schemas['ReconciliationDifferenceDto'] {
  return {
    id: D_LOCAL,
    kind: 'MISSING_LOCAL',
    bill: 'TRADE',
    outOrderNo: 'FOREIGN77',
    transactionId: '4200009999202612010000000077',
    outRefundNo: null,
    refundId: null,
    sessionId: null,
    localFen: null,
    billFen: 500,
    localState: null,
    billState: null,
    recheck: { query: 'ORDER', outcome: 'NOT_FOUND' },
    recheckedAt: '2026-12-05T02:10:00Z',
    resolvedAt: null,
    resolutionNote: null,
    ...overrides,
  };
}

export function run(overrides: Partial<Schemas['ReconciliationDto']> = {}): Schemas['ReconciliationDto'] {
  return {
    id: RUN,
    organizationId: account.organizationId,
    merchantAccountId: ACCOUNT,
    billDate: '2026-12-04',
    state: 'DONE',
    trigger: 'MANUAL',
    matched: 7,
    payments: 6,
    refunds: 1,
    feeFen: 43,
    errorCode: null,
    error: null,
    bills: [
      { bill: 'TRADE', sha1: 'a'.repeat(40), sizeBytes: 2048, rows: 7 },
      { bill: 'FUND_FLOW', sha1: 'b'.repeat(40), sizeBytes: 1024, rows: 6 },
    ],
    differences: [
      difference({}),
      difference({ id: D_AMOUNT, kind: 'AMOUNT_MISMATCH', outOrderNo: 'wxzff-1', transactionId: '4200001', sessionId: SESSION, localFen: 1_200, billFen: 990, recheck: { query: 'ORDER', state: 'DONE', paidFen: 1_200 } }),
      difference({ id: D_FLOW, kind: 'MISSING_AT_WECHAT', bill: 'FUND_FLOW', outOrderNo: 'wxzff-2', sessionId: SESSION, localFen: 800, billFen: null, resolvedAt: '2026-12-05T03:00:00Z', resolutionNote: '次日入账，已核实' }),
      // a bill kind added later (profit sharing) is shown with its name and filters like the others
      difference({ id: D_SHARING, kind: 'AMOUNT_MISMATCH', bill: 'PROFIT_SHARING' as Schemas['ReconciliationDifferenceDto']['bill'], outOrderNo: 'PS-1', localFen: 240, billFen: 200 }),
    ],
    createdAt: '2026-12-05T02:00:00Z',
    finishedAt: '2026-12-05T02:10:00Z',
    ...overrides,
  };
}

export function renderReconciliationAt(url: string) {
  const rootRoute = createRootRoute({ component: Outlet });
  const listRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/reconciliation',
    validateSearch: reconciliationSearchSchema,
    component: function List() {
      // this tree is not the registered app's, so the navigate call is untyped here
      const navigate = listRoute.useNavigate() as unknown as (options: { search: unknown }) => Promise<void>;
      return <ReconciliationListPage search={listRoute.useSearch()} onSearchChange={(search) => void navigate({ search })} />;
    },
  });
  const detailRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/reconciliation/$reconciliationId',
    validateSearch: reconciliationDetailSearchSchema,
    component: function Detail() {
      const navigate = detailRoute.useNavigate() as unknown as (options: { search: unknown }) => Promise<void>;
      return <ReconciliationDetailPage reconciliationId={(detailRoute.useParams() as { reconciliationId: string }).reconciliationId} search={detailRoute.useSearch()} onSearchChange={(search) => void navigate({ search })} />;
    },
  });
  const sessionRoute = createRoute({ getParentRoute: () => rootRoute, path: '/sessions/$sessionId', component: () => <div data-testid="session-page" /> });
  const router = createRouter({ routeTree: rootRoute.addChildren([listRoute, detailRoute, sessionRoute]), history: createMemoryHistory({ initialEntries: [url] }) });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router as never} />
    </QueryClientProvider>,
  );
  return { router, queryClient };
}
