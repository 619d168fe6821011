import { Form, Input, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { $api } from '@/lib/api';
import { dayIn } from '@/lib/format';
import { ApiProblem, toProblem } from '@/lib/problem';
import type { Run } from '../api/reconciliations';
import { runReconciliation, useReconciliationChanged } from '../api/mutations';
import { NS } from '../i18n';

/** Yesterday in Asia/Shanghai (`YYYY-MM-DD`): the newest day whose bills WeChat may have (from 10:00 Beijing). */
export function yesterdayInShanghai(now: Date = new Date()): string {
  return dayIn(new Date(now.getTime() - 24 * 3600_000), 'Asia/Shanghai');
}

/** The API's codes that belong to one field of this dialog: shown under that field, in words. */
const FIELD_OF_CODE: Record<string, 'merchantAccountId' | 'billDate'> = {
  MERCHANT_ACCOUNT_NOT_FOUND: 'merchantAccountId',
  RECONCILIATION_BILL_DATE_INVALID: 'billDate',
};

interface Values {
  merchantAccountId: string;
  billDate: string;
}

/** "Run now": a merchant account and a bill date (a Beijing calendar day before today); answers the new or existing run. */
export function RunDialog({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (run: Run) => void }) {
  const { t } = useTranslation(NS);
  const { t: te } = useTranslation('errors');
  const accounts = useQuery({ ...$api.queryOptions('get', '/v1/merchant-accounts'), enabled: open });
  const changed = useReconciliationChanged();
  const yesterday = yesterdayInShanghai();
  const first = accounts.data?.[0]?.id;
  return (
    <ConfirmAction<Values, Run>
      open={open}
      onClose={onClose}
      title={t('run.title')}
      reason="none"
      okText={t('run.ok')}
      consequences={<span data-testid="run-consequences">{t('run.consequences')}</span>}
      initialValues={{ billDate: yesterday, ...(first && accounts.data?.length === 1 ? { merchantAccountId: first } : {}) }}
      onConfirm={async (values) => {
        try {
          return await runReconciliation({ merchantAccountId: values.merchantAccountId, billDate: values.billDate });
        } catch (error) {
          // a refusal that names a field lands on it (the problem is shown below as well)
          const problem = toProblem(error);
          const field = FIELD_OF_CODE[problem.code];
          if (field) throw new ApiProblem({ ...problem, errors: [...problem.errors, { field, messages: [te(problem.code)] }] });
          throw error;
        }
      }}
      onDone={(run) => {
        void changed(run.id);
        onDone(run);
      }}
    >
      <Form.Item name="merchantAccountId" label={t('fields.merchantAccount')} rules={[{ required: true, message: t('run.accountRequired') }]}>
        <Select
          loading={accounts.isLoading}
          placeholder={t('run.accountPlaceholder')}
          options={(accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.mchid})` }))}
          data-testid="run-account"
        />
      </Form.Item>
      <Form.Item
        name="billDate"
        label={t('fields.billDate')}
        extra={t('run.billDateHint')}
        rules={[
          { required: true, message: t('run.billDateRequired') },
          { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('run.billDateFormat') },
          { validator: async (_rule, value: string | undefined) => (value && value > yesterday ? Promise.reject(new Error(t('run.billDateFuture'))) : Promise.resolve()) },
        ]}
      >
        <Input type="date" max={yesterday} data-testid="run-bill-date" />
      </Form.Item>
    </ConfirmAction>
  );
}
