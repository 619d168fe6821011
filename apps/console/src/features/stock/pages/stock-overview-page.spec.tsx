import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { App } from 'antd';
import { render as renderDom, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import { fakeApi, meWith } from '@/test/fake-api';
import { StockOverviewPage } from './stock-overview-page';

jest.setTimeout(60_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());

function render() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const rootRoute = createRootRoute({ component: Outlet });
  const page = createRoute({ getParentRoute: () => rootRoute, path: '/stock', component: () => (<App><StockOverviewPage /></App>) });
  const device = createRoute({ getParentRoute: () => rootRoute, path: '/devices/$deviceId', component: () => null });
  const router = createRouter({ routeTree: rootRoute.addChildren([page, device]), history: createMemoryHistory({ initialEntries: ['/stock'] }) });
  return renderDom(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router as never} />
    </QueryClientProvider>,
  );
}

describe('the restock board', () => {
  it('lists the fridges below par with their device code, what to fill and the low SKUs', async () => {
    api = fakeApi({
      'GET /v1/me': meWith(['stock.read']),
      'GET /v1/stock/below-par': {
        items: [
          {
            deviceId: '00000000-0000-4000-8000-000000000221',
            deviceCode: 'FR-0001',
            deviceName: '大堂冰柜',
            siteName: '西湖文化广场写字楼大堂',
            organizationId: '00000000-0000-4000-8000-000000000021',
            organizationName: '鲜柜 西湖加盟店',
            toFill: 4,
            lowSkus: 1,
            lines: [
              { sku: 'sandwich-ham', name: '火腿三明治', parLevel: 2, onHand: 0, toFill: 2, low: true },
              { sku: 'cola-330', name: '可乐 330ml', parLevel: 6, onHand: 4, toFill: 2, low: false },
            ],
          },
        ],
      },
    });
    render();
    const page = await screen.findByTestId('stock-overview');
    const code = await within(page).findByText('FR-0001');
    expect(code.closest('a')).toHaveAttribute('href', '/devices/00000000-0000-4000-8000-000000000221');
    const row = code.closest('tr')!;
    expect(within(row).getByText('火腿三明治 0/2（补 2）')).toBeInTheDocument();
    expect(within(row).getByText('4')).toBeInTheDocument();
  });
});
