import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, fakeApi, type Recorded } from '@/test/fake-api';
import { setViewportWidth } from '@/test/viewport';
import { account, ACCOUNT, adminMe, D_AMOUNT, D_FLOW, D_LOCAL, D_SHARING, renderReconciliationAt, run, RUN, SESSION, staffMe } from '../test/render';
import { yesterdayInShanghai } from '../components/run-dialog';

// whole pages with dialogs: slow on a shared two-core machine, not waiting on anything
jest.setTimeout(90_000);

const OTHER = '00000000-0000-4000-8000-0000000000ea';
const summaries = [
  { id: RUN, merchantAccountId: ACCOUNT, billDate: '2026-12-04', state: 'DONE', matched: 7, openDifferences: 3, errorCode: null, createdAt: '2026-12-05T02:00:00Z' },
  { id: OTHER, merchantAccountId: ACCOUNT, billDate: '2026-12-03', state: 'FAILED', matched: 0, openDifferences: 0, errorCode: 'PAYSCORE_BILL_HASH_MISMATCH', createdAt: '2026-12-04T02:00:00Z' },
  { id: '00000000-0000-4000-8000-0000000000eb', merchantAccountId: ACCOUNT, billDate: '2026-12-02', state: 'NO_BILL', matched: 0, openDifferences: 0, errorCode: 'PAYSCORE_BILL_NO_STATEMENT', createdAt: '2026-12-03T02:00:00Z' },
  { id: '00000000-0000-4000-8000-0000000000ec', merchantAccountId: ACCOUNT, billDate: '2026-12-01', state: 'BILL_NOT_READY', matched: 0, openDifferences: 0, errorCode: 'PAYSCORE_BILL_NOT_READY', createdAt: '2026-12-01T17:00:00Z' },
];

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => {
  api?.restore();
  setViewportWidth(1280);
});
const sent = (method: string, path: string) => api!.requests.filter((r) => r.method === method && r.path === path);

describe('/reconciliation', () => {
  it('lists the runs with their states as the API reports them; "run now" puts a refusal on its field, then opens the run', async () => {
    let refuse = true;
    api = fakeApi({
      'GET /v1/me': adminMe(),
      'GET /v1/merchant-accounts': [account],
      'GET /v1/reconciliations': { items: summaries, total: 4 },
      'POST /v1/reconciliations': () =>
        refuse ? answer(404, { status: 404, code: 'MERCHANT_ACCOUNT_NOT_FOUND', title: 'Not Found', detail: 'No such merchant account.' }) : answer(201, run({ state: 'RUNNING', differences: [], bills: [] })),
      [`GET /v1/reconciliations/${RUN}`]: run(),
    });
    const user = userEvent.setup({ delay: null });
    const { router } = renderReconciliationAt('/reconciliation?state=DONE');
    const list = await screen.findByTestId('reconciliation-list');
    expect(await within(list).findByText('3 条')).toBeInTheDocument();
    expect(within(list).getByRole('table')).toBeInTheDocument();
    expect([...list.querySelectorAll('.ant-tag[data-state]')].map((tag) => tag.textContent)).toEqual(['已完成', '失败', '当日无账单', '账单未出']);
    expect(within(list).getByText('PAYSCORE_BILL_HASH_MISMATCH')).toBeInTheDocument();
    expect(within(list).getAllByText('冰柜品牌商户号 (1900000002)').length).toBe(4);
    expect(sent('GET', '/v1/reconciliations')[0]!.query).toMatchObject({ state: 'DONE', limit: '20', offset: '0' });

    await user.click(screen.getByTestId('run-now'));
    expect(await screen.findByTestId('run-consequences')).toBeInTheDocument();
    const date = screen.getByTestId('run-bill-date') as HTMLInputElement;
    expect(date.value).toBe(yesterdayInShanghai()); // yesterday in Beijing by default
    // a day from today on is refused before anything is sent
    fireEvent.change(date, { target: { value: '2999-01-01' } });
    await user.click(screen.getByRole('button', { name: /开始对账/ }));
    expect(await screen.findByText('只能对今天以前的日期（北京时间）')).toBeInTheDocument();
    expect(sent('POST', '/v1/reconciliations')).toHaveLength(0);
    fireEvent.change(date, { target: { value: '2026-12-04' } });
    await user.click(screen.getByRole('button', { name: /开始对账/ }));
    // the API's refusal lands on the account field
    await waitFor(() => expect(sent('POST', '/v1/reconciliations')).toHaveLength(1));
    const dialog = screen.getByRole('dialog');
    await waitFor(() => expect(within(dialog).getAllByText('商户号不存在').length).toBeGreaterThanOrEqual(1));
    expect(dialog.querySelector('.ant-form-item-has-error')).toHaveTextContent('商户号');
    refuse = false;
    await user.click(screen.getByRole('button', { name: /开始对账/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/reconciliation/${RUN}`));
    expect(sent('POST', '/v1/reconciliations')[1]!.body).toEqual({ merchantAccountId: ACCOUNT, billDate: '2026-12-04' });
  });

  it('a run: bills with their hashes, differences grouped by kind and filtered by kind and bill, ours vs WeChat in yuan, the re-check, a session link; resolving needs a note', async () => {
    let resolved = false;
    api = fakeApi({
      'GET /v1/me': adminMe(),
      'GET /v1/merchant-accounts': [account],
      'GET /v1/reconciliations': { items: summaries, total: 4 },
      [`GET /v1/reconciliations/${RUN}`]: () =>
        resolved
          ? run({ differences: run().differences.map((d) => (d.id === D_LOCAL ? { ...d, resolvedAt: '2026-12-05T04:00:00Z', resolutionNote: '他人订单，已向微信支付核实' } : d)) })
          : run(),
      [`POST /v1/reconciliations/${RUN}/differences/${D_LOCAL}/resolve`]: (r: Recorded) => {
        resolved = true;
        return { ...run().differences[0]!, resolvedAt: '2026-12-05T04:00:00Z', resolutionNote: (r.body as { note: string }).note };
      },
    });
    const user = userEvent.setup({ delay: null });
    const { router } = renderReconciliationAt(`/reconciliation/${RUN}`);
    const detail = await screen.findByTestId('reconciliation-detail');
    expect(within(detail).getByRole('heading', { level: 3 })).toHaveTextContent('2026-12-04 对账');
    expect(within(detail).getByText('a'.repeat(40))).toBeInTheDocument();
    expect(within(detail).getByText('冰柜品牌商户号 (1900000002)')).toBeInTheDocument();
    expect(within(detail).getByText('¥0.43')).toBeInTheDocument();
    expect(within(detail).getByText('未处理 3 条 / 共 4 条')).toBeInTheDocument();
    // grouped by kind, in the schema's order
    expect(within(detail).getByTestId('group-AMOUNT_MISMATCH')).toHaveTextContent('金额不一致 (2)');
    const amount = within(detail).getByTestId(`difference-${D_AMOUNT}`);
    expect(amount).toHaveTextContent('¥12.00');
    expect(amount).toHaveTextContent('¥9.90');
    expect(amount).toHaveTextContent('订单查询');
    expect(amount).toHaveTextContent('实收: ¥12.00');
    expect(await within(amount).findByTestId(`session-link-${D_AMOUNT}`)).toHaveAttribute('href', `/sessions/${SESSION}`);
    expect(within(detail).getByTestId(`difference-${D_SHARING}`)).toHaveTextContent('分账账单');
    // a resolved one: when and the note, no button
    expect(within(detail).getByTestId(`resolution-${D_FLOW}`)).toHaveTextContent('次日入账，已核实');
    expect(within(detail).queryByTestId(`resolve-${D_FLOW}`)).toBeNull();

    // filter by bill: only the profit-sharing one (the bill named from the data, not a fixed list)
    await user.click(within(detail).getByTestId('filter-bill').querySelector('.ant-select-content, .ant-select-selector') ?? within(detail).getByTestId('filter-bill'));
    await user.click(await screen.findByTitle('分账账单'));
    await waitFor(() => expect(router.state.location.search).toEqual({ bill: 'PROFIT_SHARING' }));
    await waitFor(() => expect(within(detail).queryByTestId(`difference-${D_AMOUNT}`)).toBeNull());
    expect(within(detail).getByTestId(`difference-${D_SHARING}`)).toBeInTheDocument();
    await router.navigate({ to: `/reconciliation/${RUN}`, search: { kind: 'MISSING_LOCAL' } } as never);
    await waitFor(() => expect(within(detail).queryByTestId(`difference-${D_SHARING}`)).toBeNull());

    await user.click(within(detail).getByTestId(`resolve-${D_LOCAL}`));
    expect(await screen.findByTestId('resolve-consequences')).toHaveTextContent('微信有、平台无：FOREIGN77');
    await user.click(screen.getByRole('button', { name: /标记为已处理/ }));
    expect(await screen.findByText('请填写处理说明')).toBeInTheDocument();
    expect(sent('POST', `/v1/reconciliations/${RUN}/differences/${D_LOCAL}/resolve`)).toHaveLength(0);
    await user.type(screen.getByLabelText('处理说明'), '他人订单，已向微信支付核实');
    await user.click(screen.getByRole('button', { name: /标记为已处理/ }));
    await waitFor(() => expect(sent('POST', `/v1/reconciliations/${RUN}/differences/${D_LOCAL}/resolve`)).toHaveLength(1));
    expect(sent('POST', `/v1/reconciliations/${RUN}/differences/${D_LOCAL}/resolve`)[0]!.body).toEqual({ note: '他人订单，已向微信支付核实' });
    expect(await within(detail).findByTestId(`resolution-${D_LOCAL}`)).toHaveTextContent('他人订单，已向微信支付核实');
  });

  it('on a phone, read-only staff: runs as cards, no "run now", no resolve buttons', async () => {
    setViewportWidth(390);
    api = fakeApi({
      'GET /v1/me': staffMe(),
      'GET /v1/merchant-accounts': [account],
      'GET /v1/reconciliations': { items: summaries, total: 4 },
      [`GET /v1/reconciliations/${RUN}`]: run(),
    });
    const { router } = renderReconciliationAt('/reconciliation');
    const list = await screen.findByTestId('reconciliation-list');
    expect(await within(list).findByText('3 条')).toBeInTheDocument();
    expect(within(list).queryByRole('table')).toBeNull();
    expect(within(list).getAllByRole('listitem').filter((item) => item.classList.contains('ant-card'))).toHaveLength(4);
    expect(screen.queryByTestId('run-now')).toBeNull();
    await userEvent.setup({ delay: null }).click(within(list).getByTestId(`run-${RUN}`));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/reconciliation/${RUN}`));
    const detail = await screen.findByTestId('reconciliation-detail');
    expect(within(detail).getByTestId(`difference-${D_LOCAL}`)).toBeInTheDocument();
    expect(within(detail).queryByTestId(`resolve-${D_LOCAL}`)).toBeNull();
  });
});
