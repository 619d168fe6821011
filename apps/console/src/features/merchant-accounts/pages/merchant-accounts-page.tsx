import { useState } from 'react';
import { Button, Modal, Space, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { ListPage } from '@/components/list-page';
import { StateTag } from '@/components/state-tag';
import { Time } from '@/components/time';
import { useCreateMerchantAccount } from '../api/create-account';
import { merchantAccountsQuery } from '../api/get-accounts';
import { AccountDrawer } from '../components/account-drawer';
import { CredentialsForm } from '../components/credentials-form';
import type { MerchantAccount } from '../components/model';
import { ValidationTag } from '../components/validation-tag';
import { MERCHANT_ACCOUNTS_NS } from '../i18n';

/** `/merchant-accounts`: each mchid, its appids, state and last validation; details and actions in a drawer. */
export function MerchantAccountsPage({ accountId, onOpen }: { accountId?: string; onOpen: (id: string | undefined) => void }) {
  const { t } = useTranslation(MERCHANT_ACCOUNTS_NS);
  const accounts = useQuery(merchantAccountsQuery());
  const create = useCreateMerchantAccount();
  const [adding, setAdding] = useState(false);
  const mchid = (account: MerchantAccount) => (
    <Typography.Link strong onClick={() => onOpen(account.id)} data-testid={`account-${account.mchid}`}>
      {account.mchid}
    </Typography.Link>
  );
  const appids = (account: MerchantAccount) => (
    <Space size={4} wrap>
      {account.appids.map((a) => (
        <Tag key={a}>{a}</Tag>
      ))}
    </Space>
  );
  const columns: TableProps<MerchantAccount>['columns'] = [
    { key: 'mchid', title: t('fields.mchid'), render: (_, a) => mchid(a) },
    { key: 'name', title: t('fields.name'), dataIndex: 'name' },
    { key: 'appids', title: t('fields.appids'), render: (_, a) => appids(a) },
    { key: 'status', title: t('fields.status'), render: (_, a) => <StateTag state={a.status} /> },
    { key: 'validation', title: t('fields.validation'), render: (_, a) => <ValidationTag result={a.validationResult} /> },
    { key: 'validatedAt', title: t('fields.validatedAt'), render: (_, a) => <Time value={a.validatedAt} seconds={false} /> },
    { key: 'services', title: t('fields.services'), render: (_, a) => a.services.length },
  ];
  return (
    <>
      <ListPage<MerchantAccount>
        testId="merchant-accounts"
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <Can permission="merchantAccounts.write">
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('account.add')}
            </Button>
          </Can>
        }
        columns={columns}
        rows={accounts.data}
        rowKey="id"
        loading={accounts.isLoading}
        error={accounts.error}
        onRetry={() => void accounts.refetch()}
        renderCard={(a) => (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap>
              {mchid(a)}
              <StateTag state={a.status} />
              <ValidationTag result={a.validationResult} />
            </Space>
            <Typography.Text>{a.name}</Typography.Text>
            {appids(a)}
            <Typography.Text type="secondary">{t('card.services', { count: a.services.length })}</Typography.Text>
          </Space>
        )}
      />
      <AccountDrawer id={accountId} onClose={() => onOpen(undefined)} />
      <Modal
        open={adding}
        onCancel={() => {
          setAdding(false);
          create.reset();
        }}
        title={t('account.add')}
        footer={null}
        destroyOnHidden
      >
        <CredentialsForm
          account
          pending={create.isPending}
          error={create.error ?? undefined}
          onSubmit={async (body, account) => {
            const created = await create.mutateAsync({ body: { ...body, name: account?.name ?? '', mchid: account?.mchid ?? '', appids: account?.appids ?? [] } });
            setAdding(false);
            onOpen(created.id);
          }}
        />
      </Modal>
    </>
  );
}
