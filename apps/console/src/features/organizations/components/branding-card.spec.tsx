import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { answer, fakeApi, meWith, renderWithQuery, type Recorded } from '@/test/fake-api';
import { BrandingCard, isAllowedPaymentUrl } from './branding-card';

const WESTLAKE = '00000000-0000-4000-8000-000000000002';
const PATH = `/v1/organizations/${WESTLAKE}/branding`;
const franchisee = { id: WESTLAKE, parentId: '00000000-0000-4000-8000-000000000001', kind: 'FRANCHISEE', operatingModel: null, name: '西湖加盟店', createdAt: '2026-01-02T03:04:05Z', userCount: 1, children: [] };
const branding = (own: Partial<Record<'brandName' | 'color' | 'otherPaymentUrl' | 'servicePhone', string | null>> = {}) => {
  const o = { brandName: null, color: null, otherPaymentUrl: null, servicePhone: null, ...own };
  return {
    organizationId: WESTLAKE,
    own: o,
    effective: { brandName: o.brandName ?? '鲜柜', color: o.color ?? '#ff6600', otherPaymentUrl: o.otherPaymentUrl, servicePhone: o.servicePhone ?? '400-100-2000' },
    sources: { brandName: o.brandName ? 'OWN' : 'BRAND', color: o.color ? 'OWN' : 'BRAND', otherPaymentUrl: o.otherPaymentUrl ? 'OWN' : 'DEFAULT', servicePhone: o.servicePhone ? 'OWN' : 'BRAND' },
    previewDeviceCode: 'FR-0001',
    updatedAt: null,
  };
};
const ALL = ['organizations.read', 'organizations.write'];

// a whole form with typing: slow on a shared two-core machine, not waiting on anything
jest.setTimeout(60_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());
const render = () =>
  renderWithQuery(
    <App>
      <BrandingCard organization={franchisee as never} />
    </App>,
  );

describe('BrandingCard', () => {
  it('shows what the franchisee inherits, previews the colour as it is typed, links to a device page and saves trimmed values (empty = inherit)', async () => {
    let saved = branding({ brandName: '西湖店' });
    api = fakeApi({
      'GET /v1/me': meWith(ALL),
      [`GET ${PATH}`]: () => saved,
      [`PUT ${PATH}`]: (r: Recorded) => {
        saved = branding(r.body as never);
        return saved;
      },
    });
    const ux = userEvent.setup({ delay: null });
    render();
    const card = await screen.findByTestId('branding-card');
    expect(within(card).getByText('用户页面品牌')).toBeInTheDocument();
    await waitFor(() => expect(within(card).getByLabelText('品牌名称（标题栏）')).toHaveValue('西湖店'));
    // inherited fields say from where
    expect(within(card).getByLabelText('主题色')).toHaveAttribute('placeholder', '沿用：#ff6600（品牌方）');
    expect(within(card).getByLabelText('客服电话')).toHaveAttribute('placeholder', '沿用：400-100-2000（品牌方）');
    const swatch = within(card).getByTestId('branding-swatch');
    expect(swatch).toHaveTextContent('西湖店');
    expect(swatch).toHaveStyle({ background: '#ff6600' });
    expect(within(card).getByTestId('branding-preview-phone')).toHaveTextContent('客服电话 400-100-2000');
    const link = within(card).getByTestId('branding-open');
    expect(link).toHaveAttribute('href', '/d/FR-0001');
    expect(link).toHaveAttribute('target', '_blank');

    // live preview: a valid colour shows at once, a half-typed one keeps the last good colour
    await ux.type(within(card).getByLabelText('主题色'), '#1a7');
    await waitFor(() => expect(swatch).toHaveStyle({ background: '#1a7' }));
    await ux.type(within(card).getByLabelText('主题色'), '3');
    await waitFor(() => expect(swatch).toHaveStyle({ background: '#ff6600' }));
    await ux.type(within(card).getByLabelText('主题色'), 'e8');
    await waitFor(() => expect(swatch).toHaveStyle({ background: '#1a73e8' }));
    await ux.type(within(card).getByLabelText('客服电话'), ' 0571-8888 ');
    await waitFor(() => expect(within(card).getByTestId('branding-preview-phone')).toHaveTextContent('客服电话 0571-8888'));

    await ux.click(within(card).getByRole('button', { name: /保存品牌/ }));
    await waitFor(() => expect(api!.requests.filter((r) => r.method === 'PUT')).toHaveLength(1));
    expect(api.requests.find((r) => r.method === 'PUT')!.body).toEqual({ brandName: '西湖店', color: '#1a73e8', otherPaymentUrl: null, servicePhone: '0571-8888' });
  });

  it('refuses a bad colour, link or phone before sending, and puts the server’s refusal on its field', async () => {
    api = fakeApi({
      'GET /v1/me': meWith(ALL),
      [`GET ${PATH}`]: branding(),
      [`PUT ${PATH}`]: answer(400, {
        status: 400,
        code: 'VALIDATION_FAILED',
        title: 'Bad Request',
        detail: 'Invalid fields: brandName',
        errors: [{ field: 'brandName', messages: ['brandName must be at most 32 characters'] }],
      }),
    });
    const ux = userEvent.setup({ delay: null });
    render();
    const card = await screen.findByTestId('branding-card');
    await waitFor(() => expect(within(card).getByLabelText('主题色')).toBeEnabled());
    await ux.type(within(card).getByLabelText('主题色'), 'red');
    await ux.click(within(card).getByLabelText('其他支付方式链接'));
    await ux.paste('http://pay.example.com');
    await ux.type(within(card).getByLabelText('客服电话'), 'call me');
    await ux.click(within(card).getByRole('button', { name: /保存品牌/ }));
    expect(await within(card).findByText('请填写 #rgb 或 #rrggbb，例如 #07C160')).toBeInTheDocument();
    expect(await within(card).findByText('须为 https:// 链接（http 仅限 localhost / 127.0.0.1）')).toBeInTheDocument();
    expect(await within(card).findByText('只能包含数字和连字符，3–20 位，例如 400-820-8820')).toBeInTheDocument();
    expect(api.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);

    await ux.clear(within(card).getByLabelText('主题色'));
    await ux.clear(within(card).getByLabelText('其他支付方式链接'));
    await ux.click(within(card).getByLabelText('其他支付方式链接'));
    await ux.paste('http://localhost:3000/pay');
    await ux.clear(within(card).getByLabelText('客服电话'));
    await ux.type(within(card).getByLabelText('品牌名称（标题栏）'), '<script>');
    await ux.click(within(card).getByRole('button', { name: /保存品牌/ }));
    expect(await within(card).findByText('brandName must be at most 32 characters')).toBeInTheDocument();
    expect(api.requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([{ brandName: '<script>', color: null, otherPaymentUrl: 'http://localhost:3000/pay', servicePhone: null }]);
  });

  it('shows no card for an organisation the caller may not brand (a reseller’s customer: 404)', async () => {
    api = fakeApi({ 'GET /v1/me': meWith(ALL) });
    render();
    await waitFor(() => expect(api!.requests.some((r) => r.path === PATH)).toBe(true));
    await waitFor(() => expect(screen.queryByTestId('branding-card')).toBeNull());
  });

  it('allows https links and http only to localhost', () => {
    expect(isAllowedPaymentUrl('https://pay.example.com/x')).toBe(true);
    expect(isAllowedPaymentUrl('http://127.0.0.1/x')).toBe(true);
    expect(isAllowedPaymentUrl('http://example.com/x')).toBe(false);
    expect(isAllowedPaymentUrl('javascript:alert(1)')).toBe(false);
  });
});
