import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { json, session, stubFetch } from '../test/fixtures';
import { toZonedInput } from '@/lib/zoned';
import { EndAction } from './end-action';

// whole pages with antd on a machine shared by several people: more than the default per test
jest.setTimeout(60_000);

let restore: () => void = () => undefined;
afterEach(() => {
  restore();
});

describe('ending a session by hand', () => {
  it('sends the end time typed on the Shanghai clock as its instant, with the charger energy prefilled from the meter', async () => {
    const user = userEvent.setup();
    const now = Date.now();
    const charging = session({
      state: 'IN_USE',
      deviceType: 'EV_CHARGER',
      deviceCode: 'EV-0007',
      runningFen: 350,
      meterReading: { readAt: new Date(now - 60_000).toISOString(), wattHours: 2000 },
      times: { createdAt: new Date(now - 2 * 3600_000).toISOString(), serviceStartedAt: new Date(now - 2 * 3600_000).toISOString() },
    });
    const stub = stubFetch(() => json(200, { ...charging, state: 'AWAITING_PAYMENT' }));
    restore = stub.restore;
    const closed: boolean[] = [];
    render(
      <QueryClientProvider client={new QueryClient()}>
        <EndAction session={charging} open onClose={() => closed.push(true)} />
      </QueryClientProvider>,
    );
    expect(screen.getByText(/此刻结束的费用约为 ¥3\.50/)).toBeInTheDocument();
    expect(screen.getByLabelText('用电量（Wh）')).toHaveValue('2000');
    const hourAgo = new Date(now - 3600_000);
    fireEvent.change(screen.getByLabelText('实际结束时间'), { target: { value: toZonedInput(hourAgo, 'Asia/Shanghai') } });
    await user.type(screen.getByLabelText('原因'), '用户已拔枪，桩漏报');
    await user.click(screen.getByRole('button', { name: '确认结束' }));
    await waitFor(() => expect(closed).toEqual([true]));
    const [sent] = stub.sent;
    const endedAt = new Date(Math.floor(hourAgo.getTime() / 60_000) * 60_000).toISOString();
    expect(sent?.url.pathname).toBe(`/v1/sessions/${charging.id}/end`);
    expect(sent?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent?.body).toEqual({
      endedAt,
      reason: '用户已拔枪，桩漏报',
      usage: { energy: [{ from: charging.times['serviceStartedAt'], to: endedAt, wattHours: 2000 }] },
    });
  });

  it('refuses an end before the service started', async () => {
    const user = userEvent.setup();
    const stub = stubFetch(() => json(200, {}));
    restore = stub.restore;
    const started = new Date(Date.now() - 3600_000);
    const s = session({ state: 'IN_USE', times: { createdAt: started.toISOString(), serviceStartedAt: started.toISOString() } });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <EndAction session={s} open onClose={() => undefined} />
      </QueryClientProvider>,
    );
    fireEvent.change(screen.getByLabelText('实际结束时间'), { target: { value: toZonedInput(new Date(started.getTime() - 3600_000), 'Asia/Shanghai') } });
    await user.type(screen.getByLabelText('原因'), 'x');
    await user.click(screen.getByRole('button', { name: '确认结束' }));
    expect(await screen.findByText('结束时间须在服务开始之后、现在之前')).toBeInTheDocument();
    expect(stub.sent).toHaveLength(0);
  });

  it('sends the items taken from a fridge, chosen from its plan version’s catalog', async () => {
    const user = userEvent.setup();
    const started = new Date(Date.now() - 600_000);
    const fridge = session({
      state: 'IN_USE',
      deviceType: 'FRIDGE',
      deviceCode: 'FR-0001',
      itemCatalog: [
        { sku: 'water-550', name: '矿泉水 550ml', priceFen: 200 },
        { sku: 'cola-330', name: '可乐 330ml', priceFen: 350 },
      ],
      times: { createdAt: started.toISOString(), serviceStartedAt: started.toISOString() },
    });
    const stub = stubFetch(() => json(200, { ...fridge, state: 'AWAITING_PAYMENT' }));
    restore = stub.restore;
    const closed: boolean[] = [];
    render(
      <QueryClientProvider client={new QueryClient()}>
        <EndAction session={fridge} open onClose={() => closed.push(true)} />
      </QueryClientProvider>,
    );
    await user.click(screen.getByRole('button', { name: /添加商品/ }));
    await user.type(screen.getByLabelText('商品 SKU'), '可乐');
    await user.click(await screen.findByText('可乐 330ml (cola-330) ¥3.50'));
    const count = screen.getByLabelText('数量');
    await user.clear(count);
    await user.type(count, '2');
    await user.type(screen.getByLabelText('原因'), '门磁漏报');
    await user.click(screen.getByRole('button', { name: '确认结束' }));
    await waitFor(() => expect(closed).toEqual([true]));
    expect((stub.sent[0]?.body as { usage?: unknown }).usage).toEqual({ items: [{ sku: 'cola-330', count: 2 }] });
  });
});
