import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Select, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Problem, useProblemMessage } from '@/components/problem';
import { Money, Time } from '@/components/time';
import { toProblem } from '@/lib/problem';
import { complianceQuery, evidenceQuery, finishRun, RUN_POLL_MS, runsQuery, startRun, useAcceptanceChanged, type AcceptanceRun } from '../api/acceptance';
import { Checklist } from '../components/checklist';
import { NS } from '../i18n';

type Session = NonNullable<AcceptanceRun['completed']>;

function Copyable({ value }: { value: string | null }) {
  return value ? (
    <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
      {value}
    </Typography.Text>
  ) : (
    <span>—</span>
  );
}

/** One of the run's two orders, or what the run waits for. */
function SessionCard({ kind, session }: { kind: 'completed' | 'cancelled'; session: Session | null }) {
  const { t } = useTranslation(NS);
  return (
    <Card size="small" title={t(`sessions.${kind}`)} data-testid={`session-${kind}`} style={{ flex: '1 1 300px', minWidth: 0 }}>
      {session ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('sessions.outOrderNo')}>
            <Copyable value={session.outOrderNo} />
          </Descriptions.Item>
          <Descriptions.Item label={t('sessions.transactionId')}>
            <Copyable value={session.transactionId} />
          </Descriptions.Item>
          <Descriptions.Item label={t('sessions.createdAt')}>
            <Time value={session.createdAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('sessions.confirmedAt')}>
            <Time value={session.confirmedAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t(kind === 'completed' ? 'sessions.paidAt' : 'sessions.cancelledAt')}>
            <Time value={session.finishedAt} />
          </Descriptions.Item>
          {kind === 'completed' ? (
            <Descriptions.Item label={t('sessions.amount')}>
              <Money fen={session.amountFen} />
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('sessions.waiting', { seconds: RUN_POLL_MS / 1000 })}</Typography.Text>
      )}
    </Card>
  );
}

/** Pick an enabled service id and a device bound to it that fits its scenario, and start a run. */
function StartRun({ accountId, onStarted }: { accountId: string; onStarted: () => Promise<void> }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const compliance = useQuery(complianceQuery(accountId));
  const [form] = Form.useForm<{ serviceId?: string; deviceId?: string }>();
  const serviceId = Form.useWatch('serviceId', form);
  const deviceId = Form.useWatch('deviceId', form);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (compliance.isLoading) return <Skeleton active />;
  if (compliance.error) return <Problem error={compliance.error} onRetry={() => void compliance.refetch()} />;
  const services = (compliance.data?.services ?? []).filter((s) => s.disabledAt === null);
  const devices = services.find((s) => s.serviceId === serviceId)?.devices.filter((d) => d.fits) ?? [];
  const start = async () => {
    if (!serviceId || !deviceId) return;
    setBusy(true);
    setError(null);
    try {
      await startRun(accountId, { serviceId, deviceId });
      void message.success(t('start.started'));
      await onStarted();
    } catch (e) {
      // a refusal naming serviceId or deviceId lands on its field; anything else is shown below the form
      const fields = toProblem(e).errors.filter((f) => f.field === 'serviceId' || f.field === 'deviceId');
      if (fields.length) form.setFields(fields.map((f) => ({ name: f.field as 'serviceId' | 'deviceId', errors: [...f.messages] })));
      else setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('start.title')} data-testid="start-run">
      {services.length === 0 ? (
        <Alert type="warning" showIcon title={t('start.noServices')} />
      ) : (
        <Form form={form} layout="vertical" onFinish={() => void start()} style={{ maxWidth: 520 }}>
          <Form.Item name="serviceId" label={t('start.service')} htmlFor="acceptance-service">
            <Select
              id="acceptance-service"
              placeholder={t('start.servicePlaceholder')}
              onChange={() => form.setFieldValue('deviceId', undefined)}
              options={services.map((s) => ({ value: s.serviceId, label: `${s.name} · ${s.serviceId}` }))}
            />
          </Form.Item>
          <Form.Item name="deviceId" label={t('start.device')} htmlFor="acceptance-device" {...(serviceId && devices.length === 0 ? { help: t('start.noDevices'), validateStatus: 'warning' as const } : {})}>
            <Select id="acceptance-device" placeholder={t('start.devicePlaceholder')} disabled={!serviceId} options={devices.map((d) => ({ value: d.id, label: `${d.code} · ${d.type}` }))} />
          </Form.Item>
          {error ? <Problem error={error} /> : null}
          <Button type="primary" htmlType="submit" loading={busy} disabled={!serviceId || !deviceId}>
            {t('start.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** The guided steps of a run; offline, the reference user page and the simulator stand in for WeChat. */
function Guide({ run }: { run: AcceptanceRun }) {
  const { t } = useTranslation(NS);
  const scan = run.offline ? (
    <Space orientation="vertical" size={4}>
      <span>{t('guide.scanReal', { device: run.deviceCode })}</span>
      <span>{t('guide.scanOffline', { path: run.userPagePath })}</span>
      <Space wrap>
        <Typography.Link href={run.userPagePath} target="_blank" rel="noreferrer">
          {t('guide.openUserPage')}
        </Typography.Link>
        {run.simulatorUrl ? (
          <Typography.Link href={run.simulatorUrl} target="_blank" rel="noreferrer">
            {t('guide.openSimulator')}
          </Typography.Link>
        ) : null}
      </Space>
    </Space>
  ) : (
    t('guide.scanReal', { device: run.deviceCode })
  );
  const current = run.finishedAt ? 5 : run.completed === null ? 1 : run.cancelled === null ? 2 : 3;
  return (
    <Card size="small" title={t('guide.title')}>
      <Steps
        orientation="vertical"
        size="small"
        current={current}
        items={[
          { title: scan },
          { title: t('guide.complete') },
          { title: t('guide.cancel') },
          { title: t('guide.screenshots') },
          { title: t('guide.finish') },
        ]}
      />
    </Card>
  );
}

/** One run: its guide, its two orders, its checklist, the review day and finishing it. */
function RunView({ accountId, run, onChanged }: { accountId: string; run: AcceptanceRun; onChanged: () => Promise<void> }) {
  const { t } = useTranslation(NS);
  const problemText = useProblemMessage();
  const evidence = useQuery(evidenceQuery(accountId));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const missingText = run.missing.map((m) => (m === 'completedSession' || m === 'cancelledSession' ? t(`finish.${m}`) : t(`items.${m}.label`))).join('、');
  const finish = async () => {
    setBusy(true);
    setError(null);
    try {
      await finishRun(accountId, run.id);
      await onChanged();
    } catch (e) {
      setError(problemText(toProblem(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="acceptance-run">
      <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-all' }}>
        {t('run.title', { device: run.deviceCode, service: run.serviceId })} <Tag color={run.finishedAt ? 'green' : 'processing'}>{run.finishedAt ? t('run.finished') : t('run.inProgress')}</Tag>
      </Typography.Title>
      {run.offline ? <Alert type="warning" showIcon title={t('offline.title')} description={t('offline.body')} data-testid="offline-notice" /> : null}
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label={t('run.createdAt')}>
          <Time value={run.createdAt} />
        </Descriptions.Item>
        {run.finishedAt ? (
          <Descriptions.Item label={t('run.finishedAt')}>
            <Time value={run.finishedAt} />
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('run.review')}>
          <span data-testid="review-day">{run.reviewDay}</span>
        </Descriptions.Item>
      </Descriptions>
      <Alert type="info" showIcon title={t('run.reviewHelp', { day: run.reviewDay })} />
      <Guide run={run} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        <SessionCard kind="completed" session={run.completed} />
        <SessionCard kind="cancelled" session={run.cancelled} />
      </div>
      <Checklist accountId={accountId} run={run} files={evidence.data?.items ?? []} onChanged={onChanged} />
      {run.finishedAt ? (
        <Alert type="success" showIcon title={t('finish.done')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {run.missing.length ? <Typography.Text type="secondary">{t('finish.missing', { items: missingText })}</Typography.Text> : null}
          <Button type="primary" disabled={run.missing.length > 0} loading={busy} onClick={() => void finish()}>
            {t('finish.submit')}
          </Button>
          {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
        </Space>
      )}
    </Space>
  );
}

/**
 * The acceptance kit of one merchant account (issue 14, step 2.3): start a run on a service id and a device, follow
 * the steps, watch its two orders arrive (polled), attach the evidence per checklist item, see the review day and
 * finish. Other runs stay listed below and open on a click; another run may be started at any time.
 */
export function AcceptancePage({ accountId }: { accountId: string }) {
  const { t } = useTranslation(NS);
  const runs = useQuery(runsQuery(accountId));
  const changed = useAcceptanceChanged(accountId);
  const [another, setAnother] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  if (runs.isLoading) return <Skeleton active />;
  if (runs.error || !runs.data) return <Problem error={runs.error} onRetry={() => void runs.refetch()} />;
  const all = runs.data.items;
  const shown = all.find((r) => r.id === selected) ?? all[0];
  const others = all.filter((r) => r !== shown);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="acceptance-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('subtitle')}
      </Typography.Paragraph>
      {!shown || another ? (
        <StartRun
          accountId={accountId}
          onStarted={async () => {
            setAnother(false);
            setSelected(null);
            await changed();
          }}
        />
      ) : (
        <Button style={{ alignSelf: 'flex-start' }} onClick={() => setAnother(true)}>
          {t('run.newRun')}
        </Button>
      )}
      {shown && !another ? <RunView accountId={accountId} run={shown} onChanged={changed} /> : null}
      {others.length ? (
        <Card size="small" title={t('run.earlier')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {others.map((r) => (
              <Space key={r.id} wrap data-testid="other-run">
                <Button
                  type="link"
                  style={{ padding: 0 }}
                  onClick={() => {
                    setAnother(false);
                    setSelected(r.id);
                  }}
                >
                  <Time value={r.createdAt} />
                </Button>
                <span>
                  {r.deviceCode} · {r.serviceId}
                </span>
                <Tag color={r.finishedAt ? 'green' : 'default'}>{r.finishedAt ? t('run.finished') : t('run.inProgress')}</Tag>
              </Space>
            ))}
          </Space>
        </Card>
      ) : null}
    </Space>
  );
}
