import { Alert, Card, Descriptions, Skeleton, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Problem } from '@/components/problem';
import { Money, Time } from '@/components/time';
import { $api } from '@/lib/api';
import { reconciliationQuery, RUNNING_POLL_MS, type Run } from '../api/reconciliations';
import { Differences, useBillName } from '../components/differences';
import { RunState } from '../components/run-state';
import { NS } from '../i18n';
import type { ReconciliationDetailSearch } from '../search';

type Bill = Run['bills'][number];

export interface ReconciliationDetailPageProps {
  readonly reconciliationId: string;
  readonly search: ReconciliationDetailSearch;
  readonly onSearchChange: (search: ReconciliationDetailSearch) => void;
}

/** One run: its account and day, what matched, the bills with their hashes, and the differences to work through. */
export function ReconciliationDetailPage({ reconciliationId, search, onSearchChange }: ReconciliationDetailPageProps) {
  const { t } = useTranslation(NS);
  const billName = useBillName();
  const { data: run, error, refetch, isLoading } = useQuery(reconciliationQuery(reconciliationId));
  const accounts = useQuery($api.queryOptions('get', '/v1/merchant-accounts'));
  const back = <Link to="/reconciliation">{t('detail.back')}</Link>;
  if (isLoading) return <Skeleton active />;
  if (error || !run)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {back}
        <Problem error={error} onRetry={() => void refetch()} />
      </Space>
    );
  const account = accounts.data?.find((a) => a.id === run.merchantAccountId);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="reconciliation-detail">
      {back}
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('detail.title', { date: run.billDate })} <RunState run={run} />
      </Typography.Title>
      {run.state === 'RUNNING' ? <Alert type="info" showIcon title={t('detail.running', { seconds: RUNNING_POLL_MS / 1000 })} /> : null}
      {/* why it stopped: WeChat's code; the API's own text only for a failure, where it says what broke */}
      {run.state !== 'RUNNING' && run.state !== 'DONE' ? (
        <Alert type={run.state === 'FAILED' ? 'error' : 'warning'} showIcon title={t(`stateHelp.${run.state}`)} description={(run.state === 'FAILED' ? run.error : null) ?? run.errorCode ?? undefined} data-testid="run-outcome" />
      ) : null}
      <Card size="small" title={t('detail.summary')}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('fields.merchantAccount')}>{account ? `${account.name} (${account.mchid})` : run.merchantAccountId}</Descriptions.Item>
          <Descriptions.Item label={t('fields.billDate')}>{run.billDate}</Descriptions.Item>
          <Descriptions.Item label={t('fields.trigger')}>{t(`triggers.${run.trigger}`)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.matched')}>{run.matched}</Descriptions.Item>
          <Descriptions.Item label={t('fields.payments')}>{run.payments}</Descriptions.Item>
          <Descriptions.Item label={t('fields.refunds')}>{run.refunds}</Descriptions.Item>
          <Descriptions.Item label={t('fields.feeFen')}>{run.feeFen === null ? '—' : <Money fen={run.feeFen} />}</Descriptions.Item>
          <Descriptions.Item label={t('fields.createdAt')}>
            <Time value={run.createdAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.finishedAt')}>{run.finishedAt ? <Time value={run.finishedAt} /> : '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('detail.bills')}>
        {run.bills.length === 0 ? (
          <Typography.Text type="secondary">{t('detail.noBills')}</Typography.Text>
        ) : (
          <Table<Bill>
            size="small"
            rowKey="bill"
            pagination={false}
            dataSource={run.bills}
            scroll={{ x: 'max-content' }}
            data-testid="bills"
            columns={[
              { title: t('fields.bill'), dataIndex: 'bill', render: (b: string) => billName(b) },
              {
                title: t('fields.sha1'),
                dataIndex: 'sha1',
                render: (v: string) => (
                  <Typography.Text code copyable={{ text: v }} style={{ fontSize: 12 }}>
                    {v}
                  </Typography.Text>
                ),
              },
              { title: t('fields.rows'), dataIndex: 'rows', align: 'right' },
              { title: t('fields.size'), dataIndex: 'sizeBytes', align: 'right', render: (v: number) => t('detail.bytes', { count: v }) },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('detail.differences')}>
        <Differences runId={run.id} differences={run.differences} search={search} onSearchChange={onSearchChange} />
      </Card>
    </Space>
  );
}
