import { Card, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ListPage } from '@/components/list-page';
import { belowParQuery, type BelowParFridge } from '../api/stock';
import { STOCK_NS } from '../i18n';

function Lines({ row }: { row: BelowParFridge }) {
  const { t } = useTranslation(STOCK_NS);
  return (
    <Space wrap size={[4, 4]}>
      {row.lines.map((l) => (
        <Tag key={l.sku} color={l.low ? 'red' : 'orange'}>
          {t('overview.line', { name: l.name || l.sku, onHand: l.onHand, par: l.parLevel, toFill: l.toFill })}
        </Tag>
      ))}
    </Space>
  );
}

/** /stock: the fridges below par the caller may see, for the morning restock run (most low SKUs first). */
export function StockOverviewPage() {
  const { t } = useTranslation(STOCK_NS);
  const below = useQuery(belowParQuery());
  const code = (row: BelowParFridge) => (
    <Link to="/devices/$deviceId" params={{ deviceId: row.deviceId }}>
      <Typography.Text code>{row.deviceCode}</Typography.Text>
    </Link>
  );
  return (
    <ListPage<BelowParFridge>
      testId="stock-overview"
      title={t('overview.title')}
      subtitle={t('overview.subtitle')}
      rows={below.data?.items}
      rowKey="deviceId"
      loading={below.isLoading}
      error={below.error}
      onRetry={() => void below.refetch()}
      columns={[
        { key: 'code', title: t('fields.device'), render: (_, r) => code(r) },
        { key: 'name', title: t('fields.deviceName'), render: (_, r) => r.deviceName ?? '—' },
        { key: 'site', title: t('fields.site'), dataIndex: 'siteName' },
        { key: 'org', title: t('fields.organization'), dataIndex: 'organizationName' },
        { key: 'low', title: t('fields.lowSkus'), render: (_, r) => (r.lowSkus > 0 ? <Tag color="red">{r.lowSkus}</Tag> : '0') },
        { key: 'toFill', title: t('fields.toFill'), dataIndex: 'toFill' },
        { key: 'lines', title: t('fields.lines'), render: (_, r) => <Lines row={r} /> },
      ]}
      renderCard={(r) => (
        <Card size="small" title={code(r)}>
          <Space orientation="vertical">
            <Typography.Text>{`${r.siteName} · ${r.organizationName}`}</Typography.Text>
            <Typography.Text>{t('overview.toFill', { count: r.toFill })}</Typography.Text>
            <Lines row={r} />
          </Space>
        </Card>
      )}
    />
  );
}
