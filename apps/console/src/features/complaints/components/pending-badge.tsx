import { Badge } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { pendingCountQuery } from '../api/complaints';
import { NS } from '../i18n';

/** The menu entry's count of complaints still waiting for an answer (PENDING). */
export function PendingComplaintsBadge() {
  const { t } = useTranslation(NS);
  const { data } = useQuery(pendingCountQuery());
  const pending = data ?? 0;
  return pending > 0 ? <Badge count={pending} size="small" overflowCount={99} style={{ marginInlineStart: 6 }} aria-label={t('badge', { count: pending })} data-testid="complaints-badge" /> : null;
}
