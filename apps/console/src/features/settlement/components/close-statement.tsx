import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { formatFen } from '@/lib/format';
import type { StatementDetail } from '../api/get-statement';
import { closeStatement, useStatementClosed } from '../api/close-statement';
import { NS } from '../i18n';

/**
 * Closing a statement, asked first with its consequences: the lines and totals are fixed for good, what is
 * learnt later (a refund) lands in a later period as an adjustment, and what changes hands.
 */
export function CloseStatement({ statement, organizationName, open, onClose }: { statement: StatementDetail; organizationName: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const changed = useStatementClosed();
  const amount = formatFen(statement.payableFen);
  return (
    <ConfirmAction<object, StatementDetail>
      open={open}
      onClose={onClose}
      title={t('close.title')}
      danger
      reason="none"
      okText={t('close.ok')}
      consequences={
        <div data-testid="close-consequences">
          <div>{t('close.fixes', { organization: organizationName, from: statement.periodStart, to: statement.periodEnd })}</div>
          <div>{t('close.later')}</div>
          <div>
            {statement.kind === 'FRANCHISE'
              ? statement.payableFen >= 0
                ? t('close.brandOwes', { amount })
                : t('close.franchiseeOwes', { amount: formatFen(-statement.payableFen) })
              : t('close.customerOwes', { amount })}
          </div>
          <div>{t('close.noMoneyMoves')}</div>
        </div>
      }
      onConfirm={(_values, key) => closeStatement(statement.id, key)}
      onDone={() => void changed(statement.id)}
    />
  );
}
