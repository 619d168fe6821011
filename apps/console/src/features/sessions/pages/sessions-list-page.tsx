import { useMemo } from 'react';
import { Button, Flex, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ListPage } from '@/components/list-page';
import { StateTag } from '@/components/state-tag';
import { Money, Time } from '@/components/time';
import { dayIn } from '@/lib/format';
import type { Schemas } from '@zizhu/api-client';
import { downloadSessionsCsv } from '../api/export-sessions';
import { sessionsQuery } from '../api/list-sessions';
import { SessionsFilterBar } from '../components/sessions-filters';
import { NS } from '../i18n';
import { PAGE_SIZES, type SessionsFilters, type SessionsSearch } from '../search';

type Session = Schemas['SessionDto'];

function filtersOf(search: SessionsSearch): SessionsFilters {
  const { page: _page, pageSize: _pageSize, ...filters } = search;
  return filters;
}

function SessionLink({ session }: { session: Session }) {
  return (
    <Link to="/sessions/$sessionId" params={{ sessionId: session.id }}>
      <Typography.Text code style={{ fontSize: 12 }}>
        {session.outOrderNo}
      </Typography.Text>
    </Link>
  );
}

/** Every session the login may see, filtered by the URL, paged by the server, exportable as CSV. */
export function SessionsListPage({ search, onSearchChange }: { search: SessionsSearch; onSearchChange: (search: SessionsSearch) => void }) {
  const { t } = useTranslation(NS);
  const list = useQuery(sessionsQuery(search));
  // one object per URL change (the filter bar resets its form whenever its values change identity)
  const filters = useMemo(() => filtersOf(search), [search]);
  const filtered = Object.keys(filters).length > 0;
  const exporting = useMutation({
    mutationFn: () => downloadSessionsCsv(filters, `sessions-${dayIn(new Date())}.csv`),
  });
  const pageSize = search.pageSize ?? PAGE_SIZES[0];
  return (
    <ListPage<Session>
      testId="sessions-list"
      title={t('list.title')}
      subtitle={t('list.subtitle')}
      extra={
        <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()}>
          {t('list.export')}
        </Button>
      }
      filters={
        <SessionsFilterBar
          values={filters}
          onChange={(next) =>
            onSearchChange({
              ...next,
              ...(search.pageSize ? { pageSize: search.pageSize } : {}),
            })
          }
        />
      }
      rows={list.data?.items}
      rowKey="id"
      loading={list.isFetching}
      error={list.error ?? (exporting.isError ? exporting.error : undefined)}
      onRetry={() => void list.refetch()}
      filtered={filtered}
      pagination={{
        page: search.page ?? 1,
        pageSize,
        total: list.data?.total ?? 0,
        onChange: (page, size) =>
          onSearchChange({
            ...search,
            page: size === pageSize ? page : 1,
            pageSize: size,
          }),
      }}
      columns={[
        {
          title: t('fields.outOrderNo'),
          key: 'outOrderNo',
          render: (_v, s) => (
            <Space orientation="vertical" size={0}>
              <SessionLink session={s} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: s.id }}>
                {s.id}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t('fields.state'),
          dataIndex: 'state',
          render: (v: string) => <StateTag state={v} />,
        },
        {
          title: t('fields.vertical'),
          dataIndex: 'deviceType',
          render: (v: string) => t(`vertical.${v}`),
        },
        { title: t('fields.device'), dataIndex: 'deviceCode' },
        {
          title: t('fields.created'),
          key: 'created',
          render: (_v, s) => <Time value={s.times['createdAt']} />,
        },
        {
          title: t('fields.amount'),
          key: 'amount',
          align: 'right',
          render: (_v, s) =>
            s.totalFen !== null ? (
              <Money fen={s.totalFen} />
            ) : s.runningFen !== null ? (
              <Space size={4}>
                <Money fen={s.runningFen} />
                <Tag>{t('list.running')}</Tag>
              </Space>
            ) : (
              '—'
            ),
        },
        {
          title: t('fields.paid'),
          dataIndex: 'paidFen',
          align: 'right',
          render: (v: number | null) => <Money fen={v} />,
        },
        {
          title: t('fields.refunded'),
          dataIndex: 'refundedFen',
          align: 'right',
          render: (v: number) => (v > 0 ? <Money fen={v} /> : '—'),
        },
        {
          title: t('fields.anomaly'),
          dataIndex: 'anomalyKind',
          render: (v: string | null, s) =>
            v ? (
              <Tag color="warning" title={s.anomaly ?? undefined}>
                {v}
              </Tag>
            ) : (
              '—'
            ),
        },
      ]}
      renderCard={(s) => (
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <Flex justify="space-between" align="center" gap="small" wrap>
            <SessionLink session={s} />
            <StateTag state={s.state} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.id}
          </Typography.Text>
          <Flex justify="space-between" gap="small" wrap>
            <span>
              {t(`vertical.${s.deviceType}`)} · {s.deviceCode}
            </span>
            <Money fen={s.totalFen ?? s.runningFen} />
          </Flex>
          <Flex justify="space-between" gap="small" wrap>
            <Typography.Text type="secondary">
              <Time value={s.times['createdAt']} />
            </Typography.Text>
            {s.anomalyKind ? <Tag color="warning">{s.anomalyKind}</Tag> : null}
          </Flex>
        </Space>
      )}
    />
  );
}
