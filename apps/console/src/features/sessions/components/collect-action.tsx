import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { formatFen } from '@/lib/format';
import type { SessionDetail } from '../api/get-session';
import { collectSession, useSessionChanged } from '../api/session-actions';
import { NS } from '../i18n';

/** Ask WeChat to try the debit of an unpaid order again now (催收). */
export function CollectAction({ session, open, onClose }: { session: SessionDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const changed = useSessionChanged();
  return (
    <ConfirmAction
      open={open}
      onClose={onClose}
      reason="none"
      title={t('collect.title', { outOrderNo: session.outOrderNo })}
      okText={t('collect.ok')}
      consequences={t('collect.consequences', { total: formatFen(session.totalFen) })}
      onConfirm={(_values, key) => collectSession(session.id, key)}
      onDone={() => void changed(session.id)}
    />
  );
}
