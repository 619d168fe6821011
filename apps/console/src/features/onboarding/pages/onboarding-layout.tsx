import type { ReactNode } from 'react';
import { Flex, Space, Tabs, Typography } from 'antd';
import { Link, useLocation, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AccountSelect } from '../components/account-select';
import { NS } from '../i18n';

export type OnboardingTab = 'tracker' | 'pack' | 'flow' | 'compliance' | 'acceptance';

/** Which tab a path of `/onboarding/$accountId/…` is. */
export function tabOf(pathname: string): OnboardingTab {
  const last = pathname.replace(/\/+$/, '').split('/').at(-1);
  return last === 'pack' || last === 'flow' || last === 'compliance' || last === 'acceptance' ? last : 'tracker';
}

const SUFFIX: Record<OnboardingTab, string> = { tracker: '', pack: '/pack', flow: '/flow', compliance: '/compliance', acceptance: '/acceptance' };

/**
 * `/onboarding/$accountId`: the account picker and the tabs 进度 / 申请表 / 交互流程图 / 合规 / 验收工具 above the page of the tab. The
 * acceptance kit is a child route of its own feature (`features/acceptance`).
 */
export function OnboardingLayout({ accountId, children }: { accountId: string; children: ReactNode }) {
  const { t } = useTranslation(NS);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const tab = tabOf(pathname);
  const href = (to: OnboardingTab) => `/onboarding/${accountId}${SUFFIX[to]}`;
  const switchAccount = (id: string) => {
    // the same tab of the other account
    void navigate({ to: `/onboarding/${id}${SUFFIX[tab]}` as never });
  };
  const tabLink = (to: OnboardingTab) => (
    <Link to={href(to) as never} data-testid={`tab-${to}`}>
      {t(`tabs.${to}`)}
    </Link>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="onboarding-layout">
      <Flex justify="space-between" align="center" wrap gap="small" className="zz-no-print">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
        </div>
        <AccountSelect value={accountId} onChange={switchAccount} />
      </Flex>
      <Tabs
        className="zz-no-print"
        activeKey={tab}
        items={(['tracker', 'pack', 'flow', 'compliance', 'acceptance'] as const).map((key) => ({ key, label: tabLink(key) }))}
        style={{ marginBottom: -16 }}
      />
      {children}
    </Space>
  );
}
