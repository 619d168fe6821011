import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, fakeApi, renderWithQuery, type Recorded } from '@/test/fake-api';
import { brandMe, F1 } from '../test/fixtures';
import { payeeChange, PayeePanel } from './payee-panel';

jest.setTimeout(120_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());
const sent = (method: string, path: string) => api!.requests.filter((r) => r.method === method && r.path === path);

describe('a franchisee’s payout payee', () => {
  it('the real name is write-only: blank keeps the stored one, "clear" sends null', () => {
    expect(payeeChange({ openid: ' o-abc ', realName: '  ' })).toEqual({ openid: 'o-abc' });
    expect(payeeChange({ openid: 'o-abc', appid: 'wx1', realName: ' 张三 ' })).toEqual({ openid: 'o-abc', appid: 'wx1', realName: '张三' });
    expect(payeeChange({ openid: 'o-abc', realName: '张三', clearRealName: true })).toEqual({ openid: 'o-abc', realName: null });
  });

  // (reached from the agreements drawer of a franchisee: apps/console/e2e/settlement.spec.ts)
  it('the brand sees no payee yet, and sets one with the real name (never shown back)', async () => {
    let stored: Record<string, unknown> | null = null;
    api = fakeApi({
      'GET /v1/me': brandMe(),
      [`GET /v1/organizations/${F1}/payout-payee`]: () =>
        stored ?? answer(422, { status: 422, code: 'PAYOUT_PAYEE_MISSING', title: 'Unprocessable', detail: 'no payee' }),
      [`PUT /v1/organizations/${F1}/payout-payee`]: (r: Recorded) => {
        const body = r.body as { openid: string; appid?: string };
        stored = { organizationId: F1, appid: body.appid ?? 'wxd0000000000demo', openid: body.openid, realNameSet: true, updatedAt: '2026-12-05T02:00:00Z' };
        return stored;
      },
    });
    const user = userEvent.setup({ delay: null });
    renderWithQuery(<PayeePanel organizationId={F1} organizationName="西湖加盟店" />);
    expect(await screen.findByTestId('payee-none')).toHaveTextContent('尚未设置收款人');
    expect(screen.getByTestId('payee-panel')).toHaveTextContent('2,000 元');
    await user.click(screen.getByTestId('payee-edit'));
    expect(await screen.findByTestId('payee-consequences')).toHaveTextContent('向西湖加盟店的微信转账');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('请填写 openid')).toBeInTheDocument();
    await user.click(screen.getByLabelText('openid'));
    await user.paste('oUpF8uMuAJO_M2pxb1Q9zNjWeS6o');
    await user.click(screen.getByLabelText('真实姓名'));
    await user.paste('张三');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(sent('PUT', `/v1/organizations/${F1}/payout-payee`)).toHaveLength(1));
    expect(sent('PUT', `/v1/organizations/${F1}/payout-payee`)[0]!.body).toEqual({ openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', realName: '张三' });
    // read again: the openid masked, the name only as "stored"
    expect(await screen.findByTestId('payee-openid')).toHaveTextContent('oUpF…eS6o');
    expect(screen.getByTestId('payee-name-set')).toHaveTextContent('已保存（不显示）');
    expect(screen.queryByText('张三')).toBeNull();
  });
});
