import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { App } from 'antd';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, fakeApi, meWith, renderWithQuery } from '@/test/fake-api';
import { FridgeStockSection } from './fridge-stock-section';

// whole forms: slow on a shared two-core machine, not waiting on anything
jest.setTimeout(60_000);

const DEVICE = '00000000-0000-4000-8000-000000000221';
const base = `/v1/devices/${DEVICE}`;
const stock = {
  deviceId: DEVICE,
  deviceCode: 'FR-0001',
  catalog: [
    { sku: 'cola-330', name: '可乐 330ml' },
    { sku: 'sandwich-ham', name: '火腿三明治' },
  ],
  lowThresholdPercent: 30,
  lines: [
    { sku: 'cola-330', name: '可乐 330ml', parLevel: 6, onHand: 4, toFill: 2, low: false, updatedAt: '2026-12-05T01:00:00Z' },
    { sku: 'sandwich-ham', name: '火腿三明治', parLevel: 2, onHand: 0, toFill: 2, low: true, updatedAt: '2026-12-05T01:00:00Z' },
  ],
  discrepancies: [{ id: '00000000-0000-4000-8000-0000000000d1', sku: 'sandwich-ham', sessionId: '00000000-0000-4000-8000-0000000000e1', shortfall: 2, createdAt: '2026-12-05T01:00:00Z' }],
};
const planogram = { deviceId: DEVICE, slots: [{ shelf: 1, slot: 1, sku: 'cola-330', parLevel: 6 }, { shelf: 2, slot: 1, sku: 'sandwich-ham', parLevel: 2 }] };

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());

function serve(permissions: readonly string[], extra: Record<string, unknown> = {}) {
  api = fakeApi({
    'GET /v1/me': meWith(permissions),
    [`GET ${base}/stock`]: stock,
    [`GET ${base}/planogram`]: planogram,
    [`GET ${base}/stock/movements`]: { items: [{ id: 'm1', sku: 'sandwich-ham', kind: 'SALE', delta: -1, onHandAfter: 0, shortfall: 2, sessionId: '00000000-0000-4000-8000-0000000000e1', createdAt: '2026-12-05T01:00:00Z' }] },
    [`GET ${base}/restocks`]: { items: [] },
    [`GET ${base}/stock-counts`]: { items: [] },
    ...extra,
  });
}

const render = () =>
  renderWithQuery(
    <App>
      <FridgeStockSection deviceId={DEVICE} />
    </App>,
  );

describe('a fridge’s stock section', () => {
  it('shows the book with par, what to fill, low marks and the discrepancies; a reader gets no forms', async () => {
    serve(['devices.read', 'stock.read']);
    render();
    const section = await screen.findByTestId('fridge-stock');
    const sandwich = (await within(section).findAllByText('火腿三明治'))[0]!.closest('tr')!;
    expect(within(sandwich).getByText('低库存')).toBeInTheDocument();
    expect(within(section).getByText('未满')).toBeInTheDocument();
    expect(within(screen.getByTestId('stock-discrepancies')).getByText('00000000-0000-4000-8000-0000000000e1')).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: '补货' })).toBeNull();
    expect(screen.queryByRole('tab', { name: '盘点' })).toBeNull();
  });

  it('records a restock filled to par by default', async () => {
    const user = userEvent.setup({ delay: null });
    serve(['devices.read', 'stock.read', 'stock.write'], {
      [`POST ${base}/restocks`]: answer(201, { id: 'r1', deviceId: DEVICE, lines: [], note: null, createdAt: '2026-12-05T01:00:00Z', createdBy: null, createdByName: null }),
    });
    render();
    await user.click(await screen.findByRole('tab', { name: '补货' }));
    const form = await screen.findByTestId('restock-form');
    await user.click(within(form).getByRole('button', { name: /提交补货单/ }));
    await waitFor(() => expect(api!.requests.some((r) => r.method === 'POST' && r.path === `${base}/restocks`)).toBe(true));
    expect(api!.requests.find((r) => r.method === 'POST')!.body).toEqual({
      lines: [
        { sku: 'cola-330', added: 2, removedExpired: 0 },
        { sku: 'sandwich-ham', added: 2, removedExpired: 0 },
      ],
    });
  });

  it('puts the API’s unknown-SKU error on the planogram slot’s field', async () => {
    const user = userEvent.setup({ delay: null });
    serve(['devices.read', 'stock.read', 'stock.write'], {
      [`PUT ${base}/planogram`]: answer(422, {
        status: 422,
        code: 'STOCK_SKU_UNKNOWN',
        title: 'Unprocessable Entity',
        detail: 'Unknown SKU: slots.1.sku',
        errors: [{ field: 'slots.1.sku', messages: ['beer-500 is not in the catalog of the fridge’s plan'] }],
      }),
    });
    render();
    await user.click(await screen.findByRole('tab', { name: '货道图' }));
    const form = await screen.findByTestId('planogram-form');
    await waitFor(() => expect(within(form).getByRole('spinbutton', { name: '标准库存 1' })).toHaveValue('6'));
    await user.click(within(form).getByRole('button', { name: /保存货道图/ }));
    expect(await within(form).findByText('beer-500 is not in the catalog of the fridge’s plan')).toBeInTheDocument();
    expect(api!.requests.find((r) => r.method === 'PUT')!.body).toEqual({ slots: planogram.slots });
  });

  it('records a count of the products entered only', async () => {
    const user = userEvent.setup({ delay: null });
    serve(['devices.read', 'stock.read', 'stock.write'], {
      [`POST ${base}/stock-counts`]: answer(201, { id: 'c1', deviceId: DEVICE, lines: [{ sku: 'cola-330', booked: 4, counted: 3, difference: -1 }], note: null, createdAt: '2026-12-05T01:00:00Z', createdBy: null, createdByName: null }),
    });
    render();
    await user.click(await screen.findByRole('tab', { name: '盘点' }));
    const form = await screen.findByTestId('count-form');
    await user.type(within(form).getByRole('spinbutton', { name: '实盘数量 cola-330' }), '3');
    await user.click(within(form).getByRole('button', { name: /提交盘点/ }));
    await waitFor(() => expect(api!.requests.some((r) => r.method === 'POST' && r.path === `${base}/stock-counts`)).toBe(true));
    expect(api!.requests.find((r) => r.method === 'POST')!.body).toEqual({ lines: [{ sku: 'cola-330', counted: 3 }] });
  });
});
