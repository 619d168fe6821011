import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, fakeApi, type Recorded } from '@/test/fake-api';
import { agreement, BRAND, brandMe, brandOrganizations, earnings, F1, F2, renderSettlementAt, STATEMENT, statement, statementDetail, totals } from '../test/fixtures';

// whole pages with a drawer and dialogs: slow on a shared two-core machine, not waiting on anything
jest.setTimeout(60_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());
const sent = (method: string, path: string) => api!.requests.filter((r) => r.method === method && r.path === path);

function brandApi(extra: Record<string, unknown> = {}) {
  let closed = false;
  api = fakeApi({
    'GET /v1/me': brandMe(),
    'GET /v1/organizations': brandOrganizations,
    'GET /v1/statements': () => ({
      items: [statement({ channelFeeFen: 321, ...(closed ? { status: 'CLOSED', closedAt: '2026-12-01T16:00:05Z' } : {}) })],
      total: 1,
      totals: totals(closed ? { CLOSED: [1, 5_050] } : { OPEN: [1, 0] }),
    }),
    'GET /v1/ledger/figures': (r: Recorded) => ({
      organizationId: r.query['organizationId'],
      from: r.query['from'],
      to: r.query['to'],
      commissionFen: 12_345,
      feeIncomeFen: 6_000,
      channelFeeFen: 987,
      channelFeePassedOnFen: 321,
      adjustmentFen: -500,
    }),
    [`GET /v1/statements/${STATEMENT}`]: () => statementDetail(closed ? { status: 'CLOSED', closedAt: '2026-12-01T16:00:05Z' } : {}),
    [`POST /v1/statements/${STATEMENT}/close`]: () => {
      closed = true;
      return statementDetail({ status: 'CLOSED', closedAt: '2026-12-01T16:00:05Z' });
    },
    'GET /v1/earnings': (r: Recorded) => earnings(r.query['organizationId']!, r.query['from']!, r.query['to']!, r.query['organizationId'] === F2 ? 500 : 8_999, r.query['organizationId'] === F2 ? 100 : 1_799),
    'GET /v1/earnings/by-organization': (r: Recorded) => ({
      organizationId: BRAND,
      from: r.query['from'],
      to: r.query['to'],
      items: [
        { ...earnings(BRAND, '', '', 0, 0), organizationName: '冰柜品牌', sessions: 0, paidFen: 0, refundedFen: 0 },
        { ...earnings(F1, '', '', 8_999, 1_799), organizationName: '西湖加盟店' },
        { ...earnings(F2, '', '', 500, 100), organizationName: '滨江加盟店' },
      ].map(({ from: _f, to: _t, ...figures }) => figures),
    }),
    ...extra,
  });
}

describe('/settlement for a franchise brand', () => {
  it('lists statements per franchisee with the filters of the URL, and a filter change writes the URL', async () => {
    brandApi();
    const user = userEvent.setup({ delay: null });
    const { router } = renderSettlementAt(`/settlement?organizationId=${F1}&status=OPEN&from=2026-11-01&page=0`);
    const list = await screen.findByTestId('statements-list');
    expect(await within(list).findByText('2026-11-01 ~ 2026-11-30')).toBeInTheDocument();
    expect(within(list).getAllByText('西湖加盟店').length).toBeGreaterThan(0);
    expect(within(list).getByText('¥50.50')).toBeInTheDocument();
    const query = sent('GET', '/v1/statements').at(-1)!.query;
    expect(query).toEqual({ organizationId: F1, status: 'OPEN', from: '2026-11-01', limit: '20', offset: '0' });
    await user.click(screen.getByRole('button', { name: /重\s*置/ }));
    await waitFor(() => expect(router.state.location.search).toEqual({}));
    await waitFor(() => expect(sent('GET', '/v1/statements').at(-1)!.query).toEqual({ limit: '20', offset: '0' }));
  });

  it('shows the WeChat fee passed on per statement, and the brand’s own month from its ledger (it has no statement of its own)', async () => {
    const OPEN_ONE = '00000000-0000-4000-8000-00000000c0de';
    brandApi({
      'GET /v1/statements': () => ({
        items: [
          statement({ channelFeeFen: 321, status: 'CLOSED', closedAt: '2026-12-01T16:00:05Z' }),
          statement({ id: OPEN_ONE, periodStart: '2026-12-01', periodEnd: '2026-12-31', channelFeeFen: 0 }),
        ],
        total: 2,
        totals: totals({ CLOSED: [1, 5_050], OPEN: [1, 0] }),
      }),
    });
    renderSettlementAt('/settlement');
    const list = await screen.findByTestId('statements-list');
    expect((await within(list).findAllByText('微信手续费（转由加盟商承担）')).length).toBeGreaterThan(0);
    expect(within(list).getAllByText('¥3.21').length).toBeGreaterThan(0);
    // an OPEN statement's fee is counted at the close: — with a hint, not a 0 that disagrees with the drawer's running figure
    expect(within(list).getByTestId(`channel-fee-open-${OPEN_ONE}`)).toHaveTextContent('—');
    const figures = await screen.findByTestId('brand-figures');
    await waitFor(() => expect(within(figures).getByTestId('brand-commission')).toHaveTextContent('¥123.45'));
    expect(within(figures).getByTestId('brand-commission')).toHaveTextContent('另有固定费/保底补足收入 ¥60.00');
    expect(within(figures).getByTestId('brand-channel-fee')).toHaveTextContent('承担的微信支付手续费');
    expect(within(figures).getByTestId('brand-channel-fee')).toHaveTextContent('¥9.87');
    expect(within(figures).getByTestId('brand-channel-fee')).toHaveTextContent('已按协议转由加盟商承担 ¥3.21');
    expect(within(figures).getByTestId('brand-adjustments')).toHaveTextContent('-¥5.00');
    // this calendar month so far (Asia/Shanghai), the brand's own accounts
    const query = sent('GET', '/v1/ledger/figures').at(-1)!.query;
    expect(query['organizationId']).toBe(BRAND);
    expect(query['from']).toMatch(/^\d{4}-\d{2}-01$/);
    expect(query['to']!.slice(0, 7)).toBe(query['from']!.slice(0, 7));
  });

  it('opens a statement in the drawer with its lines, totals and each rounding as the API names it', async () => {
    brandApi();
    const user = userEvent.setup({ delay: null });
    const { router } = renderSettlementAt('/settlement');
    await user.click(await screen.findByTestId(`statement-${STATEMENT}`));
    await waitFor(() => expect(router.state.location.search).toEqual({ statementId: STATEMENT }));
    const drawer = await screen.findByTestId('statement-drawer');
    const lines = within(drawer).getByTestId('statement-lines');
    expect(within(lines).getByText('订单净额')).toBeInTheDocument();
    expect(within(lines).getByText('品牌佣金（逐单 ⌊净额 × 比例⌋）')).toBeInTheDocument();
    expect(within(lines).getByText('COMMISSION_FLOOR_PER_ORDER')).toBeInTheDocument();
    expect(within(lines).getByText('FEE_EXACT_PER_DEVICE')).toBeInTheDocument();
    expect(within(lines).getByText('-¥17.99')).toBeInTheDocument();
    const totals = within(drawer).getByTestId('statement-totals');
    expect(totals).toHaveTextContent('净额¥89.99');
    expect(totals).toHaveTextContent('品牌佣金¥17.99');
    expect(totals).toHaveTextContent('调整-¥1.50');
    expect(within(drawer).getByTestId('statement-payable')).toHaveTextContent('¥50.50');
  });

  it('close asks first, spelling out the consequences; cancel sends nothing, confirm closes once and refreshes', async () => {
    brandApi();
    const user = userEvent.setup({ delay: null });
    renderSettlementAt(`/settlement?statementId=${STATEMENT}`);
    const drawer = await screen.findByTestId('statement-drawer');
    await user.click(within(drawer).getByRole('button', { name: /结\s*账/ }));
    const consequences = await screen.findByTestId('close-consequences');
    let dialog = consequences.closest<HTMLElement>('.ant-modal')!;
    expect(consequences).toHaveTextContent('西湖加盟店 2026-11-01 ~ 2026-11-30 的结算单将被固定');
    expect(consequences).toHaveTextContent('本期品牌应付加盟商 ¥50.50');
    expect(consequences).toHaveTextContent('下一期的调整行');
    await user.click(within(dialog).getByRole('button', { name: /取\s*消/ }));
    await waitFor(() => expect(screen.queryByTestId('close-consequences')).toBeNull());
    expect(sent('POST', `/v1/statements/${STATEMENT}/close`)).toHaveLength(0);
    await user.click(within(drawer).getByRole('button', { name: /结\s*账/ }));
    dialog = (await screen.findByTestId('close-consequences')).closest<HTMLElement>('.ant-modal')!;
    const ok = within(dialog).getByRole('button', { name: /确认结账/ });
    await user.click(ok);
    await user.click(ok);
    await waitFor(() => expect(screen.queryByTestId('close-consequences')).toBeNull());
    expect(sent('POST', `/v1/statements/${STATEMENT}/close`)).toHaveLength(1);
    // the drawer and the list read the statement again: now closed, no close button
    await waitFor(() => expect(within(screen.getByTestId('statement-drawer')).queryByRole('button', { name: /结\s*账/ })).toBeNull());
    expect(screen.getAllByText('已关闭').length).toBeGreaterThan(0);
  });

  it('a statement whose period has not ended cannot be closed yet', async () => {
    brandApi({ [`GET /v1/statements/${STATEMENT}`]: statementDetail({ periodStart: '2099-01-01', periodEnd: '2099-01-31' }) });
    renderSettlementAt(`/settlement?statementId=${STATEMENT}`);
    const drawer = await screen.findByTestId('statement-drawer');
    expect(within(drawer).getByRole('button', { name: /结\s*账/ })).toBeDisabled();
  });

  it('downloads the CSV and the XLSX through the authenticated client', async () => {
    brandApi({
      [`GET /v1/statements/${STATEMENT}/export.csv`]: 'csv-body',
      [`GET /v1/statements/${STATEMENT}/export.xlsx`]: 'xlsx-body',
    });
    const user = userEvent.setup({ delay: null });
    const saved: Blob[] = [];
    const names: string[] = [];
    const originalCreate = URL.createObjectURL;
    const originalRevoke = URL.revokeObjectURL;
    const originalClick = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return 'blob:statement';
    };
    URL.revokeObjectURL = () => undefined;
    HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      renderSettlementAt(`/settlement?statementId=${STATEMENT}`);
      const drawer = await screen.findByTestId('statement-drawer');
      await user.click(within(drawer).getByRole('button', { name: /导出 CSV/ }));
      await waitFor(() => expect(saved).toHaveLength(1));
      await user.click(within(drawer).getByRole('button', { name: /导出 Excel/ }));
      await waitFor(() => expect(saved).toHaveLength(2));
      expect(await saved[0]!.text()).toContain('csv-body');
      expect(await saved[1]!.text()).toContain('xlsx-body');
      expect(names).toEqual([`statement-2026-11-01-${STATEMENT.slice(0, 8)}.csv`, `statement-2026-11-01-${STATEMENT.slice(0, 8)}.xlsx`]);
      expect(sent('GET', `/v1/statements/${STATEMENT}/export.csv`)).toHaveLength(1);
      expect(sent('GET', `/v1/statements/${STATEMENT}/export.xlsx`)).toHaveLength(1);
    } finally {
      URL.createObjectURL = originalCreate;
      // the export revokes its URL a second later: leave a no-op where jsdom has none
      URL.revokeObjectURL = originalRevoke ?? (() => undefined);
      HTMLAnchorElement.prototype.click = originalClick;
    }
  });

  it('shows earnings per franchisee for the range in the URL, with the brand total', async () => {
    brandApi();
    renderSettlementAt('/settlement?tab=earnings&from=2026-11-01&to=2026-11-30');
    const list = await screen.findByTestId('earnings-list');
    expect(await within(list).findByText('滨江加盟店')).toBeInTheDocument();
    // one request for every franchisee's figures, one for the brand's total: not one per franchisee
    await waitFor(() => expect(sent('GET', '/v1/earnings/by-organization')).toHaveLength(1));
    expect(sent('GET', '/v1/earnings/by-organization')[0]!.query).toEqual({ organizationId: BRAND, from: '2026-11-01', to: '2026-11-30' });
    expect(sent('GET', '/v1/earnings').map((r) => r.query['organizationId'])).toEqual([BRAND]);
    const row = (name: string) => within(list).getByText(name).closest<HTMLElement>('tr')!;
    await waitFor(() => expect(row('西湖加盟店')).toHaveTextContent('¥72.00')); // share 8999 − 1799
    expect(row('滨江加盟店')).toHaveTextContent('¥4.00'); // share 500 − 100
    expect(screen.getByTestId('earnings-total')).toHaveTextContent('¥89.99');
  });

  it('agreements per franchisee: the terms in force (or none yet), the history, and a new version that refreshes them', async () => {
    let versions = [agreement()];
    brandApi({
      // every franchisee's terms in force in one request; F2 has none yet
      'GET /v1/agreements': () => ({ items: [versions[0]] }),
      [`GET /v1/organizations/${F1}/agreements`]: () => ({ items: versions }),
      [`PUT /v1/organizations/${F1}/agreement`]: (r: Recorded) => {
        versions = [agreement({ id: '00000000-0000-4000-8000-0000000000a2', version: 2, effectiveFrom: '2026-12-01', ...(r.body as object) }), ...versions];
        return versions[0];
      },
    });
    const user = userEvent.setup({ delay: null });
    const { router } = renderSettlementAt('/settlement?tab=agreements');
    const list = await screen.findByTestId('agreements-list');
    expect(await within(list).findByText('佣金 20.00%（2000 基点） · 每台每月 ¥10.00')).toBeInTheDocument();
    expect(await within(list).findByText('尚未设定协议')).toBeInTheDocument();
    await user.click(within(list).getByRole('button', { name: '西湖加盟店' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ tab: 'agreements', organizationId: F1 }));
    const history = await screen.findByTestId('agreement-history');
    expect(await within(history).findByText('1（生效中）')).toBeInTheDocument();
    await user.click(within(history).getByRole('button', { name: /设定新协议/ }));
    const input = await screen.findByLabelText('佣金比例');
    await user.clear(input);
    await user.type(input, '25');
    const effective = screen.getByLabelText('生效日期');
    await user.clear(effective);
    await user.type(effective, '2026-12-01');
    await user.click(screen.getByRole('button', { name: /保存协议/ }));
    expect(await within(history).findByText('佣金 25.00%（2500 基点） · 每台每月 ¥10.00')).toBeInTheDocument();
    expect(sent('PUT', `/v1/organizations/${F1}/agreement`).map((r) => (r.body as { commissionBasisPoints: number }).commissionBasisPoints)).toEqual([2500]);
    expect(sent('GET', '/v1/agreements').every((r) => r.query['parentId'] === BRAND)).toBe(true);
    expect(sent('GET', `/v1/organizations/${F2}/agreement`)).toHaveLength(0);
  });

  it('a failed list read is shown with its code and a retry', async () => {
    brandApi({ 'GET /v1/statements': answer(503, { status: 503, code: 'DATABASE_UNAVAILABLE', title: 'Service Unavailable', detail: 'db down' }) });
    renderSettlementAt('/settlement');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('DATABASE_UNAVAILABLE');
    expect(within(alert).getByRole('button', { name: '重试' })).toBeInTheDocument();
  });
});
