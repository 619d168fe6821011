import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { App } from 'antd';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, fakeApi, meWith, renderWithQuery } from '@/test/fake-api';
import { IntegrationsPage, type IntegrationsTab } from './integrations-page';

// whole pages with forms: slow on a shared two-core machine, not waiting on anything
jest.setTimeout(120_000);

const KEY_ID = '0b7c0000-0000-4000-8000-000000000001';
const ENDPOINT_ID = '0b7c0000-0000-4000-8000-0000000000e1';
const DELIVERY_ID = '0b7c0000-0000-4000-8000-0000000000d1';
const EVENT_ID = '0b7c0000-0000-4000-8000-0000000000f1';
const KEY = `zk_live_0b7c0000000040008000000000000001_${'s'.repeat(43)}`;

const apiKey = (overrides: Record<string, unknown> = {}) => ({
  id: KEY_ID,
  name: 'ERP 同步',
  prefix: 'zk_live_0b7c0000000040008000000000000001',
  hint: 'ssss',
  scopes: ['devices.read'],
  createdAt: '2026-12-05T02:00:00Z',
  createdBy: '00000000-0000-4000-8000-000000000101',
  revokedAt: null,
  lastUsedAt: null,
  ...overrides,
});
const endpoint = (overrides: Record<string, unknown> = {}) => ({
  id: ENDPOINT_ID,
  url: 'https://erp.example.com/zizhu',
  description: null,
  events: ['session.paid'],
  enabled: true,
  createdAt: '2026-12-05T02:00:00Z',
  updatedAt: '2026-12-05T02:00:00Z',
  ...overrides,
});
const delivery = {
  id: DELIVERY_ID,
  endpointId: ENDPOINT_ID,
  eventId: EVENT_ID,
  eventType: 'session.paid',
  state: 'FAILED',
  attempts: 2,
  lastStatus: 500,
  lastError: 'HTTP 500 try again',
  createdAt: '2026-12-05T02:00:00Z',
  deliveredAt: null,
  attemptLog: [
    { startedAt: '2026-12-05T02:00:00Z', durationMs: 12, status: 500, error: 'HTTP 500 try again', replay: false },
    { startedAt: '2026-12-05T02:00:02Z', durationMs: 9, status: 500, error: 'HTTP 500 try again', replay: false },
  ],
};

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());

function serve(extra: Record<string, unknown> = {}) {
  api = fakeApi({
    'GET /v1/me': meWith(['integrations.manage', 'devices.read', 'sessions.read']),
    'GET /v1/api-keys': { items: [apiKey()] },
    'GET /v1/api-keys/scopes': { scopes: ['devices.read', 'devices.write', 'sessions.read'] },
    'POST /v1/api-keys': apiKey({ id: '0b7c0000-0000-4000-8000-000000000002', name: 'BI', key: KEY, scopes: ['devices.read', 'sessions.read'] }),
    [`DELETE /v1/api-keys/${KEY_ID}`]: apiKey({ revokedAt: '2026-12-05T03:00:00Z' }),
    'GET /v1/webhook-endpoints': { items: [endpoint()] },
    'POST /v1/webhook-endpoints': endpoint({ id: '0b7c0000-0000-4000-8000-0000000000e2', secret: 'whsec_new-secret-shown-once' }),
    [`POST /v1/webhook-endpoints/${ENDPOINT_ID}/test`]: { ok: true, status: 200, error: null },
    [`PATCH /v1/webhook-endpoints/${ENDPOINT_ID}`]: endpoint({ enabled: false }),
    'GET /v1/webhook-deliveries': { items: [delivery], total: 1 },
    [`POST /v1/webhook-deliveries/${DELIVERY_ID}/replay`]: { ...delivery, state: 'PENDING' },
    ...extra,
  });
}

function render(tab: IntegrationsTab) {
  return renderWithQuery(
    <App>
      <IntegrationsPage tab={tab} onTabChange={() => undefined} />
    </App>,
  );
}

describe('IntegrationsPage', () => {
  it('creates a read-only API key and shows it once, and revokes a key', async () => {
    const user = userEvent.setup({ delay: null });
    serve();
    render('keys');
    const keys = await screen.findByTestId('api-keys');
    expect(await within(keys).findByText('ERP 同步')).toBeInTheDocument();
    await user.type(within(keys).getByLabelText('名称'), 'BI');
    await waitFor(() => expect(within(keys).getByRole('checkbox', { name: 'devices.write' })).toBeInTheDocument());
    await user.click(within(keys).getByRole('button', { name: '只选只读权限' }));
    await user.click(within(keys).getByRole('button', { name: '创建密钥' }));
    await waitFor(() => expect(api!.requests.some((r) => r.method === 'POST' && r.path === '/v1/api-keys')).toBe(true));
    expect(api!.requests.find((r) => r.method === 'POST' && r.path === '/v1/api-keys')!.body).toEqual({ name: 'BI', scopes: ['devices.read', 'sessions.read'] });
    expect(within(await screen.findByTestId('api-key-secret')).getByText(KEY)).toBeInTheDocument();

    await user.click(within(keys).getByRole('button', { name: /^吊\s?销$/ }));
    await user.click(await screen.findByRole('button', { name: /^(OK|确\s?定)$/ }));
    await waitFor(() => expect(api!.requests.some((r) => r.method === 'DELETE' && r.path === `/v1/api-keys/${KEY_ID}`)).toBe(true));
  });

  it('puts the API’s field error on the scopes', async () => {
    const user = userEvent.setup({ delay: null });
    serve({
      'POST /v1/api-keys': answer(400, { status: 400, code: 'VALIDATION_FAILED', title: 'Bad Request', detail: 'Invalid fields: scopes', errors: [{ field: 'scopes', messages: ['scopes must be codes the caller has itself'] }] }),
    });
    render('keys');
    const keys = await screen.findByTestId('api-keys');
    await user.type(within(keys).getByLabelText('名称'), 'x');
    await waitFor(() => expect(within(keys).getByRole('checkbox', { name: 'devices.write' })).toBeInTheDocument());
    await user.click(within(keys).getByRole('checkbox', { name: 'devices.write' }));
    await user.click(within(keys).getByRole('button', { name: '创建密钥' }));
    expect(await within(keys).findByText('scopes must be codes the caller has itself')).toBeInTheDocument();
  });

  it('lists endpoints, sends a test event and disables one', async () => {
    const user = userEvent.setup({ delay: null });
    serve();
    render('webhooks');
    const hooks = await screen.findByTestId('webhook-endpoints');
    expect(await within(hooks).findByText('https://erp.example.com/zizhu')).toBeInTheDocument();

    await user.click(within(hooks).getByRole('button', { name: '发送测试事件' }));
    expect(await screen.findByText('测试事件已送达（HTTP 200）')).toBeInTheDocument();

    await user.click(within(hooks).getByRole('switch', { name: '启用 https://erp.example.com/zizhu' }));
    await waitFor(() => expect(api!.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ enabled: false }));
  });

  it('adds an endpoint and shows its secret once', async () => {
    const user = userEvent.setup({ delay: null });
    serve();
    render('webhooks');
    const hooks = await screen.findByTestId('webhook-endpoints');
    await within(hooks).findByText('https://erp.example.com/zizhu');
    await user.click(within(hooks).getByRole('button', { name: '添加地址' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('URL'), 'https://bi.example.com/hook');
    await user.click(within(dialog).getByRole('checkbox', { name: /^refund\.succeeded/ }));
    await user.click(within(dialog).getByRole('button', { name: /^(保\s?存)$/ }));
    await waitFor(() => expect(api!.requests.some((r) => r.method === 'POST' && r.path === '/v1/webhook-endpoints')).toBe(true));
    expect(api!.requests.find((r) => r.method === 'POST' && r.path === '/v1/webhook-endpoints')!.body).toEqual({ url: 'https://bi.example.com/hook', events: ['refund.succeeded'] });
    expect(within(await screen.findByTestId('endpoint-secret')).getByText('whsec_new-secret-shown-once')).toBeInTheDocument();
  });

  it('shows the delivery log with the event id and state, and replays a delivery', async () => {
    const user = userEvent.setup({ delay: null });
    serve();
    render('webhooks');
    const log = await screen.findByTestId('webhook-deliveries');
    expect(await within(log).findByText(EVENT_ID)).toBeInTheDocument();
    expect(within(log).getByText('失败')).toBeInTheDocument();
    expect(within(log).getByText('HTTP 500 try again')).toBeInTheDocument();
    await user.click(within(log).getByRole('button', { name: '重新投递' }));
    await waitFor(() => expect(api!.requests.some((r) => r.method === 'POST' && r.path === `/v1/webhook-deliveries/${DELIVERY_ID}/replay`)).toBe(true));
    // the log is read again after the replay
    await waitFor(() => expect(api!.requests.filter((r) => r.path === '/v1/webhook-deliveries').length).toBeGreaterThanOrEqual(2));
  });

  it('follows a delivery still being sent until it is delivered, without a reload', async () => {
    let reads = 0;
    serve({
      'GET /v1/webhook-deliveries': () => {
        reads += 1;
        return { items: [{ ...delivery, state: reads < 2 ? 'PENDING' : 'DELIVERED', lastStatus: reads < 2 ? null : 200, lastError: null }], total: 1 };
      },
    });
    render('webhooks');
    const log = await screen.findByTestId('webhook-deliveries');
    expect(await within(log).findByText('投递中')).toBeInTheDocument();
    // no reload: the page reads the log again while a delivery is PENDING
    expect(await within(log).findByText('已送达', undefined, { timeout: 10_000 })).toBeInTheDocument();
  });
});
