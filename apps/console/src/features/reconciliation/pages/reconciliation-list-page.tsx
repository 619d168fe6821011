import { useMemo, useState } from 'react';
import { Button, Flex, Form, Input, Select, Space, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { FilterBar } from '@/components/filter-bar';
import { ListPage } from '@/components/list-page';
import { Time } from '@/components/time';
import { $api } from '@/lib/api';
import { reconciliationsQuery, type RunSummary } from '../api/reconciliations';
import { RunDialog } from '../components/run-dialog';
import { RunState } from '../components/run-state';
import { NS } from '../i18n';
import { PAGE_SIZES, RUN_STATES, reconciliationsApiQuery, type ReconciliationSearch } from '../search';

type Filters = Pick<ReconciliationSearch, 'merchantAccountId' | 'billDate' | 'state'>;

export interface ReconciliationListPageProps {
  readonly search: ReconciliationSearch;
  readonly onSearchChange: (search: ReconciliationSearch) => void;
}

/** `/reconciliation`: the runs per merchant account and bill date, their state and open differences; "run now". */
export function ReconciliationListPage({ search, onSearchChange }: ReconciliationListPageProps) {
  const { t } = useTranslation(NS);
  const navigate = useNavigate();
  const list = useQuery(reconciliationsQuery(reconciliationsApiQuery(search)));
  const accounts = useQuery($api.queryOptions('get', '/v1/merchant-accounts'));
  const [running, setRunning] = useState(false);
  const accountName = (id: string) => {
    const account = accounts.data?.find((a) => a.id === id);
    return account ? `${account.name} (${account.mchid})` : id.slice(0, 8);
  };
  const filters = useMemo<Filters>(
    () => ({
      ...(search.merchantAccountId ? { merchantAccountId: search.merchantAccountId } : {}),
      ...(search.billDate ? { billDate: search.billDate } : {}),
      ...(search.state ? { state: search.state } : {}),
    }),
    [search.merchantAccountId, search.billDate, search.state],
  );
  const pageSize = search.pageSize ?? PAGE_SIZES[0];
  const open = (r: RunSummary) => (
    <Link to="/reconciliation/$reconciliationId" params={{ reconciliationId: r.id }} data-testid={`run-${r.id}`}>
      {r.billDate}
    </Link>
  );
  const differences = (r: RunSummary) =>
    r.openDifferences > 0 ? <Typography.Text type="danger">{t('list.open', { count: r.openDifferences })}</Typography.Text> : <Typography.Text type="secondary">{r.state === 'DONE' ? t('list.none') : '—'}</Typography.Text>;
  const columns: TableProps<RunSummary>['columns'] = [
    { title: t('fields.billDate'), key: 'billDate', render: (_v, r) => open(r) },
    { title: t('fields.merchantAccount'), key: 'account', render: (_v, r) => accountName(r.merchantAccountId) },
    { title: t('fields.state'), key: 'state', render: (_v, r) => <RunState run={r} /> },
    { title: t('fields.matched'), dataIndex: 'matched', align: 'right' },
    { title: t('fields.openDifferences'), key: 'open', align: 'right', render: (_v, r) => differences(r) },
    { title: t('fields.createdAt'), dataIndex: 'createdAt', render: (v: string) => <Time value={v} /> },
  ];
  return (
    <>
      <ListPage<RunSummary>
        testId="reconciliation-list"
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <Can permission="reconciliations.write">
            <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setRunning(true)} data-testid="run-now">
              {t('run.button')}
            </Button>
          </Can>
        }
        filters={
          <FilterBar<Filters> values={filters} empty={{}} onChange={(next) => onSearchChange({ ...(search.pageSize ? { pageSize: search.pageSize } : {}), ...next })}>
            <Form.Item name="merchantAccountId" label={t('fields.merchantAccount')}>
              <Select allowClear style={{ minWidth: 200 }} options={(accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.mchid})` }))} placeholder={t('filters.all')} />
            </Form.Item>
            <Form.Item name="billDate" label={t('fields.billDate')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="state" label={t('fields.state')}>
              <Select allowClear style={{ minWidth: 140 }} options={RUN_STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))} placeholder={t('filters.all')} />
            </Form.Item>
          </FilterBar>
        }
        rows={list.data?.items}
        rowKey="id"
        loading={list.isFetching && !list.data}
        error={list.error}
        onRetry={() => void list.refetch()}
        filtered={Object.keys(filters).length > 0}
        pagination={{
          page: search.page ?? 1,
          pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, size) => onSearchChange({ ...search, page: size === pageSize ? page : 1, pageSize: size }),
        }}
        columns={columns}
        renderCard={(r) => (
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Flex justify="space-between" align="center" gap="small" wrap>
              {open(r)}
              <RunState run={r} />
            </Flex>
            <Typography.Text type="secondary">{accountName(r.merchantAccountId)}</Typography.Text>
            <Flex justify="space-between" gap="small" wrap>
              <Typography.Text type="secondary">{t('fields.openDifferences')}</Typography.Text>
              {differences(r)}
            </Flex>
          </Space>
        )}
      />
      <RunDialog open={running} onClose={() => setRunning(false)} onDone={(run) => void navigate({ to: '/reconciliation/$reconciliationId', params: { reconciliationId: run.id } })} />
    </>
  );
}
