import { Button, Card, Empty, Flex, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Problem } from '@/components/problem';
import { PRINT_CSS, QrCode } from '@/components/qr-code';
import { siteDevicesQuery, siteQuery } from '../api/sites';
import { SITES_NS } from '../i18n';

/** A printable sheet of the QR codes of a site's devices (or of one device, `code`). */
export function SiteQrSheetPage({ siteId, code }: { siteId: string; code?: string | undefined }) {
  const { t } = useTranslation(SITES_NS);
  const site = useQuery(siteQuery(siteId));
  const devices = useQuery(siteDevicesQuery(siteId));
  const error = site.error ?? devices.error;
  if (error) return <Problem error={error} onRetry={() => void Promise.all([site.refetch(), devices.refetch()])} />;
  if (!site.data || !devices.data) return <Card loading />;
  const shown = devices.data.items.filter((d) => !code || d.code === code);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <style>{PRINT_CSS}</style>
      <Flex justify="space-between" align="center" wrap gap="small" className="zz-no-print">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('sheetTitle', { site: site.data.name })}
        </Typography.Title>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={shown.length === 0}>
          {t('print')}
        </Button>
      </Flex>
      {shown.length === 0 ? (
        <Empty description={t('sheetEmpty')} />
      ) : (
        <div className="zz-print-area" data-testid="qr-sheet">
          <Flex wrap gap={24}>
            {shown.map((device) => (
              <Flex key={device.id} vertical align="center" gap={4} className="zz-qr-cell" style={{ width: 200, padding: 8, border: '1px dashed #d9d9d9' }}>
                <QrCode value={device.qrUrl} label={device.code} size={180} />
                <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: 16 }}>
                  {device.code}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {site.data.name}
                </Typography.Text>
              </Flex>
            ))}
          </Flex>
        </div>
      )}
    </Space>
  );
}
