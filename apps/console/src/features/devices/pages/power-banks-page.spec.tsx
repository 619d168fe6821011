import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { App } from 'antd';
import type { ReactNode } from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import { answer, fakeApi, meWith } from '@/test/fake-api';
import { InventoryCard } from '../components/inventory-card';
import { PowerBanksPage } from './power-banks-page';

const DEVICE = '00000000-0000-4000-8000-000000000201';

const bank = (overrides: Record<string, unknown>) => ({
  id: '00000000-0000-4000-8000-00000000b001',
  bankId: 'B1',
  state: 'IN_SLOT',
  organizationId: '00000000-0000-4000-8000-000000000010',
  networkId: '00000000-0000-4000-8000-000000000010',
  deviceId: DEVICE,
  deviceCode: 'PB-0001',
  slot: 1,
  chargePercent: 80,
  sessionId: null,
  rentedFromDeviceCode: null,
  rentedAt: null,
  returnedAt: null,
  boughtOutAt: null,
  lostAt: null,
  flag: null,
  flagDetail: null,
  flaggedAt: null,
  updatedAt: '2026-11-28T04:00:00.000Z',
  ...overrides,
});

/** Renders inside a router (the pages link to devices). */
function renderRouted(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const root = createRootRoute({ component: Outlet });
  const page = createRoute({ getParentRoute: () => root, path: '/power-banks', component: () => <>{ui}</> });
  const device = createRoute({ getParentRoute: () => root, path: '/devices/$deviceId', component: () => null });
  const router = createRouter({ routeTree: root.addChildren([page, device]), history: createMemoryHistory({ initialEntries: ['/power-banks'] }) });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router as never} />
    </QueryClientProvider>,
  );
}

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());

describe('PowerBanksPage', () => {
  it('lists each bank by its id with its state, place, charge and flag, and sends the filters', async () => {
    api = fakeApi({
      'GET /v1/power-banks': {
        items: [
          bank({ id: '00000000-0000-4000-8000-00000000b004', bankId: 'B4', state: 'BOUGHT_OUT', slot: 3, chargePercent: null, flag: 'RETURNED_AFTER_BUYOUT', flagDetail: 'returned at PB-0001 slot 3 after its buyout' }),
          bank({ id: '00000000-0000-4000-8000-00000000b002', bankId: 'B2', state: 'RENTED', deviceId: null, deviceCode: null, slot: null, rentedFromDeviceCode: 'PB-0001' }),
        ],
        total: 2,
      },
    });
    renderRouted(<PowerBanksPage search={{ page: 1, pageSize: 20, flagged: true }} onSearch={() => undefined} />);
    expect((await screen.findAllByText('B4')).length).toBeGreaterThan(0);
    expect(screen.getAllByText('B2').length).toBeGreaterThan(0);
    expect(screen.getAllByText('买断后归还').length).toBeGreaterThan(0);
    expect(screen.getAllByText('已借出（PB-0001）').length).toBeGreaterThan(0);
    expect(api.requests.find((r) => r.path === '/v1/power-banks')?.query).toMatchObject({ flagged: 'true', limit: '20', offset: '0' });
  });
});

describe('PowerBanksPage: clearing a flag', () => {
  // a whole dialog: slow on a shared two-core machine, not waiting on anything
  jest.setTimeout(60_000);
  const flagged = bank({ id: '00000000-0000-4000-8000-00000000b004', bankId: 'B4', state: 'BOUGHT_OUT', flag: 'RETURNED_AFTER_BUYOUT', flagDetail: 'returned at PB-0001 slot 1 after its buyout' });

  it('asks for a note and clears the flag', async () => {
    const user = userEvent.setup({ delay: null });
    api = fakeApi({
      'GET /v1/me': meWith(['devices.read', 'devices.write']),
      'GET /v1/power-banks': { items: [flagged, bank({})], total: 2 },
      [`POST /v1/power-banks/${flagged.id}/clear-flag`]: answer(200, { ...flagged, flag: null, flagDetail: null, flaggedAt: null }),
    });
    renderRouted(
      <App>
        <PowerBanksPage search={{ page: 1, pageSize: 20 }} onSearch={() => undefined} />
      </App>,
    );
    // only the flagged bank has the button
    const buttons = await screen.findAllByTestId('clear-flag-B4');
    expect(screen.queryAllByTestId('clear-flag-B1')).toHaveLength(0);
    await user.click(buttons[0]!);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('清除 B4 的标记')).toBeInTheDocument();
    // no note: refused in the form, nothing sent
    await user.click(within(dialog).getByRole('button', { name: /清除标记/ }));
    expect(await within(dialog).findByText('请填写处理情况')).toBeInTheDocument();
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);
    await user.type(within(dialog).getByLabelText('处理备注'), '已联系用户回收');
    await user.click(within(dialog).getByRole('button', { name: /清除标记/ }));
    await waitFor(() => expect(api!.requests.some((r) => r.method === 'POST')).toBe(true));
    expect(api.requests.find((r) => r.method === 'POST')).toMatchObject({ path: `/v1/power-banks/${flagged.id}/clear-flag`, body: { note: '已联系用户回收' } });
  });

  it('shows no button to a login that may only read', async () => {
    api = fakeApi({ 'GET /v1/me': meWith(['devices.read']), 'GET /v1/power-banks': { items: [flagged], total: 1 } });
    renderRouted(<PowerBanksPage search={{ page: 1, pageSize: 20 }} onSearch={() => undefined} />);
    expect((await screen.findAllByText('B4')).length).toBeGreaterThan(0);
    await waitFor(() => expect(api!.requests.some((r) => r.path === '/v1/me')).toBe(true));
    expect(screen.queryAllByTestId('clear-flag-B4')).toHaveLength(0);
  });
});

describe('InventoryCard', () => {
  it('shows a cabinet’s banks, charged banks, free slots and each slot', async () => {
    api = fakeApi({
      [`GET /v1/devices/${DEVICE}/inventory`]: {
        deviceId: DEVICE,
        code: 'PB-0001',
        reported: true,
        slotCount: 3,
        slots: [
          { slot: 1, bankId: 'B1', chargePercent: 80, charged: true },
          { slot: 2, bankId: 'B3', chargePercent: 10, charged: false },
          { slot: 3, bankId: null, chargePercent: null, charged: false },
        ],
        freeSlots: 1,
        banks: 2,
        chargedBanks: 1,
        chargedPercent: 50,
        powerBanks: [bank({}), bank({ id: '00000000-0000-4000-8000-00000000b003', bankId: 'B3', slot: 2, chargePercent: 10 })],
      },
    });
    renderRouted(<InventoryCard deviceId={DEVICE} />);
    expect(await screen.findByTestId('inventory-banks')).toHaveTextContent('2');
    expect(screen.getByTestId('inventory-charged')).toHaveTextContent('1');
    expect(screen.getByTestId('inventory-free')).toHaveTextContent('1');
    expect(screen.getByText('80%')).toBeInTheDocument();
    expect(screen.getByText('10%')).toBeInTheDocument();
  });
});
