import { useEffect, useState } from 'react';
import { Button, Form, Input, Select, Typography, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { putOnboardingStepDtoStateValues } from '@zizhu/api-client';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { evidenceOf, putStep, type PutStepBody, type StepEvidence, type StoredState, type Tracker, type TrackerStep } from '../api/onboarding';
import { EVIDENCE_MAX_BYTES, stepPurpose, uploadEvidence } from '../api/evidence';
import { NS } from '../i18n';

interface Values {
  state: StoredState;
  submittedOn?: string;
  note?: string;
  evidenceDate?: string;
  evidenceNote?: string;
}

/** Evidence as the API takes it back: its own fields, no nulls. */
function clean(e: StepEvidence): StepEvidence {
  return Object.fromEntries(Object.entries(e).filter(([, v]) => v !== null && v !== undefined)) as unknown as StepEvidence;
}

/** The size of a file for people: 1.2 MB, 340 KB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/**
 * Records a step: its state, the day it was submitted or done, a note, and its evidence (what was there, minus what is
 * removed here, plus one new piece: a file stored in the account's evidence store, its date and a note).
 */
export function StepDialog({ accountId, step, onClose, onDone }: { accountId: string; step: TrackerStep | null; onClose: () => void; onDone: (tracker: Tracker) => void }) {
  const { t } = useTranslation(NS);
  const [kept, setKept] = useState<StepEvidence[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  useEffect(() => {
    setKept(step ? evidenceOf(step).map(clean) : []);
    setFile(null);
    setFileError(null);
  }, [step]);
  const storedState: StoredState = step && step.state !== 'BLOCKED' ? step.state : 'TODO';
  const confirm = async (values: Values): Promise<Tracker> => {
    if (!step) throw new Error('no step');
    const evidence = [...kept];
    const evidenceNote = values.evidenceNote?.trim();
    if (file || evidenceNote) {
      const stored = file ? await uploadEvidence(accountId, stepPurpose(step.key), file) : null;
      evidence.push({
        fileName: stored?.name ?? file?.name ?? t('dialog.noteOnly'),
        ...(stored ? { contentType: stored.contentType, sizeBytes: stored.size, fileId: stored.id } : {}),
        ...(values.evidenceDate ? { date: values.evidenceDate } : {}),
        ...(evidenceNote ? { note: evidenceNote } : {}),
      });
    }
    const body: PutStepBody = {
      state: values.state,
      ...(values.submittedOn ? { submittedOn: values.submittedOn } : {}),
      ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      evidence,
    };
    return putStep(accountId, step.key, body);
  };
  return (
    <ConfirmAction<Values, Tracker>
      open={step !== null}
      onClose={onClose}
      title={step ? t('dialog.title', { step: step.key, name: t(`steps.${step.key}`) }) : ''}
      consequences={t(step?.key === '2.2' ? 'dialog.consequences22' : 'dialog.consequences')}
      okText={t('dialog.ok')}
      reason="none"
      initialValues={{ state: storedState, ...(step?.submittedOn ? { submittedOn: step.submittedOn } : {}), ...(step?.note ? { note: step.note } : {}) }}
      onConfirm={(values) => {
        if (fileError) return Promise.reject(new Error(fileError));
        return confirm(values);
      }}
      onDone={onDone}
    >
      <Form.Item name="state" label={t('dialog.state')} rules={[{ required: true }]}>
        <Select data-testid="step-state" options={putOnboardingStepDtoStateValues.map((s) => ({ value: s, label: t(`states.${s}`) }))} />
      </Form.Item>
      <Form.Item name="submittedOn" label={t('dialog.submittedOn')} extra={step?.key === '1.4' ? t('dialog.submittedOn14') : undefined}>
        <Input type="date" data-testid="step-submitted-on" />
      </Form.Item>
      <Form.Item name="note" label={t('dialog.note')}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="step-note" />
      </Form.Item>
      {kept.length > 0 ? (
        <Form.Item label={t('dialog.evidence')}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {kept.map((e, index) => (
              <li key={`${index}-${e.fileName}`}>
                {[e.date, e.fileName, e.note].filter(Boolean).join(' · ')}
                <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('dialog.removeEvidence')} onClick={() => setKept(kept.filter((_, i) => i !== index))} />
              </li>
            ))}
          </ul>
        </Form.Item>
      ) : null}
      <Form.Item label={t('dialog.newEvidence')} extra={t('dialog.fileHelp')} validateStatus={fileError ? 'error' : undefined} help={fileError ?? undefined}>
        <Upload
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setFileError(f.size > EVIDENCE_MAX_BYTES ? t('dialog.tooLarge') : null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setFileError(null);
          }}
          fileList={file ? [{ uid: 'new', name: file.name, status: fileError ? 'error' : 'done' }] : []}
        >
          <Button icon={<UploadOutlined />} data-testid="evidence-file">
            {t('dialog.pickFile')}
          </Button>
        </Upload>
        {file ? <Typography.Text type="secondary">{formatBytes(file.size)}</Typography.Text> : null}
      </Form.Item>
      <Form.Item name="evidenceDate" label={t('dialog.evidenceDate')}>
        <Input type="date" data-testid="evidence-date" />
      </Form.Item>
      <Form.Item name="evidenceNote" label={t('dialog.evidenceNote')}>
        <Input maxLength={500} data-testid="evidence-note" />
      </Form.Item>
    </ConfirmAction>
  );
}
