import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { formatFen, parseYuan } from '@/lib/format';
import type { SessionDetail } from '../api/get-session';
import { refundSession, useSessionChanged } from '../api/session-actions';
import { NS } from '../i18n';
import { yuanRule, yuanText } from '../money';

interface RefundValues {
  amountYuan: string;
}

/** Refund part or all of a paid session: WeChat sends the money back to where the user paid from. */
export function RefundAction({ session, open, onClose }: { session: SessionDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const changed = useSessionChanged();
  const refundable = session.refundableFen ?? 0;
  return (
    <ConfirmAction<RefundValues>
      open={open}
      onClose={onClose}
      danger
      title={t('refund.title', { outOrderNo: session.outOrderNo })}
      okText={t('refund.ok')}
      consequences={t('refund.consequences', {
        paid: formatFen(session.paidFen),
        refunded: formatFen(session.refundedFen),
        refundable: formatFen(refundable),
      })}
      initialValues={{ amountYuan: yuanText(refundable) }}
      onConfirm={(values, key) => refundSession(session.id, { amountFen: parseYuan(values.amountYuan) ?? 0, reason: values.reason ?? '' }, key)}
      onDone={() => void changed(session.id)}
    >
      <Form.Item
        name="amountYuan"
        label={t('refund.amount')}
        extra={t('refund.amountHint', { refundable: formatFen(refundable) })}
        rules={[
          { required: true, message: t('amount.required') },
          yuanRule({ invalid: t('amount.invalid'), range: t('refund.range', { refundable: formatFen(refundable) }) }, 1, refundable),
        ]}
      >
        <Input inputMode="decimal" prefix="¥" autoComplete="off" />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) => {
          const fen = parseYuan(String(getFieldValue('amountYuan') ?? ''));
          if (fen === null || fen < 1 || fen > refundable) return null;
          return (
            <Typography.Paragraph data-testid="refund-summary">
              {fen === refundable ? t('refund.summaryFull', { amount: formatFen(fen) }) : t('refund.summaryPart', { amount: formatFen(fen), left: formatFen(refundable - fen) })}
            </Typography.Paragraph>
          );
        }}
      </Form.Item>
    </ConfirmAction>
  );
}
