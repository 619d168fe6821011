import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import type { Schemas } from '@zizhu/api-client';
import { meWith } from '@/test/fake-api';
import { settlementSearchSchema } from '../search';
import { SettlementPage } from '../pages/settlement-page';

// Settlement as the API answers it, for the page and component tests (the fake API returns these).

export const BRAND = '00000000-0000-4000-8000-000000000001';
export const F1 = '00000000-0000-4000-8000-000000000011';
export const F2 = '00000000-0000-4000-8000-000000000012';
export const RESELLER = '00000000-0000-4000-8000-000000000021';
export const C1 = '00000000-0000-4000-8000-000000000031';
export const STATEMENT = '00000000-0000-4000-8000-0000000000f1';

export const organization = (id: string, name: string, kind: Schemas['OrganizationDto']['kind'], parentId: string | null) => ({
  id,
  name,
  kind,
  parentId,
  operatingModel: kind === 'OPERATOR' ? 'FRANCHISE' : null,
  createdAt: '2026-01-01T00:00:00Z',
});

export const brandOrganizations = [organization(BRAND, '冰柜品牌', 'OPERATOR', null), organization(F1, '西湖加盟店', 'FRANCHISEE', BRAND), organization(F2, '滨江加盟店', 'FRANCHISEE', BRAND)];

export function statement(overrides: Partial<Schemas['StatementDto']> = {}): Schemas['StatementDto'] {
  return {
    id: STATEMENT,
    organizationId: F1,
    organizationName: '西湖加盟店',
    parentOrganizationId: BRAND,
    kind: 'FRANCHISE',
    period: 'MONTHLY',
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    status: 'OPEN',
    sessions: 3,
    paidFen: 10_000,
    refundedFen: 1_001,
    netFen: 8_999,
    commissionFen: 1_799,
    fixedFeeFen: 2_000,
    minimumTopUpFen: 0,
    resellerFeeFen: 0,
    adjustmentFen: -150,
    channelFeeFen: 0,
    ownChannelFeeFen: 0,
    payableFen: 5_050,
    closedAt: null,
    settledAt: null,
    settlementReference: null,
    settlement: null,
    ...overrides,
  };
}

export function statementDetail(overrides: Partial<Schemas['StatementDetailDto']> = {}): Schemas['StatementDetailDto'] {
  return {
    ...statement(overrides),
    lines: [
      { position: 1, kind: 'SESSIONS_NET', description: '订单净额（实收 10000 分 − 退款 1001 分）', quantity: 3, unitFen: null, amountFen: 8_999, rounding: null },
      { position: 2, kind: 'COMMISSION', description: '品牌佣金（逐单 ⌊净额 × 比例⌋）', quantity: 3, unitFen: null, amountFen: -1_799, rounding: 'COMMISSION_FLOOR_PER_ORDER' },
      { position: 3, kind: 'FIXED_FEE', description: '设备月固定费', quantity: 2, unitFen: 1_000, amountFen: -2_000, rounding: 'FEE_EXACT_PER_DEVICE' },
      { position: 4, kind: 'ADJUSTMENT', description: '往期订单结账后退款', quantity: 1, unitFen: null, amountFen: -150, rounding: null },
    ],
    ...overrides,
  };
}

export function agreement(overrides: Partial<Schemas['AgreementDto']> = {}): Schemas['AgreementDto'] {
  return {
    id: '00000000-0000-4000-8000-0000000000a1',
    organizationId: F1,
    parentOrganizationId: BRAND,
    kind: 'FRANCHISE',
    version: 1,
    effectiveFrom: '2026-01-01',
    period: 'MONTHLY',
    commissionBasisPoints: 2000,
    fixedFeePerDeviceMonthFen: 1000,
    minimumMonthFen: null,
    collection: 'BRAND_COLLECTS',
    maxProfitSharingRatioBasisPoints: 3000,
    channelFeePassedOn: false,
    platformFeePerActiveDeviceMonthFen: null,
    fixedMonthFen: null,
    note: null,
    createdBy: null,
    createdAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export const earnings = (organizationId: string, from: string, to: string, netFen = 8_999, commissionFen = 1_799) => ({
  organizationId,
  from,
  to,
  sessions: 3,
  paidFen: netFen + 1_001,
  refundedFen: 1_001,
  netFen,
  commissionFen,
  shareFen: netFen - commissionFen,
});

export const brandMe = () => meWith(['settlement.read', 'settlement.write', 'profitSharing.write', 'sessions.read', 'money.read'], { organizationId: BRAND, organizationName: '冰柜品牌' });
export const franchiseeMe = () =>
  meWith(['settlement.read', 'profitSharing.write', 'sessions.read', 'money.read'], { organizationId: F1, organizationName: '西湖加盟店', organizationKind: 'FRANCHISEE', operatingModel: null });
export const resellerMe = () =>
  meWith(['settlement.read', 'settlement.write', 'profitSharing.write'], { organizationId: RESELLER, organizationName: '设备经销商', organizationKind: 'OPERATOR', operatingModel: 'HARDWARE_SALE' });
export const customerMe = () => meWith(['settlement.read', 'sessions.read', 'money.read'], { organizationId: C1, organizationName: '客户一', organizationKind: 'CUSTOMER', operatingModel: null });

/** The page inside a router wired the way app/routes/_app/settlement.tsx wires it: the URL is the state. */
export function renderSettlementAt(url: string) {
  const rootRoute = createRootRoute({ component: Outlet });
  const pageRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/settlement',
    validateSearch: settlementSearchSchema,
    component: function Settlement() {
      // this tree is not the registered app's, so the navigate call is untyped here
      const navigate = pageRoute.useNavigate() as unknown as (options: { search: unknown }) => Promise<void>;
      return <SettlementPage search={pageRoute.useSearch()} onSearchChange={(search) => void navigate({ search })} />;
    },
  });
  const router = createRouter({ routeTree: rootRoute.addChildren([pageRoute]), history: createMemoryHistory({ initialEntries: [url] }) });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router as never} />
    </QueryClientProvider>,
  );
  return { router, queryClient };
}

/** The totals per status of `GET /v1/statements`: [count, Σ payableFen] by status, zeros elsewhere. */
export function totals(by: Partial<Record<'OPEN' | 'CLOSED' | 'SETTLED', [number, number]>>) {
  return (['OPEN', 'CLOSED', 'SETTLED'] as const).map((status) => ({ status, count: by[status]?.[0] ?? 0, payableFen: by[status]?.[1] ?? 0 }));
}
