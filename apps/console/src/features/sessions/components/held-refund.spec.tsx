import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, type Sent, session, stubFetch } from '../test/fixtures';
import { renderSignedIn } from '../test/render';
import { SessionDetailPage } from '../pages/session-detail-page';
import { explainHeld } from './held-refund';

// whole pages with antd on a machine shared by several people: more than the default per test
jest.setTimeout(60_000);

let restore: () => void = () => undefined;
afterEach(() => restore());

const REASON = 'REFUND_HELD the split return of 10 fen failed (RETURN_FAILED BALANCE_NOT_ENOUGH) and the merchant’s available balance does not cover the refund';
const held = session({
  refundedFen: 0,
  refundableFen: 900,
  refunds: [{ id: 'b1', kind: 'REFUND', amountFen: 100, state: 'HELD', reason: '商品破损', outRefundNo: 'RB0001', createdAt: '2026-12-06T04:00:00.000Z', finishedAt: null, error: REASON }],
});

function serve(onPost: (sent: Sent) => Response) {
  const stub = stubFetch((sent) => (sent.method === 'POST' ? onPost(sent) : sent.url.pathname === `/v1/sessions/${held.id}` ? json(200, held) : json(404, { status: 404, code: 'NOT_FOUND' })));
  restore = stub.restore;
  return stub.sent;
}

describe('a held refund (issue 12: refused by WeChat for lack of money after a failed split return)', () => {
  it('explains each server reason in zh-CN: return failed, return succeeded (retry only), no return needed, anything else', () => {
    const t = ((key: string, values?: Record<string, unknown>) => `${key}${values ? JSON.stringify(values) : ''}`) as unknown as Parameters<typeof explainHeld>[0];
    expect(explainHeld(t, REASON)).toBe('held.reason.returnFailed{"amount":"¥0.10"}');
    expect(explainHeld(t, 'REFUND_HELD the split return of 25 fen is SUCCEEDED but the merchant’s available balance still does not cover the refund; …')).toBe('held.reason.returnSucceeded{"amount":"¥0.25"}');
    expect(explainHeld(t, 'REFUND_HELD the merchant’s available balance does not cover the refund; no split, nothing was returned for this refund')).toBe('held.reason.noReturn');
    expect(explainHeld(t, 'something else')).toBe('held.reason.unknown');
    expect(explainHeld(t, null)).toBe('held.reason.unknown');
  });

  it('is shown with its state and reason, and retried under an Idempotency-Key after the consequences are spelled out', async () => {
    const sent = serve(() => json(202, { ...held, refunds: [{ ...held.refunds[0]!, state: 'PENDING' }] }));
    renderSignedIn(<SessionDetailPage sessionId={held.id} />, ['sessions.read', 'sessions.act']);
    const banner = within(await screen.findByTestId('held-refunds', {}, { timeout: 10_000 }));
    expect(banner.getByText('退款 ¥1.00 已挂起（退款单号 RB0001）')).toBeInTheDocument();
    // explained in zh-CN from the server's English reason; the raw reason kept behind 原始原因
    expect(banner.getByTestId('held-explained')).toHaveTextContent('原因：分账回退 ¥0.10 失败（品牌商户号余额不足等），加盟商商户号的可用余额也不足以支付这笔退款。');
    expect(banner.getByText('原始原因（系统记录）')).toBeInTheDocument();
    expect(banner.getByTestId('held-reason')).toHaveTextContent(REASON);
    expect(within(screen.getByTestId('session-refunds')).getByText('已挂起')).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(banner.getByText('重新退款'));
    expect(await screen.findByText(/以原退款单号 RB0001 再次向微信发起 ¥1\.00 的退款/)).toBeInTheDocument();
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /重新退款/ }));
    await waitFor(() => expect(sent.filter((s) => s.method === 'POST')).toHaveLength(1));
    const post = sent.find((s) => s.method === 'POST')!;
    expect(post.url.pathname).toBe(`/v1/sessions/${held.id}/refunds/b1/retry`);
    expect(post.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is given up after saying the user gets nothing back; a login that may not act sees it without the buttons', async () => {
    const sent = serve(() => json(200, { ...held, refunds: [{ ...held.refunds[0]!, state: 'FAILED' }] }));
    renderSignedIn(<SessionDetailPage sessionId={held.id} />, ['sessions.read', 'sessions.act']);
    const banner = within(await screen.findByTestId('held-refunds', {}, { timeout: 10_000 }));
    const user = userEvent.setup({ delay: null });
    await user.click(banner.getByText('放弃退款'));
    expect(await screen.findByText(/这笔 ¥1\.00 的退款将记为失败，用户不会收到退款/)).toBeInTheDocument();
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: /放弃退款/ }));
    await waitFor(() => expect(sent.filter((s) => s.method === 'POST').map((s) => s.url.pathname)).toEqual([`/v1/sessions/${held.id}/refunds/b1/give-up`]));
    cleanup();
    restore();
    serve(() => json(500, {}));
    renderSignedIn(<SessionDetailPage sessionId={held.id} />, ['sessions.read']);
    const readOnly = within(await screen.findByTestId('held-refunds', {}, { timeout: 10_000 }));
    expect(readOnly.getByTestId('held-reason')).toHaveTextContent(REASON);
    expect(readOnly.queryByText('重新退款')).toBeNull();
  });
});
