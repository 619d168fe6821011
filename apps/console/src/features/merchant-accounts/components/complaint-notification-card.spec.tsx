import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, fakeApi, meWith, renderWithQuery } from '@/test/fake-api';
import { ComplaintNotificationCard } from './complaint-notification-card';
import type { MerchantAccount } from './model';

const ID = '00000000-0000-4000-8000-00000000ac01';
const URL = `https://zizhu.example.com/v1/payscore/notify/${ID}/complaints`;
const notification = (overrides: Partial<MerchantAccount['complaintNotification']> = {}): MerchantAccount['complaintNotification'] => ({
  state: 'PENDING',
  url: null,
  registeredAt: null,
  lastError: null,
  lastAttemptAt: null,
  unavailableReason: null,
  ...overrides,
});
const account = (n: MerchantAccount['complaintNotification'], overrides: Partial<MerchantAccount> = {}) =>
  ({ id: ID, mchid: '1230000109', status: 'ACTIVE', complaintNotification: n, ...overrides }) as MerchantAccount;
const WRITE = ['merchantAccounts.read', 'merchantAccounts.write'];
const BUTTON = '登记投诉通知地址';

jest.setTimeout(60_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());
const puts = () => api!.requests.filter((r) => r.method === 'PUT' && r.path === `/v1/merchant-accounts/${ID}/complaint-notification-url`);

describe('ComplaintNotificationCard', () => {
  it('shows a registered account’s URL and time', async () => {
    api = fakeApi({ 'GET /v1/me': meWith(WRITE) });
    renderWithQuery(<ComplaintNotificationCard account={account(notification({ state: 'REGISTERED', url: URL, registeredAt: '2026-12-06T02:00:00Z' }))} />);
    const card = screen.getByTestId('complaint-notification');
    expect(card.querySelector('[data-complaint-notification="REGISTERED"]')).toHaveTextContent('已登记');
    expect(card).toHaveTextContent(URL);
    expect(card).toHaveTextContent('登记时间');
    expect(await within(card).findByRole('button', { name: BUTTON })).toBeInTheDocument();
  });

  it('shows a failed registration with WeChat’s error, and the button registers it now through the PUT route', async () => {
    api = fakeApi({
      'GET /v1/me': meWith(WRITE),
      [`PUT /v1/merchant-accounts/${ID}/complaint-notification-url`]: { mchid: '1230000109', url: URL },
    });
    renderWithQuery(<ComplaintNotificationCard account={account(notification({ state: 'FAILED', lastError: 'PAYSCORE_SERVER_ERROR (SYSTEM_ERROR): 系统异常', lastAttemptAt: '2026-12-06T02:00:00Z' }))} />);
    const card = screen.getByTestId('complaint-notification');
    expect(card.querySelector('[data-complaint-notification="FAILED"]')).toHaveTextContent('登记失败');
    expect(screen.getByTestId('complaint-notification-error')).toHaveTextContent('SYSTEM_ERROR');
    expect(card).toHaveTextContent('平台会自动重试');
    await userEvent.setup({ delay: null }).click(await within(card).findByRole('button', { name: BUTTON }));
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(puts()[0]!.body).toBeUndefined();
  });

  it('says an account is not registered yet, and shows WeChat’s refusal of the manual registration', async () => {
    api = fakeApi({
      'GET /v1/me': meWith(WRITE),
      [`PUT /v1/merchant-accounts/${ID}/complaint-notification-url`]: answer(502, {
        status: 502,
        code: 'COMPLAINT_NOTIFICATION_URL_FAILED',
        title: 'Bad Gateway',
        detail: 'WeChat Pay answered PAYSCORE_SERVER_ERROR.',
      }),
    });
    renderWithQuery(<ComplaintNotificationCard account={account(notification())} />);
    const card = screen.getByTestId('complaint-notification');
    expect(card.querySelector('[data-complaint-notification="PENDING"]')).toHaveTextContent('尚未登记');
    await userEvent.setup({ delay: null }).click(await within(card).findByRole('button', { name: BUTTON }));
    expect(await within(card).findByRole('alert')).toHaveTextContent('COMPLAINT_NOTIFICATION_URL_FAILED');
    expect(puts()).toHaveLength(1);
  });

  it('offers no button where it cannot work (disabled account) or for a read-only login', async () => {
    api = fakeApi({ 'GET /v1/me': meWith(WRITE) });
    const { unmount } = renderWithQuery(
      <ComplaintNotificationCard account={account(notification({ state: 'UNAVAILABLE', unavailableReason: 'ACCOUNT_DISABLED' }), { status: 'DISABLED' })} />,
    );
    expect(screen.getByTestId('complaint-notification')).toHaveTextContent('商户号已停用');
    expect(within(screen.getByTestId('complaint-notification')).queryByRole('button')).toBeNull();
    unmount();
    api.restore();
    api = fakeApi({ 'GET /v1/me': meWith(['merchantAccounts.read']) });
    renderWithQuery(<ComplaintNotificationCard account={account(notification())} />);
    await waitFor(() => expect(api!.requests.some((r) => r.path === '/v1/me')).toBe(true));
    expect(within(screen.getByTestId('complaint-notification')).queryByRole('button')).toBeNull();
  });
});
