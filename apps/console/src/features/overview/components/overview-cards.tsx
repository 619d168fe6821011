import type { MouseEvent, ReactNode } from 'react';
import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@zizhu/api-client';
import { StateTag } from '@/components/state-tag';
import { formatFen } from '@/lib/format';
import { OVERVIEW_NS } from '../i18n';
import { ComplaintRateCard } from './complaint-rate-card';
import { overviewLinks } from './overview-links';

export type Overview = Schemas['OverviewDto'];

const SESSION_STATES = ['AWAITING_CONFIRMATION', 'STARTING', 'IN_USE', 'AWAITING_PAYMENT', 'PAID', 'CANCELLED'] as const;

/** A figure that is also a link to the list it counts. */
function Stat({ label, value, href, onNavigate, testId }: { label: ReactNode; value: ReactNode; href: string; onNavigate?: (href: string) => void; testId: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!onNavigate || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onNavigate(href);
  };
  return (
    <a href={href} onClick={follow} data-testid={testId} style={{ display: 'block', color: 'inherit' }}>
      <Statistic title={label} value={value as string} />
    </a>
  );
}

/**
 * The overview's figures, each a link to its filtered list. A hardware reseller (`scope: FLEET_ONLY`)
 * gets fleet health only: the money and session cards are not rendered at all.
 */
export function OverviewCards({ overview, organizationId, onNavigate }: { overview: Overview; organizationId?: string; onNavigate?: (href: string) => void }) {
  const { t } = useTranslation(OVERVIEW_NS);
  const links = overviewLinks(organizationId);
  const { devices, revenue, sessionsByState, receivables, openAnomalies } = overview;
  const nav = onNavigate ? { onNavigate } : {};
  return (
    <Row gutter={[16, 16]}>
      {overview.scope === 'FLEET_ONLY' ? (
        <Col span={24}>
          <Alert type="info" showIcon title={t('fleetOnly')} />
        </Col>
      ) : null}
      {revenue ? (
        <Col xs={24} lg={12}>
          <Card title={t('revenue.title')} size="small">
            <Row gutter={16}>
              {(
                [
                  ['today', revenue.todayFen],
                  ['last7Days', revenue.last7DaysFen],
                  ['last30Days', revenue.last30DaysFen],
                ] as const
              ).map(([key, fen]) => (
                <Col xs={24} sm={8} key={key}>
                  <Stat label={t(`revenue.${key}`)} value={formatFen(fen)} href={links.paidSessions()} testId={`revenue-${key}`} {...nav} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      ) : null}
      <Col xs={24} lg={12}>
        <Card title={t('devices.title')} size="small" extra={<Typography.Text type="secondary">{t('devices.total', { count: devices.total })}</Typography.Text>}>
          <Row gutter={16}>
            {(['online', 'offline', 'faulted'] as const).map((status) => (
              <Col xs={8} key={status}>
                <Stat label={t(`devices.${status}`)} value={devices[status]} href={links.devices(status)} testId={`devices-${status}`} {...nav} />
              </Col>
            ))}
          </Row>
        </Card>
      </Col>
      {sessionsByState ? (
        <Col xs={24} lg={12}>
          <Card title={t('sessions.title')} size="small">
            <Row gutter={[16, 8]}>
              {SESSION_STATES.map((state) => (
                <Col xs={12} sm={8} key={state}>
                  <Stat label={<StateTag state={state} />} value={sessionsByState[state]} href={links.sessions(state)} testId={`sessions-${state}`} {...nav} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      ) : null}
      {overview.complaintRates && overview.complaintRates.byLegalEntity.length > 0 ? (
        <Col xs={24} lg={12}>
          <ComplaintRateCard rates={overview.complaintRates} />
        </Col>
      ) : null}
      {receivables && openAnomalies !== null ? (
        <Col xs={24} lg={12}>
          <Card size="small">
            <Row gutter={16}>
              <Col xs={12}>
                <Stat label={t('receivables.title')} value={formatFen(receivables.owedFen)} href={links.receivables()} testId="receivables" {...nav} />
                <Typography.Text type="secondary">{t('receivables.count', { count: receivables.count })}</Typography.Text>
              </Col>
              <Col xs={12}>
                <Stat label={t('anomalies')} value={openAnomalies} href={links.anomalies()} testId="anomalies" {...nav} />
              </Col>
            </Row>
          </Card>
        </Col>
      ) : null}
    </Row>
  );
}
