import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, fakeApi, meWith, renderWithQuery, type Recorded } from '@/test/fake-api';
import { MerchantAccountsPage } from './merchant-accounts-page';

const ID = '00000000-0000-4000-8000-00000000ac01';
const NEW_ID = '00000000-0000-4000-8000-00000000ac02';
const service = {
  id: '00000000-0000-4000-8000-00000000ee01',
  merchantAccountId: ID,
  organizationId: '00000000-0000-4000-8000-000000000001',
  serviceId: '2002000000000558128851361561536',
  name: '充电宝免押租借',
  scenario: 'POWERBANK_RENTAL',
  mode: 'DEPOSIT_WAIVED',
  riskCapFen: 9900,
  createdAt: '2026-01-02T03:04:05Z',
  disabledAt: null,
};
const account = (overrides: Record<string, unknown> = {}) => ({
  id: ID,
  organizationId: '00000000-0000-4000-8000-000000000001',
  name: '小电共享',
  mchid: '1230000109',
  appids: ['wxd678efh567hg6787', 'wx0000000000000002'],
  serialNo: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  platformPublicKeyId: 'PUB_KEY_ID_0112345678901234567890123456789012',
  platformCertificateSerials: [],
  hasPrivateKey: true,
  hasApiV3Key: true,
  hasApiV2Key: true,
  credentialsVersion: 2,
  masterKeyId: 'local-1',
  status: 'ACTIVE',
  validationResult: 'ACCEPTED',
  validatedAt: '2026-01-02T03:04:05Z',
  disabledAt: null,
  createdAt: '2026-01-02T03:04:05Z',
  updatedAt: '2026-01-02T03:04:05Z',
  services: [service],
  complaintNotification: { state: 'PENDING', url: null, registeredAt: null, lastError: null, lastAttemptAt: null, unavailableReason: null },
  transferScene: { sceneId: '1005', isDefault: true, reportInfos: [{ infoType: '岗位类型', infoContent: '加盟商' }, { infoType: '报酬说明', infoContent: '分成结算{period}' }] },
  ...overrides,
});
const WRITE = ['merchantAccounts.read', 'merchantAccounts.write'];
const PRIVATE_KEY = '-----BEGIN PRIVATE KEY-----\nMIIEvQsecret\n-----END PRIVATE KEY-----\n';
const V3 = 'v3v3v3v3v3v3v3v3v3v3v3v3v3v3v3v3';
const V2 = 'v2v2v2v2v2v2v2v2v2v2v2v2v2v2v2v2';

// whole pages with dialogs and typing: slow on a shared two-core machine, not waiting on anything
jest.setTimeout(60_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());
/** The modal whose title is `title` (the drawer is a dialog too). */
const modal = async (title: string) => (await screen.findByText(title)).closest('.ant-modal') as HTMLElement;
const sent = (method: string, path: string) => api!.requests.filter((r) => r.method === method && r.path === path);

describe('MerchantAccountsPage', () => {
  it('lists each mchid as text with its appids, state and validation result, and opens it on a click', async () => {
    api = fakeApi({ 'GET /v1/me': meWith(WRITE), 'GET /v1/merchant-accounts': [account(), account({ id: NEW_ID, mchid: '1900000001', appids: ['wx9999999999999999'], validationResult: 'NOT_VALIDATED', validatedAt: null, status: 'DISABLED', services: [] })] });
    const onOpen = jest.fn<(id: string | undefined) => void>();
    renderWithQuery(<MerchantAccountsPage onOpen={onOpen} />);
    const first = await screen.findByTestId('account-1230000109');
    expect(first).toHaveTextContent('1230000109');
    expect(screen.getByText('wxd678efh567hg6787')).toBeInTheDocument();
    const list = screen.getByTestId('merchant-accounts');
    expect(list.querySelectorAll('[data-validation="ACCEPTED"]')).toHaveLength(1);
    expect(list.querySelectorAll('[data-validation="NOT_VALIDATED"]')).toHaveLength(1);
    expect(list.querySelector('[data-state="DISABLED"]')).not.toBeNull();
    await userEvent.setup({ delay: null }).click(first);
    expect(onOpen).toHaveBeenCalledWith(ID);
  });

  it('shows an account’s services with scenario, mode and risk cap, and adds one with the cap in fen', async () => {
    let added = false;
    const extra = { ...service, id: '00000000-0000-4000-8000-00000000ee02', serviceId: '2002000000000999', name: '电单车充电', scenario: 'EV_CHARGING', mode: 'USE_FIRST', riskCapFen: 30050 };
    api = fakeApi({
      'GET /v1/me': meWith(WRITE),
      'GET /v1/merchant-accounts': [account()],
      [`GET /v1/merchant-accounts/${ID}`]: () => account(added ? { services: [service, extra] } : {}),
      [`POST /v1/merchant-accounts/${ID}/services`]: () => {
        added = true;
        return answer(201, extra);
      },
    });
    const ux = userEvent.setup({ delay: null });
    renderWithQuery(<MerchantAccountsPage accountId={ID} onOpen={() => undefined} />);
    const card = await screen.findByTestId(`service-${service.serviceId}`);
    expect(card).toHaveTextContent('充电宝租借');
    expect(card).toHaveTextContent('免押');
    expect(card).toHaveTextContent('¥99.00');
    await ux.click(screen.getByRole('button', { name: '添加支付分服务' }));
    const dialog = await modal('为商户号 1230000109 添加支付分服务');
    await ux.type(within(dialog).getByLabelText('服务 ID'), extra.serviceId);
    await ux.type(within(dialog).getByLabelText('服务名称'), extra.name);
    await ux.click(within(dialog).getByLabelText('场景'));
    await ux.click(await screen.findByTitle('电动车充电'));
    await ux.click(within(dialog).getByLabelText('模式'));
    await ux.click(await screen.findByTitle('先享后付'));
    await ux.type(within(dialog).getByLabelText('风险金上限（元）'), '300.5');
    await ux.click(within(dialog).getByRole('button', { name: /添加支付分服务/ }));
    await waitFor(() => expect(sent('POST', `/v1/merchant-accounts/${ID}/services`)).toHaveLength(1));
    expect(sent('POST', `/v1/merchant-accounts/${ID}/services`)[0]!.body).toEqual({
      serviceId: extra.serviceId,
      name: extra.name,
      scenario: 'EV_CHARGING',
      mode: 'USE_FIRST',
      riskCapFen: 30050,
    });
    expect(await screen.findByTestId(`service-${extra.serviceId}`)).toHaveTextContent('¥300.50');
  });

  it('adds an account with its identity and keys read from the file, then opens it; no secret stays on the page', async () => {
    api = fakeApi({
      'GET /v1/me': meWith(WRITE),
      'GET /v1/merchant-accounts': [],
      'POST /v1/merchant-accounts': (r: Recorded) => answer(201, account({ ...(r.body as object), id: NEW_ID })),
    });
    const onOpen = jest.fn<(id: string | undefined) => void>();
    const ux = userEvent.setup({ delay: null });
    renderWithQuery(<MerchantAccountsPage onOpen={onOpen} />);
    await ux.click(await screen.findByRole('button', { name: '添加商户号' }));
    const dialog = await screen.findByRole('dialog');
    await ux.type(within(dialog).getByLabelText('商户名称'), '新商户');
    await ux.type(within(dialog).getByLabelText('商户号（mchid）'), '1900000002');
    await ux.type(within(dialog).getByLabelText('绑定的 AppID'), 'wx1111111111111111{enter}');
    await ux.type(within(dialog).getByLabelText('商户 API 证书序列号'), 'ABC123');
    await ux.upload(within(dialog).getByLabelText('商户 API 私钥文件（apiclient_key.pem）', { selector: 'input' }), new File([PRIVATE_KEY], 'apiclient_key.pem'));
    await waitFor(() => expect(within(dialog).getByTestId('credentials-private-key-status')).toHaveTextContent('apiclient_key.pem'));
    await ux.type(within(dialog).getByLabelText('APIv3 密钥'), V3);
    await ux.type(within(dialog).getByLabelText('APIv2 密钥'), V2);
    await ux.click(within(dialog).getByRole('button', { name: /验证并添加/ }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith(NEW_ID));
    expect(sent('POST', '/v1/merchant-accounts')[0]!.body).toEqual({
      serialNo: 'ABC123',
      privateKeyPem: PRIVATE_KEY,
      apiV3Key: V3,
      apiV2Key: V2,
      name: '新商户',
      mchid: '1900000002',
      appids: ['wx1111111111111111'],
    });
    for (const secret of ['PRIVATE KEY', V3, V2]) expect(document.body.innerHTML).not.toContain(secret);
  });

  it('disables an account after saying what happens to its services', async () => {
    api = fakeApi({
      'GET /v1/me': meWith(WRITE),
      'GET /v1/merchant-accounts': [account()],
      [`GET /v1/merchant-accounts/${ID}`]: account(),
      [`POST /v1/merchant-accounts/${ID}/disable`]: account({ status: 'DISABLED' }),
    });
    const ux = userEvent.setup({ delay: null });
    renderWithQuery(<MerchantAccountsPage accountId={ID} onOpen={() => undefined} />);
    await ux.click(await screen.findByRole('button', { name: '停用商户号' }));
    const dialog = await modal('停用商户号 1230000109');
    expect(dialog).toHaveTextContent('商户号 1230000109 下的 1 个支付分服务不再创建新订单');
    await ux.click(within(dialog).getByRole('button', { name: /^停\s*用$/ }));
    await waitFor(() => expect(sent('POST', `/v1/merchant-accounts/${ID}/disable`)).toHaveLength(1));
  });

  it('shows the transfer scene of franchisee payouts (the platform default until set) and sets it with the report items checked as WeChat does', async () => {
    let scene: Record<string, unknown> | null = null;
    api = fakeApi({
      'GET /v1/me': meWith(WRITE),
      'GET /v1/merchant-accounts': [account()],
      [`GET /v1/merchant-accounts/${ID}`]: () => account(scene ? { transferScene: { ...scene, isDefault: false } } : {}),
      [`PUT /v1/merchant-accounts/${ID}/transfer-scene`]: (request: Recorded) => {
        scene = request.body as Record<string, unknown>;
        return account({ transferScene: { ...scene, isDefault: false } });
      },
    });
    const ux = userEvent.setup({ delay: null });
    renderWithQuery(<MerchantAccountsPage accountId={ID} onOpen={() => undefined} />);
    const card = await screen.findByTestId('transfer-scene');
    expect(card).toHaveTextContent('1005');
    expect(card).toHaveTextContent('平台默认');
    expect(card).toHaveTextContent('分成结算{period}');
    await ux.click(within(card).getByRole('button', { name: /设\s*置/ }));
    const dialog = await modal('设置商户号 1230000109 的转账场景');
    const sceneId = within(dialog).getByLabelText('转账场景 ID');
    await ux.clear(sceneId);
    await ux.type(sceneId, '1009');
    // a content that will not fit WeChat's 32 characters once the period (17) is filled in is refused here
    const content = within(dialog).getByLabelText('报备信息 2 内容');
    await ux.clear(content);
    await ux.type(content, '加盟门店月度营业收入分成结算说明{{period}'); // `{{` types one `{`
    await ux.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText(/超过 32 个字符/)).toBeInTheDocument();
    expect(sent('PUT', `/v1/merchant-accounts/${ID}/transfer-scene`)).toHaveLength(0);
    await ux.clear(content);
    await ux.type(content, '月度分成{{period}');
    await ux.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(sent('PUT', `/v1/merchant-accounts/${ID}/transfer-scene`)).toHaveLength(1));
    expect(sent('PUT', `/v1/merchant-accounts/${ID}/transfer-scene`)[0]!.body).toEqual({
      sceneId: '1009',
      reportInfos: [
        { infoType: '岗位类型', infoContent: '加盟商' },
        { infoType: '报酬说明', infoContent: '月度分成{period}' },
      ],
    });
    await waitFor(() => expect(screen.getByTestId('transfer-scene')).not.toHaveTextContent('平台默认'));
    expect(screen.getByTestId('transfer-scene')).toHaveTextContent('1009');
  });

  it('offers a read-only login no add, replace or disable', async () => {
    api = fakeApi({ 'GET /v1/me': meWith(['merchantAccounts.read']), 'GET /v1/merchant-accounts': [account()], [`GET /v1/merchant-accounts/${ID}`]: account() });
    renderWithQuery(<MerchantAccountsPage accountId={ID} onOpen={() => undefined} />);
    expect(await screen.findByTestId(`service-${service.serviceId}`)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '添加商户号' })).toBeNull();
    expect(screen.queryByRole('button', { name: '更换商户证书与密钥' })).toBeNull();
    expect(screen.queryByRole('button', { name: '停用商户号' })).toBeNull();
    expect(within(screen.getByTestId('transfer-scene')).queryByRole('button')).toBeNull();
  });
});
