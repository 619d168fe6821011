import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { ACTION_REFRESH_MS, refreshInterval, RUNNING_REFRESH_MS } from '../api/get-session';
import { json, session, stubFetch } from '../test/fixtures';
import { renderSignedIn } from '../test/render';
import { SessionDetailPage } from './session-detail-page';

// whole pages with antd on a machine shared by several people: more than the default per test
jest.setTimeout(60_000);

let restore: () => void = () => undefined;
afterEach(() => {
  restore();
});

const ACTING = ['sessions.read', 'sessions.act'] as const;
const READ_ONLY = ['sessions.read'] as const;
// buttons found by their text (getByRole walks the whole accessibility tree: slow on a page this size)
const buttons = (name: RegExp) => screen.queryAllByText(name).filter((e) => e.closest('button') !== null);
const shown = (text: string | RegExp) => screen.findByText(text, {}, { timeout: 10_000 });

function serve(detail: ReturnType<typeof session>) {
  ({ restore } = stubFetch((sent) => (sent.url.pathname === `/v1/sessions/${detail.id}` ? json(200, detail) : json(404, { status: 404, code: 'NOT_FOUND' }))));
}

const inUse = session({
  state: 'IN_USE',
  deviceType: 'EV_CHARGER',
  deviceCode: 'EV-0007',
  totalFen: null,
  paidFen: null,
  refundableFen: null,
  runningFen: 350,
  runningQuote: {
    totalFen: 350,
    lines: [
      { kind: 'energy', label: '电费', amountFen: 200, detail: '2 kWh' },
      { kind: 'service', label: '服务费', amountFen: 150 },
    ],
    capped: null,
  },
  meterReading: { readAt: '2026-12-06T02:30:00.000Z', wattHours: 2000 },
  times: { createdAt: '2026-12-06T02:00:00.000Z', inUseAt: '2026-12-06T02:01:00.000Z', confirmedAt: '2026-12-06T02:00:30.000Z', paidAt: null },
});

describe('a session page', () => {
  it('shows the running cost of an open session with its quote lines, and its timeline in order', async () => {
    serve(inUse);
    renderSignedIn(<SessionDetailPage sessionId={inUse.id} />, ACTING);
    expect(await shown('当前费用（如果此刻结束）')).toBeInTheDocument();
    expect(screen.getByTestId('running-fen')).toHaveTextContent('¥3.50');
    expect(screen.getByText('每 10 秒自动刷新')).toBeInTheDocument();
    expect(screen.getByText('服务费')).toBeInTheDocument();
    const timeline = within(screen.getByTestId('session-timeline'));
    const labels = timeline.getAllByText(/^(创建|用户已确认|开始使用)$/).map((e) => e.textContent);
    expect(labels).toEqual(['创建', '用户已确认', '开始使用']);
    expect(timeline.queryByText('已支付')).toBeNull();
    expect(buttons(/^结束订单$/)).toHaveLength(1);
    expect(buttons(/^退\s*款$/)).toHaveLength(0);
  });

  it('offers a refund of a paid session to a login that may act, with its refunds listed', async () => {
    const paid = session({
      refundedFen: 300,
      refundableFen: 700,
      refunds: [
        {
          id: 'a1',
          kind: 'REFUND',
          amountFen: 300,
          state: 'SUCCEEDED',
          reason: '少找零',
          outRefundNo: 'RF0001',
          createdAt: '2026-12-06T04:00:00.000Z',
          finishedAt: null,
          error: null,
        },
      ],
      lines: { post_payments: [{ name: '租借费', amount: 1000, description: '3元/小时' }], post_discounts: [], total_amount: 1000 },
    });
    serve(paid);
    renderSignedIn(<SessionDetailPage sessionId={paid.id} />, ACTING);
    expect(await shown('租借费')).toBeInTheDocument();
    expect(within(screen.getByTestId('session-refunds')).getByText('RF0001')).toBeInTheDocument();
    expect(buttons(/^退\s*款$/)).toHaveLength(1);
    expect(screen.queryByText('当前费用（如果此刻结束）')).toBeNull();
  });

  it('hides the actions from a read-only login', async () => {
    serve(session());
    renderSignedIn(<SessionDetailPage sessionId={session().id} />, READ_ONLY);
    expect(await shown(/商户订单号 ZZ20261206000001/)).toBeInTheDocument();
    expect(buttons(/^退\s*款$/)).toHaveLength(0);
  });

  it('goes back to the list as it was filtered', async () => {
    serve(session());
    const { router } = renderSignedIn(<SessionDetailPage sessionId={session().id} />, READ_ONLY, ['/sessions?q=ZZ2026', '/sessions/x']);
    (await shown('← 返回订单列表')).click();
    await waitFor(() => expect(router.state.location.href).toBe('/sessions?q=ZZ2026'));
  });

  it('shows a session it may not see as the problem the API answered', async () => {
    ({ restore } = stubFetch(() => json(404, { status: 404, code: 'SESSION_NOT_FOUND', title: 'Not Found', detail: 'No such session.' }, 'application/problem+json')));
    renderSignedIn(<SessionDetailPage sessionId="00000000-0000-4000-8000-000000000999" />, ACTING);
    expect(await shown(/SESSION_NOT_FOUND/)).toBeInTheDocument();
  });
});

describe('how often a session page reads the session again', () => {
  it('while in use (its cost grows), while an action awaits WeChat, and never once settled', () => {
    expect(refreshInterval(session({ state: 'IN_USE' }))).toBe(RUNNING_REFRESH_MS);
    expect(refreshInterval(session({ state: 'STARTING' }))).toBe(RUNNING_REFRESH_MS);
    expect(refreshInterval(session({ state: 'PAID' }))).toBe(false);
    expect(refreshInterval(session({ state: 'CANCELLED' }))).toBe(false);
    const pending = {
      id: 'a',
      kind: 'REFUND',
      amountFen: 100,
      state: 'PROCESSING',
      reason: null,
      outRefundNo: null,
      createdAt: '2026-12-06T04:00:00.000Z',
      finishedAt: null,
      error: null,
    } as const;
    expect(refreshInterval(session({ state: 'PAID', actions: [pending] }))).toBe(ACTION_REFRESH_MS);
    expect(refreshInterval(undefined)).toBe(false);
  });
});
