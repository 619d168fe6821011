import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n';

const COLOURS: Record<string, string> = { OPEN: 'error', IN_PROGRESS: 'processing', RESOLVED: 'success', CLOSED: 'default' };

/** A ticket's state: one colour per state. */
export function TicketState({ state }: { state: string }) {
  const { t } = useTranslation(NS);
  return (
    <Tag color={COLOURS[state] ?? 'default'} data-state={state}>
      {t(`states.${state}`)}
    </Tag>
  );
}
