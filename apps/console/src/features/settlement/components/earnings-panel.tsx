import { useMemo } from 'react';
import { Flex, Form, Input, Space, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '@/components/filter-bar';
import { ListPage } from '@/components/list-page';
import { Money } from '@/components/time';
import { formatFen } from '@/lib/format';
import { earningsByOrganizationQuery, earningsQuery, type OrganizationEarnings } from '../api/get-earnings';
import type { Organization } from '../api/get-counterparties';
import { NS } from '../i18n';
import { monthStartOf, todayInShanghai } from '../period';

interface Row {
  readonly id: string;
  readonly name: string;
  readonly earnings: OrganizationEarnings | undefined;
}

type Range = { from?: string; to?: string };

/** Earnings per franchisee over a date range (contracts.md §8), with the brand's total for the same range. */
export function EarningsPanel({
  brandId,
  franchisees,
  range,
  onRangeChange,
}: {
  brandId: string;
  franchisees: readonly Organization[];
  range: Range;
  onRangeChange: (range: Range) => void;
}) {
  const { t } = useTranslation(NS);
  const today = todayInShanghai();
  const from = range.from ?? monthStartOf(today);
  const to = range.to ?? today;
  const total = useQuery(earningsQuery(brandId, from, to));
  // every franchisee's figures in one request (grouped in one query by the API), not one request each
  const each = useQuery(earningsByOrganizationQuery(brandId, from, to));
  const byId = useMemo(() => new Map((each.data?.items ?? []).map((e) => [e.organizationId, e])), [each.data]);
  const rows: Row[] = franchisees.map((f) => ({ id: f.id, name: f.name, earnings: byId.get(f.id) }));
  const values = useMemo(() => ({ from, to }), [from, to]);
  const figure = (key: keyof OrganizationEarnings & `${string}Fen`) => ({
    title: t(`earnings.${key}`),
    key,
    align: 'right' as const,
    render: (_v: unknown, row: Row) => (row.earnings ? <Money fen={row.earnings[key]} /> : '—'),
  });
  return (
    <ListPage<Row>
      testId="earnings-list"
      title={t('earnings.title')}
      subtitle={t('earnings.subtitle', { from, to })}
      filters={
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <FilterBar<Range> values={values} empty={{}} onChange={(next) => onRangeChange(next)}>
            <Form.Item name="from" label={t('filters.from')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="to" label={t('filters.to')}>
              <Input type="date" />
            </Form.Item>
          </FilterBar>
          {total.data ? (
            <Flex gap="large" wrap data-testid="earnings-total">
              <Statistic title={t('earnings.sessions')} value={total.data.sessions} />
              <Statistic title={t('earnings.netFen')} value={formatFen(total.data.netFen)} />
              <Statistic title={t('earnings.commissionFen')} value={formatFen(total.data.commissionFen)} />
              <Statistic title={t('earnings.shareFen')} value={formatFen(total.data.shareFen)} />
            </Flex>
          ) : null}
        </Space>
      }
      rows={rows}
      rowKey="id"
      loading={each.isLoading}
      error={total.error ?? each.error}
      onRetry={() => {
        void total.refetch();
        void each.refetch();
      }}
      columns={[
        { title: t('filters.franchisee'), dataIndex: 'name' },
        { title: t('earnings.sessions'), key: 'sessions', align: 'right', render: (_v, row) => row.earnings?.sessions ?? '—' },
        figure('paidFen'),
        figure('refundedFen'),
        figure('netFen'),
        figure('commissionFen'),
        figure('shareFen'),
      ]}
      renderCard={(row) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{row.name}</Typography.Text>
          {(['netFen', 'commissionFen', 'shareFen'] as const).map((key) => (
            <Flex key={key} justify="space-between" gap="small">
              <Typography.Text type="secondary">{t(`earnings.${key}`)}</Typography.Text>
              <Money fen={row.earnings?.[key]} />
            </Flex>
          ))}
        </Flex>
      )}
    />
  );
}
