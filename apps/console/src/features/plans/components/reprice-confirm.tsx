import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import '../i18n';

/** What POST /v1/plans/{id}/preview answered (PlanRepricingDto). */
export interface Repricing {
  currentVersion: number;
  nextVersion: number;
  changed: boolean;
  deviceCount: number;
  devices: readonly { id: string; code: string; name: string | null }[];
}

/**
 * Before a new version is published: the devices whose new sessions it reprices, by code, and a confirmation.
 * Running sessions keep their version; the save carries `expectedVersion` so a version published meanwhile refuses it.
 */
export function RepriceConfirm({ open, repricing, saving, onConfirm, onCancel }: { open: boolean; repricing: Repricing | null; saving: boolean; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation('plans');
  if (!repricing) return null;
  return (
    <Modal
      open={open}
      title={t('reprice.title', { version: repricing.nextVersion })}
      okText={t('reprice.confirm')}
      cancelText={t('reprice.cancel')}
      okButtonProps={{ loading: saving, disabled: saving }}
      onOk={onConfirm}
      onCancel={onCancel}
    >
      {!repricing.changed ? <Alert type="info" showIcon title={t('reprice.unchanged')} /> : null}
      <Typography.Paragraph>{t('reprice.summary', { count: repricing.deviceCount, from: repricing.currentVersion, to: repricing.nextVersion })}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('reprice.running')}</Typography.Paragraph>
      <ul aria-label={t('reprice.devices')} style={{ maxHeight: 240, overflowY: 'auto', margin: 0, paddingInlineStart: 20 }}>
        {repricing.devices.map((d) => (
          <li key={d.id}>{d.name ? `${d.code} · ${d.name}` : d.code}</li>
        ))}
      </ul>
      {repricing.deviceCount > repricing.devices.length ? (
        <Typography.Text type="secondary">{t('reprice.more', { count: repricing.deviceCount - repricing.devices.length })}</Typography.Text>
      ) : null}
    </Modal>
  );
}
