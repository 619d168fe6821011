import { useState } from 'react';
import { App, Button, Card, Checkbox, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@zizhu/api-client';
import { Problem } from '@/components/problem';
import { Time } from '@/components/time';
import { toProblem } from '@/lib/problem';
import { apiKeysQuery, createApiKey, revokeApiKey, scopesQuery, useApiKeysChanged } from '../api/integrations';
import { NS } from '../i18n';
import { SecretOnce } from './secret-once';

type Values = Schemas['CreateApiKeyDto'];
type Key = Schemas['ApiKeyDto'];

/** The organisation's API keys: create with scopes (the key shown once), the list, revoke. */
export function ApiKeys() {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const keys = useQuery(apiKeysQuery());
  const scopes = useQuery(scopesQuery());
  const [form] = Form.useForm<Values>();
  const [created, setCreated] = useState<string | null>(null);
  const changed = useApiKeysChanged();
  const create = useMutation({
    mutationFn: (values: Values) => createApiKey(values),
    onSuccess: async (key) => {
      setCreated(key.key ?? null);
      form.resetFields();
      await changed();
      void message.success(t('keys.created'));
    },
    onError: (error) => {
      const fields = toProblem(error).errors.filter((e) => ['name', 'scopes'].includes(e.field));
      form.setFields(fields.map((e) => ({ name: e.field as keyof Values, errors: [...e.messages] })));
    },
  });
  const revoke = useMutation({ mutationFn: (id: string) => revokeApiKey(id), onSuccess: () => changed() });
  if (keys.error) return <Problem error={keys.error} onRetry={() => void keys.refetch()} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="api-keys">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('keys.intro')}
      </Typography.Paragraph>
      {created ? <SecretOnce title={t('keys.secretTitle')} secret={created} testId="api-key-secret" /> : null}
      <Card size="small" title={t('keys.new')}>
        {create.error && toProblem(create.error).errors.length === 0 ? <Problem error={create.error} /> : null}
        <Form<Values> form={form} layout="vertical" initialValues={{ scopes: [] }} onFinish={(values) => create.mutate(values)}>
          <Form.Item name="name" label={t('keys.name')} rules={[{ required: true, max: 100 }]}>
            <Input placeholder={t('keys.namePlaceholder')} />
          </Form.Item>
          <Form.Item name="scopes" label={t('keys.scopes')} rules={[{ required: true, type: 'array', min: 1 }]} extra={t('keys.scopesHelp')}>
            <Checkbox.Group options={(scopes.data?.scopes ?? []).map((s) => ({ value: s, label: s }))} />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('keys.create')}
            </Button>
            <Button onClick={() => form.setFieldValue('scopes', (scopes.data?.scopes ?? []).filter((s) => s.endsWith('.read')))}>{t('keys.readOnly')}</Button>
          </Space>
        </Form>
      </Card>
      {revoke.error ? <Problem error={revoke.error} /> : null}
      <Table<Key>
        size="small"
        rowKey="id"
        scroll={{ x: 'max-content' }}
        loading={keys.isFetching}
        dataSource={keys.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('keys.name'), dataIndex: 'name' },
          { title: t('keys.key'), key: 'key', render: (_: unknown, k: Key) => <Typography.Text code>{`${k.prefix.slice(0, 16)}…${k.hint}`}</Typography.Text> },
          { title: t('keys.scopes'), dataIndex: 'scopes', render: (v: string[]) => v.map((s) => <Tag key={s}>{s}</Tag>) },
          { title: t('keys.createdAt'), dataIndex: 'createdAt', render: (v: string) => <Time value={v} /> },
          { title: t('keys.lastUsedAt'), dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? <Time value={v} /> : '—') },
          {
            title: t('keys.state'),
            key: 'state',
            render: (_: unknown, k: Key) => (k.revokedAt ? <Tag color="default">{t('keys.revoked')}</Tag> : <Tag color="success">{t('keys.active')}</Tag>),
          },
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, k: Key) =>
              k.revokedAt ? null : (
                <Popconfirm title={t('keys.revokeConfirm', { name: k.name })} onConfirm={() => revoke.mutate(k.id)}>
                  <Button danger size="small" loading={revoke.isPending && revoke.variables === k.id}>
                    {t('keys.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Space>
  );
}
