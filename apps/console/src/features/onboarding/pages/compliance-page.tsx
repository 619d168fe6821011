import { Alert, Card, Descriptions, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Problem } from '@/components/problem';
import { Time } from '@/components/time';
import { formatFen } from '@/lib/format';
import { complianceQuery, type Compliance } from '../api/onboarding';
import { NS } from '../i18n';

type Service = Compliance['services'][number];

/** `/onboarding/$accountId/compliance`: each service id with its scenario, mode, cap and devices; refused scans; complaint rate. */
export function CompliancePage({ accountId }: { accountId: string }) {
  const { t } = useTranslation(NS);
  const compliance = useQuery(complianceQuery(accountId));
  if (compliance.error) return <Problem error={compliance.error} onRetry={() => void compliance.refetch()} />;
  if (!compliance.data) return <Spin />;
  const { services, complaintRate } = compliance.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="compliance-page">
      <Alert type="info" showIcon title={t('compliance.intro')} />
      <Card size="small" title={t('compliance.complaintRate')} data-testid="complaint-rate">
        {complaintRate.rate === null ? (
          <Typography.Text type="secondary">{t('compliance.noPaidOrders')}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={0}>
            <Space size="small">
              <Typography.Text strong style={{ fontSize: 20 }} type={complaintRate.aboveThreshold ? 'danger' : undefined} data-testid="complaint-rate-value">
                {(complaintRate.rate * 100).toFixed(4)}%
              </Typography.Text>
              {complaintRate.aboveThreshold ? (
                <Tag color="error" data-testid="complaint-rate-above">
                  {t('compliance.aboveThreshold')}
                </Tag>
              ) : (
                <Tag color="success" data-testid="complaint-rate-within">
                  {t('compliance.withinThreshold')}
                </Tag>
              )}
            </Space>
            <Typography.Text type="secondary">{t('compliance.rateOf', { complaints: complaintRate.complaints, paidOrders: complaintRate.paidOrders })}</Typography.Text>
          </Space>
        )}
        {complaintRate.thresholdPercent === null ? null : (
          <div data-testid="complaint-rate-threshold">
            <Typography.Text type="secondary">
              {t('compliance.threshold', { threshold: complaintRate.thresholdPercent })}
              {complaintRate.alertEnabled ? null : ` · ${t('compliance.alertOff')}`}
            </Typography.Text>
          </div>
        )}
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {complaintRate.formula}
          </Typography.Text>
        </div>
      </Card>
      {services.length === 0 ? <Empty description={t('compliance.noServices')} /> : null}
      {services.map((s) => (
        <ServiceCard key={s.serviceId} service={s} />
      ))}
    </Space>
  );
}

function ServiceCard({ service }: { service: Service }) {
  const { t } = useTranslation(NS);
  return (
    <Card
      size="small"
      data-testid={`service-${service.serviceId}`}
      title={
        <Space wrap size="small">
          <span>{service.name}</span>
          {service.disabledAt ? <Tag>{t('compliance.disabled')}</Tag> : null}
          {service.scenariosUnmixed ? <Tag color="success">{t('compliance.unmixed')}</Tag> : <Tag color="error">{t('compliance.mixed')}</Tag>}
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 4 }}
          items={[
            { key: 'serviceId', label: t('compliance.serviceId'), children: <Typography.Text copyable style={{ wordBreak: 'break-all' }}>{service.serviceId}</Typography.Text> },
            { key: 'scenario', label: t('compliance.scenario'), children: t(`scenarios.${service.scenario}`) },
            { key: 'mode', label: t('compliance.mode'), children: t(`modes.${service.mode}`) },
            { key: 'riskCap', label: t('compliance.riskCap'), children: formatFen(service.riskCapFen) },
          ]}
        />
        <Table
          size="small"
          pagination={false}
          rowKey="code"
          scroll={{ x: true }}
          dataSource={service.devices}
          locale={{ emptyText: t('compliance.noDevices') }}
          title={() => t('compliance.devices', { count: service.devices.length })}
          columns={[
            { title: t('compliance.device'), dataIndex: 'code' },
            { title: t('compliance.deviceType'), dataIndex: 'type', render: (v: string) => t(`deviceTypes.${v}`, { defaultValue: v }) },
            { title: t('compliance.deviceScenario'), dataIndex: 'scenario', render: (v: string) => t(`scenarios.${v}`, { defaultValue: v }) },
            {
              title: t('compliance.fits'),
              dataIndex: 'fits',
              render: (fits: boolean) => (fits ? <Tag color="success">{t('compliance.fit')}</Tag> : <Tag color="error">{t('compliance.unfit')}</Tag>),
            },
          ]}
        />
        <Table
          size="small"
          pagination={false}
          rowKey={(r) => `${r.refusedAt}|${r.deviceCode}|${r.openid}`}
          scroll={{ x: true }}
          dataSource={service.refusals}
          locale={{ emptyText: t('compliance.noRefusals') }}
          title={() => t('compliance.refusals', { count: service.refusals.length })}
          data-testid={`refusals-${service.serviceId}`}
          columns={[
            { title: t('compliance.refusedAt'), dataIndex: 'refusedAt', render: (v: string) => <Time value={v} /> },
            { title: t('compliance.device'), dataIndex: 'deviceCode' },
            { title: t('compliance.deviceType'), dataIndex: 'deviceType', render: (v: string) => t(`deviceTypes.${v}`, { defaultValue: v }) },
            { title: t('compliance.who'), key: 'who', render: (_v, r) => <Typography.Text style={{ wordBreak: 'break-all' }}>{`${r.appid} / ${r.openid}`}</Typography.Text> },
          ]}
        />
      </Space>
    </Card>
  );
}
