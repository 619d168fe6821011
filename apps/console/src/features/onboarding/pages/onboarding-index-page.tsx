import { Card, Empty, Space, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Problem } from '@/components/problem';
import { useMe } from '@/lib/me';
import { merchantAccountsQuery } from '../api/onboarding';
import { AccountSelect } from '../components/account-select';
import { NS } from '../i18n';
import { readableAccounts } from '../pack-text';

/** `/onboarding`: pick the merchant account to walk onto Pay Score; with a single one, go straight to it. */
export function OnboardingIndexPage() {
  const { t } = useTranslation(NS);
  const me = useMe();
  const navigate = useNavigate();
  const accounts = useQuery(merchantAccountsQuery());
  const readable = readableAccounts(me, accounts.data ?? []);
  const open = (id: string) => void navigate({ to: `/onboarding/${id}` as never });
  if (accounts.isSuccess && readable.length === 1) return <Navigate to={`/onboarding/${readable[0]!.id}` as never} replace />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="onboarding-index">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
      </div>
      {accounts.error ? <Problem error={accounts.error} onRetry={() => void accounts.refetch()} /> : null}
      <Card title={t('account.pick')}>
        <Spin spinning={accounts.isLoading}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <AccountSelect value={undefined} onChange={open} />
            {accounts.isSuccess && readable.length === 0 ? <Empty description={t('account.none')} /> : null}
            {readable.map((a) => (
              <Space key={a.id} wrap>
                <Link to={`/onboarding/${a.id}` as never} data-testid={`account-${a.id}`}>
                  {a.name}
                </Link>
                <Typography.Text type="secondary">{a.mchid}</Typography.Text>
              </Space>
            ))}
          </Space>
        </Spin>
      </Card>
    </Space>
  );
}
