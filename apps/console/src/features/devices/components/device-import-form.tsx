import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Problem } from '@/components/problem';
import type { ImportedDevices, ImportPreview } from '../api/mutations';
import { DEVICES_NS } from '../i18n';
import { ImportPreviewTable } from './import-preview';

export interface DeviceImportFormProps {
  readonly preview: (csv: string) => Promise<ImportPreview>;
  readonly importDevices: (csv: string) => Promise<ImportedDevices>;
}

/** Paste or upload a CSV → preview with every row's problems → import, only once the preview is clean. */
export function DeviceImportForm({ preview, importDevices }: DeviceImportFormProps) {
  const { t } = useTranslation(DEVICES_NS);
  const [csv, setCsv] = useState('');
  const [checked, setChecked] = useState<{ csv: string; result: ImportPreview } | null>(null);
  const [missing, setMissing] = useState(false);
  const check = useMutation({ mutationFn: preview, onSuccess: (result, input) => setChecked({ csv: input, result }) });
  const run = useMutation({ mutationFn: importDevices });
  const stale = checked !== null && checked.csv !== csv;
  const ready = checked !== null && !stale && checked.result.valid && !run.isSuccess;
  const secretsFile = () => {
    if (!run.data) return;
    const lines = ['code,deviceId,secret', ...run.data.devices.map((d) => `${d.device.code},${d.device.id},${d.secret}`)];
    const url = URL.createObjectURL(new Blob([`${lines.join('\n')}\n`], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'device-secrets.csv';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('import.help')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('import.csv')} htmlFor="device-import-csv" validateStatus={missing ? 'error' : ''} help={missing ? t('import.required') : undefined}>
            <Input.TextArea
              id="device-import-csv"
              rows={8}
              value={csv}
              spellCheck={false}
              style={{ fontFamily: 'monospace' }}
              onChange={(e) => {
                setCsv(e.target.value);
                setMissing(false);
              }}
            />
          </Form.Item>
          <Space wrap>
            <Upload
              accept=".csv,text/csv"
              showUploadList={false}
              beforeUpload={(file) => {
                void file.text().then((text) => {
                  setCsv(text);
                  setMissing(false);
                });
                return false;
              }}
            >
              <Button icon={<FileTextOutlined />}>{t('import.file')}</Button>
            </Upload>
            <Button
              loading={check.isPending}
              onClick={() => {
                if (csv.trim() === '') return setMissing(true);
                run.reset();
                check.mutate(csv);
              }}
            >
              {t('import.preview')}
            </Button>
            <Button type="primary" disabled={!ready} loading={run.isPending} onClick={() => run.mutate(csv)}>
              {t('import.import', { count: checked?.result.rows.length ?? 0 })}
            </Button>
          </Space>
        </Form>
      </Card>
      {check.isError ? <Problem error={check.error} /> : null}
      {stale ? <Alert type="info" showIcon title={t('import.stale')} /> : null}
      {checked && !stale ? <ImportPreviewTable preview={checked.result} /> : null}
      {run.isError ? <Problem error={run.error} /> : null}
      {run.data ? (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('import.done', { count: run.data.devices.length })}
          description={
            <Space orientation="vertical">
              <span>{t('import.secrets')}</span>
              <Button icon={<DownloadOutlined />} onClick={secretsFile}>
                {t('import.download')}
              </Button>
            </Space>
          }
        />
      ) : null}
    </Space>
  );
}
