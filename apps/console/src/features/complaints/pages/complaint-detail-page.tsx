import { Alert, Card, Descriptions, Flex, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Problem } from '@/components/problem';
import { Money, Time } from '@/components/time';
import { useMe } from '@/lib/me';
import { ACTION_REFRESH_MS, complaintQuery } from '../api/complaints';
import { mayAct } from '../access';
import { ComplaintActions } from '../components/complaint-actions';
import { ComplaintStateTag, Deadlines, OrderLink, UserResponded } from '../components/complaint-bits';
import { ActionsTable, ComplaintImages, NegotiationTimeline, PayerPhone } from '../components/complaint-sections';
import { NS } from '../i18n';

/** One complaint: what the user said and asked for, the negotiation so far, and what the merchant can do. */
export function ComplaintDetailPage({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation(NS);
  const me = useMe();
  const { data: complaint, error, refetch, isLoading } = useQuery(complaintQuery(complaintId));
  const back = <Link to="/complaints">{t('detail.back')}</Link>;
  if (isLoading) return <Skeleton active />;
  if (error || !complaint)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {back}
        <Problem error={error} onRetry={() => void refetch()} />
      </Space>
    );
  const acting = mayAct(me, complaint);
  const pending = complaint.actions.some((a) => a.state === 'PENDING');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="complaint-detail">
      {back}
      <Flex justify="space-between" align="center" wrap gap="small">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('detail.title', { complaintId: complaint.complaintId })} <ComplaintStateTag state={complaint.state} /> <UserResponded complaint={complaint} />
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('fields.complaintTime')}: <Time value={complaint.complaintTime} />
          </Typography.Text>
        </div>
        <ComplaintActions complaint={complaint} />
      </Flex>
      <Card size="small" title={t('detail.complaint')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-text">
          {complaint.detail}
        </Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('fields.problemType')}>{complaint.problemType ? t(`problemTypes.${complaint.problemType}`, { defaultValue: complaint.problemType }) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('fields.applyRefund')}>{complaint.applyRefundFen === null ? '—' : <Money fen={complaint.applyRefundFen} />}</Descriptions.Item>
          <Descriptions.Item label={t('fields.orderAmount')}>
            <Money fen={complaint.orderFen} />
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.order')}>
            <OrderLink complaint={complaint} />
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.transactionId')}>{complaint.transactionId ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('fields.deadlines')}>
            <Deadlines complaint={complaint} />
          </Descriptions.Item>
          {acting ? (
            <Descriptions.Item label={t('fields.payerPhone')}>
              <PayerPhone complaint={complaint} />
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card size="small" title={t('detail.images')}>
        <ComplaintImages complaint={complaint} />
      </Card>
      <Card size="small" title={t('detail.history')}>
        <NegotiationTimeline complaint={complaint} />
      </Card>
      {acting ? (
        <Card size="small" title={t('detail.actions')} extra={pending ? <Typography.Text type="secondary">{t('detail.autoRefresh', { seconds: ACTION_REFRESH_MS / 1000 })}</Typography.Text> : null}>
          {complaint.actions.some((a) => a.state === 'FAILED') ? <Alert type="error" showIcon title={t('detail.actionFailed')} style={{ marginBottom: 12 }} /> : null}
          <ActionsTable actions={complaint.actions} />
        </Card>
      ) : null}
    </Space>
  );
}
