import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, meWith, renderWithQuery, type Recorded } from '@/test/fake-api';
import { SettlementCard } from './settlement-card';

jest.setTimeout(60_000);

const BRAND = '00000000-0000-4000-8000-000000000001';
const F1 = '00000000-0000-4000-8000-000000000011';
const earnings = (r: Recorded) => ({ organizationId: r.query['organizationId'], from: r.query['from'], to: r.query['to'], sessions: 2, paidFen: 1000, refundedFen: 0, netFen: 1000, commissionFen: 200, shareFen: 800 });
const statement = (payableFen: number, resellerFeeFen = 0) => ({ id: `s-${payableFen}`, payableFen, resellerFeeFen });

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());
const sent = (path: string) => api!.requests.filter((r) => r.path === path);

describe('the overview’s settlement card', () => {
  it('a franchise brand: this month’s commission and its franchisees’ share, each a link to /settlement', async () => {
    api = fakeApi({ 'GET /v1/me': meWith(['settlement.read', 'settlement.write'], { organizationId: BRAND }), 'GET /v1/earnings': earnings });
    const followed: string[] = [];
    renderWithQuery(<SettlementCard onNavigate={(href) => followed.push(href)} />);
    await waitFor(() => expect(screen.getByTestId('settlement-brandCommission')).toHaveTextContent('¥2.00'));
    expect(screen.getByTestId('settlement-brandShare')).toHaveTextContent('¥8.00');
    const query = sent('/v1/earnings')[0]!.query;
    expect(query['organizationId']).toBe(BRAND);
    expect(query['from']).toMatch(/^\d{4}-\d{2}-01$/);
    expect(screen.getByTestId('settlement-brandShare')).toHaveAttribute('href', '/settlement');
    await userEvent.setup({ delay: null }).click(screen.getByTestId('settlement-brandShare'));
    expect(followed).toEqual(['/settlement']);
  });

  it('a franchisee: today’s share and what is on its way (closed statements)', async () => {
    api = fakeApi({
      'GET /v1/me': meWith(['settlement.read'], { organizationId: F1, organizationKind: 'FRANCHISEE', operatingModel: null }),
      'GET /v1/earnings': earnings,
      'GET /v1/statements': { items: [statement(5050), statement(1000)], total: 2 },
    });
    renderWithQuery(<SettlementCard />);
    await waitFor(() => expect(screen.getByTestId('settlement-franchiseeOnItsWay')).toHaveTextContent('¥60.50'));
    expect(screen.getByTestId('settlement-franchiseeToday')).toHaveTextContent('¥8.00');
    expect(sent('/v1/statements')[0]!.query['status']).toBe('CLOSED');
    const earningsQuery = sent('/v1/earnings')[0]!.query;
    expect(earningsQuery['from']).toBe(earningsQuery['to']);
  });

  it('a hardware reseller: fees from statements only, never earnings', async () => {
    api = fakeApi({
      'GET /v1/me': meWith(['settlement.read', 'settlement.write'], { operatingModel: 'HARDWARE_SALE' }),
      'GET /v1/statements': (r: Recorded) => (r.query['status'] === 'CLOSED' ? { items: [statement(700, 700)], total: 1 } : { items: [statement(700, 700), statement(300, 300)], total: 2 }),
    });
    renderWithQuery(<SettlementCard />);
    await waitFor(() => expect(screen.getByTestId('settlement-resellerFees')).toHaveTextContent('¥10.00'));
    await waitFor(() => expect(screen.getByTestId('settlement-resellerUnpaid')).toHaveTextContent('¥7.00'));
    expect(sent('/v1/earnings')).toHaveLength(0);
  });

  it('is not shown without settlement.read', async () => {
    api = fakeApi({ 'GET /v1/me': meWith(['sessions.read']) });
    renderWithQuery(<SettlementCard />);
    await waitFor(() => expect(sent('/v1/me')).toHaveLength(1));
    expect(screen.queryByTestId('settlement-card')).toBeNull();
  });
});
