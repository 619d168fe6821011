import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { Problem } from '@/components/problem';
import { Time } from '@/components/time';
import { useRegisterComplaintNotificationUrl } from '../api/account-actions';
import { MERCHANT_ACCOUNTS_NS } from '../i18n';
import type { MerchantAccount } from './model';

const STATE_COLOR: Record<MerchantAccount['complaintNotification']['state'], string> = {
  REGISTERED: 'success',
  PENDING: 'default',
  FAILED: 'error',
  UNAVAILABLE: 'warning',
};

/**
 * Whether WeChat sends this account's consumer complaints to the platform: registered (the URL and when), not yet,
 * failed (WeChat's error; retried by the platform) or impossible (why); and the button that registers it now.
 */
export function ComplaintNotificationCard({ account }: { account: MerchantAccount }) {
  const { t } = useTranslation(MERCHANT_ACCOUNTS_NS);
  const register = useRegisterComplaintNotificationUrl(account.id);
  const n = account.complaintNotification;
  const canRegister = account.status === 'ACTIVE' && n.state !== 'UNAVAILABLE';
  return (
    <Card
      size="small"
      title={t('complaintNotification.card')}
      data-testid="complaint-notification"
      extra={
        <Tag color={STATE_COLOR[n.state]} data-complaint-notification={n.state}>
          {t(`complaintNotification.state.${n.state}`)}
        </Tag>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Descriptions size="small" column={1}>
          {n.url ? (
            <Descriptions.Item label={t('complaintNotification.url')}>
              <Typography.Text copyable>{n.url}</Typography.Text>
            </Descriptions.Item>
          ) : null}
          {n.registeredAt ? (
            <Descriptions.Item label={t('complaintNotification.registeredAt')}>
              <Time value={n.registeredAt} />
            </Descriptions.Item>
          ) : null}
          {n.lastError ? (
            <Descriptions.Item label={t('complaintNotification.lastError')}>
              <Typography.Text type="danger" data-testid="complaint-notification-error">
                {n.lastError}
              </Typography.Text>
            </Descriptions.Item>
          ) : null}
          {n.lastError && n.lastAttemptAt ? (
            <Descriptions.Item label={t('complaintNotification.lastAttemptAt')}>
              <Time value={n.lastAttemptAt} />
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {n.state === 'PENDING' ? <Typography.Text type="secondary">{t('complaintNotification.pendingHelp')}</Typography.Text> : null}
        {n.state === 'FAILED' ? <Typography.Text type="secondary">{t('complaintNotification.failedHelp')}</Typography.Text> : null}
        {n.unavailableReason ? <Typography.Text type="warning">{t(`complaintNotification.reason.${n.unavailableReason}`)}</Typography.Text> : null}
        {register.error ? <Problem error={register.error} /> : null}
        {canRegister ? (
          <Can permission="merchantAccounts.write">
            <Button
              loading={register.isPending}
              disabled={register.isPending}
              // the account is read again on success and shows the registration; a refusal is shown above
              onClick={() => register.mutate({ params: { path: { id: account.id } } })}
            >
              {t('complaintNotification.register')}
            </Button>
          </Can>
        ) : null}
      </Space>
    </Card>
  );
}
