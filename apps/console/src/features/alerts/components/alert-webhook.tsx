import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Radio, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@zizhu/api-client';
import { Problem } from '@/components/problem';
import { Time } from '@/components/time';
import { toProblem } from '@/lib/problem';
import { alertWebhookQuery, deliveriesQuery, removeWebhook, saveWebhook, testWebhook, useWebhookChanged } from '../api/alerts';
import { NS } from '../i18n';

type Values = Schemas['PutWebhookDto'];
type Delivery = Schemas['DeliveryDto'];
const DELIVERY_COLOURS: Record<string, string> = { PENDING: 'processing', DELIVERED: 'success', FAILED: 'error' };

/** The organisation's webhook: URL and format, the secret shown once, a test send, and the delivery log. */
export function AlertWebhook() {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const query = useQuery(alertWebhookQuery());
  const [page, setPage] = useState(1);
  const deliveries = useQuery(deliveriesQuery(page));
  const [form] = Form.useForm<Values>();
  const [secret, setSecret] = useState<string | null>(null);
  const changed = useWebhookChanged();
  const webhook = query.data?.webhook ?? null;
  useEffect(() => {
    if (webhook) form.setFieldsValue({ url: webhook.url, format: webhook.format, enabled: webhook.enabled });
  }, [webhook, form]);
  const save = useMutation({
    mutationFn: (values: Values) => saveWebhook(values),
    onSuccess: async (saved) => {
      setSecret(saved.secret ?? null);
      await changed();
      void message.success(t('webhook.saved'));
    },
    onError: (error) => {
      const fields = toProblem(error).errors.filter((e) => ['url', 'format', 'enabled'].includes(e.field));
      form.setFields(fields.map((e) => ({ name: e.field as keyof Values, errors: [...e.messages] })));
    },
  });
  const test = useMutation({ mutationFn: () => testWebhook(), onSettled: () => changed() });
  const remove = useMutation({
    mutationFn: () => removeWebhook(),
    onSuccess: async () => {
      form.resetFields();
      setSecret(null);
      await changed();
    },
  });
  if (query.error) return <Problem error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="alert-webhook">
      <Alert type="info" showIcon title={t('webhook.intro')} />
      {secret ? (
        <Alert
          type="warning"
          showIcon
          data-testid="webhook-secret"
          title={t('webhook.secretTitle')}
          description={
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {secret}
              </Typography.Text>
              <Typography.Text type="secondary">{t('webhook.secretHelp')}</Typography.Text>
            </Space>
          }
        />
      ) : null}
      <Card size="small">
        {webhook ? null : <Typography.Paragraph type="secondary">{t('webhook.none')}</Typography.Paragraph>}
        {save.error && toProblem(save.error).errors.length === 0 ? <Problem error={save.error} /> : null}
        <Form<Values> form={form} layout="vertical" initialValues={{ format: 'JSON', enabled: true }} onFinish={(values) => save.mutate(values)}>
          <Form.Item name="url" label={t('webhook.url')} rules={[{ required: true }]}>
            <Input placeholder={t('webhook.placeholder')} inputMode="url" />
          </Form.Item>
          <Form.Item name="format" label={t('webhook.format')}>
            <Radio.Group options={(['JSON', 'WECOM'] as const).map((f) => ({ value: f, label: t(`webhook.formats.${f}`) }))} />
          </Form.Item>
          <Form.Item name="enabled" label={t('webhook.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending && !save.variables?.rotateSecret}>
              {t('webhook.save')}
            </Button>
            {webhook ? (
              <>
                <Button loading={save.isPending && save.variables?.rotateSecret === true} onClick={() => void form.validateFields().then((v) => save.mutate({ ...v, rotateSecret: true }))}>
                  {t('webhook.rotate')}
                </Button>
                <Button loading={test.isPending} onClick={() => test.mutate()}>
                  {t('webhook.test')}
                </Button>
                <Popconfirm title={t('webhook.removeConfirm')} onConfirm={() => remove.mutate()}>
                  <Button danger loading={remove.isPending}>
                    {t('webhook.remove')}
                  </Button>
                </Popconfirm>
              </>
            ) : null}
          </Space>
        </Form>
        {test.data ? (
          <Alert
            style={{ marginTop: 12 }}
            data-testid="webhook-test-result"
            type={test.data.ok ? 'success' : 'error'}
            title={test.data.ok ? t('webhook.testOk', { status: test.data.status }) : t('webhook.testFailed', { error: test.data.error ?? test.data.status })}
          />
        ) : null}
        {test.error ? <Problem error={test.error} /> : null}
      </Card>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('webhook.deliveries')}
      </Typography.Title>
      {deliveries.error ? <Problem error={deliveries.error} onRetry={() => void deliveries.refetch()} /> : null}
      <Table<Delivery>
        size="small"
        rowKey="id"
        scroll={{ x: 'max-content' }}
        loading={deliveries.isFetching}
        dataSource={deliveries.data?.items ?? []}
        pagination={{ current: page, pageSize: 10, total: deliveries.data?.total ?? 0, onChange: setPage, simple: true }}
        columns={[
          { title: t('webhook.delivery.createdAt'), dataIndex: 'createdAt', render: (v: string) => <Time value={v} /> },
          { title: t('webhook.delivery.alert'), dataIndex: 'alertKind', render: (v: string | null) => (v ? t(`kinds.${v}`) : '—') },
          { title: t('webhook.delivery.state'), dataIndex: 'state', render: (v: string) => <Tag color={DELIVERY_COLOURS[v]}>{v}</Tag> },
          { title: t('webhook.delivery.attempts'), dataIndex: 'attempts' },
          { title: t('webhook.delivery.lastStatus'), dataIndex: 'lastStatus', render: (v: number | null) => v ?? '—' },
          { title: t('webhook.delivery.lastError'), dataIndex: 'lastError', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Space>
  );
}
