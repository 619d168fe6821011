import { useMemo, useState } from 'react';
import { Button, Form, Select, Space, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { FilterBar } from '@/components/filter-bar';
import { ListPage } from '@/components/list-page';
import { StateTag } from '@/components/state-tag';
import { Money, Time } from '@/components/time';
import { formatFen } from '@/lib/format';
import { useCan } from '@/lib/me';
import type { Organization } from '../api/get-counterparties';
import { retrySplit, splitsQuery, useSplitsChanged, type Split } from '../api/profit-sharing';
import { NS } from '../i18n';
import { SPLIT_STATES, splitsApiQuery, type SettlementSearch } from '../search';
import { CardFigure, CardHead, CounterpartyFilter, keptOnFilter, urlPagination } from './list-parts';

type Filters = Pick<SettlementSearch, 'organizationId' | 'splitState'>;

/** WeChat takes a split request only within 30 days of the payment (API: PROFIT_SHARING_NOT_RETRYABLE after). */
export const SPLIT_WINDOW_DAYS = 30;
const DAY_MS = 24 * 3600_000;

export function splitDeadline(split: Pick<Split, 'paidAt'>): Date {
  return new Date(Date.parse(split.paidAt) + SPLIT_WINDOW_DAYS * DAY_MS);
}

/** The API's failure, e.g. `SPLIT_REFUSED NOT_ENOUGH`: its reason code in words, and WeChat's detail after it. */
export function SplitFailure({ failure }: { failure: string | null }) {
  const { t, i18n } = useTranslation(NS);
  if (!failure) return null;
  const [first = '', ...rest] = failure.split(' ');
  const code = first.replace(/:$/, '');
  const known = i18n.exists(`${NS}:splits.failures.${code}`);
  return (
    <Typography.Text type="danger" data-testid="split-failure">
      {known ? t(`splits.failures.${code}`) : code}
      {rest.length > 0 ? `（${rest.join(' ')}）` : ''}
    </Typography.Text>
  );
}

/** Until when the split may still be sent or retried (30 days from the payment), and how many days are left. */
export function SplitDeadline({ split, now = new Date() }: { split: Split; now?: Date }) {
  const { t } = useTranslation(NS);
  const deadline = splitDeadline(split);
  if (split.state === 'FINISHED') return <Typography.Text type="secondary">—</Typography.Text>;
  const days = Math.ceil((deadline.getTime() - now.getTime()) / DAY_MS);
  return (
    <Space size={4} wrap>
      <Time value={deadline} seconds={false} />
      <Typography.Text type={days <= 0 ? 'danger' : days <= 5 ? 'warning' : 'secondary'}>{days <= 0 ? t('splits.expired') : t('splits.daysLeft', { days })}</Typography.Text>
    </Space>
  );
}

function RetrySplit({ split, organizationName, onClose }: { split: Split | null; organizationName: (id: string) => string; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const changed = useSplitsChanged();
  return (
    <ConfirmAction<object, Split>
      open={split !== null}
      onClose={onClose}
      title={t('splits.retryTitle')}
      reason="none"
      okText={t('splits.retryOk')}
      consequences={
        split ? (
          <div data-testid="split-retry-consequences">
            <div>{t('splits.retryWhat', { amount: formatFen(split.amountFen), organization: organizationName(split.organizationId) })}</div>
            <div>
              {t('splits.retryFailed')} <SplitFailure failure={split.failure} />
            </div>
            <div>{t('splits.retryDeadline', { date: splitDeadline(split).toISOString().slice(0, 10) })}</div>
          </div>
        ) : null
      }
      onConfirm={(_values, key) => retrySplit(split!.id, key)}
      onDone={() => void changed()}
    />
  );
}

export interface SplitsListProps {
  readonly search: SettlementSearch;
  readonly onSearchChange: (search: SettlementSearch) => void;
  /** A brand's franchisees to filter by (none for a franchisee looking at its own). */
  readonly counterparties?: readonly Organization[];
  readonly organizationName: (id: string) => string;
  readonly now?: Date;
}

/**
 * Profit-sharing splits (分账) of franchisees that collect: the brand's commission per order, sent from the franchisee's
 * merchant account to the brand's; states, WeChat's receiver result, failures in words, the 30-day window, one-click retry.
 */
export function SplitsList({ search, onSearchChange, counterparties, organizationName, now }: SplitsListProps) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const list = useQuery(splitsQuery(splitsApiQuery(search)));
  const canRetry = useCan('profitSharing.write');
  const canSeeSessions = useCan('sessions.read');
  const [retrying, setRetrying] = useState<Split | null>(null);
  const filters = useMemo<Filters>(
    () => ({ ...(search.organizationId ? { organizationId: search.organizationId } : {}), ...(search.splitState ? { splitState: search.splitState } : {}) }),
    [search.organizationId, search.splitState],
  );
  // the API refuses a retry after the window, and of a split whose receiver line WeChat closed (the order is finished there)
  const retryable = (s: Split) => s.state === 'FAILED' && !s.failure?.startsWith('RECEIVER_FAILED') && splitDeadline(s).getTime() > (now ?? new Date()).getTime();
  const retryButton = (s: Split) =>
    canRetry && retryable(s) ? (
      <Button size="small" onClick={() => setRetrying(s)} data-testid={`split-retry-${s.id}`}>
        {t('splits.retry')}
      </Button>
    ) : null;
  const session = (s: Split) =>
    canSeeSessions ? (
      <Link to="/sessions/$sessionId" params={{ sessionId: s.sessionId }}>
        {s.sessionId.slice(0, 8)}
      </Link>
    ) : (
      s.sessionId.slice(0, 8)
    );
  const receiver = (s: Split) => (
    <Space orientation="vertical" size={0}>
      <Typography.Text>{s.receiverMchid ?? '—'}</Typography.Text>
      {s.receiverResult ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {s.receiverResult}
        </Typography.Text>
      ) : null}
    </Space>
  );
  const columns: TableProps<Split>['columns'] = [
    { title: t('fields.organization'), key: 'organization', render: (_v, s) => organizationName(s.organizationId) },
    { title: t('splits.session'), key: 'session', render: (_v, s) => session(s) },
    { title: t('splits.paidAt'), dataIndex: 'paidAt', render: (v: string) => <Time value={v} /> },
    { title: t('splits.net'), dataIndex: 'netFen', align: 'right', render: (v: number) => <Money fen={v} /> },
    { title: t('splits.rate'), dataIndex: 'commissionBasisPoints', align: 'right', render: (v: number) => `${(v / 100).toFixed(2)}%` },
    { title: t('splits.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => <Money fen={v} /> },
    { title: t('fields.status'), dataIndex: 'state', render: (v: string) => <StateTag state={v} /> },
    { title: t('splits.receiver'), key: 'receiver', render: (_v, s) => receiver(s) },
    { title: t('splits.failure'), key: 'failure', render: (_v, s) => <SplitFailure failure={s.failure} /> },
    { title: t('splits.deadline'), key: 'deadline', render: (_v, s) => <SplitDeadline split={s} {...(now ? { now } : {})} /> },
    { title: '', key: 'actions', render: (_v, s) => retryButton(s) },
  ];
  return (
    <>
      <ListPage<Split>
        testId="splits-list"
        title={t('splits.title')}
        subtitle={t('splits.subtitle')}
        filters={
          <FilterBar<Filters> values={filters} empty={{}} onChange={(next) => onSearchChange({ ...keptOnFilter(search), ...next })}>
            {counterparties ? <CounterpartyFilter counterparties={counterparties} label={t('filters.franchisee')} /> : null}
            <Form.Item name="splitState" label={t('filters.status')}>
              <Select allowClear style={{ minWidth: 140 }} options={SPLIT_STATES.map((s) => ({ value: s, label: tc(`state.${s}`) }))} placeholder={t('filters.all')} />
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
            <CardHead title={organizationName(s.organizationId)} state={s.state} />
            <CardFigure label={t('splits.net')} fen={s.netFen} />
            <CardFigure label={t('splits.amount')} fen={s.amountFen} strong />
            <SplitFailure failure={s.failure} />
            <SplitDeadline split={s} {...(now ? { now } : {})} />
            {retryButton(s)}
          </Space>
        )}
      />
      <RetrySplit split={retrying} organizationName={organizationName} onClose={() => setRetrying(null)} />
    </>
  );
}
