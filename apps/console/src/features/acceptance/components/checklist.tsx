import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Divider, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useProblemMessage } from '@/components/problem';
import { toProblem } from '@/lib/problem';
import { deleteEvidence, downloadEvidence, EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES, markItem, uploadEvidence, type AcceptanceRun, type ChecklistItem, type EvidenceFile } from '../api/acceptance';
import { NS } from '../i18n';

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.max(1, Math.round(bytes / 1024))} KiB`);

interface ItemProps {
  readonly accountId: string;
  readonly run: AcceptanceRun;
  readonly item: ChecklistItem;
  readonly files: readonly EvidenceFile[];
  readonly onChanged: () => Promise<void>;
}

/** One item of the checklist: what it is, where to take it, its files (upload, download, delete) or why it does not apply. */
function ChecklistEntry({ accountId, run, item, files, onChanged }: ItemProps) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const problemText = useProblemMessage();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const open = run.finishedAt === null;
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      await onChanged();
    } catch (e) {
      setError(problemText(toProblem(e)));
    } finally {
      setBusy(false);
    }
  };
  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > EVIDENCE_MAX_BYTES) {
      setError(t('checklist.tooLarge'));
      return;
    }
    await act(async () => {
      await uploadEvidence(accountId, `acceptance:${run.id}:${item.key}`, file);
      void message.success(t('checklist.uploaded'));
    });
    if (input.current) input.current.value = '';
  };
  return (
    <div data-testid={`item-${item.key}`}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={[8, 4]}>
          {item.done ? <CheckCircleOutlined style={{ color: '#52c41a' }} aria-label={t('checklist.done')} /> : null}
          <Typography.Text strong>{t(`items.${item.key}.label`)}</Typography.Text>
          <Tag color={item.source === 'REAL_WECHAT_APP' ? 'orange' : 'blue'}>{t(`checklist.sources.${item.source}`)}</Tag>
          <Tag color={item.done ? 'green' : 'default'}>{item.done ? t('checklist.done') : t('checklist.todo')}</Tag>
        </Space>
        <Typography.Text type="secondary">{t(`items.${item.key}.where`)}</Typography.Text>
        {!item.upload ? <Typography.Text>{item.done ? t('checklist.platformDone') : t('checklist.platformWaiting')}</Typography.Text> : null}
        {files.map((f) => (
          <Space key={f.id} wrap size={[8, 0]} data-testid="evidence-file">
            <Typography.Text>{f.name}</Typography.Text>
            <Typography.Text type="secondary">{sizeText(f.size)}</Typography.Text>
            <Typography.Text type="secondary" code copyable={{ text: f.sha256 }}>
              {f.sha256.slice(0, 12)}
            </Typography.Text>
            <Button size="small" type="link" icon={<DownloadOutlined />} onClick={() => void act(() => downloadEvidence(accountId, f))}>
              {t('checklist.download')}
            </Button>
            {open ? (
              <Popconfirm title={t('checklist.deleteConfirm')} onConfirm={() => act(() => deleteEvidence(accountId, f.id))}>
                <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                  {t('checklist.delete')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        ))}
        {item.notApplicableReason ? <Typography.Text italic>{t('checklist.notApplicableShown', { reason: item.notApplicableReason })}</Typography.Text> : null}
        {item.upload && open ? (
          <Space wrap>
            <input
              ref={input}
              type="file"
              accept={EVIDENCE_ACCEPT}
              hidden
              data-testid={`upload-${item.key}`}
              aria-label={`${t('checklist.upload')} · ${t(`items.${item.key}.label`)}`}
              onChange={(e) => void pick(e.target.files?.[0])}
            />
            <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
              {busy ? t('checklist.uploading') : t('checklist.upload')}
            </Button>
            {item.notApplicableReason ? (
              <Button type="link" onClick={() => void act(() => markItem(accountId, run.id, item.key, null))}>
                {t('checklist.notApplicableClear')}
              </Button>
            ) : reason === null ? (
              <Button type="link" onClick={() => setReason('')}>
                {t('checklist.notApplicable')}
              </Button>
            ) : (
              <Space.Compact style={{ maxWidth: 360, width: '100%' }}>
                <Input aria-label={t('checklist.notApplicableReason')} placeholder={t('checklist.notApplicableReason')} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
                <Button
                  type="primary"
                  disabled={!reason.trim()}
                  onClick={() =>
                    void act(async () => {
                      await markItem(accountId, run.id, item.key, reason.trim());
                      setReason(null);
                    })
                  }
                >
                  {t('checklist.notApplicableSave')}
                </Button>
              </Space.Compact>
            )}
          </Space>
        ) : null}
        {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
      </Space>
    </div>
  );
}

/** The run's checklist (WeChat's guide 2.3), each item with where to take it and its files. */
export function Checklist({ accountId, run, files, onChanged }: { accountId: string; run: AcceptanceRun; files: readonly EvidenceFile[]; onChanged: () => Promise<void> }) {
  const { t } = useTranslation(NS);
  const byId = new Map(files.map((f) => [f.id, f]));
  return (
    <Card size="small" title={t('checklist.title')}>
      {run.checklist.map((item, i) => (
        <div key={item.key}>
          {i > 0 ? <Divider style={{ margin: '12px 0' }} /> : null}
          <ChecklistEntry accountId={accountId} run={run} item={item} files={item.evidenceIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))} onChanged={onChanged} />
        </div>
      ))}
    </Card>
  );
}
