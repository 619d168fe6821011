import { Space, Tag, Tooltip, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Time } from '@/components/time';
import { deadlineOf, type DeadlineUrgency } from '../deadline';
import { NS } from '../i18n';
import type { ComplaintSummary } from '../types';

const STATE_COLOURS: Record<string, string> = { PENDING: 'warning', PROCESSING: 'processing', PROCESSED: 'success' };
const URGENCY_COLOURS: Record<DeadlineUrgency, string | undefined> = { overdue: 'error', soon: 'warning', later: undefined, done: undefined };

/** A complaint's state as WeChat answers it (待处理 / 处理中 / 已处理). */
export function ComplaintStateTag({ state }: { state: string }) {
  const { t } = useTranslation(NS);
  return (
    <Tag color={STATE_COLOURS[state] ?? 'default'} data-state={state}>
      {t(`states.${state}`)}
    </Tag>
  );
}

/** A deadline as relative time ("in 3 hours", "2 hours ago"), the instant in the user's zone on hover; overdue red, soon orange. */
export function DeadlineText({ dueAt, done, now = Date.now() }: { dueAt: string; done: boolean; now?: number }) {
  const { t, i18n } = useTranslation(NS);
  const d = deadlineOf(dueAt, now, done);
  const relative = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'always' }).format(d.value, d.unit);
  const colour = URGENCY_COLOURS[d.urgency];
  return (
    <Tooltip title={<Time value={dueAt} seconds={false} />}>
      <Space size={4} data-urgency={d.urgency}>
        {colour ? <Tag color={colour}>{t(`deadline.${d.urgency}`)}</Tag> : null}
        <Typography.Text type={d.urgency === 'done' ? 'secondary' : undefined} delete={d.urgency === 'done'}>
          {relative}
        </Typography.Text>
      </Space>
    </Tooltip>
  );
}

/** The two deadlines of a complaint: reply (done once replied) and completion (done once processed). */
export function Deadlines({ complaint }: { complaint: ComplaintSummary }) {
  const { t } = useTranslation(NS);
  const processed = complaint.state === 'PROCESSED';
  return (
    <Space orientation="vertical" size={0}>
      <span>
        <Typography.Text type="secondary">{t('fields.replyDue')}: </Typography.Text>
        <DeadlineText dueAt={complaint.replyDueAt} done={processed || complaint.repliedAt !== null} />
      </span>
      <span>
        <Typography.Text type="secondary">{t('fields.completeDue')}: </Typography.Text>
        <DeadlineText dueAt={complaint.completeDueAt} done={processed} />
      </span>
    </Space>
  );
}

/** The user wrote again since the last answer. */
export function UserResponded({ complaint }: { complaint: ComplaintSummary }) {
  const { t } = useTranslation(NS);
  return complaint.incomingUserResponse ? (
    <Tag color="magenta" data-testid="user-responded">
      {t('userResponded')}
    </Tag>
  ) : null;
}

/** The complained order's number, linked to its session — or said plainly that it matches none. */
export function OrderLink({ complaint }: { complaint: Pick<ComplaintSummary, 'outOrderNo' | 'sessionId'> }) {
  const { t } = useTranslation(NS);
  const text = <Typography.Text code>{complaint.outOrderNo ?? '—'}</Typography.Text>;
  if (complaint.sessionId) return <Link to="/sessions/$sessionId" params={{ sessionId: complaint.sessionId }}>{text}</Link>;
  return (
    <Space size={4} wrap>
      {complaint.outOrderNo ? text : null}
      <Typography.Text type="secondary" data-testid="no-session">
        {t('noSession')}
      </Typography.Text>
    </Space>
  );
}
