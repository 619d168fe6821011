import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, fakeApi, meWith, renderWithQuery, type Recorded } from '@/test/fake-api';
import { BRAND, brandMe, F1, STATEMENT } from '../test/fixtures';
import { adjustmentBody, AdjustmentsPanel } from './adjustments-panel';

jest.setTimeout(120_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());
const PATH = `/v1/organizations/${F1}/adjustments`;
const posts = () => api!.requests.filter((r) => r.method === 'POST' && r.path === PATH);

const adjustment = (overrides: Record<string, unknown> = {}) => ({
  id: '00000000-0000-4000-8000-0000000000d1',
  organizationId: F1,
  parentOrganizationId: BRAND,
  kind: 'FRANCHISE',
  amountFen: -5_000,
  reason: '押金扣回',
  effectiveDate: '2026-12-02',
  statementId: STATEMENT,
  periodStart: '2026-12-01',
  periodEnd: '2026-12-31',
  statementStatus: 'OPEN',
  createdAt: '2026-12-02T02:00:00Z',
  createdBy: '00000000-0000-4000-8000-0000000000aa',
  createdByName: '品牌财务',
  ...overrides,
});

describe('调整: a manual adjustment on a franchisee’s open statement', () => {
  it('yuan with up to 2 decimals become integer fen exactly, signed by the direction; the reason is trimmed; no date means today', () => {
    expect(adjustmentBody({ direction: 'CREDIT', amount: '12.30', reason: ' 维修补贴 ' })).toEqual({ amountFen: 1_230, reason: '维修补贴' });
    expect(adjustmentBody({ direction: 'DEBIT', amount: '0.07', reason: 'x', effectiveDate: '2026-12-05' })).toEqual({ amountFen: -7, reason: 'x', effectiveDate: '2026-12-05' });
    // 0.1 + 0.2 style float errors cannot happen: 1234.5 元 and 19.99 元 are exact
    expect(adjustmentBody({ direction: 'CREDIT', amount: '1234.5', reason: 'x' }).amountFen).toBe(123_450);
    expect(adjustmentBody({ direction: 'CREDIT', amount: ' 19.99 ', reason: 'x' }).amountFen).toBe(1_999);
    expect(() => adjustmentBody({ direction: 'CREDIT', amount: '0', reason: 'x' })).toThrow(RangeError);
    expect(() => adjustmentBody({ direction: 'CREDIT', amount: '1.234', reason: 'x' })).toThrow(RangeError);
    expect(() => adjustmentBody({ direction: 'CREDIT', amount: '-3', reason: 'x' })).toThrow(RangeError);
  });

  it('the brand books one: the form checks the amount, the API’s refusal is shown in Chinese with the field named, the same key is sent again, and the list shows it afterwards', async () => {
    let items = [adjustment()];
    api = fakeApi({
      'GET /v1/me': brandMe(),
      [`GET ${PATH}`]: () => ({ items, total: items.length }),
      [`POST ${PATH}`]: (r: Recorded) => {
        const body = r.body as { amountFen: number; reason: string; effectiveDate?: string };
        if (posts().length === 1) {
          return answer(422, {
            status: 422,
            code: 'ADJUSTMENT_PERIOD_CLOSED',
            title: 'Unprocessable Entity',
            detail: '2026-11-20 falls in the statement period 2026-11-01 .. 2026-11-30, which is CLOSED.',
            errors: [{ field: 'effectiveDate', messages: ['must be after 2026-11-30'] }],
          });
        }
        const created = adjustment({ id: '00000000-0000-4000-8000-0000000000d2', ...body, effectiveDate: body.effectiveDate ?? '2026-12-05' });
        items = [created, ...items];
        return answer(201, created);
      },
    });
    const user = userEvent.setup({ delay: null });
    renderWithQuery(<AdjustmentsPanel organizationId={F1} organizationName="西湖加盟店" />);
    const list = await screen.findByTestId('adjustments-list');
    expect(within(list).getByText('押金扣回')).toBeInTheDocument();
    expect(list).toHaveTextContent('-¥50.00');
    await user.click(screen.getByTestId('adjust'));
    expect(await screen.findByTestId('adjustment-consequences')).toHaveTextContent('西湖加盟店');
    const dialog = screen.getAllByRole('dialog').filter((d) => within(d).queryByTestId('adjustment-consequences')).at(-1)!;
    const ok = () => within(dialog).getByRole('button', { name: /确认调整/ });
    await user.click(within(dialog).getByLabelText('金额（元）'));
    await user.paste('12.345');
    await user.click(ok());
    expect(await within(dialog).findByText('请填写大于 0 的金额，最多两位小数')).toBeInTheDocument();
    expect(await within(dialog).findByText('请填写调整原因')).toBeInTheDocument();
    expect(posts()).toHaveLength(0);
    await user.clear(within(dialog).getByLabelText('金额（元）'));
    await user.paste('12.30');
    await user.click(within(dialog).getByLabelText('调整原因'));
    await user.paste('冰柜维修费由品牌承担');
    await user.click(within(dialog).getByLabelText('调整日期'));
    await user.paste('2026-11-20');
    await user.click(ok());
    // the refusal: the code's Chinese text, and the field it names
    expect(await within(dialog).findByText('调整日期落在已结账的账期内：调整只能记入未结账的结算单，请选择其后的日期。')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('ADJUSTMENT_PERIOD_CLOSED');
    expect(await within(dialog).findByText('must be after 2026-11-30')).toBeInTheDocument();
    expect(posts()[0]!.body).toEqual({ amountFen: 1_230, reason: '冰柜维修费由品牌承担', effectiveDate: '2026-11-20' });
    // a debit from today instead
    await user.click(within(dialog).getByLabelText('向对方扣回（对方应得减少）'));
    await user.clear(within(dialog).getByLabelText('调整日期'));
    await user.click(ok());
    await waitFor(() => expect(posts()).toHaveLength(2));
    expect(posts()[1]!.body).toEqual({ amountFen: -1_230, reason: '冰柜维修费由品牌承担' });
    const keys = posts().map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(await within(await screen.findByTestId('adjustments-list')).findByText('冰柜维修费由品牌承担')).toBeInTheDocument();
    expect(screen.getByTestId('adjustments-list')).toHaveTextContent('-¥12.30');
  });

  it('a franchisee reads its adjustments and has no 调整 button', async () => {
    api = fakeApi({
      'GET /v1/me': meWith(['settlement.read'], { organizationId: F1, organizationName: '西湖加盟店', organizationKind: 'FRANCHISEE', operatingModel: null }),
      [`GET ${PATH}`]: { items: [adjustment()], total: 1 },
    });
    renderWithQuery(<AdjustmentsPanel organizationId={F1} organizationName="西湖加盟店" />);
    expect(await screen.findByText('押金扣回')).toBeInTheDocument();
    await waitFor(() => expect(api!.requests.some((r) => r.path === '/v1/me')).toBe(true));
    expect(screen.queryByTestId('adjust')).toBeNull();
  });
});
