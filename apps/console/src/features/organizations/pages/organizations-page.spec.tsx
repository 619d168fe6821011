import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, fakeApi, meWith, renderWithQuery, type Recorded } from '@/test/fake-api';
import { OrganizationsPage } from './organizations-page';

const BRAND = '00000000-0000-4000-8000-000000000001';
const WESTLAKE = '00000000-0000-4000-8000-000000000002';
const BINJIANG = '00000000-0000-4000-8000-000000000003';
const NEW_ORG = '00000000-0000-4000-8000-000000000009';
const node = (id: string, name: string, kind: string, userCount: number | null, children: unknown[] = [], operatingModel: string | null = null) => ({
  id,
  parentId: null,
  kind,
  operatingModel,
  name,
  createdAt: '2026-01-02T03:04:05Z',
  userCount,
  children,
});
const tree = (westlakeName = '西湖加盟店') => [
  node(BRAND, '小电品牌', 'OPERATOR', 2, [node(WESTLAKE, westlakeName, 'FRANCHISEE', 1), node(BINJIANG, '滨江加盟店', 'FRANCHISEE', 0)], 'FRANCHISE'),
];
const user = (disabledAt: string | null) => ({
  id: '00000000-0000-4000-8000-0000000000b1',
  organizationId: WESTLAKE,
  email: 'wang@westlake.demo',
  phone: null,
  role: 'FRANCHISEE_ADMIN',
  displayName: '王店长',
  createdAt: '2026-01-02T03:04:05Z',
  disabledAt,
});
const ALL = ['organizations.read', 'organizations.create', 'organizations.write', 'users.read', 'users.write'];

// whole pages with dialogs and typing: slow on a shared two-core machine, not waiting on anything
jest.setTimeout(60_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());
const sent = (method: string, path: string) => api!.requests.filter((r) => r.method === method && r.path === path);

describe('OrganizationsPage', () => {
  it('shows the brand over its franchisees and the logins of the chosen one; a click on another selects it', async () => {
    api = fakeApi({ 'GET /v1/me': meWith(ALL), 'GET /v1/organizations/tree': tree(), 'GET /v1/users': (r: Recorded) => (r.query['organizationId'] === WESTLAKE ? [user(null)] : []) });
    const onSelect = jest.fn<(id: string) => void>();
    renderWithQuery(<OrganizationsPage organizationId={WESTLAKE} onSelect={onSelect} />);
    expect(await screen.findByTestId('selected-organization')).toHaveTextContent('西湖加盟店');
    const panel = await screen.findByTestId('users-panel');
    expect(await within(panel).findByText('王店长')).toBeInTheDocument();
    expect(within(panel).getByText('加盟商管理员')).toBeInTheDocument();
    expect(within(panel).getByText('wang@westlake.demo')).toBeInTheDocument();
    expect(sent('GET', '/v1/users').map((r) => r.query['organizationId'])).toEqual([WESTLAKE]);
    // a franchisee has no children to create, and the brand adds franchisees only under itself
    expect(screen.queryByRole('button', { name: /新建加盟商/ })).toBeNull();
    await userEvent.setup({ delay: null }).click(within(screen.getByTestId(`org-${BINJIANG}`)).getByText('滨江加盟店'));
    expect(onSelect).toHaveBeenCalledWith(BINJIANG);
  });

  it('creates a franchisee under the brand and selects it', async () => {
    let created = false;
    api = fakeApi({
      'GET /v1/me': meWith(ALL),
      'GET /v1/organizations/tree': () => (created ? [{ ...tree()[0]!, children: [...tree()[0]!.children, node(NEW_ORG, '拱墅加盟店', 'FRANCHISEE', 0)] }] : tree()),
      'GET /v1/users': [],
      'POST /v1/organizations': () => {
        created = true;
        return answer(201, { ...node(NEW_ORG, '拱墅加盟店', 'FRANCHISEE', 0), parentId: BRAND });
      },
    });
    const onSelect = jest.fn<(id: string) => void>();
    const ux = userEvent.setup({ delay: null });
    renderWithQuery(<OrganizationsPage onSelect={onSelect} />);
    await ux.click(await screen.findByRole('button', { name: /新建加盟商/ }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('将在「小电品牌」下新建一个加盟商');
    await ux.type(within(dialog).getByLabelText('名称'), '  拱墅加盟店 ');
    await ux.click(within(dialog).getByRole('button', { name: /创\s*建/ }));
    await waitFor(() => expect(onSelect).toHaveBeenCalledWith(NEW_ORG));
    expect(sent('POST', '/v1/organizations').map((r) => r.body)).toEqual([{ name: '拱墅加盟店', kind: 'FRANCHISEE', parentId: BRAND }]);
    expect(await screen.findByText('拱墅加盟店')).toBeInTheDocument();
  });

  it('lets the platform create an operator, whose operating model it must choose', async () => {
    const PLATFORM = '00000000-0000-4000-8000-000000000000';
    api = fakeApi({
      'GET /v1/me': meWith([...ALL], { organizationId: PLATFORM, organizationKind: 'PLATFORM', operatingModel: null }),
      'GET /v1/organizations/tree': [node(PLATFORM, '平台', 'PLATFORM', 1, tree())],
      'GET /v1/users': [],
      'POST /v1/organizations': answer(201, node(NEW_ORG, '新运营商', 'OPERATOR', 0, [], 'HARDWARE_SALE')),
    });
    const ux = userEvent.setup({ delay: null });
    renderWithQuery(<OrganizationsPage onSelect={() => undefined} />);
    await ux.click(await screen.findByRole('button', { name: /新建运营商/ }));
    const dialog = await screen.findByRole('dialog');
    await ux.type(within(dialog).getByLabelText('名称'), '新运营商');
    await ux.click(within(dialog).getByRole('button', { name: /创\s*建/ }));
    expect(await within(dialog).findByText('请填写经营模式')).toBeInTheDocument();
    await ux.click(within(dialog).getByLabelText('经营模式'));
    await ux.click(await screen.findByTitle('硬件销售'));
    await ux.click(within(dialog).getByRole('button', { name: /创\s*建/ }));
    await waitFor(() => expect(sent('POST', '/v1/organizations')).toHaveLength(1));
    expect(sent('POST', '/v1/organizations')[0]!.body).toEqual({ name: '新运营商', kind: 'OPERATOR', parentId: PLATFORM, operatingModel: 'HARDWARE_SALE' });
  });

  it('puts the server’s refusal of a new name on the name field', async () => {
    api = fakeApi({
      'GET /v1/me': meWith(ALL),
      'GET /v1/organizations/tree': tree(),
      'GET /v1/users': [],
      'PATCH /v1/organizations/00000000-0000-4000-8000-000000000002': answer(422, {
        status: 422,
        code: 'VALIDATION_FAILED',
        title: 'Unprocessable',
        detail: 'invalid',
        errors: [{ field: 'name', messages: ['name is already used by a sibling'] }],
      }),
    });
    const ux = userEvent.setup({ delay: null });
    renderWithQuery(<OrganizationsPage organizationId={WESTLAKE} onSelect={() => undefined} />);
    await ux.click(await screen.findByRole('button', { name: /编辑名称/ }));
    const dialog = await screen.findByRole('dialog');
    const name = within(dialog).getByLabelText('名称');
    expect(name).toHaveValue('西湖加盟店');
    await ux.clear(name);
    await ux.type(name, '滨江加盟店');
    await ux.click(within(dialog).getByRole('button', { name: /^保\s*存$/ }));
    expect(await within(dialog).findByText('name is already used by a sibling')).toBeInTheDocument();
    expect(sent('PATCH', `/v1/organizations/${WESTLAKE}`).map((r) => r.body)).toEqual([{ name: '滨江加盟店' }]);
  });

  it('edits the legal name (主体名称) beside the name, opens with the saved one, and clears it with null when left blank', async () => {
    let legalName: string | null = null;
    api = fakeApi({
      'GET /v1/me': meWith(ALL),
      'GET /v1/organizations/tree': () => [{ ...node(WESTLAKE, '西湖加盟店', 'FRANCHISEE', 1), legalName }],
      'GET /v1/users': [],
      [`PATCH /v1/organizations/${WESTLAKE}`]: (r: Recorded) => {
        const body = r.body as { legalName?: string | null };
        if (body.legalName !== undefined) legalName = body.legalName;
        return { ...node(WESTLAKE, '西湖加盟店', 'FRANCHISEE', 1), legalName };
      },
    });
    const ux = userEvent.setup({ delay: null });
    renderWithQuery(<OrganizationsPage organizationId={WESTLAKE} onSelect={() => undefined} />);
    expect(await screen.findByTestId('selected-legal-name')).toHaveTextContent('未填写');
    await ux.click(await screen.findByRole('button', { name: /编辑名称/ }));
    let dialog = await screen.findByRole('dialog');
    await ux.type(within(dialog).getByLabelText('主体名称'), '  杭州西湖鲜柜商贸有限公司 ');
    await ux.click(within(dialog).getByRole('button', { name: /^保\s*存$/ }));
    await waitFor(() => expect(screen.getByTestId('selected-legal-name')).toHaveTextContent('杭州西湖鲜柜商贸有限公司'));
    // the dialog opens again with it; a blank legal name is sent as null
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await ux.click(screen.getByRole('button', { name: /编辑名称/ }));
    dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('主体名称')).toHaveValue('杭州西湖鲜柜商贸有限公司');
    await ux.clear(within(dialog).getByLabelText('主体名称'));
    await ux.click(within(dialog).getByRole('button', { name: /^保\s*存$/ }));
    await waitFor(() => expect(screen.getByTestId('selected-legal-name')).toHaveTextContent('未填写'));
    expect(sent('PATCH', `/v1/organizations/${WESTLAKE}`).map((r) => r.body)).toEqual([
      { name: '西湖加盟店', legalName: '杭州西湖鲜柜商贸有限公司' },
      { name: '西湖加盟店', legalName: null },
    ]);
  });

  it('disables a login after spelling out what happens, and shows it disabled', async () => {
    let disabled = false;
    api = fakeApi({
      'GET /v1/me': meWith(ALL),
      'GET /v1/organizations/tree': tree(),
      'GET /v1/users': () => [user(disabled ? '2026-01-03T00:00:00Z' : null)],
      'POST /v1/users/00000000-0000-4000-8000-0000000000b1/disable': () => {
        disabled = true;
        return user('2026-01-03T00:00:00Z');
      },
    });
    const ux = userEvent.setup({ delay: null });
    renderWithQuery(<OrganizationsPage organizationId={WESTLAKE} onSelect={() => undefined} />);
    await ux.click(await screen.findByRole('button', { name: '停用 王店长' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('「王店长」将无法登录');
    await ux.click(within(dialog).getByRole('button', { name: /^停\s*用$/ }));
    await waitFor(() => expect(sent('POST', `/v1/users/${user(null).id}/disable`)).toHaveLength(1));
    expect(await screen.findByRole('button', { name: '启用 王店长' })).toBeInTheDocument();
    expect(screen.getByTestId('users-panel').querySelector('[data-state="DISABLED"]')).not.toBeNull();
  });

  it('creates a login only with an email or a phone, in the chosen organisation with a role its kind allows', async () => {
    api = fakeApi({
      'GET /v1/me': meWith(ALL),
      'GET /v1/organizations/tree': tree(),
      'GET /v1/users': [],
      'POST /v1/users': (r: Recorded) => answer(201, { ...user(null), ...(r.body as object) }),
    });
    const ux = userEvent.setup({ delay: null });
    renderWithQuery(<OrganizationsPage organizationId={WESTLAKE} onSelect={() => undefined} />);
    await ux.click(await screen.findByRole('button', { name: /新建账号/ }));
    const dialog = await screen.findByRole('dialog');
    await ux.type(within(dialog).getByLabelText('姓名'), '李店员');
    await ux.type(within(dialog).getByLabelText('初始密码'), 'long-enough-1');
    await ux.click(within(dialog).getByRole('button', { name: /新建账号/ }));
    expect(await within(dialog).findByText('邮箱和手机至少填写一项')).toBeInTheDocument();
    expect(sent('POST', '/v1/users')).toHaveLength(0);
    await ux.type(within(dialog).getByLabelText('手机'), '+8613800000001');
    await ux.click(within(dialog).getByRole('button', { name: /新建账号/ }));
    await waitFor(() => expect(sent('POST', '/v1/users')).toHaveLength(1));
    expect(sent('POST', '/v1/users')[0]!.body).toEqual({ organizationId: WESTLAKE, displayName: '李店员', password: 'long-enough-1', role: 'FRANCHISEE_ADMIN', phone: '+8613800000001' });
  });

  it('never offers to disable the login the user is signed in with', async () => {
    const self = { ...user(null), id: '00000000-0000-4000-8000-0000000000aa', displayName: '我自己' };
    api = fakeApi({ 'GET /v1/me': meWith(ALL), 'GET /v1/organizations/tree': tree(), 'GET /v1/users': [self, user(null)] });
    renderWithQuery(<OrganizationsPage organizationId={WESTLAKE} onSelect={() => undefined} />);
    expect(await screen.findByRole('button', { name: '停用 王店长' })).toBeInTheDocument();
    expect(screen.getByText('我自己')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '停用 我自己' })).toBeNull();
  });

  it('offers no create, rename or disable to a login without those permissions', async () => {
    api = fakeApi({ 'GET /v1/me': meWith(['organizations.read', 'users.read']), 'GET /v1/organizations/tree': tree(), 'GET /v1/users': [user(null)] });
    renderWithQuery(<OrganizationsPage onSelect={() => undefined} />);
    expect(await screen.findByText('王店长')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /新建加盟商/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /编辑名称/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /新建账号/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /停用/ })).toBeNull();
  });
});
