import { Flex, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ListPage } from '@/components/list-page';
import { ChoiceFilter } from '@/components/choice-filter';
import { Money, Time } from '@/components/time';
import { complaintsQuery, merchantAccountsQuery } from '../api/complaints';
import { ComplaintStateTag, Deadlines, OrderLink, UserResponded } from '../components/complaint-bits';
import { NS } from '../i18n';
import { PAGE_SIZES, STATES, type ComplaintsSearch } from '../search';
import type { ComplaintSummary } from '../types';

/** /complaints: the consumer complaints the login may see, newest first, with their deadlines. */
export function ComplaintsPage({ search, onSearchChange }: { search: ComplaintsSearch; onSearchChange: (search: ComplaintsSearch) => void }) {
  const { t } = useTranslation(NS);
  const query = useQuery(complaintsQuery(search));
  const accounts = useQuery(merchantAccountsQuery());
  const pageSize = search.pageSize ?? PAGE_SIZES[0];
  const set = (patch: Partial<ComplaintsSearch>) => {
    const next: ComplaintsSearch = { ...search, ...patch, page: undefined };
    onSearchChange(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as ComplaintsSearch);
  };
  const title = (c: ComplaintSummary) => (
    <Space size={4} wrap>
      <Link to="/complaints/$complaintId" params={{ complaintId: c.id }} data-testid="complaint-link">
        {c.complaintId}
      </Link>
      <UserResponded complaint={c} />
    </Space>
  );
  const detail = (c: ComplaintSummary) => (
    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, maxWidth: 360 }}>
      {c.detail}
    </Typography.Paragraph>
  );
  return (
    <ListPage<ComplaintSummary>
      testId="complaints-inbox"
      title={t('title')}
      subtitle={t('subtitle')}
      filters={
        <Flex gap="small" wrap align="center">
          <ChoiceFilter<NonNullable<ComplaintsSearch['state']>>
            label={t('filters.state')}
            allText={t('filters.all')}
            minWidth={140}
            value={search.state}
            onChange={(state) => set({ state })}
            options={STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))}
          />
          <ChoiceFilter
            label={t('filters.merchantAccount')}
            allText={t('filters.all')}
            minWidth={200}
            value={search.merchantAccountId}
            loading={accounts.isLoading}
            onChange={(merchantAccountId) => set({ merchantAccountId })}
            options={(accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.mchid})` }))}
          />
        </Flex>
      }
      rows={query.data?.items}
      rowKey="id"
      loading={query.isFetching}
      error={query.error}
      onRetry={() => void query.refetch()}
      filtered={Boolean(search.state || search.merchantAccountId)}
      pagination={{
        page: search.page ?? 1,
        pageSize,
        total: query.data?.total ?? 0,
        onChange: (page, size) => onSearchChange({ ...search, page: size === pageSize ? page : 1, pageSize: size }),
      }}
      columns={[
        { title: t('fields.complaint'), key: 'complaint', render: (_v, c) => title(c) },
        { title: t('fields.detail'), key: 'detail', render: (_v, c) => detail(c) },
        { title: t('fields.order'), key: 'order', render: (_v, c) => <OrderLink complaint={c} /> },
        { title: t('fields.state'), key: 'state', render: (_v, c) => <ComplaintStateTag state={c.state} /> },
        { title: t('fields.complaintTime'), dataIndex: 'complaintTime', render: (v: string) => <Time value={v} seconds={false} /> },
        { title: t('fields.deadlines'), key: 'deadlines', render: (_v, c) => <Deadlines complaint={c} /> },
        { title: t('fields.applyRefund'), dataIndex: 'applyRefundFen', align: 'right', render: (v: number | null) => (v === null ? '—' : <Money fen={v} />) },
      ]}
      renderCard={(c) => (
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <Flex justify="space-between" align="center" gap="small" wrap>
            {title(c)}
            <ComplaintStateTag state={c.state} />
          </Flex>
          {detail(c)}
          <OrderLink complaint={c} />
          <Deadlines complaint={c} />
        </Space>
      )}
    />
  );
}
