import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Modal, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { ConfirmAction } from '@/components/confirm-action';
import { DetailDrawer } from '@/components/detail-drawer';
import { Problem } from '@/components/problem';
import { StateTag } from '@/components/state-tag';
import { Money, Time } from '@/components/time';
import { useDisableMerchantAccount } from '../api/account-actions';
import { merchantAccountQuery } from '../api/get-accounts';
import { useReplaceCredentials } from '../api/replace-credentials';
import { MERCHANT_ACCOUNTS_NS } from '../i18n';
import { AddServiceDialog } from './add-service-dialog';
import { ComplaintNotificationCard } from './complaint-notification-card';
import { CredentialsForm } from './credentials-form';
import { TransferSceneDialog } from './transfer-scene-dialog';
import type { MerchantAccount, PayscoreService } from './model';
import { ValidationTag } from './validation-tag';

/** One account beside the list: what is configured (never what it is), its services, and what may be done. */
export function AccountDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation(MERCHANT_ACCOUNTS_NS);
  const account = useQuery({ ...merchantAccountQuery(id ?? ''), enabled: Boolean(id) });
  const data = account.data;
  return (
    <DetailDrawer open={Boolean(id)} onClose={onClose} title={data ? <span data-testid="drawer-mchid">{data.mchid}</span> : t('detail.title')}>
      {account.error ? <Problem error={account.error} onRetry={() => void account.refetch()} /> : null}
      {data ? <AccountDetail account={data} /> : account.isLoading ? <Card loading /> : null}
    </DetailDrawer>
  );
}

function AccountDetail({ account }: { account: MerchantAccount }) {
  const { t } = useTranslation(MERCHANT_ACCOUNTS_NS);
  const [open, setOpen] = useState<'credentials' | 'service' | 'disable' | 'scene' | null>(null);
  const replace = useReplaceCredentials(account.id);
  const disable = useDisableMerchantAccount(account.id);
  const configured = (yes: boolean) => <Tag color={yes ? 'success' : 'default'}>{t(yes ? 'detail.configured' : 'detail.missing')}</Tag>;
  const active = account.status === 'ACTIVE';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('fields.mchid')}>{account.mchid}</Descriptions.Item>
        <Descriptions.Item label={t('fields.name')}>{account.name}</Descriptions.Item>
        <Descriptions.Item label={t('fields.appids')}>
          <Space wrap>{account.appids.map((a) => <Tag key={a}>{a}</Tag>)}</Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.status')}>
          <StateTag state={account.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.validation')}>
          <Space wrap>
            <ValidationTag result={account.validationResult} />
            {account.validatedAt ? <Time value={account.validatedAt} /> : null}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('credentials.serialNo')}>{account.serialNo}</Descriptions.Item>
        <Descriptions.Item label={t('detail.privateKey')}>{configured(account.hasPrivateKey)}</Descriptions.Item>
        <Descriptions.Item label={t('credentials.apiV3Key')}>{configured(account.hasApiV3Key)}</Descriptions.Item>
        <Descriptions.Item label={t('credentials.apiV2Key')}>{configured(account.hasApiV2Key)}</Descriptions.Item>
        <Descriptions.Item label={t('credentials.platformPublicKeyId')}>{account.platformPublicKeyId ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('detail.platformCertificates')}>{account.platformCertificateSerials.join(', ') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('detail.credentialsVersion')}>{account.credentialsVersion}</Descriptions.Item>
        <Descriptions.Item label={t('detail.updatedAt')}>
          <Time value={account.updatedAt} />
        </Descriptions.Item>
      </Descriptions>
      {active ? (
        <Can permission="merchantAccounts.write">
          <Space wrap>
            <Button onClick={() => setOpen('credentials')}>{t('credentials.title')}</Button>
            <Button type="primary" onClick={() => setOpen('service')}>
              {t('services.add')}
            </Button>
            <Button danger onClick={() => setOpen('disable')}>
              {t('disable.open')}
            </Button>
          </Space>
        </Can>
      ) : null}
      <Card
        size="small"
        title={t('transferScene.card')}
        data-testid="transfer-scene"
        extra={
          active ? (
            <Can permission="merchantAccounts.write">
              <Button size="small" onClick={() => setOpen('scene')}>
                {t('transferScene.edit')}
              </Button>
            </Can>
          ) : null
        }
      >
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('transferScene.sceneId')}>
            <Space wrap>
              {account.transferScene.sceneId}
              {account.transferScene.isDefault ? <Tag>{t('transferScene.default')}</Tag> : null}
            </Space>
          </Descriptions.Item>
          {account.transferScene.reportInfos.map((r) => (
            <Descriptions.Item key={r.infoType} label={r.infoType}>
              {r.infoContent}
            </Descriptions.Item>
          ))}
        </Descriptions>
        {account.transferScene.isDefault ? <Typography.Text type="secondary">{t('transferScene.defaultHelp')}</Typography.Text> : null}
      </Card>
      <ComplaintNotificationCard account={account} />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('services.title')}
      </Typography.Title>
      {account.services.length ? account.services.map((s) => <ServiceCard key={s.id} service={s} />) : <Empty description={t('services.none')} />}
      <Modal open={open === 'credentials'} onCancel={() => setOpen(null)} title={t('credentials.title')} footer={null} destroyOnHidden>
        <CredentialsForm
          pending={replace.isPending}
          error={replace.error ?? undefined}
          onSubmit={(body) => replace.mutateAsync({ params: { path: { id: account.id } }, body })}
        />
      </Modal>
      <TransferSceneDialog open={open === 'scene'} onClose={() => setOpen(null)} account={account} />
      <AddServiceDialog open={open === 'service'} onClose={() => setOpen(null)} account={account} />
      <ConfirmAction
        open={open === 'disable'}
        onClose={() => setOpen(null)}
        danger
        reason="none"
        title={t('disable.title', { mchid: account.mchid })}
        consequences={t('disable.consequences', { mchid: account.mchid, count: account.services.length })}
        okText={t('disable.submit')}
        onConfirm={() => disable.mutateAsync({ params: { path: { id: account.id } } })}
      />
    </Space>
  );
}

function ServiceCard({ service }: { service: PayscoreService }) {
  const { t } = useTranslation(MERCHANT_ACCOUNTS_NS);
  return (
    <Card size="small" title={service.name} extra={<StateTag state={service.disabledAt ? 'DISABLED' : 'ACTIVE'} />} data-testid={`service-${service.serviceId}`}>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('services.serviceId')}>
          <Typography.Text copyable>{service.serviceId}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('services.scenario')}>{t(`scenario.${service.scenario}`)}</Descriptions.Item>
        <Descriptions.Item label={t('services.mode')}>{t(`mode.${service.mode}`)}</Descriptions.Item>
        <Descriptions.Item label={t('services.riskCap')}>
          <Money fen={service.riskCapFen} />
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
