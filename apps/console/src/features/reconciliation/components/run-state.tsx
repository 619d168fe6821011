import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../api/reconciliations';
import { NS } from '../i18n';

const COLOURS: Record<RunSummary['state'], string> = { RUNNING: 'processing', DONE: 'success', NO_BILL: 'default', BILL_NOT_READY: 'warning', FAILED: 'error' };

/** A run's state as the API reports it, one colour per state, and why when it did not finish (the error code). */
export function RunState({ run }: { run: Pick<RunSummary, 'state' | 'errorCode'> }) {
  const { t } = useTranslation(NS);
  return (
    <span>
      <Tag color={COLOURS[run.state]} data-state={run.state}>
        {t(`states.${run.state}`)}
      </Tag>
      {run.state === 'FAILED' && run.errorCode ? (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {run.errorCode}
        </Typography.Text>
      ) : null}
    </span>
  );
}
