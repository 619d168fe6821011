import type { ReactNode } from 'react';
import { Button, Flex, Space, Switch, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@zizhu/api-client';
import { Can } from '@/components/can';
import { ListPage } from '@/components/list-page';
import { ChoiceFilter } from '@/components/choice-filter';
import { Problem } from '@/components/problem';
import { Time } from '@/components/time';
import { acknowledge, alertsQuery, markRead, useAlertsChanged } from '../api/alerts';
import { NS } from '../i18n';
import { KINDS, PAGE_SIZES, STATES, type AlertsSearch } from '../search';

type Alert = Schemas['AlertDto'];

const STATE_COLOURS: Record<string, string> = { OPEN: 'error', ACKNOWLEDGED: 'processing', RESOLVED: 'success' };
const SEVERITY_COLOURS: Record<string, string> = { INFO: 'default', WARNING: 'warning', CRITICAL: 'error' };

/** What the alert is about, by its natural key: a power bank's id, a device's code, an order's out_order_no, else the subject id. */
export function subjectOf(alert: Alert): string {
  const facts = alert.facts as Record<string, unknown>;
  if (alert.subjectType === 'power-bank' && typeof facts['bankId'] === 'string') return facts['bankId'];
  const key = facts['deviceCode'] ?? facts['outOrderNo'] ?? facts['outRefundNo'] ?? alert.subjectId;
  return String(key);
}

/** The subject as text, linked to its page where the console has one (a device, a power bank, a session; a refund's session). */
function Subject({ alert }: { alert: Alert }) {
  const text = <Typography.Text code>{subjectOf(alert)}</Typography.Text>;
  const facts = alert.facts as Record<string, unknown>;
  if (alert.subjectType === 'device') return <Link to="/devices/$deviceId" params={{ deviceId: alert.subjectId }}>{text}</Link>;
  if (alert.subjectType === 'power-bank') return <Link to="/power-banks" search={{ bankId: subjectOf(alert), page: 1, pageSize: 20 }}>{text}</Link>;
  const sessionId = alert.subjectType === 'session' ? alert.subjectId : typeof facts['sessionId'] === 'string' ? facts['sessionId'] : null;
  return sessionId ? <Link to="/sessions/$sessionId" params={{ sessionId }}>{text}</Link> : text;
}

/** One more action on an alert's row, composed by the route (the maintenance feature's "open ticket"). */
export type AlertAction = (alert: Alert) => ReactNode;

export function AlertInbox({ search, onSearchChange, alertAction }: { search: AlertsSearch; onSearchChange: (search: AlertsSearch) => void; alertAction?: AlertAction }) {
  const { t } = useTranslation(NS);
  const query = useQuery(alertsQuery(search));
  const changed = useAlertsChanged();
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'read' | 'acknowledge' }) => (action === 'read' ? markRead(id) : acknowledge(id)),
    onSuccess: () => changed(),
  });
  const pageSize = search.pageSize ?? PAGE_SIZES[0];
  const set = (patch: Partial<AlertsSearch>) => {
    const next: AlertsSearch = { ...search, ...patch, page: undefined };
    onSearchChange(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== false)) as AlertsSearch);
  };
  const stateTag = (a: Alert) => <Tag color={STATE_COLOURS[a.state]} data-state={a.state}>{t(`states.${a.state}`)}</Tag>;
  const kindText = (a: Alert) => (
    <Space size={4} wrap>
      {a.read ? null : <Tag color="red">{t('actions.unread')}</Tag>}
      <Tag color={SEVERITY_COLOURS[a.severity]}>{t(`severity.${a.severity}`)}</Tag>
      <Typography.Text strong={!a.read}>{t(`kinds.${a.kind}`)}</Typography.Text>
    </Space>
  );
  const actions = (a: Alert) => (
    <Space size={4} wrap>
      {a.read ? null : (
        <Button size="small" loading={act.isPending && act.variables?.id === a.id && act.variables.action === 'read'} onClick={() => act.mutate({ id: a.id, action: 'read' })}>
          {t('actions.read')}
        </Button>
      )}
      {a.state === 'OPEN' ? (
        <Can permission="alerts.write">
          <Button size="small" type="primary" loading={act.isPending && act.variables?.id === a.id && act.variables.action === 'acknowledge'} onClick={() => act.mutate({ id: a.id, action: 'acknowledge' })}>
            {t('actions.acknowledge')}
          </Button>
        </Can>
      ) : null}
      {alertAction?.(a)}
    </Space>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {act.error ? <Problem error={act.error} /> : null}
      <ListPage<Alert>
        testId="alerts-inbox"
        title={null}
        filters={
          <Flex gap="small" wrap align="center">
            <ChoiceFilter<NonNullable<AlertsSearch['state']>>
              label={t('filters.state')}
              allText={t('filters.all')}
              minWidth={140}
              value={search.state}
              onChange={(state) => set({ state })}
              options={STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))}
            />
            <ChoiceFilter<NonNullable<AlertsSearch['kind']>>
              label={t('filters.kind')}
              allText={t('filters.all')}
              minWidth={180}
              value={search.kind}
              onChange={(kind) => set({ kind })}
              options={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            />
            <Space size={6}>
              <Switch size="small" aria-label={t('filters.unread')} checked={search.unread === true} onChange={(v) => set({ unread: v || undefined })} />
              <Typography.Text>{t('filters.unread')}</Typography.Text>
            </Space>
          </Flex>
        }
        rows={query.data?.items}
        rowKey="id"
        loading={query.isFetching}
        error={query.error}
        onRetry={() => void query.refetch()}
        filtered={Boolean(search.state || search.kind || search.unread)}
        pagination={{
          page: search.page ?? 1,
          pageSize,
          total: query.data?.total ?? 0,
          onChange: (page, size) => onSearchChange({ ...search, page: size === pageSize ? page : 1, pageSize: size }),
        }}
        columns={[
          { title: t('fields.kind'), key: 'kind', render: (_v, a) => kindText(a) },
          { title: t('fields.subject'), key: 'subject', render: (_v, a) => <Subject alert={a} /> },
          { title: t('fields.organization'), dataIndex: 'organizationName' },
          { title: t('fields.state'), key: 'state', render: (_v, a) => stateTag(a) },
          { title: t('fields.raisedAt'), dataIndex: 'raisedAt', render: (v: string) => <Time value={v} /> },
          { title: t('fields.actions'), key: 'actions', render: (_v, a) => actions(a) },
        ]}
        renderCard={(a) => (
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Flex justify="space-between" align="center" gap="small" wrap>
              <Subject alert={a} />
              {stateTag(a)}
            </Flex>
            {kindText(a)}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.organizationName} · <Time value={a.raisedAt} />
            </Typography.Text>
            {actions(a)}
          </Space>
        )}
      />
    </Space>
  );
}
