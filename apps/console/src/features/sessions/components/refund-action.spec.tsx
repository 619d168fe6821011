import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { json, session, stubFetch, type Sent } from '../test/fixtures';
import { RefundAction } from './refund-action';

// whole pages with antd on a machine shared by several people: more than the default per test
jest.setTimeout(60_000);

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

let restore: () => void = () => undefined;
afterEach(() => {
  restore();
});

function renderRefund(paid = session({ paidFen: 1000, refundedFen: 200, refundableFen: 800 })) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const closed: boolean[] = [];
  render(
    <QueryClientProvider client={queryClient}>
      <RefundAction session={paid} open onClose={() => closed.push(true)} />
    </QueryClientProvider>,
  );
  return { closed };
}

const refunds = (sent: Sent[]) => sent.filter((s) => s.method === 'POST' && s.url.pathname.endsWith('/refunds'));

describe('the refund dialog', () => {
  it('spells out what was paid and what can still be refunded, and proposes the full refundable amount', () => {
    ({ restore } = stubFetch(() => json(500, {})));
    renderRefund();
    expect(screen.getByText(/已支付 ¥10\.00，已退 ¥2\.00，最多还可退 ¥8\.00/)).toBeInTheDocument();
    expect(screen.getByLabelText('退款金额（元）')).toHaveValue('8.00');
    expect(screen.getByTestId('refund-summary')).toHaveTextContent('将全额退款 ¥8.00');
  });

  it('refuses more than is refundable without calling the API', async () => {
    const user = userEvent.setup({ delay: null });
    const stub = stubFetch(() => json(500, {}));
    restore = stub.restore;
    renderRefund();
    const amount = screen.getByLabelText('退款金额（元）');
    await user.clear(amount);
    await user.type(amount, '8.01');
    await user.type(screen.getByLabelText('原因'), 'too much');
    await user.click(screen.getByRole('button', { name: '确认退款' }));
    expect(await screen.findByText('退款金额须在 ¥0.01 到 ¥8.00 之间')).toBeInTheDocument();
    expect(refunds(stub.sent)).toHaveLength(0);
  });

  it('sends one request for a double click, and the same Idempotency-Key when retried after a failure', async () => {
    const user = userEvent.setup({ delay: null });
    const first = deferred<Response>();
    let calls = 0;
    const stub = stubFetch((sent) => {
      if (!sent.url.pathname.endsWith('/refunds')) return json(200, {});
      calls += 1;
      return calls === 1 ? first.promise : json(202, session({ refundableFen: 450, refundedFen: 550 }));
    });
    restore = stub.restore;
    const { closed } = renderRefund();
    const amount = screen.getByLabelText('退款金额（元）');
    await user.clear(amount);
    await user.type(amount, '3.5');
    expect(screen.getByTestId('refund-summary')).toHaveTextContent('将部分退款 ¥3.50，之后还可退 ¥4.50');
    await user.type(screen.getByLabelText('原因'), '商品过期');
    const ok = screen.getByRole('button', { name: '确认退款' });
    await user.click(ok);
    await user.click(ok);
    await waitFor(() => expect(refunds(stub.sent)).toHaveLength(1));
    await act(async () => {
      first.resolve(json(502, { status: 502, code: 'PAYSCORE_UNAVAILABLE', title: 'Bad Gateway', detail: 'WeChat did not answer' }, 'application/problem+json'));
    });
    expect(await screen.findByText('WeChat did not answer')).toBeInTheDocument();
    expect(refunds(stub.sent)).toHaveLength(1);
    expect(closed).toEqual([]);

    await user.click(screen.getByRole('button', { name: '确认退款' }));
    await waitFor(() => expect(closed).toEqual([true]));
    const [a, b] = refunds(stub.sent);
    expect(refunds(stub.sent)).toHaveLength(2);
    expect(a?.url.pathname).toBe('/v1/sessions/7f0c2c8e-4a51-4d1a-9c3e-1f6f0f6b8a01/refunds');
    expect(a?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(b?.headers.get('Idempotency-Key')).toBe(a?.headers.get('Idempotency-Key'));
    expect(a?.body).toEqual({ amountFen: 350, reason: '商品过期' });
    expect(b?.body).toEqual(a?.body);
  });
});
