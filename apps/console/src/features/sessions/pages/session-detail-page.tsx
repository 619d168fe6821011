import type { ReactNode } from 'react';
import { Alert, Descriptions, Flex, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useCanGoBack, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Problem } from '@/components/problem';
import { StateTag } from '@/components/state-tag';
import { Money, Time } from '@/components/time';
import { RUNNING_REFRESH_MS, sessionQuery } from '../api/get-session';
import { HeldRefunds } from '../components/held-refund';
import { SessionActions } from '../components/session-actions';
import { ActionsTable, AttemptsTable, QuoteTable, Section, SessionTimeline, UsageDescriptions, WechatLinesTable } from '../components/session-sections';
import { NS } from '../i18n';

/** One session: what happened when, what it cost and why, what WeChat was told, and what an operator can do. */
export function SessionDetailPage({ sessionId, complaints }: { sessionId: string; /** The complaints on it, when the route composes them in. */ complaints?: ReactNode }) {
  const { t } = useTranslation(NS);
  const { data: session, error, refetch, isLoading } = useQuery(sessionQuery(sessionId));
  const router = useRouter();
  const canGoBack = useCanGoBack();
  // back to the list as it was filtered when there is one behind this page
  const back = (
    <Link
      to="/sessions"
      onClick={(event) => {
        if (!canGoBack) return;
        event.preventDefault();
        router.history.back();
      }}
    >
      {t('detail.back')}
    </Link>
  );
  if (isLoading) return <Skeleton active />;
  if (error || !session)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {back}
        <Problem error={error} onRetry={() => void refetch()} />
      </Space>
    );
  const running = session.state === 'IN_USE' && session.runningFen !== null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="session-detail">
      {back}
      <Flex justify="space-between" align="center" wrap gap="small">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('detail.title', { device: session.deviceCode })} <StateTag state={session.state} />
          </Typography.Title>
          <Typography.Text type="secondary" copyable={{ text: session.outOrderNo }}>
            {t('detail.outOrderNo', { outOrderNo: session.outOrderNo })}
          </Typography.Text>
        </div>
        <SessionActions session={session} />
      </Flex>
      <HeldRefunds session={session} />
      {session.anomaly ? <Alert type="warning" showIcon title={t('detail.anomaly', { kind: session.anomalyKind ?? '' })} description={session.anomaly} /> : null}
      {running ? (
        <Section title={t('detail.running')} extra={<Typography.Text type="secondary">{t('detail.autoRefresh', { seconds: RUNNING_REFRESH_MS / 1000 })}</Typography.Text>}>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="running-fen">
            <Money fen={session.runningFen} />
          </Typography.Title>
          <QuoteTable quote={session.runningQuote} />
        </Section>
      ) : null}
      <Section title={t('detail.summary')}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('fields.id')}>
            <Typography.Text copyable>{session.id}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.vertical')}>{t(`vertical.${session.deviceType}`)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.device')}>
            {session.deviceCode}
            {session.slot !== null ? t('fields.slot', { slot: session.slot }) : ''}
            {session.connector !== null ? t('fields.connector', { connector: session.connector }) : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.created')}>
            <Time value={session.times['createdAt']} />
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.total')}>
            <Money fen={session.totalFen} />
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.paid')}>
            <Money fen={session.paidFen} />
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.refunded')}>
            <Money fen={session.refundedFen} />
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.refundable')}>
            <Money fen={session.refundableFen} />
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.riskFund')}>
            <Money fen={session.riskFundFen} />
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.orderState')}>{session.orderState ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('fields.collectionState')}>{session.collectionState ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('fields.planVersion')}>{session.planVersion}</Descriptions.Item>
          <Descriptions.Item label={t('fields.endSource')}>{session.endSource ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('fields.cancelReason')}>{session.cancelReason ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('fields.serviceId')}>{session.serviceId}</Descriptions.Item>
        </Descriptions>
      </Section>
      <Section title={t('detail.timeline')}>
        <SessionTimeline times={session.times} />
      </Section>
      <Section title={t('detail.usage')}>
        <UsageDescriptions usage={session.usage} meterReading={session.meterReading} />
      </Section>
      <Section title={t('detail.quote')}>
        <QuoteTable quote={session.quote} />
      </Section>
      <Section title={t('detail.wechatLines')}>
        <WechatLinesTable lines={session.lines} />
      </Section>
      <Section title={t('detail.refunds')}>
        <ActionsTable actions={session.refunds} testId="session-refunds" />
      </Section>
      <Section title={t('detail.actions')}>
        <ActionsTable actions={session.actions} testId="session-actions" />
      </Section>
      {complaints ? <Section title={t('detail.complaints')}>{complaints}</Section> : null}
      <Section title={t('detail.attempts')}>
        <AttemptsTable attempts={session.attempts} />
      </Section>
    </Space>
  );
}
