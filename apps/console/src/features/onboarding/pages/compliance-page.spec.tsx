import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { fakeApi } from '@/test/fake-api';
import { ACCOUNT, renderAt } from '../test/render';
import { CompliancePage } from './compliance-page';

jest.setTimeout(60_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());

const BASE = `/v1/merchant-accounts/${ACCOUNT}`;
const SERVICE = '2002000000000000000000000000020';
const compliance = (rate: { complaints: number; paidOrders: number; rate: number | null }) => ({
  merchantAccountId: ACCOUNT,
  services: [
    {
      serviceId: SERVICE,
      name: '智能冰柜先享后付',
      scenario: 'VENDING',
      mode: 'USE_FIRST',
      riskCapFen: 20000,
      disabledAt: null,
      devices: [
        { code: 'FR-0001', type: 'FRIDGE', scenario: 'VENDING', fits: true },
        { code: 'PB-0009', type: 'POWERBANK_CABINET', scenario: 'POWERBANK_RENTAL', fits: false },
      ],
      scenariosUnmixed: false,
      refusals: [{ refusedAt: '2026-12-05T02:00:00Z', deviceCode: 'PB-0009', deviceType: 'POWERBANK_CABINET', openid: 'o-user-1', appid: 'wxd0000000000demo' }],
    },
  ],
  complaintRate: { ...rate, formula: '投诉数 ÷ 已支付订单数（近 30 天）' },
});
const path = `/onboarding/${ACCOUNT}/compliance`;

describe('the compliance page', () => {
  it('shows each service id with its scenario, mode, cap, devices fit or not, and the refused scans', async () => {
    api = fakeApi({ [`GET ${BASE}/compliance`]: compliance({ complaints: 1, paidOrders: 40, rate: 0.025 }) });
    renderAt(<CompliancePage accountId={ACCOUNT} />, undefined, path);
    const service = await screen.findByTestId(`service-${SERVICE}`);
    expect(service).toHaveTextContent('智能冰柜先享后付');
    expect(service).toHaveTextContent('自助售货（冰柜）');
    expect(service).toHaveTextContent('先享后付');
    expect(service).toHaveTextContent('¥200.00');
    expect(service).toHaveTextContent('有设备与场景不符');
    const fr = within(service).getByText('FR-0001').closest('tr')!;
    expect(fr).toHaveTextContent('相符');
    const pb = within(service).getAllByText('PB-0009')[0]!.closest('tr')!;
    expect(pb).toHaveTextContent('不相符');
    expect(screen.getByTestId(`refusals-${SERVICE}`)).toHaveTextContent('wxd0000000000demo / o-user-1');
    expect(screen.getByTestId('complaint-rate')).toHaveTextContent('2.50%');
    expect(screen.getByTestId('complaint-rate')).toHaveTextContent('1 笔投诉 / 40 笔已支付订单');
  });

  it('says there is no complaint rate before the first paid order', async () => {
    api = fakeApi({ [`GET ${BASE}/compliance`]: compliance({ complaints: 0, paidOrders: 0, rate: null }) });
    renderAt(<CompliancePage accountId={ACCOUNT} />, undefined, path);
    expect(await screen.findByTestId('complaint-rate')).toHaveTextContent('还没有已支付的订单，暂无投诉率。');
  });
});
