import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { ConfirmAction } from '@/components/confirm-action';
import { Problem } from '@/components/problem';
import { Time } from '@/components/time';
import { toProblem } from '@/lib/problem';
import { maskOpenid, payeeQuery, setPayee, usePayeeChanged, type Payee, type PayeeChange } from '../api/payout-payee';
import { NS } from '../i18n';

interface Values {
  openid: string;
  appid?: string;
  realName?: string;
  clearRealName?: boolean;
}

/** What goes to the API: a blank name keeps the stored one (omitted), "clear" sends null; the appid only when given. */
export function payeeChange(values: Values): PayeeChange {
  const realName = values.realName?.trim();
  const appid = values.appid?.trim();
  return {
    openid: values.openid.trim(),
    ...(appid ? { appid } : {}),
    ...(values.clearRealName ? { realName: null } : realName ? { realName } : {}),
  };
}

/** Setting a franchisee's WeChat transfer payee: the openid (under the brand's appid) and the real name, which is write-only. */
export function PayeeDialog({ organizationId, organizationName, current, open, onClose }: { organizationId: string; organizationName: string; current: Payee | undefined; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const changed = usePayeeChanged();
  return (
    <ConfirmAction<Values, Payee>
      open={open}
      onClose={onClose}
      title={t('payee.dialogTitle', { organization: organizationName })}
      reason="none"
      okText={t('payee.save')}
      consequences={
        <div data-testid="payee-consequences">
          <div>{t('payee.what', { organization: organizationName })}</div>
          <div>{t('payee.nameRule')}</div>
        </div>
      }
      initialValues={current ? { openid: current.openid, appid: current.appid } : {}}
      onConfirm={(values) => setPayee(organizationId, payeeChange(values))}
      onDone={() => void changed(organizationId)}
    >
      <Form.Item name="openid" label={t('payee.openid')} extra={t('payee.openidHint')} rules={[{ required: true, whitespace: true, message: t('payee.openidRequired') }, { max: 128 }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="appid" label={t('payee.appid')} extra={t('payee.appidHint')} rules={[{ pattern: /^[A-Za-z0-9_]{1,32}$/, message: t('payee.appidFormat') }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="realName" label={t('payee.realName')} extra={current?.realNameSet ? t('payee.realNameKeep') : t('payee.realNameHint')} rules={[{ max: 50 }]}>
        <Input autoComplete="off" placeholder={current?.realNameSet ? t('payee.realNameStored') : ''} />
      </Form.Item>
      {current?.realNameSet ? (
        <Form.Item name="clearRealName" valuePropName="checked">
          <Checkbox>{t('payee.clearRealName')}</Checkbox>
        </Form.Item>
      ) : null}
    </ConfirmAction>
  );
}

/** A franchisee's payout payee as stored (the openid masked, whether a real name is on file), and "set payee". */
export function PayeePanel({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const { t } = useTranslation(NS);
  const payee = useQuery(payeeQuery(organizationId));
  const [editing, setEditing] = useState(false);
  const missing = payee.error ? toProblem(payee.error).code === 'PAYOUT_PAYEE_MISSING' : false;
  return (
    <Card
      size="small"
      title={t('payee.title')}
      data-testid="payee-panel"
      extra={
        <Can permission="profitSharing.write">
          <Button size="small" icon={<UserOutlined />} onClick={() => setEditing(true)} data-testid="payee-edit">
            {payee.data ? t('payee.change') : t('payee.set')}
          </Button>
        </Can>
      }
    >
      {payee.isLoading ? <Typography.Text type="secondary">…</Typography.Text> : null}
      {missing ? <Alert type="warning" showIcon title={t('payee.none')} data-testid="payee-none" /> : null}
      {payee.error && !missing ? <Problem error={payee.error} onRetry={() => void payee.refetch()} /> : null}
      {payee.data ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('payee.openid')}>
            <span data-testid="payee-openid">{maskOpenid(payee.data.openid)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('payee.appid')}>{payee.data.appid}</Descriptions.Item>
          <Descriptions.Item label={t('payee.realName')}>
            {payee.data.realNameSet ? <Typography.Text data-testid="payee-name-set">{t('payee.realNameOnFile')}</Typography.Text> : <Typography.Text type="warning">{t('payee.realNameMissing')}</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={t('payee.updatedAt')}>
            <Time value={payee.data.updatedAt} />
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        {t('payee.nameRule')}
      </Typography.Paragraph>
      <PayeeDialog organizationId={organizationId} organizationName={organizationName} current={payee.data} open={editing} onClose={() => setEditing(false)} />
    </Card>
  );
}
