import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, meWith, renderWithQuery } from '@/test/fake-api';
import type { AuditSearch } from '../api/get-audit-log';
import { AuditPage } from './audit-page';

const ORG = '00000000-0000-4000-8000-000000000001';
const ACTOR = '00000000-0000-4000-8000-0000000000aa';
const entry = (id: string, action: string, overrides: Record<string, unknown> = {}) => ({
  id: `00000000-0000-4000-8000-0000000000${id}`,
  organizationId: ORG,
  subjectOrganizationId: null,
  actorUserId: ACTOR,
  action,
  resourceType: 'organization',
  resourceId: '00000000-0000-4000-8000-000000000002',
  before: { name: '西湖店' },
  after: { name: '西湖加盟店' },
  requestId: 'req-1',
  occurredAt: '2026-12-05T02:00:00Z',
  ...overrides,
});

// whole pages with forms: slow on a shared two-core machine, not waiting on anything
jest.setTimeout(60_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());

function serve(nextCursor: string | null) {
  api = fakeApi({
    'GET /v1/me': meWith(['audit.read']),
    'GET /v1/users': [{ id: ACTOR, organizationId: ORG, email: 'a@demo', phone: null, role: 'OPERATOR_ADMIN', displayName: '张管理员', createdAt: '2026-01-01T00:00:00Z', disabledAt: null }],
    'GET /v1/organizations': [{ id: ORG, parentId: null, kind: 'OPERATOR', operatingModel: 'FRANCHISE', name: '小电品牌', createdAt: '2026-01-01T00:00:00Z' }],
    'GET /v1/audit-log': { items: [entry('e1', 'organization.rename'), entry('e2', 'user.disable', { actorUserId: null, resourceType: 'user', before: null })], nextCursor },
  });
}
const auditRequests = () => api!.requests.filter((r) => r.path === '/v1/audit-log').map((r) => r.query);

describe('AuditPage', () => {
  it('sends the URL’s filters with Shanghai calendar days (the end day included) and the cursor', async () => {
    serve(null);
    const search: AuditSearch = { action: 'session.', resourceType: 'session', actorUserId: ACTOR, from: '2026-12-01', to: '2026-12-05', cursor: 'c2' };
    renderWithQuery(<AuditPage search={search} onSearch={() => undefined} />);
    await screen.findByText('organization.rename');
    expect(auditRequests()).toEqual([
      { limit: '50', action: 'session.', resourceType: 'session', actorUserId: ACTOR, cursor: 'c2', from: '2026-11-30T16:00:00.000Z', to: '2026-12-05T16:00:00.000Z' },
    ]);
  });

  it('shows the action and resource as text and the actor by name; a system entry says so', async () => {
    serve(null);
    renderWithQuery(<AuditPage search={{}} onSearch={() => undefined} />);
    const list = await screen.findByTestId('audit-log');
    expect(await within(list).findAllByText(/张管理员/)).toHaveLength(1);
    expect(within(list).getByText('organization.rename')).toBeInTheDocument();
    expect(within(list).getByText('user.disable')).toBeInTheDocument();
    expect(within(list).getByText(/系统/)).toBeInTheDocument();
  });

  it('writes the filters to the URL without the cursor; the date range as calendar days', async () => {
    serve(null);
    const onSearch = jest.fn<(next: AuditSearch) => void>();
    const ux = userEvent.setup({ delay: null });
    renderWithQuery(<AuditPage search={{ cursor: 'c9' }} onSearch={onSearch} />);
    await screen.findByText('organization.rename');
    await ux.type(screen.getByLabelText('操作'), 'session.refund');
    await ux.type(screen.getByLabelText('对象类型'), 'session');
    fireEvent.change(screen.getByLabelText('起始日期'), { target: { value: '2026-12-01' } });
    fireEvent.change(screen.getByLabelText('截止日期（含）'), { target: { value: '2026-12-03' } });
    await ux.click(screen.getByRole('button', { name: /查\s*询/ }));
    await waitFor(() => expect(onSearch).toHaveBeenCalledTimes(1));
    expect(onSearch.mock.calls[0]![0]).toEqual({ action: 'session.refund', resourceType: 'session', from: '2026-12-01', to: '2026-12-03' });
  });

  it('pages with the server cursor: next carries the filters and the cursor, first drops it', async () => {
    serve('next-123');
    const onSearch = jest.fn<(next: AuditSearch) => void>();
    const ux = userEvent.setup({ delay: null });
    const { unmount } = renderWithQuery(<AuditPage search={{ action: 'user.' }} onSearch={onSearch} />);
    await screen.findByText('organization.rename');
    expect(screen.getByRole('button', { name: /回到第一页/ })).toBeDisabled();
    await ux.click(screen.getByRole('button', { name: /下一页/ }));
    expect(onSearch).toHaveBeenLastCalledWith({ action: 'user.', cursor: 'next-123' });
    unmount();
    api!.restore();
    serve(null);
    renderWithQuery(<AuditPage search={{ action: 'user.', cursor: 'next-123' }} onSearch={onSearch} />);
    await screen.findByText('organization.rename');
    expect(screen.getByRole('button', { name: /下一页/ })).toBeDisabled();
    await ux.click(screen.getByRole('button', { name: /回到第一页/ }));
    expect(onSearch).toHaveBeenLastCalledWith({ action: 'user.' });
  });

  it('opens an entry to show what changed', async () => {
    serve(null);
    const ux = userEvent.setup({ delay: null });
    renderWithQuery(<AuditPage search={{}} onSearch={() => undefined} />);
    await ux.click(await screen.findByText('organization.rename'));
    expect(await screen.findByTestId('audit-before')).toHaveTextContent('"name": "西湖店"');
    expect(screen.getByTestId('audit-after')).toHaveTextContent('"name": "西湖加盟店"');
    expect(screen.getByText('req-1')).toBeInTheDocument();
  });
});
