import type { ReactNode } from 'react';
import { App } from 'antd';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import type { Schemas } from '@zizhu/api-client';
import { meQuery } from '@/lib/me';
import { meWith } from '@/test/fake-api';

// The onboarding as the API answers it, and its pages inside a router that knows the paths they link to.

export const ORG = '00000000-0000-4000-8000-000000000020';
export const ACCOUNT = '00000000-0000-4000-8000-000000000320';
export const OTHER = '00000000-0000-4000-8000-000000000331';

export const ADMIN = meWith(['merchantAccounts.read', 'onboarding.read', 'onboarding.write', 'complaints.read'], { organizationId: ORG, user: { ...meWith([]).user, role: 'OPERATOR_ADMIN', organizationId: ORG } });

export const accounts = [
  { id: ACCOUNT, name: '鲜柜智能冰柜 商户号', mchid: '1900000020', organizationId: ORG },
  // a reseller's customer's account, listed to the platform admin only
  { id: OTHER, name: '城东充电站 商户号', mchid: '1900000031', organizationId: '00000000-0000-4000-8000-000000000031' },
];

type Step = Schemas['OnboardingStepDto'];

export function step(key: Step['key'], overrides: Partial<Step> = {}): Step {
  return { key, title: key, who: '商户', needs: [`${key} 所需材料`], state: 'TODO', blockers: [], checks: [], expected: null, submittedOn: null, note: null, evidence: [], ...overrides };
}

export function tracker(overrides: Partial<Schemas['OnboardingDto']> = {}): Schemas['OnboardingDto'] {
  return {
    merchantAccountId: ACCOUNT,
    nextAction: { step: '1.3', text: '先完成客服电话验证：1.1–1.4 的材料要一起提交。' },
    refused: null,
    subjectType: 'ENTERPRISE',
    steps: [
      step('1.1', { state: 'BLOCKED', blockers: ['等待 1.3 客服电话验证完成（材料一起提交）'] }),
      step('1.2', { state: 'DONE', checks: ['商户号凭据已通过校验（2026-12-01）'] }),
      step('1.3', { state: 'IN_PROGRESS', evidence: [{ fileName: '客服电话.png', date: '2026-12-02', note: '已拨通', sizeBytes: 2048 }] }),
      step('1.4', { state: 'BLOCKED', blockers: ['等待 1.3 客服电话验证完成（材料一起提交）'], expected: { from: '2026-12-15', to: '2026-12-18' } as never }),
      step('2.1', { state: 'BLOCKED', blockers: ['等待 1.1–1.4 全部完成'] }),
      // orders already seen on the service id do not make 2.2 done while 1.x and 2.1 are open: shown, and blocked
      step('2.2', {
        state: 'BLOCKED',
        blockers: ['须先完成 1.1–1.4', '须先完成 2.1 签约与白名单'],
        checks: ['平台已看到完成与取消订单：2002000000000000000000000000020（前置步骤完成后才算联调完成）'],
      }),
      step('2.3', { state: 'BLOCKED', blockers: ['须先完成 2.1 签约与白名单', '须先完成 2.2 联调'], expected: { from: '2026-12-08', to: '2026-12-08' } as never }),
    ],
    notes: ['工作日只跳过周末，不含法定节假日。'],
    ...overrides,
  };
}

export function pack(overrides: Partial<Schemas['ApplicationPackDto']> = {}): Schemas['ApplicationPackDto'] {
  return {
    merchantAccountId: ACCOUNT,
    organizationId: ORG,
    subjectName: '鲜柜智能冰柜（加盟）',
    subjectNameSource: 'LEGAL_NAME',
    subjectNameNote: null,
    businessSummary: '无人值守智能冰柜自助售货，先享后付',
    mchid: '1900000020',
    systemSoftware: 'zizhu (开源)',
    operatingModel: '加盟',
    days: 30,
    from: '2026-11-07',
    to: '2026-12-06',
    sessions: 12,
    dailyOrders: 0.4,
    averageTicketFen: 1234,
    expectedDailyOrders: 50,
    amountDistribution: [
      { range: '0-10', count: 6, percent: 50 },
      { range: '10-50', count: 4, percent: 33 },
      { range: '50-99', count: 1, percent: 9 },
      { range: '99+', count: 1, percent: 8 },
    ],
    warnings: ['1 笔订单超过 99 元（支付分常见的免押上限）'],
    billingRules: ['按商品标价计费'],
    expectedChannel: '小程序',
    sites: [{ city: '杭州', district: '拱墅区', address: '浙江省杭州市拱墅区中山北路', place: '西湖文化广场写字楼大堂', devices: 1 }],
    cities: [{ city: '杭州', sites: 1, devices: 1 }],
    attachments: [
      { key: 'business-licence', title: '营业执照', rule: '经营范围须包含食品销售或自动售货', link: null, warning: null },
      { key: 'complaints-cleared', title: '投诉截图', rule: '投诉须全部处理完毕', link: '/complaints', warning: '还有 2 笔投诉未处理完' },
    ],
    ...overrides,
  };
}

/** Renders `page` at `path` signed in as `me`, every path of the onboarding (and the complaints inbox) showing it. */
export function renderAt(page: ReactNode, me: unknown = ADMIN, path = `/onboarding/${ACCOUNT}`) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  queryClient.setQueryData(meQuery().queryKey, me as never);
  const rootRoute = createRootRoute({ component: Outlet });
  const paths = ['/onboarding', '/onboarding/$accountId', '/onboarding/$accountId/pack', '/onboarding/$accountId/flow', '/onboarding/$accountId/compliance', '/onboarding/$accountId/acceptance', '/complaints'];
  const routes = paths.map((p) => createRoute({ getParentRoute: () => rootRoute, path: p, component: () => <App>{page}</App> }));
  const router = createRouter({ routeTree: rootRoute.addChildren(routes), history: createMemoryHistory({ initialEntries: [path] }) });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router as never} />
    </QueryClientProvider>,
  );
  return { queryClient, router };
}
