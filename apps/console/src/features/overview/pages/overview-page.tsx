import { Alert, Card, Form, Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Problem } from '@/components/problem';
import { $api } from '@/lib/api';
import { useMe } from '@/lib/me';
import { overviewQuery } from '../api/get-overview';
import { OVERVIEW_NS } from '../i18n';
import { OverviewCards } from '../components/overview-cards';
import { RevenueChart } from '../components/revenue-chart';
import { SettlementCard } from '../components/settlement-card';

/** `/`: the business at a glance; a franchise brand (or the platform) may narrow it to one organisation. */
export function OverviewPage({
  organizationId,
  denied,
  onOrganizationChange,
}: {
  organizationId?: string;
  /** The permission a guard refused on the way here: said once, not hidden. */
  denied?: string;
  onOrganizationChange: (id: string | undefined) => void;
}) {
  const { t } = useTranslation(OVERVIEW_NS);
  const common = useTranslation().t;
  const router = useRouter();
  const me = useMe();
  const overview = useQuery(overviewQuery(organizationId));
  const organizations = useQuery($api.queryOptions('get', '/v1/organizations'));
  const choices = (organizations.data ?? []).filter((o) => o.id !== me?.organizationId);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      {denied ? <Alert type="warning" showIcon title={common('forbidden')} data-testid="denied" /> : null}
      {choices.length ? (
        <Form layout="inline">
          <Form.Item label={t('organization')} htmlFor="overview-organization">
            <Select
              id="overview-organization"
              allowClear
              placeholder={t('allOrganizations')}
              style={{ minWidth: 220 }}
              value={organizationId}
              onChange={(id?: string) => onOrganizationChange(id || undefined)}
              options={choices.map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
        </Form>
      ) : null}
      {overview.error ? <Problem error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {overview.data ? (
        <>
          <OverviewCards overview={overview.data} {...(organizationId ? { organizationId } : {})} onNavigate={(href) => router.history.push(href)} />
          <SettlementCard organizationId={organizationId} onNavigate={(href) => router.history.push(href)} />
          {overview.data.revenue ? (
            <Card size="small" title={t('revenue.chart')}>
              <RevenueChart days={overview.data.revenue.byDay} />
            </Card>
          ) : null}
        </>
      ) : overview.isLoading ? (
        <Card loading />
      ) : null}
    </Space>
  );
}
