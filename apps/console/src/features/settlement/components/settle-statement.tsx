import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { formatFen } from '@/lib/format';
import type { StatementDetail } from '../api/get-statement';
import { settleStatement, type SettlementMethod, useStatementSettled } from '../api/settle-statement';
import { NS } from '../i18n';

interface Values {
  method: SettlementMethod;
  reference?: string;
  note?: string;
  /** datetime-local, read as Asia/Shanghai wall-clock time */
  settledAt?: string;
}

/**
 * Settled without a payout: a CLOSED statement a payout cannot settle — a reseller customer's fees, a franchise
 * statement with nothing or less than nothing owed to the franchisee (a franchisee that collects itself owes its brand
 * too) — is recorded as settled by the party owed.
 */
export function canSettleWithoutPayout(statement: Pick<StatementDetail, 'status' | 'kind' | 'payableFen'>): boolean {
  return statement.status === 'CLOSED' && (statement.kind === 'RESELLER' || statement.payableFen <= 0);
}

/** A `datetime-local` value (Shanghai wall-clock time) as the ISO date-time the API takes. */
export function shanghaiDateTime(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}+08:00`;
}

/** What the settlement body is, from the form: reference and note trimmed, empty ones left out. */
export function settlementBody(values: Values): { method: SettlementMethod; reference?: string; note?: string; settledAt?: string } {
  const reference = values.reference?.trim();
  const note = values.note?.trim();
  return {
    method: values.method,
    ...(reference ? { reference } : {}),
    ...(note ? { note } : {}),
    ...(values.settledAt ? { settledAt: shanghaiDateTime(values.settledAt) } : {}),
  };
}

export function SettleStatement({ statement, organizationName, open, onClose }: { statement: StatementDetail; organizationName: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const settled = useStatementSettled();
  const amount = formatFen(Math.abs(statement.payableFen));
  const who =
    statement.kind === 'RESELLER'
      ? t('settle.customerOwes', { amount })
      : statement.payableFen < 0
        ? t('settle.franchiseeOwes', { amount })
        : statement.payableFen > 0
          ? t('settle.brandOwes', { amount })
          : t('settle.nothingOwed');
  return (
    <ConfirmAction<Values, unknown>
      open={open}
      onClose={onClose}
      title={t('settle.title')}
      reason="none"
      okText={t('settle.ok')}
      initialValues={{ method: 'OFFLINE_BANK' }}
      consequences={
        <div data-testid="settle-consequences">
          <div>{t('settle.what', { organization: organizationName, from: statement.periodStart, to: statement.periodEnd })}</div>
          <div>{who}</div>
          <div>{t('settle.noMoneyMoves')}</div>
        </div>
      }
      onConfirm={(values, key) => settleStatement(statement.id, settlementBody(values), key)}
      onDone={() => void settled(statement.id)}
    >
      <Form.Item name="method" label={t('settle.method')}>
        <Radio.Group
          options={(['OFFLINE_BANK', 'OFFSET', 'OTHER'] as const).map((m) => ({ value: m, label: t(`settle.methods.${m}`) }))}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['method']}>
        {({ getFieldValue }) => (
          <Form.Item
            name="reference"
            label={t('settle.reference')}
            rules={getFieldValue('method') === 'OFFLINE_BANK' ? [{ required: true, whitespace: true, message: t('settle.referenceRequired') }] : []}
          >
            <Input maxLength={100} />
          </Form.Item>
        )}
      </Form.Item>
      <Form.Item name="note" label={t('settle.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="settledAt" label={t('settle.settledAt')} extra={t('settle.settledAtHelp')}>
        <Input type="datetime-local" />
      </Form.Item>
    </ConfirmAction>
  );
}
