import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { formatFen, parseYuan } from '@/lib/format';
import type { SessionDetail } from '../api/get-session';
import { modifySession, useSessionChanged } from '../api/session-actions';
import { NS } from '../i18n';
import { yuanRule } from '../money';

/** Lower the amount of a completed, unpaid order before WeChat debits it (it can only go down). */
export function ModifyAction({ session, open, onClose }: { session: SessionDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const changed = useSessionChanged();
  const total = session.totalFen ?? 0;
  return (
    <ConfirmAction<{ totalYuan: string }>
      open={open}
      onClose={onClose}
      title={t('modify.title', { outOrderNo: session.outOrderNo })}
      okText={t('modify.ok')}
      consequences={t('modify.consequences', { total: formatFen(total) })}
      onConfirm={(values, key) => modifySession(session.id, { totalFen: parseYuan(values.totalYuan) ?? 0, reason: values.reason ?? '' }, key)}
      onDone={() => void changed(session.id)}
    >
      <Form.Item
        name="totalYuan"
        label={t('modify.amount')}
        extra={t('modify.amountHint', { total: formatFen(total) })}
        rules={[{ required: true, message: t('amount.required') }, yuanRule({ invalid: t('amount.invalid'), range: t('modify.range', { total: formatFen(total) }) }, 0, total - 1)]}
      >
        <Input inputMode="decimal" prefix="¥" autoComplete="off" />
      </Form.Item>
    </ConfirmAction>
  );
}
