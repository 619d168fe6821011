import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createEndpointDtoEventsValues, type Schemas } from '@zizhu/api-client';
import { Problem } from '@/components/problem';
import { Time } from '@/components/time';
import { toProblem } from '@/lib/problem';
import { createEndpoint, endpointsQuery, removeEndpoint, replayDelivery, testEndpoint, updateEndpoint, useWebhooksChanged, webhookDeliveriesQuery } from '../api/integrations';
import { NS } from '../i18n';
import { SecretOnce } from './secret-once';

type Endpoint = Schemas['EndpointDto'];
type Delivery = Schemas['WebhookDeliveryDto'];
type Attempt = Schemas['AttemptDto'];
type Values = Schemas['CreateEndpointDto'];

// the events the API takes, from the generated schema (never copied by hand)
const EVENTS = createEndpointDtoEventsValues;
const DELIVERY_COLOURS: Record<string, string> = { PENDING: 'processing', DELIVERED: 'success', FAILED: 'error' };

/** The organisation's webhook endpoints (create, edit, enable, test, rotate, remove) and the delivery log with replay. */
export function WebhookEndpoints() {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const endpoints = useQuery(endpointsQuery());
  const [page, setPage] = useState(1);
  const deliveries = useQuery(webhookDeliveriesQuery(page));
  const [form] = Form.useForm<Values>();
  /** The endpoint being edited; null: a new one; undefined: the dialog is closed. */
  const [editing, setEditing] = useState<Endpoint | null | undefined>(undefined);
  const [secret, setSecret] = useState<string | null>(null);
  const [tested, setTested] = useState<{ ok: boolean; status: number | null; error: string | null } | null>(null);
  const changed = useWebhooksChanged();

  const save = useMutation({
    mutationFn: (values: Values) => (editing ? updateEndpoint(editing.id, values) : createEndpoint(values)),
    onSuccess: async (saved) => {
      if (saved.secret) setSecret(saved.secret);
      setEditing(undefined);
      await changed();
      void message.success(t('webhooks.saved'));
    },
    onError: (error) => {
      const fields = toProblem(error).errors.filter((e) => ['url', 'events', 'description'].includes(e.field));
      form.setFields(fields.map((e) => ({ name: e.field as keyof Values, errors: [...e.messages] })));
    },
  });
  const toggle = useMutation({ mutationFn: (e: Endpoint) => updateEndpoint(e.id, { enabled: !e.enabled }), onSuccess: () => changed() });
  const rotate = useMutation({
    mutationFn: (id: string) => updateEndpoint(id, { rotateSecret: true }),
    onSuccess: async (saved) => {
      setSecret(saved.secret ?? null);
      await changed();
    },
  });
  const remove = useMutation({ mutationFn: (id: string) => removeEndpoint(id), onSuccess: () => changed() });
  const test = useMutation({ mutationFn: (id: string) => testEndpoint(id), onSuccess: (result) => setTested(result) });
  const replay = useMutation({ mutationFn: (id: string) => replayDelivery(id), onSuccess: () => changed() });

  const open = (endpoint: Endpoint | null) => {
    form.resetFields();
    if (endpoint) form.setFieldsValue({ url: endpoint.url, description: endpoint.description ?? '', events: endpoint.events });
    setEditing(endpoint);
  };
  const failure = [toggle.error, rotate.error, remove.error, test.error, replay.error].find(Boolean);
  if (endpoints.error) return <Problem error={endpoints.error} onRetry={() => void endpoints.refetch()} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="webhook-endpoints">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('webhooks.intro')}
      </Typography.Paragraph>
      {secret ? <SecretOnce title={t('webhooks.secretTitle')} secret={secret} testId="endpoint-secret" /> : null}
      {tested ? (
        <Alert
          data-testid="endpoint-test-result"
          type={tested.ok ? 'success' : 'error'}
          showIcon
          title={tested.ok ? t('webhooks.testOk', { status: tested.status }) : t('webhooks.testFailed', { error: tested.error ?? tested.status })}
        />
      ) : null}
      {failure ? <Problem error={failure} /> : null}
      <Card
        size="small"
        title={t('webhooks.endpoints')}
        extra={
          <Button type="primary" onClick={() => open(null)}>
            {t('webhooks.add')}
          </Button>
        }
      >
        <Table<Endpoint>
          size="small"
          rowKey="id"
          scroll={{ x: 'max-content' }}
          loading={endpoints.isFetching}
          dataSource={endpoints.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('webhooks.url'), dataIndex: 'url', render: (v: string, e: Endpoint) => <Space orientation="vertical" size={0}><Typography.Text>{v}</Typography.Text>{e.description ? <Typography.Text type="secondary">{e.description}</Typography.Text> : null}</Space> },
            { title: t('webhooks.events'), dataIndex: 'events', render: (v: string[]) => v.map((s) => <Tag key={s}>{s}</Tag>) },
            {
              title: t('webhooks.enabled'),
              dataIndex: 'enabled',
              render: (v: boolean, e: Endpoint) => <Switch checked={v} aria-label={t('webhooks.enabledOf', { url: e.url })} loading={toggle.isPending && toggle.variables?.id === e.id} onChange={() => toggle.mutate(e)} />,
            },
            {
              title: t('actions'),
              key: 'actions',
              render: (_: unknown, e: Endpoint) => (
                <Space wrap size="small">
                  <Button size="small" onClick={() => open(e)}>
                    {t('webhooks.edit')}
                  </Button>
                  <Button size="small" loading={test.isPending && test.variables === e.id} onClick={() => test.mutate(e.id)}>
                    {t('webhooks.test')}
                  </Button>
                  <Popconfirm title={t('webhooks.rotateConfirm')} onConfirm={() => rotate.mutate(e.id)}>
                    <Button size="small">{t('webhooks.rotate')}</Button>
                  </Popconfirm>
                  <Popconfirm title={t('webhooks.removeConfirm')} onConfirm={() => remove.mutate(e.id)}>
                    <Button size="small" danger>
                      {t('webhooks.remove')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('webhooks.deliveries')}
      </Typography.Title>
      {deliveries.error ? <Problem error={deliveries.error} onRetry={() => void deliveries.refetch()} /> : null}
      <Table<Delivery>
        size="small"
        rowKey="id"
        data-testid="webhook-deliveries"
        scroll={{ x: 'max-content' }}
        loading={deliveries.isFetching}
        dataSource={deliveries.data?.items ?? []}
        pagination={{ current: page, pageSize: 10, total: deliveries.data?.total ?? 0, onChange: setPage, simple: true }}
        expandable={{
          rowExpandable: (d) => d.attemptLog.length > 0,
          expandedRowRender: (d) => (
            <Table<Attempt>
              size="small"
              rowKey="startedAt"
              pagination={false}
              dataSource={d.attemptLog}
              columns={[
                { title: t('webhooks.attempt.startedAt'), dataIndex: 'startedAt', render: (v: string) => <Time value={v} /> },
                { title: t('webhooks.attempt.status'), dataIndex: 'status', render: (v: number | null) => v ?? '—' },
                { title: t('webhooks.attempt.duration'), dataIndex: 'durationMs', render: (v: number) => t('webhooks.attempt.ms', { ms: v }) },
                { title: t('webhooks.attempt.error'), dataIndex: 'error', render: (v: string | null) => v ?? '—' },
                { title: t('webhooks.attempt.replay'), dataIndex: 'replay', render: (v: boolean) => (v ? <Tag>{t('webhooks.attempt.replayed')}</Tag> : null) },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('webhooks.delivery.createdAt'), dataIndex: 'createdAt', render: (v: string) => <Time value={v} /> },
          { title: t('webhooks.delivery.event'), dataIndex: 'eventType' },
          { title: t('webhooks.delivery.eventId'), dataIndex: 'eventId', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('webhooks.delivery.state'), dataIndex: 'state', render: (v: string) => <Tag color={DELIVERY_COLOURS[v]}>{t(`webhooks.states.${v}`)}</Tag> },
          { title: t('webhooks.delivery.attempts'), dataIndex: 'attempts' },
          { title: t('webhooks.delivery.lastStatus'), dataIndex: 'lastStatus', render: (v: number | null) => v ?? '—' },
          { title: t('webhooks.delivery.lastError'), dataIndex: 'lastError', render: (v: string | null) => v ?? '—' },
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, d: Delivery) => (
              <Button size="small" loading={replay.isPending && replay.variables === d.id} onClick={() => replay.mutate(d.id)}>
                {t('webhooks.replay')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== undefined}
        title={editing ? t('webhooks.editTitle') : t('webhooks.addTitle')}
        okText={t('webhooks.save')}
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        onCancel={() => setEditing(undefined)}
        destroyOnHidden
        forceRender
      >
        {save.error && toProblem(save.error).errors.length === 0 ? <Problem error={save.error} /> : null}
        <Form<Values> form={form} layout="vertical" initialValues={{ events: [] }} onFinish={(values) => save.mutate(values)}>
          <Form.Item name="url" label={t('webhooks.url')} rules={[{ required: true }]}>
            <Input placeholder={t('webhooks.urlPlaceholder')} inputMode="url" />
          </Form.Item>
          <Form.Item name="description" label={t('webhooks.description')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="events" label={t('webhooks.events')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Checkbox.Group options={EVENTS.map((e) => ({ value: e, label: `${e} · ${t(`webhooks.eventNames.${e}`)}` }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
