import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { OverviewCards, type Overview } from './overview-cards';

const devices = { total: 12, online: 9, offline: 3, faulted: 2, revoked: 1 };
const full: Overview = {
  scope: 'FULL',
  organizationId: null,
  generatedAt: '2026-11-28T04:00:00.000Z',
  timezone: 'Asia/Shanghai',
  devices,
  revenue: { todayFen: 700, last7DaysFen: 2700, last30DaysFen: 320000, byDay: [] },
  sessionsByState: { AWAITING_CONFIRMATION: 0, STARTING: 1, IN_USE: 4, AWAITING_PAYMENT: 2, PAID: 30, CANCELLED: 5 },
  openAnomalies: 3,
  receivables: { count: 2, owedFen: 1234 },
  complaintRates: {
    windowDays: 30,
    formula: 'complaint rate = complaints received in the last 30 days ÷ orders paid (more than 0 fen) in the last 30 days',
    byMerchantAccount: [
      { id: 'acc-1', organizationId: 'org-1', name: '冰柜品牌 商户号', mchid: '1900000020', complaints: 1, paidOrders: 2000, rate: 0.0005, thresholdPercent: 0.01, alertEnabled: true, aboveThreshold: true },
      { id: 'acc-3', organizationId: 'org-3', name: '滨江店 商户号', mchid: '1900000099', complaints: 1, paidOrders: 2000, rate: 0.0005, thresholdPercent: 0.1, alertEnabled: true, aboveThreshold: false },
      { id: 'acc-2', organizationId: 'org-2', name: '充电宝 商户号', mchid: '1900000010', complaints: 0, paidOrders: 0, rate: null, thresholdPercent: 0.01, alertEnabled: false, aboveThreshold: false },
    ],
    byLegalEntity: [
      { id: 'org-1', organizationId: 'org-1', name: '冰柜品牌', mchid: null, complaints: 1, paidOrders: 2000, rate: 0.0005, thresholdPercent: 0.01, alertEnabled: true, aboveThreshold: true },
      { id: 'org-3', organizationId: 'org-3', name: '滨江加盟店', mchid: null, complaints: 1, paidOrders: 2000, rate: 0.0005, thresholdPercent: 0.1, alertEnabled: true, aboveThreshold: false },
      { id: 'org-2', organizationId: 'org-2', name: '充电宝品牌', mchid: null, complaints: 0, paidOrders: 0, rate: null, thresholdPercent: 0.01, alertEnabled: false, aboveThreshold: false },
    ],
  },
};
const href = (testId: string) => screen.getByTestId(testId).getAttribute('href');

describe('OverviewCards', () => {
  it('shows the complaint rate per legal entity and per merchant account, each red only above its own configured threshold, with the formula', () => {
    render(<OverviewCards overview={full} />);
    const card = screen.getByTestId('complaint-rate');
    expect(card).toHaveTextContent('投诉率（近 30 天）');
    const danger = (testId: string) => within(screen.getByTestId(testId)).getByText('0.0500%').closest('.ant-typography-danger');

    // the brand: above its 0.01 % threshold, as a legal entity and on its account (named by mchid)
    const brand = screen.getByTestId('complaint-rate-entity-org-1');
    expect(brand).toHaveTextContent('主体：冰柜品牌');
    expect(brand).toHaveTextContent('1 笔投诉 / 2000 笔已付订单');
    expect(brand).toHaveTextContent('高于阈值');
    expect(danger('complaint-rate-entity-org-1')).not.toBeNull();
    expect(screen.getByTestId('complaint-rate-threshold-org-1')).toHaveTextContent('告警阈值 0.01%');
    expect(screen.getByTestId('complaint-rate-account-acc-1')).toHaveTextContent('商户号 1900000020（冰柜品牌 商户号）');
    expect(danger('complaint-rate-account-acc-1')).not.toBeNull();

    // the same 0.05 % under a configured 0.1 % threshold is not red: the organisation's threshold counts, not a fixed one
    expect(screen.getByTestId('complaint-rate-threshold-org-3')).toHaveTextContent('告警阈值 0.1%');
    expect(danger('complaint-rate-entity-org-3')).toBeNull();
    expect(danger('complaint-rate-account-acc-3')).toBeNull();
    expect(screen.getByTestId('complaint-rate-entity-org-3')).not.toHaveTextContent('高于阈值');

    // no paid orders: no rate; a switched-off rule is said so
    expect(screen.getByTestId('complaint-rate-entity-org-2')).toHaveTextContent('—');
    expect(screen.getByTestId('complaint-rate-threshold-org-2')).toHaveTextContent('该告警已关闭');

    const formula = screen.getByTestId('complaint-rate-formula');
    expect(formula).toHaveTextContent('投诉率 = 近 30 天收到的投诉数 ÷ 近 30 天已付款');
    expect(formula.getAttribute('title')).toBe(full.complaintRates!.formula);
  });

  it('shows each figure as a link to the list it counts, with the same filter', () => {
    render(<OverviewCards overview={full} />);
    expect(href('sessions-IN_USE')).toBe('/sessions?state=IN_USE');
    expect(href('sessions-AWAITING_PAYMENT')).toBe('/sessions?state=AWAITING_PAYMENT');
    expect(href('devices-offline')).toBe('/devices?status=offline');
    expect(href('devices-faulted')).toBe('/devices?status=faulted');
    expect(href('anomalies')).toBe('/sessions?anomaly=true');
    expect(href('receivables')).toBe('/receivables');
    expect(href('revenue-today')).toBe('/sessions?state=PAID');
    expect(screen.getByTestId('revenue-last30Days')).toHaveTextContent('¥3,200.00');
    expect(screen.getByTestId('receivables')).toHaveTextContent('¥12.34');
    expect(screen.getByTestId('devices-offline')).toHaveTextContent('3');
  });

  it('carries the organisation filter into every link', () => {
    const org = '00000000-0000-4000-8000-000000000021';
    render(<OverviewCards overview={{ ...full, organizationId: org }} organizationId={org} />);
    expect(href('sessions-PAID')).toBe(`/sessions?state=PAID&organizationId=${org}`);
    expect(href('devices-online')).toBe(`/devices?status=online&organizationId=${org}`);
    expect(href('receivables')).toBe(`/receivables?organizationId=${org}`);
  });

  it('navigates inside the app on a plain click', () => {
    const onNavigate = jest.fn<(href: string) => void>();
    render(<OverviewCards overview={full} onNavigate={onNavigate} />);
    fireEvent.click(screen.getByTestId('anomalies'));
    expect(onNavigate).toHaveBeenCalledWith('/sessions?anomaly=true');
  });

  it('shows a hardware reseller fleet health only: no money, no sessions', () => {
    render(<OverviewCards overview={{ ...full, scope: 'FLEET_ONLY', revenue: null, sessionsByState: null, openAnomalies: null, receivables: null }} />);
    expect(href('devices-online')).toBe('/devices?status=online');
    expect(screen.queryByTestId('revenue-today')).toBeNull();
    expect(screen.queryByTestId('receivables')).toBeNull();
    expect(screen.queryByTestId('sessions-PAID')).toBeNull();
    expect(document.body.textContent).not.toMatch(/¥/);
  });
});
