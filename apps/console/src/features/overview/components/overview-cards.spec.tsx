import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
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
    formula: 'complaints received in the last 30 days ÷ orders paid in the last 30 days',
    byMerchantAccount: [],
    byLegalEntity: [
      { id: 'org-1', name: '冰柜品牌', mchid: null, complaints: 1, paidOrders: 2000, rate: 0.0005 },
      { id: 'org-2', name: '充电宝品牌', mchid: null, complaints: 0, paidOrders: 0, rate: null },
    ],
  },
};
const href = (testId: string) => screen.getByTestId(testId).getAttribute('href');

describe('OverviewCards', () => {
  it('shows the complaint rate per legal entity with its formula, above WeChat’s 0.01% in red', () => {
    render(<OverviewCards overview={full} />);
    const card = screen.getByTestId('complaint-rate');
    expect(card).toHaveTextContent('投诉率（近 30 天）');
    expect(card).toHaveTextContent('0.0500%');
    expect(card).toHaveTextContent('1 笔投诉 / 2000 笔已付订单');
    expect(card).toHaveTextContent('complaints received in the last 30 days');
    expect(screen.getByText('0.0500%').closest('.ant-typography-danger')).not.toBeNull();
    expect(card).toHaveTextContent('—');
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
