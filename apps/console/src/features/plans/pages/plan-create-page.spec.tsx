import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { i18next } from '@/lib/i18n';
import { fakeApi, ME, withQueryClient, type Sent } from '../test/fake-api';
import { PLAN_ID, planDetail } from '../test/plans.fixtures';
import { PlanCreatePage } from './plan-create-page';

configure({ asyncUtilTimeout: 20_000 });
// the editor is a large antd form: on a shared two-core machine one test can take longer than the default 20 s
jest.setTimeout(120_000);
beforeAll(() => i18next.changeLanguage('en'));
afterAll(() => i18next.changeLanguage('zh-CN'));

let api: { sent: Sent[]; restore: () => void };
afterEach(() => api.restore());

const NAME_TOO_LONG = {
  status: 400,
  code: 'VALIDATION_FAILED',
  title: 'Bad Request',
  detail: 'The request is not valid.',
  errors: [{ field: 'name', messages: ['name must be shorter than or equal to 100 characters'] }],
};

describe('creating a plan', () => {
  it('needs a name, then POSTs the plan in integer fen and opens it', async () => {
    api = fakeApi((sent) => (sent.method === 'POST' && sent.path === '/v1/plans' ? { status: 201, body: planDetail({ currentVersion: 1 }) } : undefined));
    const created: string[] = [];
    render(withQueryClient(<PlanCreatePage onCreated={(id) => created.push(id)} onCancel={() => undefined} />));
    fireEvent.click(screen.getByRole('button', { name: /Create plan/ }));
    expect(await screen.findByText("Enter the plan's name")).toBeInTheDocument();
    expect(api.sent.filter((s) => s.method === 'POST')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Plan name'), { target: { value: ' 充电宝 2.5元/小时 ' } });
    fireEvent.change(screen.getByLabelText('Price per unit (¥)'), { target: { value: '2.5' } });
    fireEvent.click(screen.getByRole('button', { name: /Create plan/ }));
    await waitFor(() => expect(created).toEqual([PLAN_ID]));
    const post = api.sent.find((s) => s.method === 'POST')!;
    expect(post.body).toMatchObject({ name: '充电宝 2.5元/小时', plan: { timezone: 'Asia/Shanghai', rental: { unitFen: 250 } } });
    expect(post.body).not.toHaveProperty('organizationId'); // the caller's own organisation
  });

  it('shows a server error on the name field', async () => {
    api = fakeApi((sent) => (sent.method === 'POST' ? { status: 400, body: NAME_TOO_LONG } : undefined));
    render(withQueryClient(<PlanCreatePage onCreated={() => undefined} onCancel={() => undefined} />));
    fireEvent.change(screen.getByLabelText('Plan name'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: /Create plan/ }));
    const help = await screen.findByText('name must be shorter than or equal to 100 characters');
    expect(help.closest('.ant-form-item')!.querySelector('#plan-name')).not.toBeNull();
  });

  it('lets a franchise brand create a plan for one of its franchisees', async () => {
    const brand = { ...ME, organizationId: 'b0000000-0000-4000-8000-000000000001', operatingModel: 'FRANCHISE', organizationName: '冰柜品牌' };
    const organizations = [
      { id: brand.organizationId, kind: 'OPERATOR', name: '冰柜品牌', operatingModel: 'FRANCHISE', parentId: null, createdAt: '2026-11-01T00:00:00Z' },
      { id: 'f1000000-0000-4000-8000-000000000001', kind: 'FRANCHISEE', name: '加盟商一', operatingModel: null, parentId: brand.organizationId, createdAt: '2026-11-01T00:00:00Z' },
    ];
    api = fakeApi((sent) => {
      if (sent.path === '/v1/me') return { status: 200, body: brand };
      if (sent.path === '/v1/organizations') return { status: 200, body: organizations };
      if (sent.method === 'POST') return { status: 201, body: planDetail({ organizationId: organizations[1]!.id }) };
      return undefined;
    });
    const created: string[] = [];
    render(withQueryClient(<PlanCreatePage onCreated={(id) => created.push(id)} onCancel={() => undefined} />));
    fireEvent.change(screen.getByLabelText('Plan name'), { target: { value: '加盟商一 冰柜' } });
    const owner = await screen.findByLabelText('Owner');
    fireEvent.mouseDown(owner);
    fireEvent.click(await screen.findByTitle('加盟商一'));
    fireEvent.click(screen.getByRole('button', { name: /Create plan/ }));
    await waitFor(() => expect(created).toEqual([PLAN_ID]));
    expect(api.sent.find((s) => s.method === 'POST')!.body).toMatchObject({ name: '加盟商一 冰柜', organizationId: organizations[1]!.id });
  });
});
