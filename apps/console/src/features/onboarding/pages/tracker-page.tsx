import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Select, Space, Spin, Typography } from 'antd';
import { CheckCircleOutlined, EditOutlined, FileOutlined, SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { putOnboardingSubjectDtoSubjectTypeValues } from '@zizhu/api-client';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { Problem } from '@/components/problem';
import { StateTag } from '@/components/state-tag';
import { useCan } from '@/lib/me';
import { evidenceOf, expectedOf, putSubject, trackerQuery, useTrackerChanged, type SubjectType, type Tracker, type TrackerStep } from '../api/onboarding';
import { openEvidence } from '../api/evidence';
import { StepDialog, formatBytes } from '../components/step-dialog';
import { NS } from '../i18n';

/** 个体工商户, 小微商户 and 服务商 cannot apply for direct Pay Score (the API says so in `refused`). */
export const REFUSED_SUBJECTS: readonly SubjectType[] = ['INDIVIDUAL_BUSINESS', 'MICRO_MERCHANT', 'SERVICE_PROVIDER'];

/** `/onboarding/$accountId`: the next action first, the subject type, then the seven steps of WeChat's guide in order. */
export function TrackerPage({ accountId }: { accountId: string }) {
  const { t } = useTranslation(NS);
  const tracker = useQuery(trackerQuery(accountId));
  const changed = useTrackerChanged();
  const [editing, setEditing] = useState<TrackerStep | null>(null);
  if (tracker.error) return <Problem error={tracker.error} onRetry={() => void tracker.refetch()} />;
  if (!tracker.data) return <Spin data-testid="tracker-loading" />;
  const data = tracker.data;
  const edit = (key: string) => setEditing(data.steps.find((s) => s.key === key) ?? null);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="tracker">
      <NextAction tracker={data} onRecord={edit} />
      <SubjectCard accountId={accountId} tracker={data} />
      {data.steps.map((step) => (
        <StepCard key={step.key} accountId={accountId} step={step} refused={data.refused !== null} next={data.nextAction?.step === step.key} onEdit={() => setEditing(step)} />
      ))}
      {data.notes.length > 0 ? (
        <Card size="small" title={t('notes')}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {data.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </Card>
      ) : null}
      <StepDialog accountId={accountId} step={editing} onClose={() => setEditing(null)} onDone={(next) => void changed(accountId, next)} />
    </Space>
  );
}

function NextAction({ tracker, onRecord }: { tracker: Tracker; onRecord: (step: string) => void }) {
  const { t } = useTranslation(NS);
  if (tracker.refused !== null) {
    return (
      <Alert
        type="error"
        showIcon
        icon={<StopOutlined />}
        data-testid="refused"
        title={<Typography.Text strong>{t('refused.title')}</Typography.Text>}
        description={
          <>
            <div>{tracker.refused}</div>
            <div>{t('refused.hint')}</div>
          </>
        }
      />
    );
  }
  if (tracker.nextAction === null) return <Alert type="success" showIcon data-testid="next-action" title={t('next.allDone')} />;
  const { step, text } = tracker.nextAction;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="next-action"
      style={{ fontSize: 16 }}
      title={<Typography.Text strong>{t('next.title', { step, name: t(`steps.${step}`) })}</Typography.Text>}
      description={<Typography.Paragraph style={{ margin: 0, fontSize: 16 }}>{text}</Typography.Paragraph>}
      action={
        <Can permission="onboarding.write">
          <Button type="primary" onClick={() => onRecord(step)} data-testid="next-action-record">
            {t('next.record')}
          </Button>
        </Can>
      }
    />
  );
}

function SubjectCard({ accountId, tracker }: { accountId: string; tracker: Tracker }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const changed = useTrackerChanged();
  const mayWrite = useCan('onboarding.write');
  const save = useMutation({
    mutationFn: (subjectType: SubjectType) => putSubject(accountId, subjectType),
    onSuccess: (next) => {
      void changed(accountId, next);
      void message.success(t('subject.saved'));
    },
  });
  return (
    <Card size="small" title={t('subject.title')} data-testid="subject-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('subject.help')}</Typography.Text>
        <Select<SubjectType>
          data-testid="subject-select"
          aria-label={t('subject.title')}
          style={{ width: '100%', maxWidth: 360 }}
          value={tracker.subjectType ?? undefined}
          placeholder={t('subject.placeholder')}
          disabled={!mayWrite || save.isPending}
          loading={save.isPending}
          onChange={(value) => save.mutate(value)}
          options={putOnboardingSubjectDtoSubjectTypeValues.map((s) => ({
            value: s,
            label: REFUSED_SUBJECTS.includes(s) ? `${t(`subjects.${s}`)} · ${t('subject.refusedMark')}` : t(`subjects.${s}`),
          }))}
        />
        {save.isError ? <Problem error={save.error} /> : null}
      </Space>
    </Card>
  );
}

function Expected({ step }: { step: TrackerStep }) {
  const { t } = useTranslation(NS);
  const expected = expectedOf(step);
  if (step.key === '1.4') {
    return <Typography.Text data-testid="expected-1.4">{expected ? t('expected.serviceId', { from: expected.from, to: expected.to }) : t('expected.serviceIdPending')}</Typography.Text>;
  }
  if (step.key === '2.3') {
    return <Typography.Text data-testid="expected-2.3">{expected ? t('expected.acceptance', { date: expected.from }) : t('expected.acceptancePending')}</Typography.Text>;
  }
  return null;
}

function StepCard({ accountId, step, refused, next, onEdit }: { accountId: string; step: TrackerStep; refused: boolean; next: boolean; onEdit: () => void }) {
  const { t } = useTranslation(NS);
  const evidence = evidenceOf(step);
  return (
    <Card
      size="small"
      data-testid={`step-${step.key}`}
      style={next ? { borderColor: '#1677ff' } : undefined}
      title={
        <Flex gap="small" align="center" wrap>
          <Typography.Text strong>{`${step.key} ${t(`steps.${step.key}`)}`}</Typography.Text>
          <StateTag state={step.state} />
        </Flex>
      }
      extra={
        <Can permission="onboarding.write">
          <Button size="small" icon={<EditOutlined />} disabled={refused} onClick={onEdit} data-testid={`edit-${step.key}`}>
            {t('step.edit')}
          </Button>
        </Can>
      }
    >
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Typography.Text>
          <Typography.Text type="secondary">{t('step.who')}：</Typography.Text>
          {step.who}
        </Typography.Text>
        <div>
          <Typography.Text type="secondary">{t('step.needs')}：</Typography.Text>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {step.needs.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
        <Expected step={step} />
        {step.blockers.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            data-testid={`blockers-${step.key}`}
            title={t('step.blockedBy')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {step.blockers.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        {step.checks.length > 0 ? (
          <div data-testid={`checks-${step.key}`}>
            <Typography.Text type="secondary">
              <SafetyCertificateOutlined /> {t('step.checks')}：
            </Typography.Text>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {step.checks.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {step.submittedOn ? (
          <Typography.Text>
            <CheckCircleOutlined /> {t('step.submittedOn', { date: step.submittedOn })}
          </Typography.Text>
        ) : null}
        {step.note ? <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{step.note}</Typography.Paragraph> : null}
        {evidence.length > 0 ? (
          <div>
            <Typography.Text type="secondary">{t('step.evidence')}：</Typography.Text>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {evidence.map((e, index) => (
                <li key={`${index}-${e.fileName}`}>
                  <Space wrap size="small">
                    <FileOutlined />
                    <span>{e.fileName}</span>
                    {e.date ? <Typography.Text type="secondary">{e.date}</Typography.Text> : null}
                    {typeof e.sizeBytes === 'number' ? <Typography.Text type="secondary">{formatBytes(e.sizeBytes)}</Typography.Text> : null}
                    {e.note ? <Typography.Text>{e.note}</Typography.Text> : null}
                    {e.fileId ? (
                      <Button size="small" type="link" onClick={() => void openEvidence(accountId, e.fileId!)}>
                        {t('step.openFile')}
                      </Button>
                    ) : null}
                  </Space>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Space>
    </Card>
  );
}
