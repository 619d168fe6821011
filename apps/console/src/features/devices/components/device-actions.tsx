import { useState } from 'react';
import { Alert, Button, Form, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@zizhu/api-client';
import { ConfirmAction } from '@/components/confirm-action';
import { formatFen } from '@/lib/format';
import { payscoreServicesQuery } from '../api/devices';
import { useBindPayscore, useRevokeSecret, useRotateSecret, useSendCommand, type SendCommand } from '../api/mutations';
import { DEVICES_NS } from '../i18n';

type CommandType = SendCommand['type'];

/** Which commands each kind of device takes (the API refuses the others with 422). */
export const COMMANDS_BY_TYPE: Record<string, readonly CommandType[]> = {
  FRIDGE: ['UNLOCK', 'REBOOT'],
  POWERBANK_CABINET: ['EJECT', 'UNLOCK', 'REBOOT'],
  EV_CHARGER: ['START_CHARGING', 'STOP_CHARGING', 'REBOOT'],
  WATER_VALVE: ['OPEN_VALVE', 'CLOSE_VALVE', 'REBOOT'],
};

interface CommandValues {
  type: CommandType;
  slot?: number;
  connector?: number;
  ttlSeconds?: number;
}

export function SendCommandButton({ deviceId, deviceType }: { deviceId: string; deviceType: string }) {
  const { t } = useTranslation(DEVICES_NS);
  const [open, setOpen] = useState(false);
  const send = useSendCommand(deviceId);
  const types = COMMANDS_BY_TYPE[deviceType] ?? ['REBOOT'];
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('detail.sendCommand')}
      </Button>
      <ConfirmAction<CommandValues, unknown>
        open={open}
        onClose={() => setOpen(false)}
        title={t('commandDialog.title')}
        consequences={t('commandDialog.consequences')}
        reason="none"
        initialValues={{ ttlSeconds: 60 }}
        onConfirm={(values) => {
          const params: Record<string, unknown> = {};
          if (values.slot !== undefined && values.slot !== null) params['slot'] = values.slot;
          if (values.connector !== undefined && values.connector !== null) params['connector'] = values.connector;
          return send.mutateAsync({ type: values.type, params, ttlSeconds: values.ttlSeconds ?? 60 });
        }}
      >
        <Form.Item name="type" label={t('commandDialog.type')} rules={[{ required: true, message: t('commandDialog.typeRequired') }]}>
          <Select options={types.map((type) => ({ value: type, label: type }))} />
        </Form.Item>
        {deviceType === 'POWERBANK_CABINET' ? (
          <Form.Item name="slot" label={t('commandDialog.slot')}>
            <InputNumber min={1} max={200} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {deviceType === 'EV_CHARGER' ? (
          <Form.Item name="connector" label={t('commandDialog.connector')}>
            <InputNumber min={1} max={16} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        <Form.Item name="ttlSeconds" label={t('commandDialog.ttl')}>
          <InputNumber min={1} max={86_400} style={{ width: '100%' }} />
        </Form.Item>
      </ConfirmAction>
    </>
  );
}

/** The new secret, shown this once, with a copy button and a warning. */
function SecretOnce({ secret, onClose }: { secret: Schemas['SecretDto'] | null; onClose: () => void }) {
  const { t } = useTranslation(DEVICES_NS);
  return (
    <Modal open={secret !== null} title={t('secretDialog.newSecret')} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText={t('common:actions.close')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('secretDialog.once')} />
        {secret ? (
          <>
            <Typography.Text type="secondary">{t('secretDialog.version', { version: secret.secretVersion })}</Typography.Text>
            <Typography.Paragraph code copyable={{ text: secret.secret, tooltips: [t('common:actions.copy'), t('secretDialog.copied')] }} data-testid="new-secret">
              {secret.secret}
            </Typography.Paragraph>
          </>
        ) : null}
      </Space>
    </Modal>
  );
}

export function SecretButtons({ deviceId, revoked }: { deviceId: string; revoked: boolean }) {
  const { t } = useTranslation(DEVICES_NS);
  const [dialog, setDialog] = useState<'rotate' | 'revoke' | null>(null);
  const [secret, setSecret] = useState<Schemas['SecretDto'] | null>(null);
  const rotate = useRotateSecret(deviceId);
  const revoke = useRevokeSecret(deviceId);
  return (
    <Space wrap>
      <Button onClick={() => setDialog('rotate')}>{t('detail.rotate')}</Button>
      <Button danger disabled={revoked} onClick={() => setDialog('revoke')}>
        {t('detail.revoke')}
      </Button>
      <ConfirmAction<object, Schemas['SecretDto']>
        open={dialog === 'rotate'}
        onClose={() => setDialog(null)}
        title={t('secretDialog.rotateTitle')}
        consequences={t('secretDialog.rotateConsequences')}
        reason="none"
        danger
        onConfirm={() => rotate.mutateAsync()}
        onDone={(result) => setSecret(result)}
      />
      <ConfirmAction<object, unknown>
        open={dialog === 'revoke'}
        onClose={() => setDialog(null)}
        title={t('secretDialog.revokeTitle')}
        consequences={t('secretDialog.revokeConsequences')}
        reason="none"
        danger
        onConfirm={() => revoke.mutateAsync()}
      />
      <SecretOnce secret={secret} onClose={() => setSecret(null)} />
    </Space>
  );
}

/** Binds the device to a Pay Score service; the API's refusal (scenario, risk cap) is shown in its words. */
export function BindPayscoreButton({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation(DEVICES_NS);
  const [open, setOpen] = useState(false);
  const services = useQuery({ ...payscoreServicesQuery(), enabled: open });
  const bind = useBindPayscore(deviceId);
  const [bound, setBound] = useState<Schemas['DevicePayscoreBindingDto'] | null>(null);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('detail.bind')}</Button>
      {bound ? <Typography.Text type="success">{t('payscoreDialog.bound', { amount: formatFen(bound.riskFundFen) })}</Typography.Text> : null}
      <ConfirmAction<{ serviceId: string }, Schemas['DevicePayscoreBindingDto']>
        open={open}
        onClose={() => setOpen(false)}
        title={t('payscoreDialog.title')}
        consequences={t('payscoreDialog.consequences')}
        reason="none"
        onConfirm={(values) => bind.mutateAsync(values.serviceId)}
        onDone={setBound}
      >
        <Form.Item name="serviceId" label={t('payscoreDialog.service')} rules={[{ required: true, message: t('payscoreDialog.serviceRequired') }]}>
          <Select
            loading={services.isLoading}
            options={(services.data ?? [])
              .filter((s) => !s.disabledAt)
              .map((s) => ({ value: s.serviceId, label: `${s.name} · ${s.scenario} · ${t('payscoreDialog.riskCap', { amount: formatFen(s.riskCapFen) })}` }))}
          />
        </Form.Item>
      </ConfirmAction>
    </>
  );
}
