import { useMemo } from 'react';
import { Button, Form, Input, Select, Space, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '@/components/filter-bar';
import { ListPage } from '@/components/list-page';
import { StateTag } from '@/components/state-tag';
import { Money } from '@/components/time';
import { statementsQuery, type Statement } from '../api/get-statements';
import type { Organization } from '../api/get-counterparties';
import { NS } from '../i18n';
import { STATEMENT_STATUSES, statementsApiQuery, type SettlementSearch } from '../search';
import { CardFigure, CardHead, CounterpartyFilter, keptOnFilter, urlPagination } from './list-parts';

type Filters = Pick<SettlementSearch, 'organizationId' | 'status' | 'from' | 'to'>;

export interface StatementsListProps {
  readonly search: SettlementSearch;
  readonly onSearchChange: (search: SettlementSearch) => void;
  /** FRANCHISE: revenue, commission and fees; RESELLER: fees only (a reseller never sees its customers' revenue). */
  readonly view: 'FRANCHISE' | 'RESELLER';
  /** Franchisees or customers to filter by (none for a franchisee or customer looking at its own). */
  readonly counterparties?: readonly Organization[];
  readonly organizationName: (id: string) => string;
  readonly title: string;
  readonly subtitle?: string;
}

/** Statements per organisation and period, filtered by the URL; a row opens the statement drawer. */
export function StatementsList({ search, onSearchChange, view, counterparties, organizationName, title, subtitle }: StatementsListProps) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const list = useQuery(statementsQuery(statementsApiQuery(search)));
  const filters = useMemo<Filters>(
    () => ({
      ...(search.organizationId ? { organizationId: search.organizationId } : {}),
      ...(search.status ? { status: search.status } : {}),
      ...(search.from ? { from: search.from } : {}),
      ...(search.to ? { to: search.to } : {}),
    }),
    [search.organizationId, search.status, search.from, search.to],
  );
  const open = (s: Statement) => onSearchChange({ ...search, statementId: s.id });
  const periodLink = (s: Statement) => (
    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open(s)} data-testid={`statement-${s.id}`}>
      {s.periodStart} ~ {s.periodEnd}
    </Button>
  );
  const money = (key: keyof Statement & `${string}Fen`, titleKey: string): NonNullable<TableProps<Statement>['columns']>[number] => ({
    title: t(titleKey),
    dataIndex: key,
    align: 'right',
    render: (v: number) => <Money fen={v} />,
  });
  const columns: TableProps<Statement>['columns'] = [
    { title: t('fields.period'), key: 'period', render: (_v, s) => periodLink(s) },
    { title: t('fields.organization'), key: 'organization', render: (_v, s) => organizationName(s.organizationId) },
    { title: t('fields.status'), dataIndex: 'status', render: (v: string) => <StateTag state={v} /> },
    ...(view === 'FRANCHISE'
      ? [
          { title: t('fields.sessions'), dataIndex: 'sessions', align: 'right' as const },
          money('netFen', 'totals.netFen'),
          money('commissionFen', 'totals.commissionFen'),
          money('fixedFeeFen', 'totals.fixedFeeFen'),
          money('minimumTopUpFen', 'totals.minimumTopUpFen'),
          {
            // an OPEN statement's fee is marked to it only at the close (the list's figure is 0 until then); the drawer
            // shows the running figure, so the list shows — with a hint rather than a 0 that disagrees with it
            ...money('channelFeeFen', 'totals.channelFeeFen'),
            render: (v: number, s: Statement) =>
              s.status === 'OPEN' ? (
                <Tooltip title={t('totals.channelFeeOpenHint')}>
                  <span data-testid={`channel-fee-open-${s.id}`}>—</span>
                </Tooltip>
              ) : (
                <Money fen={v} />
              ),
          },
        ]
      : [money('resellerFeeFen', 'totals.resellerFeeFen')]),
    money('adjustmentFen', 'totals.adjustmentFen'),
    money('payableFen', view === 'FRANCHISE' ? 'totals.payableFranchise' : 'totals.payableReseller'),
    {
      title: t('fields.id'),
      dataIndex: 'id',
      render: (v: string) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: v }}>
          {v.slice(0, 8)}
        </Typography.Text>
      ),
    },
  ];
  return (
    <ListPage<Statement>
      testId="statements-list"
      title={title}
      {...(subtitle ? { subtitle } : {})}
      filters={
        <FilterBar<Filters> values={filters} empty={{}} onChange={(next) => onSearchChange({ ...keptOnFilter(search), ...next })}>
          {counterparties ? <CounterpartyFilter counterparties={counterparties} label={t(view === 'FRANCHISE' ? 'filters.franchisee' : 'filters.customer')} /> : null}
          <Form.Item name="status" label={t('filters.status')}>
            <Select allowClear style={{ minWidth: 140 }} options={STATEMENT_STATUSES.map((s) => ({ value: s, label: tc(`state.${s}`) }))} placeholder={t('filters.all')} />
          </Form.Item>
          <Form.Item name="from" label={t('filters.from')}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="to" label={t('filters.to')}>
            <Input type="date" />
          </Form.Item>
        </FilterBar>
      }
      rows={list.data?.items}
      rowKey="id"
      loading={list.isFetching}
      error={list.error}
      onRetry={() => void list.refetch()}
      filtered={Object.keys(filters).length > 0}
      pagination={urlPagination(search, onSearchChange, list.data?.total)}
      columns={columns}
      renderCard={(s) => (
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <CardHead title={periodLink(s)} state={s.status} />
          <Typography.Text>{organizationName(s.organizationId)}</Typography.Text>
          {view === 'FRANCHISE' ? <CardFigure label={t('totals.netFen')} fen={s.netFen} /> : <CardFigure label={t('totals.resellerFeeFen')} fen={s.resellerFeeFen} />}
          <CardFigure label={t(view === 'FRANCHISE' ? 'totals.payableFranchise' : 'totals.payableReseller')} fen={s.payableFen} strong />
        </Space>
      )}
    />
  );
}
