import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, fakeApi, renderWithQuery, type Recorded } from '@/test/fake-api';
import { brandMe, STATEMENT, statementDetail } from '../test/fixtures';
import { StatementDrawer } from './statement-drawer';
import { canSettleWithoutPayout, settlementBody } from './settle-statement';

jest.setTimeout(120_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());
const settles = () => api!.requests.filter((r) => r.method === 'POST' && r.path === `/v1/statements/${STATEMENT}/settle`);

describe('登记结清: recording how a statement no payout settles was settled', () => {
  it('offered for CLOSED statements a payout cannot settle: a reseller’s fees, a franchise statement owing the franchisee nothing or less', () => {
    expect(canSettleWithoutPayout({ status: 'CLOSED', kind: 'FRANCHISE', payableFen: -3_000 })).toBe(true);
    expect(canSettleWithoutPayout({ status: 'CLOSED', kind: 'FRANCHISE', payableFen: 0 })).toBe(true);
    expect(canSettleWithoutPayout({ status: 'CLOSED', kind: 'RESELLER', payableFen: 8_000 })).toBe(true);
    expect(canSettleWithoutPayout({ status: 'CLOSED', kind: 'FRANCHISE', payableFen: 5_050 })).toBe(false); // a payout settles it
    expect(canSettleWithoutPayout({ status: 'OPEN', kind: 'RESELLER', payableFen: 8_000 })).toBe(false);
    expect(canSettleWithoutPayout({ status: 'SETTLED', kind: 'RESELLER', payableFen: 8_000 })).toBe(false);
    expect(settlementBody({ method: 'OFFSET', reference: '  ', note: ' 抵扣 ', settledAt: '2026-12-05T10:30' })).toEqual({ method: 'OFFSET', note: '抵扣', settledAt: '2026-12-05T10:30:00+08:00' });
  });

  it('the brand records a bank settlement: the reference is required, a server error lands on its field, the same key is sent again, and the settlement shows afterwards', async () => {
    const closed = statementDetail({ status: 'CLOSED', closedAt: '2026-12-01T01:00:00Z', payableFen: -3_000 });
    let settled: ReturnType<typeof statementDetail> | null = null;
    api = fakeApi({
      'GET /v1/me': brandMe(),
      [`GET /v1/statements/${STATEMENT}`]: () => settled ?? closed,
      [`POST /v1/statements/${STATEMENT}/settle`]: (r: Recorded) => {
        const body = r.body as { method: 'OFFLINE_BANK'; reference: string; settledAt?: string };
        if (settles().length === 1) {
          return answer(400, { status: 400, code: 'VALIDATION_FAILED', title: 'Bad Request', detail: 'Invalid fields: settledAt', errors: [{ field: 'settledAt', messages: ['settledAt may not be before the statement was closed'] }] });
        }
        settled = statementDetail({
          ...closed,
          status: 'SETTLED',
          settledAt: '2026-12-03T02:00:00Z',
          settlementReference: 'settlement:00000000-0000-4000-8000-0000000000e1',
          settlement: {
            id: '00000000-0000-4000-8000-0000000000e1',
            method: body.method,
            amountFen: -3_000,
            reference: body.reference,
            note: null,
            settledAt: '2026-12-03T02:00:00Z',
            recordedAt: '2026-12-04T04:00:00Z',
            settledBy: '00000000-0000-4000-8000-0000000000aa',
            settledByName: '品牌财务',
          },
        });
        return settled;
      },
    });
    const user = userEvent.setup({ delay: null });
    renderWithQuery(<StatementDrawer id={STATEMENT} organizationName={() => '西湖加盟店'} onClose={() => undefined} />);
    await user.click(await screen.findByTestId('settle'));
    expect(await screen.findByTestId('settle-consequences')).toHaveTextContent('本期加盟商应付品牌');
    const dialog = screen.getAllByRole('dialog').filter((d) => within(d).queryByTestId('settle-consequences')).at(-1)!;
    await user.click(within(dialog).getByRole('button', { name: /确认登记/ }));
    expect(await within(dialog).findByText('银行转账请填写流水号')).toBeInTheDocument();
    expect(settles()).toHaveLength(0);
    await user.click(within(dialog).getByLabelText('流水号'));
    await user.paste('BANK-0001');
    await user.click(within(dialog).getByLabelText('结清时间'));
    await user.paste('2026-11-30T09:00');
    await user.click(within(dialog).getByRole('button', { name: /确认登记/ }));
    // the refusal is shown on the field it names
    expect(await within(dialog).findByText('settledAt may not be before the statement was closed')).toBeInTheDocument();
    expect(settles()[0]!.body).toEqual({ method: 'OFFLINE_BANK', reference: 'BANK-0001', settledAt: '2026-11-30T09:00:00+08:00' });
    await user.clear(within(dialog).getByLabelText('结清时间'));
    await user.click(within(dialog).getByRole('button', { name: /确认登记/ }));
    await waitFor(() => expect(settles()).toHaveLength(2));
    expect(settles()[1]!.body).toEqual({ method: 'OFFLINE_BANK', reference: 'BANK-0001' });
    // one key per opening of the dialog
    const keys = settles().map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    // read again: settled, with how and by whom; no settle button any more
    const shown = await screen.findByTestId('statement-settlement');
    expect(shown).toHaveTextContent('银行转账');
    expect(shown).toHaveTextContent('BANK-0001');
    expect(shown).toHaveTextContent('品牌财务');
    expect(screen.queryByTestId('settle')).toBeNull();
  });

  it('not offered for a CLOSED franchise statement owing the franchisee money (the payout settles it)', async () => {
    api = fakeApi({ 'GET /v1/me': brandMe(), [`GET /v1/statements/${STATEMENT}`]: statementDetail({ status: 'CLOSED', closedAt: '2026-12-01T01:00:00Z', payableFen: 5_050 }) });
    renderWithQuery(<StatementDrawer id={STATEMENT} organizationName={() => '西湖加盟店'} onClose={() => undefined} />);
    expect(await screen.findByTestId('pay-out')).toBeInTheDocument();
    expect(screen.queryByTestId('settle')).toBeNull();
  });
});
