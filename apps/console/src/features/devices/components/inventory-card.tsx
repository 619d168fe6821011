import { Card, Descriptions, Empty, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Problem } from '@/components/problem';
import { StateTag } from '@/components/state-tag';
import { inventoryQuery } from '../api/power-banks';
import { DEVICES_NS } from '../i18n';

/** A power-bank cabinet's slots (bank and charge, or free) and the banks rented from it still out. */
export function InventoryCard({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation(DEVICES_NS);
  const inventory = useQuery(inventoryQuery(deviceId));
  const inv = inventory.data;
  const out = (inv?.powerBanks ?? []).filter((b) => b.state === 'RENTED');
  return (
    <Card title={t('inventory.title')} size="small" data-testid="inventory" extra={<Link to="/power-banks">{t('inventory.allBanks')}</Link>}>
      {inventory.error ? <Problem error={inventory.error} onRetry={() => void inventory.refetch()} /> : null}
      {inv ? (
        <>
          {!inv.reported ? <Typography.Paragraph type="secondary">{t('inventory.notReported')}</Typography.Paragraph> : null}
          <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
            <Descriptions.Item label={t('inventory.banks')}>
              <span data-testid="inventory-banks">{inv.banks}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('inventory.charged', { percent: inv.chargedPercent })}>
              <span data-testid="inventory-charged">{inv.chargedBanks}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('inventory.free')}>
              <span data-testid="inventory-free">{inv.freeSlots ?? '—'}</span>
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="slot"
            pagination={false}
            dataSource={inv.slots}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('common:list.empty')} /> }}
            columns={[
              { key: 'slot', title: t('inventory.slot'), dataIndex: 'slot' },
              { key: 'bank', title: t('banks.bankId'), render: (_, s) => (s.bankId ? <Typography.Text code>{s.bankId}</Typography.Text> : <Tag>{t('inventory.freeSlot')}</Tag>) },
              {
                key: 'charge',
                title: t('banks.charge'),
                render: (_, s) => (s.bankId ? <Tag color={s.charged ? 'success' : 'warning'}>{s.chargePercent === null ? t('banks.chargeUnknown') : `${s.chargePercent}%`}</Tag> : '—'),
              },
            ]}
          />
          {out.length > 0 ? (
            <Typography.Paragraph style={{ marginTop: 8 }}>
              {t('inventory.out')}{' '}
              {out.map((b) => (
                <span key={b.id} style={{ marginRight: 8 }}>
                  <Typography.Text code>{b.bankId}</Typography.Text> <StateTag state={b.state} />
                </span>
              ))}
            </Typography.Paragraph>
          ) : null}
        </>
      ) : inventory.isLoading ? (
        <Card loading variant="borderless" />
      ) : null}
    </Card>
  );
}
