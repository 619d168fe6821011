import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { answer, fakeApi, type Recorded } from '@/test/fake-api';
import { setViewportWidth } from '@/test/viewport';
import { todayInShanghai } from '../period';
import {
  totals,
  agreement,
  BRAND,
  C1,
  customerMe,
  earnings,
  F1,
  franchiseeMe,
  organization,
  RESELLER,
  renderSettlementAt,
  resellerMe,
  statement,
} from '../test/fixtures';

jest.setTimeout(60_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => {
  api?.restore();
  setViewportWidth(1280);
});
const sent = (method: string, path: string) => api!.requests.filter((r) => r.method === method && r.path === path);

const feeStatement = (overrides: Parameters<typeof statement>[0] = {}) =>
  statement({
    organizationId: C1,
    parentOrganizationId: RESELLER,
    kind: 'RESELLER',
    sessions: 0,
    paidFen: 0,
    refundedFen: 0,
    netFen: 0,
    commissionFen: 0,
    fixedFeeFen: 0,
    resellerFeeFen: 4_000,
    adjustmentFen: 0,
    payableFen: 4_000,
    ...overrides,
  });

describe('/settlement for a franchisee', () => {
  it('shows only "my earnings": today, this period (from its agreement), on its way, its payee, and its own statements and splits', async () => {
    setViewportWidth(390);
    const today = todayInShanghai();
    api = fakeApi({
      'GET /v1/me': franchiseeMe(),
      'GET /v1/organizations': [organization(F1, '西湖加盟店', 'FRANCHISEE', BRAND)],
      [`GET /v1/organizations/${F1}/agreement`]: agreement({ period: 'DAILY' }),
      [`GET /v1/organizations/${F1}/payout-payee`]: answer(422, { status: 422, code: 'PAYOUT_PAYEE_MISSING', title: 'x', detail: 'x' }),
      'GET /v1/earnings': (r: Recorded) => (r.query['from'] === today ? earnings(F1, today, today, 1_000, 200) : earnings(F1, r.query['from']!, today)),
      'GET /v1/statements': (r: Recorded) =>
        r.query['status'] === 'CLOSED'
          ? // the exact sum over every page comes in totals, whatever the page holds
            { items: [statement({ status: 'CLOSED', payableFen: 5_050 })], total: 2, totals: totals({ CLOSED: [2, 6_050] }) }
          : { items: [statement()], total: 1, totals: totals({ OPEN: [1, 0] }) },
    });
    renderSettlementAt('/settlement');
    expect(await screen.findByRole('heading', { name: '我的收益' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('mine-today')).toHaveTextContent('¥8.00'));
    // a daily agreement: this period is today
    expect(screen.getByTestId('mine-period')).toHaveTextContent(`日结，自 ${today}`);
    await waitFor(() => expect(screen.getByTestId('mine-on-its-way')).toHaveTextContent('¥60.50'));
    expect(screen.getByTestId('mine-on-its-way')).toHaveTextContent('2 张已结账');
    // no payee yet: said in words (not as an error)
    expect(await screen.findByTestId('payee-none')).toHaveTextContent('尚未设置收款人');
    // its own statements, as cards on a phone; only its statements and splits as tabs, no agreements to set, no close
    const list = screen.getByTestId('statements-list');
    await within(list).findByText('2026-11-01 ~ 2026-11-30');
    expect(within(list).getAllByRole('listitem').filter((item) => item.classList.contains('ant-card'))).toHaveLength(1);
    expect(within(list).queryByRole('table')).toBeNull();
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['结算单', '分账']);
    expect(screen.queryByText('设定新协议')).toBeNull();
    expect(sent('GET', '/v1/earnings').every((r) => r.query['organizationId'] === F1)).toBe(true);
  });
});

describe('/settlement for a hardware reseller', () => {
  it('shows its customers’ fee statements and agreements, never revenue or earnings', async () => {
    api = fakeApi({
      'GET /v1/me': resellerMe(),
      'GET /v1/organizations': [organization(RESELLER, '设备经销商', 'OPERATOR', null), organization(C1, '客户一', 'CUSTOMER', RESELLER)],
      'GET /v1/statements': { items: [feeStatement()], total: 1, totals: totals({ OPEN: [1, 0] }) },
      'GET /v1/agreements': { items: [agreement({ kind: 'RESELLER', organizationId: C1, commissionBasisPoints: null, collection: null, platformFeePerActiveDeviceMonthFen: 500 })] },
    });
    renderSettlementAt('/settlement');
    const list = await screen.findByTestId('statements-list');
    expect(await within(list).findByText('客户服务费账单')).toBeInTheDocument();
    await within(list).findByText('2026-11-01 ~ 2026-11-30');
    const headers = within(list)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(expect.arrayContaining(['平台服务费', '客户应付经销商']));
    for (const revenue of ['实收', '净额', '品牌佣金', '订单数']) expect(headers).not.toContain(revenue);
    expect(within(list).getAllByText('¥40.00').length).toBeGreaterThan(0);
    const tabs = screen.getAllByRole('tab').map((t) => t.textContent);
    expect(tabs).toEqual(['结算单', '协议']);
    expect(sent('GET', '/v1/earnings')).toHaveLength(0);
  });

  it('its agreements tab shows each customer’s platform fee', async () => {
    api = fakeApi({
      'GET /v1/me': resellerMe(),
      'GET /v1/organizations': [organization(RESELLER, '设备经销商', 'OPERATOR', null), organization(C1, '客户一', 'CUSTOMER', RESELLER)],
      'GET /v1/statements': { items: [], total: 0, totals: totals({}) },
      'GET /v1/agreements': { items: [agreement({ kind: 'RESELLER', organizationId: C1, commissionBasisPoints: null, collection: null, platformFeePerActiveDeviceMonthFen: 500 })] },
    });
    renderSettlementAt('/settlement?tab=agreements');
    const list = await screen.findByTestId('agreements-list');
    expect(await within(list).findByText('每台活跃设备每月 ¥5.00')).toBeInTheDocument();
    expect(within(list).queryByText(/佣金/)).toBeNull();
  });
});

describe('/settlement for a reseller’s customer', () => {
  it('shows what it owes its reseller: closed and not settled, and the open period so far', async () => {
    api = fakeApi({
      'GET /v1/me': customerMe(),
      'GET /v1/organizations': [organization(C1, '客户一', 'CUSTOMER', RESELLER)],
      'GET /v1/statements': (r: Recorded) =>
        r.query['status'] === 'CLOSED'
          ? { items: [feeStatement({ status: 'CLOSED' })], total: 1, totals: totals({ CLOSED: [1, 4_000] }) }
          : r.query['status'] === 'OPEN'
            ? { items: [feeStatement({ id: '00000000-0000-4000-8000-0000000000f3', payableFen: 1_500 })], total: 1, totals: totals({ OPEN: [1, 1_500] }) }
            : { items: [feeStatement()], total: 1, totals: totals({ OPEN: [1, 4_000] }) },
    });
    renderSettlementAt('/settlement');
    expect(await screen.findByRole('heading', { name: '应付经销商' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('owed-closed')).toHaveTextContent('¥40.00'));
    await waitFor(() => expect(screen.getByTestId('owed-open')).toHaveTextContent('¥15.00'));
    expect(screen.queryByRole('tab')).toBeNull();
    expect(sent('GET', '/v1/earnings')).toHaveLength(0);
  });

  it('an empty statement list says so', async () => {
    api = fakeApi({
      'GET /v1/me': customerMe(),
      'GET /v1/organizations': [],
      'GET /v1/statements': { items: [], total: 0, totals: totals({}) },
    });
    renderSettlementAt('/settlement');
    const list = await screen.findByTestId('statements-list');
    expect(await within(list).findByText('暂无数据')).toBeInTheDocument();
  });
});

describe('/settlement for a self-run operator', () => {
  it('explains there is nobody to settle with', async () => {
    api = fakeApi({
      'GET /v1/me': { ...resellerMe(), operatingModel: 'SELF_RUN' },
      'GET /v1/statements': answer(200, { items: [], total: 0, totals: totals({}) }),
    });
    renderSettlementAt('/settlement');
    expect(await screen.findByTestId('settlement-none')).toBeInTheDocument();
  });
});
