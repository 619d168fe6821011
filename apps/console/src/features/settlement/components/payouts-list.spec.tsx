import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@zizhu/api-client';
import { fakeApi, renderWithQuery, type Recorded } from '@/test/fake-api';
import { BRAND, brandMe, brandOrganizations, F1, F2, renderSettlementAt, STATEMENT, statementDetail } from '../test/fixtures';
import { PayOutStatement } from './pay-out-statement';

// a whole page with dialogs: slow on a shared two-core machine, not waiting on anything
jest.setTimeout(60_000);

const FAILED = '00000000-0000-4000-8000-0000000000b1';
const WAITING = '00000000-0000-4000-8000-0000000000b2';
const RETRY = '00000000-0000-4000-8000-0000000000b3';

function payout(overrides: Partial<Schemas['PayoutDto']>): Schemas['PayoutDto'] {
  return {
    id: FAILED,
    organizationId: F1,
    payerOrganizationId: BRAND,
    statementId: STATEMENT,
    method: 'WECHAT_TRANSFER',
    amountFen: 5_050,
    state: 'FAILED',
    reference: null,
    failure: 'ACCOUNT_FROZEN',
    paidOn: null,
    createdAt: '2026-12-02T02:00:00Z',
    succeededAt: null,
    failedAt: '2026-12-02T02:01:00Z',
    wechatState: 'FAIL',
    packageInfo: null,
    outBillNo: 'PO0123456789abcdef0123456789abcd',
    retryOf: null,
    ...overrides,
  };
}

let api: ReturnType<typeof fakeApi> | undefined;
let keys: { method: string; path: string; key: string | null }[] = [];
let realFetch: typeof fetch | undefined;
afterEach(() => {
  if (realFetch) globalThis.fetch = realFetch;
  api?.restore();
});
const sent = (method: string, path: string) => api!.requests.filter((r) => r.method === method && r.path === path);

/** The fake API, with the Idempotency-Key of every request noted (the fake records bodies, not headers). */
function payoutsApi(routes: Record<string, unknown>) {
  api = fakeApi(routes);
  const faked = globalThis.fetch;
  realFetch = faked;
  keys = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    keys.push({ method: request.method, path: new URL(request.url).pathname, key: request.headers.get('Idempotency-Key') });
    return faked(request);
  }) as typeof fetch;
}

describe('/settlement payouts (brand)', () => {
  it('lists payouts with their states in words (WeChat confirmation, failures) and retries a failed transfer after a confirmation, under an Idempotency-Key', async () => {
    let retried = false;
    payoutsApi({
      'GET /v1/me': brandMe(),
      'GET /v1/organizations': brandOrganizations,
      'GET /v1/payouts': () => ({
        items: [
          ...(retried ? [payout({ id: RETRY, state: 'REQUESTED', failure: null, failedAt: null, wechatState: null, retryOf: FAILED })] : []),
          payout({}),
          payout({ id: WAITING, organizationId: F2, state: 'PROCESSING', failure: null, failedAt: null, wechatState: 'WAIT_USER_CONFIRM', packageInfo: 'pkg' }),
        ],
        total: retried ? 3 : 2,
      }),
      [`POST /v1/payouts/${FAILED}/retry`]: () => {
        retried = true;
        return payout({ id: RETRY, state: 'REQUESTED', failure: null, retryOf: FAILED });
      },
    });
    const user = userEvent.setup({ delay: null });
    renderSettlementAt('/settlement?tab=payouts');
    const list = await screen.findByTestId('payouts-list');
    expect(await within(list).findByText('失败：ACCOUNT_FROZEN')).toBeInTheDocument();
    expect(within(list).getByText('等待加盟商在微信中确认收款')).toBeInTheDocument();
    expect(within(list).getAllByText('¥50.50').length).toBe(2);
    // only the failed transfer can be retried
    expect(within(list).queryByTestId(`retry-${WAITING}`)).toBeNull();
    await user.click(within(list).getByTestId(`retry-${FAILED}`));
    const consequences = await screen.findByTestId('retry-consequences');
    expect(consequences).toHaveTextContent('将向西湖加盟店发起一笔新的微信转账 ¥50.50');
    expect(consequences).toHaveTextContent('ACCOUNT_FROZEN');
    expect(sent('POST', `/v1/payouts/${FAILED}/retry`)).toHaveLength(0); // nothing before the confirmation
    await user.click(screen.getByRole('button', { name: /发起新转账/ }));
    await waitFor(() => expect(sent('POST', `/v1/payouts/${FAILED}/retry`)).toHaveLength(1));
    expect(keys.find((k) => k.method === 'POST')!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(await within(list).findByText('已提交')).toBeInTheDocument(); // the list was read again
  });

  it('pays out a CLOSED statement: a bank payout needs its reference, and goes with the dialog’s Idempotency-Key', async () => {
    payoutsApi({ 'POST /v1/payouts': (r: Recorded) => payout({ state: 'SUCCEEDED', method: 'OFFLINE_BANK', ...(r.body as object) }) });
    const user = userEvent.setup({ delay: null });
    renderWithQuery(<PayOutStatement statement={statementDetail({ status: 'CLOSED', closedAt: '2026-12-01T16:00:05Z' })} organizationName="西湖加盟店" open onClose={() => undefined} />);
    expect(await screen.findByTestId('payout-consequences')).toHaveTextContent('向西湖加盟店支付 2026-11-01 ~ 2026-11-30 的 ¥50.50');
    await user.click(screen.getByLabelText('银行转账（登记）'));
    await user.click(screen.getByRole('button', { name: /确认付款/ }));
    expect(await screen.findByText('请填写银行转账流水号')).toBeInTheDocument();
    expect(sent('POST', '/v1/payouts')).toHaveLength(0);
    await user.type(screen.getByLabelText('银行流水号'), 'ICBC-0001');
    await user.click(screen.getByRole('button', { name: /确认付款/ }));
    await waitFor(() => expect(sent('POST', '/v1/payouts')).toHaveLength(1));
    expect(sent('POST', '/v1/payouts')[0]!.body).toEqual({ statementId: STATEMENT, method: 'OFFLINE_BANK', reference: 'ICBC-0001' });
    expect(keys.find((k) => k.method === 'POST')!.key).toMatch(/^[0-9a-f-]{36}$/);
  });
});
