import { describe, expect, it } from '@jest/globals';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiProblem } from '@/lib/problem';
import { ConfirmAction } from './confirm-action';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function renderDialog(onConfirm: (values: { reason?: string }, key: string) => Promise<unknown>, open = true) {
  const client = new QueryClient();
  const closed: boolean[] = [];
  const view = render(
    <QueryClientProvider client={client}>
      <ConfirmAction open={open} onClose={() => closed.push(true)} title="Refund" consequences="¥3.50 goes back to the user" onConfirm={onConfirm} />
    </QueryClientProvider>,
  );
  return { view, closed, client };
}

describe('ConfirmAction', () => {
  it('requires a reason, then sends it with one idempotency key; a double click acts once', async () => {
    const user = userEvent.setup({ delay: null });
    const calls: [string | undefined, string][] = [];
    const pending = deferred<unknown>();
    const { closed } = renderDialog(async (values, key) => {
      calls.push([values.reason, key]);
      return pending.promise;
    });
    const ok = screen.getByRole('button', { name: /确\s*认/ });
    await user.click(ok);
    expect(await screen.findByText('请填写原因')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
    await user.type(screen.getByLabelText('原因'), 'user paid at the counter');
    await user.click(ok);
    await user.click(ok);
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.[0]).toBe('user paid at the counter');
    expect(calls[0]?.[1]).toMatch(/^[0-9a-f-]{36}$/);
    await act(async () => pending.resolve({}));
    await waitFor(() => expect(closed).toEqual([true]));
  });

  it('after a failure shows the problem and retries with the same key', async () => {
    const user = userEvent.setup({ delay: null });
    const keys: string[] = [];
    let fail = true;
    renderDialog(async (_values, key) => {
      keys.push(key);
      if (fail) {
        fail = false;
        throw new ApiProblem({ status: 502, code: 'PAYSCORE_UNAVAILABLE', title: 'Bad Gateway', detail: 'WeChat did not answer', errors: [] });
      }
      return {};
    });
    await user.type(screen.getByLabelText('原因'), 'retry me');
    await user.click(screen.getByRole('button', { name: /确\s*认/ }));
    expect(await screen.findByText('WeChat did not answer')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /确\s*认/ }));
    await waitFor(() => expect(keys).toHaveLength(2));
    expect(keys[1]).toBe(keys[0]);
  });
});
