import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// One colour per state, everywhere.
const COLOURS: Record<string, string> = {
  CREATED: 'default',
  CONFIRMED: 'processing',
  IN_USE: 'blue',
  ENDED: 'cyan',
  COMPLETING: 'geekblue',
  PAID: 'success',
  UNPAID: 'warning',
  CANCELLED: 'default',
  REVOKED: 'default',
  EXPIRED: 'default',
  FAILED: 'error',
  QUEUED: 'default',
  DELIVERED: 'processing',
  SUCCEEDED: 'success',
  ONLINE: 'success',
  OFFLINE: 'default',
  FAULTED: 'error',
  ACTIVE: 'success',
  DISABLED: 'default',
  PENDING: 'processing',
  PROCESSING: 'processing',
  SUCCESS: 'success',
  ABNORMAL: 'error',
  HELD: 'error',
  CLOSED: 'default',
  AWAITING_CONFIRMATION: 'default',
  STARTING: 'processing',
  AWAITING_PAYMENT: 'warning',
  CURRENT: 'blue',
  SUPERSEDED: 'default',
  ABANDONED: 'default',
  OPEN: 'processing',
  SETTLED: 'success',
  REQUESTED: 'default',
  FINISHED: 'success',
  TODO: 'default',
  IN_PROGRESS: 'processing',
  SUBMITTED: 'cyan',
  DONE: 'success',
  BLOCKED: 'warning',
  IN_SLOT: 'success',
  RENTED: 'blue',
  LOST: 'error',
  BOUGHT_OUT: 'warning',
};

export function StateTag({ state }: { state: string | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!state) return <span>—</span>;
  const label = i18n.exists(`common:state.${state}`) ? t(`state.${state}`) : state;
  return (
    <Tag color={COLOURS[state] ?? 'default'} data-state={state}>
      {label}
    </Tag>
  );
}
