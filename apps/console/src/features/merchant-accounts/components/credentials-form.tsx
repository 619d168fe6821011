import { useRef, useState } from 'react';
import { Alert, Button, Form, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@zizhu/api-client';
import { Problem } from '@/components/problem';
import { MERCHANT_ACCOUNTS_NS } from '../i18n';

export type CredentialsBody = Schemas['ReplaceCredentialsDto'];
/** What a new account adds to its credentials: the merchant's name, its mchid and the appids bound to it. */
export interface AccountFields {
  name: string;
  mchid: string;
  appids: string[];
}

/** A chosen file's text (FileReader: also where `Blob.text()` is missing). */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsText(file);
  });
}

interface FileState {
  name: string;
  text: string;
}

/** A key file read in the browser; only its name is ever rendered, never its content. */
function KeyFile({ id, label, file, onRead }: { id: string; label: string; file: FileState | null; onRead: (file: FileState) => void }) {
  const { t } = useTranslation(MERCHANT_ACCOUNTS_NS);
  const input = useRef<HTMLInputElement>(null);
  return (
    <Space wrap>
      <input
        ref={input}
        id={id}
        type="file"
        accept=".pem,.key,.txt"
        aria-label={label}
        style={{ display: 'none' }}
        onChange={async (event) => {
          const chosen = event.target.files?.[0];
          if (chosen) onRead({ name: chosen.name, text: await readText(chosen) });
          event.target.value = '';
        }}
      />
      <Button onClick={() => input.current?.click()}>{t('credentials.choose')}</Button>
      <Typography.Text type="secondary" data-testid={`${id}-status`}>
        {file ? t('credentials.loaded', { name: file.name }) : t('credentials.notLoaded')}
      </Typography.Text>
    </Space>
  );
}

/**
 * Add an account (`account`: with its name, mchid and appids) or replace its credentials: key files are
 * read in the browser and sent once; the secret fields are password inputs, cleared after a submit, and
 * nothing secret is ever rendered back.
 */
export function CredentialsForm({
  onSubmit,
  pending,
  error,
  account = false,
}: {
  onSubmit: (body: CredentialsBody, account?: AccountFields) => Promise<unknown>;
  pending: boolean;
  error?: unknown;
  account?: boolean;
}) {
  const { t } = useTranslation(MERCHANT_ACCOUNTS_NS);
  const [form] = Form.useForm<{ serialNo: string; apiV3Key: string; apiV2Key: string; platformPublicKeyId?: string } & Partial<AccountFields>>();
  const [privateKey, setPrivateKey] = useState<FileState | null>(null);
  const [publicKey, setPublicKey] = useState<FileState | null>(null);
  const [missing, setMissing] = useState(false);
  const [saved, setSaved] = useState(false);
  const required = (field: string) => [{ required: true, message: t('credentials.required', { field }) }];
  return (
    <Form
      form={form}
      layout="vertical"
      autoComplete="off"
      onFinish={async (values) => {
        setSaved(false);
        if (!privateKey) {
          setMissing(true);
          return;
        }
        setMissing(false);
        const body: CredentialsBody = {
          serialNo: values.serialNo.trim(),
          privateKeyPem: privateKey.text,
          apiV3Key: values.apiV3Key,
          apiV2Key: values.apiV2Key,
          ...(values.platformPublicKeyId && publicKey ? { platformPublicKeyId: values.platformPublicKeyId.trim(), platformPublicKeyPem: publicKey.text } : {}),
        };
        try {
          if (account) await onSubmit(body, { name: (values.name ?? '').trim(), mchid: (values.mchid ?? '').trim(), appids: (values.appids ?? []).map((a) => a.trim()).filter(Boolean) });
          else await onSubmit(body);
          setSaved(true);
        } catch {
          // the refusal is shown through `error` (the mutation's), on the form
        } finally {
          // secrets never stay in the page, whatever the answer
          form.setFieldsValue({ apiV3Key: '', apiV2Key: '' });
          setPrivateKey(null);
          setPublicKey(null);
        }
      }}
    >
      <Alert type="info" showIcon title={t('credentials.writeOnly')} style={{ marginBottom: 16 }} />
      {account ? (
        <>
          <Form.Item name="name" label={t('account.name')} rules={required(t('account.name'))}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="mchid" label={t('account.mchid')} rules={[...required(t('account.mchid')), { pattern: /^\d{8,12}$/, message: t('account.mchidDigits') }]}>
            <Input inputMode="numeric" />
          </Form.Item>
          <Form.Item name="appids" label={t('account.appids')} extra={t('account.appidsHelp')} rules={[{ required: true, type: 'array', min: 1, message: t('credentials.required', { field: t('account.appids') }) }]}>
            <Select mode="tags" tokenSeparators={[',', ' ']} open={false} suffixIcon={null} />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="serialNo" label={t('credentials.serialNo')} rules={required(t('credentials.serialNo'))}>
        <Input />
      </Form.Item>
      <Form.Item label={t('credentials.privateKey')} htmlFor="credentials-private-key" {...(missing ? { validateStatus: 'error' as const, help: t('credentials.required', { field: t('credentials.privateKey') }) } : {})}>
        <KeyFile id="credentials-private-key" label={t('credentials.privateKey')} file={privateKey} onRead={setPrivateKey} />
      </Form.Item>
      <Form.Item name="apiV3Key" label={t('credentials.apiV3Key')} rules={[...required(t('credentials.apiV3Key')), { len: 32, message: t('credentials.length32') }]}>
        <Input.Password autoComplete="new-password" visibilityToggle={false} />
      </Form.Item>
      <Form.Item name="apiV2Key" label={t('credentials.apiV2Key')} rules={[...required(t('credentials.apiV2Key')), { len: 32, message: t('credentials.length32') }]}>
        <Input.Password autoComplete="new-password" visibilityToggle={false} />
      </Form.Item>
      <Form.Item name="platformPublicKeyId" label={t('credentials.platformPublicKeyId')}>
        <Input />
      </Form.Item>
      <Form.Item label={t('credentials.platformPublicKey')} htmlFor="credentials-public-key">
        <KeyFile id="credentials-public-key" label={t('credentials.platformPublicKey')} file={publicKey} onRead={setPublicKey} />
      </Form.Item>
      {error ? <Problem error={error} /> : null}
      {saved ? <Alert type="success" showIcon title={t(account ? 'account.saved' : 'credentials.saved')} style={{ marginBottom: 16 }} /> : null}
      <Button type="primary" htmlType="submit" loading={pending} disabled={pending}>
        {t(account ? 'account.submit' : 'credentials.submit')}
      </Button>
    </Form>
  );
}
