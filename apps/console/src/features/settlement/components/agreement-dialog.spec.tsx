import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, fakeApi, renderWithQuery } from '@/test/fake-api';
import { agreement, C1, F1 } from '../test/fixtures';
import { AgreementDialog, toPutAgreement } from './agreement-dialog';
import { parsePercent } from './terms';

jest.setTimeout(60_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());
const puts = (id: string) => api!.requests.filter((r) => r.method === 'PUT' && r.path === `/v1/organizations/${id}/agreement`);

function openDialog(kind: 'FRANCHISE' | 'RESELLER', id: string, current = agreement()) {
  const closed: boolean[] = [];
  renderWithQuery(<AgreementDialog organization={{ id, name: '西湖加盟店' }} kind={kind} current={current} open onClose={() => closed.push(true)} />);
  return closed;
}

async function fill(label: string | RegExp, value: string) {
  const user = userEvent.setup({ delay: null });
  const input = screen.getByLabelText(label);
  await user.clear(input);
  if (value) await user.type(input, value);
}

describe('percent and basis points', () => {
  it('reads a percentage as basis points without floating point, and refuses what is not one', () => {
    expect([parsePercent('20'), parsePercent('12.5'), parsePercent('0.01'), parsePercent('100'), parsePercent('33.33')]).toEqual([2000, 1250, 1, 10000, 3333]);
    expect([parsePercent('100.01'), parsePercent('1.234'), parsePercent('-1'), parsePercent('abc')]).toEqual([null, null, null, null]);
  });

  it('keeps the other kind’s fields and empty ones out of the body', () => {
    expect(toPutAgreement('RESELLER', { effectiveFrom: '2026-12-01', platformFeePerActiveDeviceMonthFen: '5', fixedMonthFen: '', commissionBasisPoints: '20', period: 'MONTHLY' })).toEqual({
      effectiveFrom: '2026-12-01',
      platformFeePerActiveDeviceMonthFen: 500,
      period: 'MONTHLY',
    });
  });
});

describe('AgreementDialog', () => {
  it('sends the commission in basis points and money in fen, and shows the basis points as the operator types', async () => {
    api = fakeApi({ [`PUT /v1/organizations/${F1}/agreement`]: agreement({ version: 2, commissionBasisPoints: 2050 }) });
    const closed = openDialog('FRANCHISE', F1);
    // the current terms are the starting point
    expect(screen.getByLabelText('佣金比例')).toHaveValue('20.00');
    await fill('生效日期', '2026-12-10');
    await fill('佣金比例', '20.5');
    expect(await screen.findByTestId('commissionBasisPoints-bp')).toHaveTextContent('= 2050 基点');
    await fill('每台设备每月固定费（元）', '12.3');
    await fill('每月保底（元）', '500');
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: /保存协议/ }));
    await waitFor(() => expect(closed).toEqual([true]));
    expect(puts(F1).map((r) => r.body)).toEqual([
      { effectiveFrom: '2026-12-10', commissionBasisPoints: 2050, fixedFeePerDeviceMonthFen: 1230, minimumMonthFen: 50000, collection: 'BRAND_COLLECTS', period: 'MONTHLY' },
    ]);
  });

  it('passes WeChat’s channel fee on when the brand collects and the switch is on; franchisee-collects hides it and leaves it out', async () => {
    api = fakeApi({ [`PUT /v1/organizations/${F1}/agreement`]: agreement({ version: 2, channelFeePassedOn: true }) });
    const user = userEvent.setup({ delay: null });
    const closed = openDialog('FRANCHISE', F1);
    const toggle = screen.getByRole('switch', { name: '微信支付手续费由加盟商承担' });
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    await fill('生效日期', '2026-12-10');
    await user.click(screen.getByRole('button', { name: /保存协议/ }));
    await waitFor(() => expect(closed).toEqual([true]));
    expect(puts(F1).map((r) => r.body)).toEqual([
      { effectiveFrom: '2026-12-10', commissionBasisPoints: 2000, fixedFeePerDeviceMonthFen: 1000, collection: 'BRAND_COLLECTS', channelFeePassedOn: true, period: 'MONTHLY' },
    ]);
    expect(toPutAgreement('FRANCHISE', { effectiveFrom: '2026-12-10', commissionBasisPoints: '10', collection: 'FRANCHISEE_COLLECTS', channelFeePassedOn: true })).toEqual({
      effectiveFrom: '2026-12-10',
      commissionBasisPoints: 1000,
      collection: 'FRANCHISEE_COLLECTS',
    });
  });

  it('puts the closed-period refusal (422) on the effective date', async () => {
    api = fakeApi({
      [`PUT /v1/organizations/${F1}/agreement`]: answer(422, {
        status: 422,
        code: 'AGREEMENT_PERIOD_CLOSED',
        title: 'Unprocessable Entity',
        detail: 'effectiveFrom 2026-11-15 falls in or before a closed statement period (closed up to 2026-11-30).',
        errors: [{ field: 'effectiveFrom', messages: ['must be after 2026-11-30, the end of the last closed statement period'] }],
      }),
    });
    const closed = openDialog('FRANCHISE', F1);
    await fill('生效日期', '2026-11-15');
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: /保存协议/ }));
    const message = await screen.findByText('must be after 2026-11-30, the end of the last closed statement period');
    // the message sits under the date field, and the dialog stays open with the problem's code
    expect(message.closest('.ant-form-item')).toContainElement(screen.getByLabelText('生效日期'));
    expect(screen.getAllByRole('alert').some((a) => a.textContent?.includes('AGREEMENT_PERIOD_CLOSED'))).toBe(true);
    expect(closed).toEqual([]);
  });

  it('puts the mid-period collection refusal (422) on the collection and the effective date, with the code', async () => {
    api = fakeApi({
      [`PUT /v1/organizations/${F1}/agreement`]: answer(422, {
        status: 422,
        code: 'AGREEMENT_COLLECTION_MID_PERIOD',
        title: 'Unprocessable Entity',
        detail: 'collection FRANCHISEE_COLLECTS from 2026-12-04: the period from 2026-12-01 already has money booked under BRAND_COLLECTS; change collection from 2027-01-01 (the next period’s first day) or later.',
        errors: [
          { field: 'collection', messages: ['cannot change inside a period with bookings'] },
          { field: 'effectiveFrom', messages: ['must be the first day of a period with nothing booked yet (2027-01-01 or later)'] },
        ],
      }),
    });
    const user = userEvent.setup({ delay: null });
    const closed = openDialog('FRANCHISE', F1);
    await fill('生效日期', '2026-12-04');
    await user.click(screen.getByLabelText('收款方式'));
    await user.click(await screen.findByText('加盟商自收款（分账）'));
    expect(screen.getByText(/收款方式只能从一个尚无入账的账期的第一天起切换/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /保存协议/ }));
    const onDate = await screen.findByText('must be the first day of a period with nothing booked yet (2027-01-01 or later)');
    expect(onDate.closest('.ant-form-item')).toContainElement(screen.getByLabelText('生效日期'));
    const onCollection = screen.getByText('cannot change inside a period with bookings');
    expect(onCollection.closest('.ant-form-item')).toContainElement(screen.getByLabelText('收款方式'));
    expect(screen.getAllByRole('alert').some((a) => a.textContent?.includes('AGREEMENT_COLLECTION_MID_PERIOD'))).toBe(true);
    expect(closed).toEqual([]);
  });

  it('with franchisee-collects sends the maximum ratio and puts the ratio refusal on the commission', async () => {
    api = fakeApi({
      [`PUT /v1/organizations/${F1}/agreement`]: answer(422, {
        status: 422,
        code: 'AGREEMENT_RATIO_ABOVE_MAXIMUM',
        title: 'Unprocessable Entity',
        detail: 'commission above the maximum ratio',
        errors: [{ field: 'commissionBasisPoints', messages: ['must not exceed maxProfitSharingRatioBasisPoints (3000)'] }],
      }),
    });
    const user = userEvent.setup({ delay: null });
    openDialog('FRANCHISE', F1);
    await fill('佣金比例', '35');
    await user.click(screen.getByLabelText('收款方式'));
    await user.click(await screen.findByText('加盟商自收款（分账）'));
    expect(await screen.findByLabelText('商户号最大分账比例')).toHaveValue('30.00');
    await user.click(screen.getByRole('button', { name: /保存协议/ }));
    const message = await screen.findByText('must not exceed maxProfitSharingRatioBasisPoints (3000)');
    expect(message.closest('.ant-form-item')).toContainElement(screen.getByLabelText('佣金比例'));
    expect(puts(F1).at(-1)!.body).toMatchObject({ commissionBasisPoints: 3500, collection: 'FRANCHISEE_COLLECTS', maxProfitSharingRatioBasisPoints: 3000 });
  });

  it('a reseller customer’s agreement asks for the platform fee per active device, not a commission', async () => {
    api = fakeApi({ [`PUT /v1/organizations/${C1}/agreement`]: agreement({ kind: 'RESELLER', organizationId: C1, commissionBasisPoints: null, platformFeePerActiveDeviceMonthFen: 800 }) });
    const closed = openDialog('RESELLER', C1, agreement({ kind: 'RESELLER', commissionBasisPoints: null, collection: null, platformFeePerActiveDeviceMonthFen: 500 }));
    expect(screen.queryByLabelText('佣金比例')).toBeNull();
    await fill('每台活跃设备每月平台服务费（元）', '8');
    await fill('生效日期', '2026-12-01');
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: /保存协议/ }));
    await waitFor(() => expect(closed).toEqual([true]));
    expect(puts(C1).map((r) => r.body)).toEqual([{ effectiveFrom: '2026-12-01', platformFeePerActiveDeviceMonthFen: 800, period: 'MONTHLY' }]);
    expect(within(document.body).queryByText(/基点/)).toBeNull();
  });
});
