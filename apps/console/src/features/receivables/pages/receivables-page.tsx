import { useState } from 'react';
import { Button, Card, Col, Flex, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { ListPage } from '@/components/list-page';
import { StateTag } from '@/components/state-tag';
import { Money, Time } from '@/components/time';
import { formatFen } from '@/lib/format';
import type { Schemas } from '@zizhu/api-client';
import { receivablesQuery } from '../api/get-receivables';
import { CollectReceivable } from '../components/collect-receivable';
import { NS } from '../i18n';
import { BUCKETS, PAGE_SIZES, type ReceivablesSearch } from '../search';

type Receivable = Schemas['ReceivableDto'];

/** When the debt began: the order's completion (else when it started waiting for payment). */
const owedSince = (r: Receivable) => r.times['orderCompletedAt'] ?? r.times['awaitingPaymentAt'] ?? null;

function BucketCard({ title, count, owedFen, active, onClick, testId }: { title: string; count: number; owedFen: number; active: boolean; onClick: () => void; testId: string }) {
  const { t } = useTranslation(NS);
  return (
    <Card
      size="small"
      hoverable
      role="button"
      tabIndex={0}
      aria-pressed={active}
      data-testid={testId}
      onClick={onClick}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ' ? onClick() : undefined)}
      style={active ? { borderColor: '#1677ff', boxShadow: '0 0 0 1px #1677ff' } : undefined}
    >
      <Statistic title={title} value={formatFen(owedFen)} />
      <Typography.Text type="secondary">{t('cards.count', { count })}</Typography.Text>
    </Card>
  );
}

/** What users still owe, by age (each card filters the list), and 催收 for each order. */
export function ReceivablesPage({ search, onSearchChange }: { search: ReceivablesSearch; onSearchChange: (search: ReceivablesSearch) => void }) {
  const { t } = useTranslation(NS);
  const query = useQuery(receivablesQuery(search));
  const [collecting, setCollecting] = useState<Receivable | null>(null);
  const data = query.data;
  const pageSize = search.pageSize ?? PAGE_SIZES[0];
  const pick = (bucket: ReceivablesSearch['bucket']) => onSearchChange({ ...(bucket ? { bucket } : {}), ...(search.pageSize ? { pageSize: search.pageSize } : {}) });
  const collectButton = (r: Receivable) => (
    <Can permission="sessions.act">
      <Button size="small" onClick={() => setCollecting(r)}>
        {t('collect.button')}
      </Button>
    </Can>
  );
  const sessionLink = (r: Receivable) => (
    <Link to="/sessions/$sessionId" params={{ sessionId: r.id }}>
      <Typography.Text code style={{ fontSize: 12 }}>
        {r.outOrderNo}
      </Typography.Text>
    </Link>
  );
  return (
    <>
      <ListPage<Receivable>
        testId="receivables"
        title={t('title')}
        subtitle={t('subtitle')}
        filters={
          <Row gutter={[12, 12]}>
            <Col xs={12} sm={8} lg={4}>
              <BucketCard
                testId="bucket-all"
                title={t('cards.all')}
                count={data?.count ?? 0}
                owedFen={data?.owedFen ?? 0}
                active={!search.bucket}
                onClick={() => pick(undefined)}
              />
            </Col>
            {BUCKETS.map((bucket) => {
              const b = data?.aging.find((a) => a.bucket === bucket);
              return (
                <Col xs={12} sm={8} lg={4} key={bucket}>
                  <BucketCard
                    testId={`bucket-${bucket}`}
                    title={t(`buckets.${bucket}`)}
                    count={b?.count ?? 0}
                    owedFen={b?.owedFen ?? 0}
                    active={search.bucket === bucket}
                    onClick={() => pick(bucket)}
                  />
                </Col>
              );
            })}
          </Row>
        }
        rows={data?.items}
        rowKey="id"
        loading={query.isFetching}
        error={query.error}
        onRetry={() => void query.refetch()}
        filtered={search.bucket !== undefined}
        pagination={{
          page: search.page ?? 1,
          pageSize,
          total: data?.total ?? 0,
          onChange: (page, size) => onSearchChange({ ...search, page: size === pageSize ? page : 1, pageSize: size }),
        }}
        columns={[
          {
            title: t('fields.outOrderNo'),
            key: 'outOrderNo',
            render: (_v, r) => (
              <Space orientation="vertical" size={0}>
                {sessionLink(r)}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.id}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('fields.owed'), dataIndex: 'totalFen', align: 'right', render: (v: number | null) => <Money fen={v} /> },
          { title: t('fields.age'), dataIndex: 'bucket', render: (v: string) => <Tag>{t(`buckets.${v}`)}</Tag> },
          { title: t('fields.since'), key: 'since', render: (_v, r) => <Time value={owedSince(r)} /> },
          { title: t('fields.device'), dataIndex: 'deviceCode' },
          { title: t('fields.state'), dataIndex: 'state', render: (v: string) => <StateTag state={v} /> },
          { title: t('fields.collection'), dataIndex: 'collectionState', render: (v: string | null) => v ?? '—' },
          { title: t('fields.anomaly'), dataIndex: 'anomalyKind', render: (v: string | null) => (v ? <Tag color="warning">{v}</Tag> : '—') },
          { title: t('fields.actions'), key: 'actions', render: (_v, r) => collectButton(r) },
        ]}
        renderCard={(r) => (
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Flex justify="space-between" align="center" gap="small" wrap>
              {sessionLink(r)}
              <Tag>{t(`buckets.${r.bucket}`)}</Tag>
            </Flex>
            <Flex justify="space-between" align="center" gap="small" wrap>
              <Typography.Text strong>
                <Money fen={r.totalFen} />
              </Typography.Text>
              <Typography.Text type="secondary">{r.deviceCode}</Typography.Text>
            </Flex>
            <Flex justify="space-between" align="center" gap="small" wrap>
              <Typography.Text type="secondary">
                <Time value={owedSince(r)} />
              </Typography.Text>
              {collectButton(r)}
            </Flex>
          </Space>
        )}
      />
      <CollectReceivable receivable={collecting} onClose={() => setCollecting(null)} />
    </>
  );
}
