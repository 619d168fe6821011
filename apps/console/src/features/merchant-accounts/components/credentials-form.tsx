import { useRef, useState } from 'react';
import { Alert, Button, Flex, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
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

/** How WeChat's answers are verified: the WeChat Pay public key (new merchants) or platform certificates (older ones). */
type PlatformMode = 'publicKey' | 'certificates';

interface CertificateEntry {
  key: number;
  serialNo: string;
  file: FileState | null;
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
  const [form] = Form.useForm<
    { serialNo: string; apiV3Key: string; apiV2Key: string; platformPublicKeyId?: string; appSecrets?: { appid?: string; secret?: string }[] } & Partial<AccountFields>
  >();
  const [privateKey, setPrivateKey] = useState<FileState | null>(null);
  const [publicKey, setPublicKey] = useState<FileState | null>(null);
  const [mode, setMode] = useState<PlatformMode>('publicKey');
  const [certificates, setCertificates] = useState<CertificateEntry[]>([]);
  const nextCertificate = useRef(0);
  const updateCertificate = (key: number, patch: Partial<CertificateEntry>) => setCertificates((all) => all.map((c) => (c.key === key ? { ...c, ...patch } : c)));
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
        const chosenCertificates = certificates.filter((c) => c.serialNo.trim() && c.file).map((c) => ({ serialNo: c.serialNo.trim(), pem: c.file!.text }));
        const appSecrets = Object.fromEntries((values.appSecrets ?? []).filter((a) => a.appid?.trim() && a.secret).map((a) => [a.appid!.trim(), a.secret!]));
        const body: CredentialsBody = {
          serialNo: values.serialNo.trim(),
          privateKeyPem: privateKey.text,
          apiV3Key: values.apiV3Key,
          apiV2Key: values.apiV2Key,
          ...(mode === 'publicKey' && values.platformPublicKeyId && publicKey ? { platformPublicKeyId: values.platformPublicKeyId.trim(), platformPublicKeyPem: publicKey.text } : {}),
          ...(mode === 'certificates' && chosenCertificates.length > 0 ? { platformCertificates: chosenCertificates } : {}),
          ...(Object.keys(appSecrets).length > 0 ? { appSecrets } : {}),
        };
        try {
          if (account) await onSubmit(body, { name: (values.name ?? '').trim(), mchid: (values.mchid ?? '').trim(), appids: (values.appids ?? []).map((a) => a.trim()).filter(Boolean) });
          else await onSubmit(body);
          setSaved(true);
        } catch {
          // the refusal is shown through `error` (the mutation's), on the form
        } finally {
          // secrets never stay in the page, whatever the answer
          form.setFieldsValue({ apiV3Key: '', apiV2Key: '', appSecrets: (values.appSecrets ?? []).map((a) => ({ appid: a.appid ?? '', secret: '' })) });
          setPrivateKey(null);
          setPublicKey(null);
          setCertificates((all) => all.map((c) => ({ ...c, file: null })));
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
      <Form.Item label={t('credentials.platformMode')} extra={t('credentials.platformModeHelp')}>
        <Radio.Group
          aria-label={t('credentials.platformMode')}
          value={mode}
          onChange={(event) => setMode(event.target.value as PlatformMode)}
          options={[
            { value: 'publicKey', label: t('credentials.modePublicKey') },
            { value: 'certificates', label: t('credentials.modeCertificates') },
          ]}
        />
      </Form.Item>
      {mode === 'publicKey' ? (
        <>
          <Form.Item name="platformPublicKeyId" label={t('credentials.platformPublicKeyId')}>
            <Input />
          </Form.Item>
          <Form.Item label={t('credentials.platformPublicKey')} htmlFor="credentials-public-key">
            <KeyFile id="credentials-public-key" label={t('credentials.platformPublicKey')} file={publicKey} onRead={setPublicKey} />
          </Form.Item>
        </>
      ) : (
        <Form.Item label={t('credentials.certificates')}>
          {certificates.map((c, i) => (
            <Flex key={c.key} gap="small" align="center" wrap style={{ marginBottom: 8 }}>
              <Input
                aria-label={t('credentials.certificateSerial', { n: i + 1 })}
                placeholder={t('credentials.certificateSerial', { n: i + 1 })}
                value={c.serialNo}
                onChange={(event) => updateCertificate(c.key, { serialNo: event.target.value })}
                style={{ flex: 1, minWidth: 200 }}
              />
              <KeyFile
                id={`credentials-certificate-${c.key}`}
                label={t('credentials.certificateFile', { n: i + 1 })}
                file={c.file}
                onRead={(file) => updateCertificate(c.key, { file })}
              />
              <Button aria-label={t('credentials.remove')} icon={<DeleteOutlined />} onClick={() => setCertificates((all) => all.filter((x) => x.key !== c.key))} />
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            block
            onClick={() => setCertificates((all) => [...all, { key: (nextCertificate.current += 1), serialNo: '', file: null }])}
          >
            {t('credentials.addCertificate')}
          </Button>
        </Form.Item>
      )}
      <Form.List name="appSecrets">
        {(fields, { add, remove }) => (
          <Form.Item label={t('credentials.appSecrets')} extra={t('credentials.appSecretsHelp')}>
            {fields.map((field, i) => (
              <Flex key={field.key} gap="small" align="start" wrap>
                <Form.Item name={[field.name, 'appid']} style={{ flex: 1, minWidth: 160 }}>
                  <Input aria-label={t('credentials.appSecretAppid', { n: i + 1 })} placeholder={t('credentials.appSecretAppid', { n: i + 1 })} />
                </Form.Item>
                <Form.Item name={[field.name, 'secret']} style={{ flex: 1, minWidth: 160 }}>
                  <Input.Password aria-label={t('credentials.appSecretValue', { n: i + 1 })} autoComplete="new-password" visibilityToggle={false} />
                </Form.Item>
                <Button aria-label={t('credentials.remove')} icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} block onClick={() => add({ appid: '', secret: '' })}>
              {t('credentials.addAppSecret')}
            </Button>
          </Form.Item>
        )}
      </Form.List>
      {error ? <Problem error={error} /> : null}
      {saved ? <Alert type="success" showIcon title={t(account ? 'account.saved' : 'credentials.saved')} style={{ marginBottom: 16 }} /> : null}
      <Button type="primary" htmlType="submit" loading={pending} disabled={pending}>
        {t(account ? 'account.submit' : 'credentials.submit')}
      </Button>
    </Form>
  );
}
