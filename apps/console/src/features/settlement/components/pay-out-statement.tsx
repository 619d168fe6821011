import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { formatFen } from '@/lib/format';
import type { StatementDetail } from '../api/get-statement';
import type { Payout } from '../api/get-payouts';
import { createPayout, usePayoutChanged, type PayoutMethod } from '../api/payout-actions';
import { NS } from '../i18n';

interface Values {
  method: PayoutMethod;
  reference?: string;
  paidOn?: string;
}

/**
 * Paying out a CLOSED franchise statement, asked first with its consequences: by WeChat merchant transfer (the
 * franchisee may have to confirm receipt in WeChat; the statement is settled when WeChat says SUCCESS), or a bank
 * payout the brand already made, recorded with its reference (settled at once).
 */
export function PayOutStatement({ statement, organizationName, open, onClose }: { statement: StatementDetail; organizationName: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const changed = usePayoutChanged();
  const amount = formatFen(statement.payableFen);
  return (
    <ConfirmAction<Values, Payout>
      open={open}
      onClose={onClose}
      title={t('payout.title')}
      reason="none"
      okText={t('payout.ok')}
      initialValues={{ method: 'WECHAT_TRANSFER' }}
      consequences={
        <div data-testid="payout-consequences">
          <div>{t('payout.what', { amount, organization: organizationName, from: statement.periodStart, to: statement.periodEnd })}</div>
          <div>{t('payout.wechat')}</div>
          <div>{t('payout.bank')}</div>
          <div>{t('payout.once')}</div>
        </div>
      }
      onConfirm={(values, key) =>
        createPayout(
          {
            statementId: statement.id,
            method: values.method,
            ...(values.method === 'OFFLINE_BANK' && values.reference ? { reference: values.reference.trim() } : {}),
            ...(values.method === 'OFFLINE_BANK' && values.paidOn ? { paidOn: values.paidOn } : {}),
          },
          key,
        )
      }
      onDone={() => void changed(statement.id)}
    >
      <Form.Item name="method" label={t('payouts.method')}>
        <Radio.Group
          options={[
            { value: 'WECHAT_TRANSFER', label: t('payouts.methods.WECHAT_TRANSFER') },
            { value: 'OFFLINE_BANK', label: t('payouts.methods.OFFLINE_BANK') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['method']}>
        {({ getFieldValue }) =>
          getFieldValue('method') === 'OFFLINE_BANK' ? (
            <>
              <Form.Item name="reference" label={t('payout.reference')} rules={[{ required: true, whitespace: true, message: t('payout.referenceRequired') }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="paidOn" label={t('payout.paidOn')}>
                <Input type="date" />
              </Form.Item>
            </>
          ) : null
        }
      </Form.Item>
    </ConfirmAction>
  );
}
