import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { i18next } from '@/lib/i18n';
import { setViewportWidth } from '@/test/viewport';
import { plansSearchSchema, type PlansSearch } from '../api/list-plans';
import { fakeApi, withQueryClient, type Sent } from '../test/fake-api';
import { PLAN_ID } from '../test/plans.fixtures';
import { PlansListPage } from './plans-list-page';

// a shared two-core machine renders antd slowly: wait longer than the defaults for what the tests name
configure({ asyncUtilTimeout: 20_000 });
jest.setTimeout(120_000);
beforeAll(() => i18next.changeLanguage('en'));
afterEach(() => setViewportWidth(1280));
afterAll(() => i18next.changeLanguage('zh-CN'));

let api: { sent: Sent[]; restore: () => void };
afterEach(() => api.restore());

const ROW = {
  id: PLAN_ID,
  name: '充电宝 3元/小时',
  organizationId: '00000000-0000-4000-8000-000000000001',
  type: 'RENTAL',
  currentVersion: 3,
  deviceCount: 502,
  createdAt: '2026-11-01T02:00:00.000Z',
  updatedAt: '2026-12-01T02:00:00.000Z',
};

function renderList(search: PlansSearch) {
  const searches: PlansSearch[] = [];
  const opened: string[] = [];
  api = fakeApi((sent) => (sent.path === '/v1/plans' ? { status: 200, body: { items: [ROW], total: 45 } } : undefined));
  render(withQueryClient(<PlansListPage search={search} onSearch={(s) => searches.push(s)} onOpen={(id) => opened.push(id)} onCreate={() => undefined} />));
  return { searches, opened };
}

describe('the plans list', () => {
  it('asks the server for the page and filters in the URL, and shows each plan (as a card on a phone)', async () => {
    setViewportWidth(390);
    const { opened } = renderList(plansSearchSchema.parse({ page: 3, pageSize: 20, type: 'RENTAL', q: '充电宝' }));
    const link = await screen.findByRole('link', { name: '充电宝 3元/小时' });
    const list = api.sent.filter((s) => s.path === '/v1/plans');
    expect(list).toHaveLength(1);
    expect(list[0]!.query).toEqual({ limit: '20', offset: '40', type: 'RENTAL', q: '充电宝' });
    const card = link.closest('.ant-card') as HTMLElement; // the phone layout (390 px)
    expect(within(card).getByText('By time')).toBeInTheDocument();
    expect(within(card).getByText(/Version 3 · 502 devices/)).toBeInTheDocument();
    expect(within(card).getByText('2026-12-01 10:00')).toBeInTheDocument();
    expect(link).toHaveAttribute('href', `/plans/${PLAN_ID}`);
    fireEvent.click(link);
    expect(opened).toEqual([PLAN_ID]);
  });

  it('names each plan’s owner when the list holds plans of more than one organisation (a franchise brand’s)', async () => {
    setViewportWidth(390);
    const franchisee = { ...ROW, id: '22222222-2222-4222-8222-222222222222', name: '加盟店 冰柜', organizationId: 'f1000000-0000-4000-8000-000000000001' };
    const organizations = [
      { id: ROW.organizationId, kind: 'OPERATOR', name: '冰柜品牌', operatingModel: 'FRANCHISE', parentId: null, createdAt: '2026-11-01T00:00:00Z' },
      { id: franchisee.organizationId, kind: 'FRANCHISEE', name: '西湖加盟店', operatingModel: null, parentId: ROW.organizationId, createdAt: '2026-11-01T00:00:00Z' },
    ];
    api = fakeApi((sent) => {
      if (sent.path === '/v1/plans') return { status: 200, body: { items: [ROW, franchisee], total: 2 } };
      if (sent.path === '/v1/organizations') return { status: 200, body: organizations };
      return undefined;
    });
    render(withQueryClient(<PlansListPage search={plansSearchSchema.parse({})} onSearch={() => undefined} onOpen={() => undefined} onCreate={() => undefined} />));
    const card = (await screen.findByRole('link', { name: '加盟店 冰柜' })).closest('.ant-card') as HTMLElement;
    expect(await within(card).findByText('西湖加盟店')).toBeInTheDocument();
    expect(within(screen.getByRole('link', { name: '充电宝 3元/小时' }).closest('.ant-card') as HTMLElement).getByText('冰柜品牌')).toBeInTheDocument();
  });

  it('writes new filters to the URL from page 1 and keeps the page size', async () => {
    const { searches } = renderList(plansSearchSchema.parse({ page: 2, pageSize: 50, q: 'old' }));
    await screen.findByRole('link', { name: '充电宝 3元/小时' });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '水' } });
    fireEvent.click(screen.getByRole('button', { name: /Search/ }));
    await waitFor(() => expect(searches).toHaveLength(1));
    expect(searches[0]).toEqual({ page: 1, pageSize: 50, q: '水', type: undefined, deviceType: undefined });
    fireEvent.click(screen.getByRole('button', { name: /Reset/ }));
    await waitFor(() => expect(searches).toHaveLength(2));
    expect(searches[1]).toEqual({ page: 1, pageSize: 50, q: undefined, type: undefined, deviceType: undefined });
  });
});

describe('the list’s URL search params', () => {
  it('fall back to their defaults when malformed', () => {
    expect(plansSearchSchema.parse({})).toEqual({ page: 1, pageSize: 20 });
    expect(plansSearchSchema.parse({ page: -2, pageSize: 7, type: 'CHEAP', deviceType: 'TOASTER', q: 42 })).toEqual({
      page: 1,
      pageSize: 20,
      type: undefined,
      deviceType: undefined,
      q: undefined,
    });
    expect(plansSearchSchema.parse({ page: 4, pageSize: 100, type: 'MIXED', deviceType: 'EV_CHARGER', q: ' 桩 ' })).toEqual({
      page: 4,
      pageSize: 100,
      type: 'MIXED',
      deviceType: 'EV_CHARGER',
      q: '桩',
    });
  });
});
