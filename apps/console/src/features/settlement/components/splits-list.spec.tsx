import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@zizhu/api-client';
import { fakeApi } from '@/test/fake-api';
import { setViewportWidth } from '@/test/viewport';
import { BRAND, brandMe, brandOrganizations, F1, F2, renderSettlementAt } from '../test/fixtures';

// a whole page with a dialog: slow on a shared two-core machine, not waiting on anything
jest.setTimeout(90_000);

const REFUSED = '00000000-0000-4000-8000-0000000000c1';
const CLOSED_LINE = '00000000-0000-4000-8000-0000000000c2';
const DONE = '00000000-0000-4000-8000-0000000000c3';
const SESSION = '00000000-0000-4000-8000-0000000000d1';
const DAY = 24 * 3600_000;

function split(overrides: Partial<Schemas['ProfitSharingOrderDto']>): Schemas['ProfitSharingOrderDto'] {
  return {
    id: REFUSED,
    organizationId: F1,
    brandOrganizationId: BRAND,
    sessionId: SESSION,
    receiverMchid: '1900000001',
    transactionId: '4200000000202612010000000001',
    outOrderNo: 'PS0123456789abcdef',
    netFen: 1_200,
    commissionBasisPoints: 2_000,
    amountFen: 240,
    state: 'FAILED',
    receiverResult: null,
    failure: 'SPLIT_REFUSED NOT_ENOUGH 分账金额不足',
    attempts: 1,
    retries: 0,
    // paid 3 days ago: 27 days of the 30-day window left
    paidAt: new Date(Date.now() - 3 * DAY).toISOString(),
    createdAt: new Date(Date.now() - 3 * DAY).toISOString(),
    finishedAt: null,
    failedAt: new Date(Date.now() - 3 * DAY).toISOString(),
    ...overrides,
  };
}

let api: ReturnType<typeof fakeApi> | undefined;
let realFetch: typeof fetch | undefined;
let keys: (string | null)[] = [];
afterEach(() => {
  if (realFetch) globalThis.fetch = realFetch;
  realFetch = undefined;
  api?.restore();
  setViewportWidth(1280);
});
const sent = (method: string, path: string) => api!.requests.filter((r) => r.method === method && r.path === path);

function splitsApi(retried: { value: boolean }) {
  api = fakeApi({
    'GET /v1/me': brandMe(),
    'GET /v1/organizations': brandOrganizations,
    'GET /v1/profit-sharing-orders': () => ({
      items: [
        split(retried.value ? { state: 'PENDING', failure: null, failedAt: null, retries: 1 } : {}),
        split({ id: CLOSED_LINE, organizationId: F2, failure: 'RECEIVER_FAILED CLOSED ACCOUNT_ABNORMAL', receiverResult: 'CLOSED ACCOUNT_ABNORMAL' }),
        split({ id: DONE, state: 'FINISHED', failure: null, failedAt: null, receiverResult: 'SUCCESS', finishedAt: new Date().toISOString() }),
      ],
      total: 3,
    }),
    [`POST /v1/profit-sharing-orders/${REFUSED}/retry`]: () => {
      retried.value = true;
      return split({ state: 'PENDING', failure: null, retries: 1 });
    },
  });
  const faked = globalThis.fetch;
  realFetch = faked;
  keys = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    if (request.method === 'POST') keys.push(request.headers.get('Idempotency-Key'));
    return faked(request);
  }) as typeof fetch;
}

describe('/settlement splits (分账, brand)', () => {
  it('lists splits with states, the receiver, failures in words and the 30-day deadline; retries a refused one after a confirmation, under an Idempotency-Key', async () => {
    const retried = { value: false };
    splitsApi(retried);
    const user = userEvent.setup({ delay: null });
    renderSettlementAt('/settlement?tab=splits');
    const list = await screen.findByTestId('splits-list');
    expect(await within(list).findByText('微信拒绝了分账请求（NOT_ENOUGH 分账金额不足）')).toBeInTheDocument();
    expect(within(list).getByRole('table')).toBeInTheDocument();
    expect(within(list).getAllByText('剩 27 天').length).toBeGreaterThanOrEqual(1);
    expect(within(list).getByText('已完成')).toBeInTheDocument();
    expect(within(list).getAllByText('¥2.40').length).toBe(3);
    // WeChat closed the receiver line: the API refuses a retry, so there is no button
    expect(within(list).getByText(/微信关闭了接收方/)).toBeInTheDocument();
    expect(within(list).queryByTestId(`split-retry-${CLOSED_LINE}`)).toBeNull();
    expect(within(list).queryByTestId(`split-retry-${DONE}`)).toBeNull();
    await user.click(within(list).getByTestId(`split-retry-${REFUSED}`));
    const consequences = await screen.findByTestId('split-retry-consequences');
    expect(consequences).toHaveTextContent('从西湖加盟店的商户号向品牌分账 ¥2.40');
    expect(consequences).toHaveTextContent('30 天内');
    expect(sent('POST', `/v1/profit-sharing-orders/${REFUSED}/retry`)).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: /重新发起分账/ }));
    await waitFor(() => expect(sent('POST', `/v1/profit-sharing-orders/${REFUSED}/retry`)).toHaveLength(1));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    // the list was read again: the split is pending now
    await waitFor(() => expect(within(list).queryByTestId(`split-retry-${REFUSED}`)).toBeNull());
    expect(sent('GET', '/v1/profit-sharing-orders').at(-1)!.query).toMatchObject({ limit: '20', offset: '0' });
  });

  it('on a phone: each split is a card with its amount, failure and deadline', async () => {
    setViewportWidth(390);
    splitsApi({ value: false });
    renderSettlementAt('/settlement?tab=splits&splitState=FAILED');
    const list = await screen.findByTestId('splits-list');
    expect(await within(list).findByText('微信拒绝了分账请求（NOT_ENOUGH 分账金额不足）')).toBeInTheDocument();
    expect(within(list).queryByRole('table')).toBeNull();
    expect(within(list).getAllByRole('listitem').filter((item) => item.classList.contains('ant-card'))).toHaveLength(3);
    expect(within(list).getByTestId(`split-retry-${REFUSED}`)).toBeInTheDocument();
    expect(sent('GET', '/v1/profit-sharing-orders')[0]!.query).toMatchObject({ state: 'FAILED' });
  });
});
