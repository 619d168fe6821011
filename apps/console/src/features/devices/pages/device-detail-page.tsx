import { type ReactNode, useCallback, useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Flex, Row, Segmented, Space, Table, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Problem } from '@/components/problem';
import { QrCode } from '@/components/qr-code';
import { StateTag } from '@/components/state-tag';
import { Time } from '@/components/time';
import { formatTime } from '@/lib/format';
import { useCan } from '@/lib/me';
import { usePreferences } from '@/lib/preferences';
import { commandsQuery, deviceQuery, telemetryQuery, type DeviceDetail } from '../api/devices';
import { BindPayscoreButton, SecretButtons, SendCommandButton } from '../components/device-actions';
import { InventoryCard } from '../components/inventory-card';
import { TelemetryChart } from '../components/telemetry-chart';
import { DEVICES_NS } from '../i18n';

const RANGES = { '1h': 1, '24h': 24, '7d': 168 } as const;
type Range = keyof typeof RANGES;

/**
 * /devices/$deviceId: one device's health, its commands, its plan (read-only), binding, secret and QR code.
 * `extra`: what other features add for this device (the route composes them: a fridge's stock section).
 * `tickets`: the device's maintenance tickets, composed by the route from the maintenance feature.
 */
export function DeviceDetailPage({ deviceId, extra, tickets }: { deviceId: string; extra?: (device: DeviceDetail) => ReactNode; tickets?: ReactNode }) {
  const { t } = useTranslation(DEVICES_NS);
  const device = useQuery(deviceQuery(deviceId));
  const mayWrite = useCan('devices.write');
  const canPlans = useCan('plans.read');
  const { timeZone } = usePreferences();
  const formatAt = useCallback((iso: string) => formatTime(iso, timeZone, false), [timeZone]);
  const [range, setRange] = useState<Range>('24h');
  const [now, setNow] = useState(() => Date.now());
  const telemetry = useQuery(telemetryQuery(deviceId, RANGES[range], now));
  const [commandPage, setCommandPage] = useState(1);
  const commands = useQuery(commandsQuery(deviceId, commandPage));

  if (device.error) return <Problem error={device.error} onRetry={() => void device.refetch()} />;
  const d = device.data;
  if (!d) return <Card loading />;
  // a reseller may write its own inventory but only watches its customers' devices: the API says which
  const canWrite = mayWrite && d.operable;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap="small">
        <Space wrap>
          <Link to="/devices" aria-label={t('detail.back')}>
            <ArrowLeftOutlined />
          </Link>
          <Typography.Title level={3} style={{ margin: 0 }}>
            <Typography.Text code>{d.code}</Typography.Text>
          </Typography.Title>
          <StateTag state={d.status} />
        </Space>
        {canWrite ? (
          <Space wrap>
            <SendCommandButton deviceId={d.id} deviceType={d.type} />
          </Space>
        ) : null}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={t('detail.basics')} size="small">
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('detail.name')}>{d.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('list.type')}>{t(`type.${d.type}`)}</Descriptions.Item>
              <Descriptions.Item label={t('list.site')}>{`${d.site.name} · ${d.site.city}`}</Descriptions.Item>
              <Descriptions.Item label={t('list.lastHeartbeat')}>
                <Time value={d.lastSeenAt} />
              </Descriptions.Item>
              <Descriptions.Item label={t('detail.firmware')}>{d.firmware ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('detail.heartbeatInterval')}>{t('detail.seconds', { count: d.heartbeatIntervalSeconds })}</Descriptions.Item>
              <Descriptions.Item label={t('detail.plan')}>
                {d.plan ? (
                  <Space wrap>
                    <span>{`${d.plan.name} · v${d.plan.version}`}</span>
                    {canPlans ? <Link to="/plans">{t('detail.openPlans')}</Link> : null}
                  </Space>
                ) : d.planId ? (
                  <Typography.Text type="secondary">{t('detail.planHidden')}</Typography.Text>
                ) : (
                  <Typography.Text type="secondary">{t('list.noPlan')}</Typography.Text>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('detail.payscore')}>
                <Space wrap>
                  <span>{d.payscoreServiceId ?? t('detail.payscoreNone')}</span>
                  {canWrite ? <BindPayscoreButton deviceId={d.id} /> : null}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('detail.secretVersion')}>
                <Space wrap>
                  <span>{d.secretVersion}</span>
                  {d.revokedAt ? (
                    <>
                      <StateTag state="REVOKED" />
                      <Time value={d.revokedAt} />
                    </>
                  ) : null}
                </Space>
              </Descriptions.Item>
            </Descriptions>
            {d.plan ? <Typography.Paragraph type="secondary">{t('detail.planReadOnly')}</Typography.Paragraph> : null}
            {canWrite ? (
              <Space orientation="vertical">
                <Typography.Text strong>{t('detail.secret')}</Typography.Text>
                <SecretButtons deviceId={d.id} revoked={d.revokedAt !== null} />
              </Space>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('detail.qr')} size="small">
            <Space orientation="vertical" align="center" style={{ width: '100%' }}>
              <QrCode value={d.qrUrl} label={`${t('detail.qr')} ${d.code}`} size={180} />
              <Typography.Text code>{d.code}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                {d.qrUrl}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('detail.qrHelp')}
              </Typography.Text>
              <Space wrap>
                <Link to="/sites/$siteId/qr" params={{ siteId: d.siteId }} search={{ code: d.code }}>
                  <Button icon={<PrinterOutlined />}>{t('detail.print')}</Button>
                </Link>
                <Link to="/sites/$siteId/qr" params={{ siteId: d.siteId }} search={{}}>
                  {t('detail.siteSheet')}
                </Link>
              </Space>
            </Space>
          </Card>
        </Col>
      </Row>
      {d.type === 'POWERBANK_CABINET' ? <InventoryCard deviceId={d.id} /> : null}
      {extra?.(d)}
      <Card
        title={t('detail.telemetry')}
        size="small"
        extra={
          <Segmented<Range>
            aria-label={t('detail.telemetryRange')}
            value={range}
            onChange={(value) => {
              setRange(value);
              setNow(Date.now());
            }}
            options={(Object.keys(RANGES) as Range[]).map((key) => ({ value: key, label: t(`detail.range.${key}`) }))}
          />
        }
      >
        {telemetry.error ? <Problem error={telemetry.error} onRetry={() => void telemetry.refetch()} /> : null}
        {telemetry.data && telemetry.data.points.length > 0 ? (
          <>
            <TelemetryChart series={telemetry.data} label={t('detail.telemetryChart')} formatAt={formatAt} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('detail.bucket', { seconds: telemetry.data.bucketSeconds })}
            </Typography.Text>
          </>
        ) : telemetry.isLoading ? (
          <Card loading variant="borderless" />
        ) : (
          <Empty description={t('detail.telemetryEmpty')} />
        )}
      </Card>
      <Card title={t('detail.commands')} size="small">
        {commands.error ? <Problem error={commands.error} onRetry={() => void commands.refetch()} /> : null}
        <Table
          size="small"
          rowKey="id"
          loading={commands.isLoading}
          dataSource={commands.data?.items}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('common:list.empty')} /> }}
          pagination={{ current: commandPage, pageSize: 10, total: commands.data?.total ?? 0, onChange: setCommandPage, showSizeChanger: false }}
          columns={[
            { key: 'type', title: t('detail.command'), dataIndex: 'type' },
            { key: 'state', title: t('detail.commandState'), render: (_, c) => <StateTag state={c.state} /> },
            { key: 'createdAt', title: t('detail.createdAt'), render: (_, c) => <Time value={c.createdAt} /> },
            { key: 'ack', title: t('detail.ackDetail'), render: (_, c) => c.ackDetail ?? c.ackResult ?? '—' },
          ]}
        />
      </Card>
      {tickets}
    </Space>
  );
}
