import { useMemo, useState } from 'react';
import { Button, Form, Select, Space, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { FilterBar } from '@/components/filter-bar';
import { ListPage } from '@/components/list-page';
import { StateTag } from '@/components/state-tag';
import { Money, Time } from '@/components/time';
import { formatFen } from '@/lib/format';
import type { Organization } from '../api/get-counterparties';
import { payoutsQuery, type Payout } from '../api/get-payouts';
import { retryPayout, usePayoutChanged } from '../api/payout-actions';
import { NS } from '../i18n';
import { PAYOUT_STATES, payoutsApiQuery, type SettlementSearch } from '../search';
import { CardFigure, CardHead, CounterpartyFilter, keptOnFilter, urlPagination } from './list-parts';

type Filters = Pick<SettlementSearch, 'organizationId' | 'payoutState'>;

/** Where a payout stands, in words: WeChat's confirmation step and failures with WeChat's reason. */
export function PayoutProgress({ payout }: { payout: Payout }) {
  const { t } = useTranslation(NS);
  if (payout.state === 'FAILED') return <Typography.Text type="danger">{t('payouts.failedBecause', { reason: payout.failure ?? '—' })}</Typography.Text>;
  if (payout.wechatState === 'WAIT_USER_CONFIRM') return <Typography.Text type="warning">{t('payouts.awaitingConfirmation')}</Typography.Text>;
  if (payout.state === 'REQUESTED' || payout.state === 'PROCESSING') return <Typography.Text type="secondary">{t('payouts.underWay')}</Typography.Text>;
  return <Typography.Text type="secondary">{payout.reference ?? ''}</Typography.Text>;
}

/** Retrying a failed WeChat transfer, asked first: a new transfer of the same amount to the same payee. */
function RetryPayout({ payout, organizationName, onClose }: { payout: Payout | null; organizationName: (id: string) => string; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const changed = usePayoutChanged();
  return (
    <ConfirmAction<object, Payout>
      open={payout !== null}
      onClose={onClose}
      title={t('payouts.retryTitle')}
      reason="none"
      okText={t('payouts.retryOk')}
      consequences={
        payout ? (
          <div data-testid="retry-consequences">
            <div>{t('payouts.retryWhat', { amount: formatFen(payout.amountFen), organization: organizationName(payout.organizationId) })}</div>
            <div>{t('payouts.retryFailed', { reason: payout.failure ?? '—' })}</div>
            <div>{t('payouts.retryWeChat')}</div>
          </div>
        ) : null
      }
      onConfirm={(_values, key) => retryPayout(payout!.id, key)}
      onDone={() => void changed(payout!.statementId)}
    />
  );
}

export interface PayoutsListProps {
  readonly search: SettlementSearch;
  readonly onSearchChange: (search: SettlementSearch) => void;
  readonly counterparties: readonly Organization[];
  readonly organizationName: (id: string) => string;
}

/** The brand's payouts to its franchisees: states, WeChat's confirmation step, failures in words, one-click retry. */
export function PayoutsList({ search, onSearchChange, counterparties, organizationName }: PayoutsListProps) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const list = useQuery(payoutsQuery(payoutsApiQuery(search)));
  const [retrying, setRetrying] = useState<Payout | null>(null);
  const filters = useMemo<Filters>(
    () => ({ ...(search.organizationId ? { organizationId: search.organizationId } : {}), ...(search.payoutState ? { payoutState: search.payoutState } : {}) }),
    [search.organizationId, search.payoutState],
  );
  const retryButton = (p: Payout) =>
    p.state === 'FAILED' && p.method === 'WECHAT_TRANSFER' ? (
      <Button size="small" onClick={() => setRetrying(p)} data-testid={`retry-${p.id}`}>
        {t('payouts.retry')}
      </Button>
    ) : null;
  const columns: TableProps<Payout>['columns'] = [
    {
      title: t('fields.organization'),
      key: 'organization',
      // the franchisee's agreements and payout payee open from its name
      render: (_v, p) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onSearchChange({ tab: 'agreements', organizationId: p.organizationId })} data-testid={`payee-of-${p.id}`}>
          {organizationName(p.organizationId)}
        </Button>
      ),
    },
    {
      title: t('payouts.statement'),
      dataIndex: 'statementId',
      render: (id: string) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onSearchChange({ ...search, statementId: id })}>
          {id.slice(0, 8)}
        </Button>
      ),
    },
    { title: t('payouts.method'), dataIndex: 'method', render: (m: string) => t(`payouts.methods.${m}`) },
    { title: t('payouts.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => <Money fen={v} /> },
    { title: t('fields.status'), dataIndex: 'state', render: (v: string) => <StateTag state={v} /> },
    { title: t('payouts.progress'), key: 'progress', render: (_v, p) => <PayoutProgress payout={p} /> },
    { title: t('payouts.createdAt'), dataIndex: 'createdAt', render: (v: string) => <Time value={v} /> },
    { title: '', key: 'actions', render: (_v, p) => retryButton(p) },
  ];
  return (
    <>
      <ListPage<Payout>
        testId="payouts-list"
        title={t('payouts.title')}
        subtitle={t('payouts.subtitle')}
        filters={
          <FilterBar<Filters> values={filters} empty={{}} onChange={(next) => onSearchChange({ ...keptOnFilter({ ...search, tab: 'payouts' }), ...next })}>
            <CounterpartyFilter counterparties={counterparties} label={t('filters.franchisee')} />
            <Form.Item name="payoutState" label={t('filters.status')}>
              <Select allowClear style={{ minWidth: 140 }} options={PAYOUT_STATES.map((s) => ({ value: s, label: tc(`state.${s}`) }))} placeholder={t('filters.all')} />
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
        renderCard={(p) => (
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <CardHead title={organizationName(p.organizationId)} state={p.state} />
            <CardFigure label={t(`payouts.methods.${p.method}`)} fen={p.amountFen} />
            <PayoutProgress payout={p} />
            {retryButton(p)}
          </Space>
        )}
      />
      <RetryPayout payout={retrying} organizationName={organizationName} onClose={() => setRetrying(null)} />
    </>
  );
}
