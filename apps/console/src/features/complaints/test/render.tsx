import type { ReactNode } from 'react';
import { App } from 'antd';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import { meQuery } from '@/lib/me';
import { meWith } from '@/test/fake-api';

export const BRAND = '00000000-0000-4000-8000-000000000021';
export const FRANCHISEE = '00000000-0000-4000-8000-000000000022';
export const SESSION = '00000000-0000-4000-8000-000000000301';

/** The brand's admin (the merchant of record) or its franchisee's admin (reads the complaints on its sessions). */
export const ADMIN = meWith(['sessions.read', 'sessions.act', 'complaints.read', 'complaints.act'], { organizationId: BRAND, user: { role: 'OPERATOR_ADMIN', organizationId: BRAND } });
export const FRANCHISEE_ADMIN = meWith(['sessions.read', 'sessions.act', 'complaints.read', 'complaints.act'], { organizationId: FRANCHISEE, user: { role: 'FRANCHISEE_ADMIN', organizationId: FRANCHISEE } });

/** Renders `page` at `path` inside a router that knows the pages it links to, signed in as `me`. */
export function renderAt(page: ReactNode, me: unknown, path = '/complaints') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  queryClient.setQueryData(meQuery().queryKey, me as never);
  const rootRoute = createRootRoute({ component: Outlet });
  // every route shows the page under test: the tests read where its links lead, they do not follow them
  const routes = ['/complaints', '/complaints/$complaintId', '/sessions/$sessionId'].map((p) => createRoute({ getParentRoute: () => rootRoute, path: p, component: () => <App>{page}</App> }));
  const router = createRouter({ routeTree: rootRoute.addChildren(routes), history: createMemoryHistory({ initialEntries: [path] }) });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router as never} />
    </QueryClientProvider>,
  );
  return { queryClient, router };
}

export const complaint = (overrides: Record<string, unknown> = {}) => ({
  id: '00000000-0000-4000-8000-000000000901',
  complaintId: '200220261206000000000000001',
  state: 'PENDING',
  outOrderNo: 'ZZ20261206000001',
  sessionId: SESSION,
  merchantAccountId: '00000000-0000-4000-8000-000000000501',
  organizationId: BRAND,
  complaintTime: '2026-12-06T01:00:00Z',
  replyDueAt: '2026-12-07T01:00:00Z',
  completeDueAt: '2026-12-09T01:00:00Z',
  repliedAt: null,
  processedAt: null,
  detail: '三明治过期了',
  problemType: 'REFUND',
  applyRefundFen: 1200,
  orderFen: 1500,
  incomingUserResponse: false,
  ...overrides,
});

export const detail = (overrides: Record<string, unknown> = {}) => ({
  ...complaint(),
  transactionId: '4200000000202612060000000001',
  hasPayerPhone: true,
  history: [
    { log_id: 'b', operator: '商家', operate_time: '2026-12-06T02:00:00+08:00', operate_type: 'MERCHANT_RESPONSE', operate_details: '已收到', image_list: [], complaint_media_list: [] },
    {
      log_id: 'a',
      operator: '投诉人',
      operate_time: '2026-12-06T01:00:00+08:00',
      operate_type: 'USER_CREATE_COMPLAINT',
      operate_details: '三明治过期了',
      image_list: [],
      complaint_media_list: [{ media_type: 'USER_COMPLAINT_IMAGE', media_url: ['https://sim/v3/merchant-service/images/abc%3D%3D'] }],
    },
  ],
  media: [{ mediaType: 'USER_COMPLAINT_IMAGE', urls: ['https://sim/v3/merchant-service/images/abc%3D%3D'] }],
  actions: [],
  ...overrides,
});
