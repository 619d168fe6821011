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
type Rate = { complaints: number; paidOrders: number; rate: number | null; thresholdPercent?: number | null; alertEnabled?: boolean; aboveThreshold?: boolean };
const compliance = (rate: Rate) => ({
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
  complaintRate: { thresholdPercent: 0.01, alertEnabled: true, aboveThreshold: false, ...rate, formula: '投诉数 ÷ 已支付订单数（近 30 天）' },
});
const path = `/onboarding/${ACCOUNT}/compliance`;

describe('the compliance page', () => {
  it('shows each service id with its scenario, mode, cap, devices fit or not, and the refused scans', async () => {
    api = fakeApi({ [`GET ${BASE}/compliance`]: compliance({ complaints: 1, paidOrders: 40, rate: 0.025, aboveThreshold: true }) });
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
    expect(screen.getByTestId('complaint-rate')).toHaveTextContent('2.5000%');
    expect(screen.getByTestId('complaint-rate')).toHaveTextContent('1 笔投诉 / 40 笔已支付订单');
  });

  it('shows the alert threshold the rate is compared with and whether the rate is above it, as the API compared them', async () => {
    api = fakeApi({ [`GET ${BASE}/compliance`]: compliance({ complaints: 1, paidOrders: 40, rate: 0.025, thresholdPercent: 5, alertEnabled: false, aboveThreshold: false }) });
    renderAt(<CompliancePage accountId={ACCOUNT} />, undefined, path);
    expect(await screen.findByTestId('complaint-rate-threshold')).toHaveTextContent('告警阈值 5%');
    expect(screen.getByTestId('complaint-rate-threshold')).toHaveTextContent('该告警未开启');
    expect(screen.getByTestId('complaint-rate-within')).toHaveTextContent('未超过告警阈值');
    expect(screen.queryByTestId('complaint-rate-above')).toBeNull();
  });

  it('marks a rate above the threshold', async () => {
    api = fakeApi({ [`GET ${BASE}/compliance`]: compliance({ complaints: 1, paidOrders: 40, rate: 0.025, thresholdPercent: 0.01, aboveThreshold: true }) });
    renderAt(<CompliancePage accountId={ACCOUNT} />, undefined, path);
    expect(await screen.findByTestId('complaint-rate-above')).toHaveTextContent('高于告警阈值');
    expect(screen.getByTestId('complaint-rate-threshold')).toHaveTextContent('告警阈值 0.01%');
    expect(screen.getByTestId('complaint-rate-threshold')).not.toHaveTextContent('该告警未开启');
  });

  it('says there is no complaint rate before the first paid order', async () => {
    api = fakeApi({ [`GET ${BASE}/compliance`]: compliance({ complaints: 0, paidOrders: 0, rate: null }) });
    renderAt(<CompliancePage accountId={ACCOUNT} />, undefined, path);
    expect(await screen.findByTestId('complaint-rate')).toHaveTextContent('还没有已支付的订单，暂无投诉率。');
  });
});
