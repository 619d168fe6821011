import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { App } from 'antd';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import { render as renderDom } from '@testing-library/react';
import { answer, fakeApi, meWith } from '@/test/fake-api';
import { setViewportWidth } from '@/test/viewport';
import type { AlertsSearch } from '../search';
import { AlertsPage } from './alerts-page';

// whole pages with forms: slow on a shared two-core machine, not waiting on anything
jest.setTimeout(60_000);

const ORG = '00000000-0000-4000-8000-000000000021';
const alert = (id: string, overrides: Record<string, unknown> = {}) => ({
  id: `00000000-0000-4000-8000-0000000000${id}`,
  kind: 'DEVICE_OFFLINE',
  category: 'FLEET',
  severity: 'WARNING',
  state: 'OPEN',
  organizationId: ORG,
  organizationName: '鲜柜 西湖加盟店',
  subjectType: 'device',
  subjectId: '00000000-0000-4000-8000-000000000201',
  facts: { deviceCode: 'FR-0001', thresholdMinutes: 30 },
  raisedAt: '2026-12-05T02:00:00Z',
  acknowledgedAt: null,
  resolvedAt: null,
  read: false,
  ...overrides,
});
const rule = (kind: string, unit: string | null, threshold: number | null, source = 'DEFAULT') => ({
  kind,
  category: 'FLEET',
  enabled: true,
  threshold,
  unit,
  min: unit ? 1 : null,
  max: unit ? 10080 : null,
  defaultThreshold: threshold,
  source,
  evaluated: true,
});

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());

/** The page inside a router (its subjects link to devices and sessions), as the route renders it. */
function render(search: AlertsSearch) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const rootRoute = createRootRoute({ component: Outlet });
  const page = createRoute({
    getParentRoute: () => rootRoute,
    path: '/alerts',
    component: () => (
      <App>
        <AlertsPage search={search} onSearchChange={() => undefined} />
      </App>
    ),
  });
  const device = createRoute({ getParentRoute: () => rootRoute, path: '/devices/$deviceId', component: () => null });
  const session = createRoute({ getParentRoute: () => rootRoute, path: '/sessions/$sessionId', component: () => null });
  const router = createRouter({ routeTree: rootRoute.addChildren([page, device, session]), history: createMemoryHistory({ initialEntries: ['/alerts'] }) });
  return renderDom(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router as never} />
    </QueryClientProvider>,
  );
}

function serve(permissions: readonly string[], extra: Record<string, unknown> = {}) {
  api = fakeApi({
    'GET /v1/me': meWith(permissions),
    'GET /v1/alerts': { items: [alert('a1'), alert('a2', { kind: 'REFUND_STUCK', subjectType: 'refund', subjectId: '00000000-0000-4000-8000-000000000601', category: 'MONEY', severity: 'CRITICAL', state: 'ACKNOWLEDGED', read: true, facts: { outOrderNo: 'ZZ2026120500001', sessionId: '00000000-0000-4000-8000-000000000501' } })], total: 2 },
    'POST /v1/alerts/00000000-0000-4000-8000-0000000000a1/read': alert('a1', { read: true }),
    'POST /v1/alerts/00000000-0000-4000-8000-0000000000a1/acknowledge': alert('a1', { read: true, state: 'ACKNOWLEDGED' }),
    'GET /v1/alerts/unread-count': { unread: 1 },
    'GET /v1/alert-rules': { organizationId: ORG, rules: [rule('DEVICE_OFFLINE', 'MINUTES', 45, 'BRAND'), rule('PAYOUT_FAILED', null, null)] },
    'GET /v1/alert-webhooks': { webhook: null },
    'GET /v1/alert-webhooks/deliveries': { items: [], total: 0 },
    ...extra,
  });
}

describe('AlertsPage', () => {
  it('lists alerts by their natural key, sends the URL’s filters, and reads and acknowledges one', async () => {
    const user = userEvent.setup({ delay: null });
    serve(['alerts.read', 'alerts.write']);
    render({ state: 'OPEN', kind: 'DEVICE_OFFLINE', unread: true, page: 2 });
    const list = await screen.findByTestId('alerts-inbox');
    expect(await within(list).findByText('FR-0001')).toBeInTheDocument();
    expect(within(list).getByText('FR-0001').closest('a')).toHaveAttribute('href', '/devices/00000000-0000-4000-8000-000000000201');
    expect(within(list).getByText('ZZ2026120500001').closest('a')).toHaveAttribute('href', '/sessions/00000000-0000-4000-8000-000000000501');
    expect(within(list).getByText('退款卡住或异常')).toBeInTheDocument();
    expect(api!.requests.find((r) => r.path === '/v1/alerts')!.query).toEqual({ state: 'OPEN', kind: 'DEVICE_OFFLINE', unread: 'true', limit: '20', offset: '20' });
    await user.click(within(list).getByRole('button', { name: '标为已读' }));
    await waitFor(() => expect(api!.requests.some((r) => r.method === 'POST' && r.path.endsWith('/read'))).toBe(true));
    await user.click(within(list).getByRole('button', { name: /^认\s?领$/ }));
    await waitFor(() => expect(api!.requests.some((r) => r.method === 'POST' && r.path.endsWith('/acknowledge'))).toBe(true));
    // each reads the list again (and the badge, where one is shown)
    await waitFor(() => expect(api!.requests.filter((r) => r.path === '/v1/alerts').length).toBeGreaterThanOrEqual(3));
  });

  it('hides acknowledge and the webhook tab from a login that may only read', async () => {
    serve(['alerts.read']);
    render({});
    const list = await screen.findByTestId('alerts-inbox');
    await within(list).findByText('FR-0001');
    expect(within(list).queryByRole('button', { name: /^认\s?领$/ })).toBeNull();
    expect(screen.queryByRole('tab', { name: 'Webhook 推送' })).toBeNull();
  });

  it('edits rules and puts the API’s field errors on the rule’s field', async () => {
    const user = userEvent.setup({ delay: null });
    serve(['alerts.read', 'alerts.write'], {
      'PUT /v1/alert-rules': answer(400, { status: 400, code: 'VALIDATION_FAILED', title: 'Bad Request', detail: 'Invalid fields: rules.0.threshold', errors: [{ field: 'rules.0.threshold', messages: ['threshold must be between 1 and 10080 (minutes)'] }] }),
    });
    render({ tab: 'rules' });
    const rules = await screen.findByTestId('alert-rules');
    expect(await within(rules).findByText('沿用品牌')).toBeInTheDocument();
    const input = within(rules).getByRole('spinbutton', { name: '设备离线 阈值' });
    await waitFor(() => expect(input).toHaveValue('45'));
    await user.clear(input);
    await user.type(input, '60');
    await user.click(within(rules).getByRole('button', { name: '保存规则' }));
    await waitFor(() => expect(api!.requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(api!.requests.find((r) => r.method === 'PUT')!.body).toEqual({
      rules: [
        { kind: 'DEVICE_OFFLINE', enabled: true, threshold: 60 },
        { kind: 'PAYOUT_FAILED', enabled: true },
      ],
    });
    expect(await within(rules).findByText('threshold must be between 1 and 10080 (minutes)')).toBeInTheDocument();
  });

  describe('on a 390 px phone', () => {
    beforeAll(() => setViewportWidth(390));
    afterAll(() => setViewportWidth(1280));

    it('creates a webhook, shows its secret once, and sends a test', async () => {
      const user = userEvent.setup({ delay: null });
      const saved = { id: '00000000-0000-4000-8000-0000000000w1', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', format: 'WECOM', enabled: true, createdAt: '2026-12-05T02:00:00Z', updatedAt: '2026-12-05T02:00:00Z', secretRotatedAt: '2026-12-05T02:00:00Z' };
      let webhook: unknown = null;
      serve(['alerts.read', 'alerts.write'], {
        'GET /v1/alert-webhooks': () => ({ webhook }),
        'PUT /v1/alert-webhooks': () => {
          webhook = saved;
          return { ...saved, secret: 'whsec_shown-once' };
        },
        'POST /v1/alert-webhooks/test': { ok: true, status: 200, error: null },
      });
      render({ tab: 'webhook' });
      const panel = await screen.findByTestId('alert-webhook');
      expect(await within(panel).findByText('尚未设置推送地址')).toBeInTheDocument();
      await user.type(within(panel).getByRole('textbox'), saved.url);
      await user.click(within(panel).getByRole('radio', { name: '企业微信群机器人' }));
      await user.click(within(panel).getByRole('button', { name: /^保\s?存$/ }));
      expect(await within(panel).findByText('whsec_shown-once')).toBeInTheDocument();
      expect(api!.requests.find((r) => r.method === 'PUT')!.body).toEqual({ url: saved.url, format: 'WECOM', enabled: true });
      await user.click(await within(panel).findByRole('button', { name: '发送测试' }));
      expect(await within(panel).findByText('测试消息已送达（HTTP 200）')).toBeInTheDocument();
    });
  });
});
