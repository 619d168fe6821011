import { Card, Col, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@zizhu/api-client';
import { OVERVIEW_NS } from '../i18n';

type ComplaintRates = Schemas['ComplaintRatesDto'];
type RateRow = Schemas['ComplaintRateRowDto'];

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(4)}%`);

/** One line: a legal entity or one of its merchant accounts, its rate painted red above the threshold the API compared it with. */
function RateLine({ row, label, testId, indent }: { row: RateRow; label: string; testId: string; indent?: boolean }) {
  const { t } = useTranslation(OVERVIEW_NS);
  return (
    <Row gutter={16} align="middle" data-testid={testId} style={indent ? { paddingLeft: 16 } : undefined}>
      <Col xs={24} sm={10}>
        <Typography.Text strong={!indent} type={indent ? 'secondary' : undefined}>
          {label}
        </Typography.Text>
      </Col>
      <Col xs={24} sm={14}>
        <Typography.Text type={row.aboveThreshold ? 'danger' : undefined} strong>
          {percent(row.rate)}
        </Typography.Text>{' '}
        <Typography.Text type="secondary">{t('complaintRate.counts', { complaints: row.complaints, paidOrders: row.paidOrders })}</Typography.Text>
        {row.aboveThreshold ? (
          <Tag color="error" style={{ marginLeft: 8 }}>
            {t('complaintRate.above')}
          </Tag>
        ) : null}
      </Col>
    </Row>
  );
}

/**
 * The rolling complaint rate per legal entity (how WeChat counts: all accounts of one subject) and, under each, per
 * merchant account; each compared with the threshold of the COMPLAINT_RATE alert rule in force for that legal entity
 * (the API says which, and whether the rate is above it in the alert's own arithmetic), with the formula used.
 */
export function ComplaintRateCard({ rates }: { rates: ComplaintRates }) {
  const { t } = useTranslation(OVERVIEW_NS);
  return (
    <Card title={t('complaintRate.title', { days: rates.windowDays })} size="small" data-testid="complaint-rate">
      {rates.byLegalEntity.map((entity) => (
        <div key={entity.id} style={{ marginBottom: 8 }}>
          <RateLine row={entity} label={t('complaintRate.entity', { name: entity.name })} testId={`complaint-rate-entity-${entity.id}`} />
          <Typography.Text type="secondary" data-testid={`complaint-rate-threshold-${entity.id}`}>
            {t('complaintRate.threshold', { threshold: entity.thresholdPercent })}
            {entity.alertEnabled ? null : ` · ${t('complaintRate.alertOff')}`}
          </Typography.Text>
          {rates.byMerchantAccount
            .filter((account) => account.organizationId === entity.id)
            .map((account) => (
              <RateLine key={account.id} row={account} label={t('complaintRate.account', { name: account.name, mchid: account.mchid })} testId={`complaint-rate-account-${account.id}`} indent />
            ))}
        </div>
      ))}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }} title={rates.formula} data-testid="complaint-rate-formula">
        {t('complaintRate.formula', { days: rates.windowDays })}
      </Typography.Paragraph>
    </Card>
  );
}
