import { useEffect, useMemo } from 'react';
import { App, Button, Card, Empty, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Problem, useProblemMessage } from '@/components/problem';
import { Time } from '@/components/time';
import { useCan } from '@/lib/me';
import { toProblem } from '@/lib/problem';
import type { Schemas } from '@zizhu/api-client';
import { countsQuery, movementsQuery, planogramQuery, restocksQuery, stockQuery, type PlanogramSlot, type Stock } from '../api/stock';
import { useCreateCount, useCreateRestock, usePutPlanogram } from '../api/mutations';
import { STOCK_NS } from '../i18n';

/** The API's field errors (`slots.1.sku`) on the form's fields (`['slots', 1, 'sku']`); false when there were none. */
function putFieldErrors(form: { setFields: (fields: { name: (string | number)[]; errors: string[] }[]) => void }, error: unknown): boolean {
  const fields = toProblem(error).errors.filter((e) => e.field);
  if (!fields.length) return false;
  form.setFields(fields.map((e) => ({ name: e.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)), errors: [...e.messages] })));
  return true;
}

/** A fridge's stock on its device page: the book with par and low marks, the planogram editor, restock and count forms, history. */
export function FridgeStockSection({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation(STOCK_NS);
  const stock = useQuery(stockQuery(deviceId));
  const canWrite = useCan('stock.write');
  if (stock.error) return <Problem error={stock.error} onRetry={() => void stock.refetch()} />;
  if (!stock.data) return <Card loading size="small" />;
  const items = [
    { key: 'book', label: t('tabs.book'), children: <BookTab stock={stock.data} /> },
    { key: 'planogram', label: t('tabs.planogram'), children: <PlanogramTab deviceId={deviceId} stock={stock.data} canWrite={canWrite} /> },
    ...(canWrite
      ? [
          { key: 'restock', label: t('tabs.restock'), children: <RestockTab deviceId={deviceId} stock={stock.data} /> },
          { key: 'count', label: t('tabs.count'), children: <CountTab deviceId={deviceId} stock={stock.data} /> },
        ]
      : []),
    { key: 'history', label: t('tabs.history'), children: <HistoryTab deviceId={deviceId} /> },
  ];
  return (
    <Card title={t('section.title')} size="small" data-testid="fridge-stock">
      <Tabs items={items} />
    </Card>
  );
}

function BookTab({ stock }: { stock: Stock }) {
  const { t } = useTranslation(STOCK_NS);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('book.threshold', { percent: stock.lowThresholdPercent })}</Typography.Text>
      <Table
        size="small"
        rowKey="sku"
        pagination={false}
        dataSource={stock.lines}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('book.empty')} /> }}
        columns={[
          { key: 'sku', title: t('fields.sku'), render: (_, l) => <Typography.Text code>{l.sku}</Typography.Text> },
          { key: 'name', title: t('fields.name'), dataIndex: 'name' },
          { key: 'par', title: t('fields.parLevel'), dataIndex: 'parLevel' },
          { key: 'onHand', title: t('fields.onHand'), dataIndex: 'onHand' },
          { key: 'toFill', title: t('fields.toFill'), dataIndex: 'toFill' },
          {
            key: 'mark',
            title: t('fields.mark'),
            render: (_, l) => (l.low ? <Tag color="red">{t('book.low')}</Tag> : l.toFill > 0 ? <Tag color="orange">{t('book.belowPar')}</Tag> : <Tag color="green">{t('book.ok')}</Tag>),
          },
          { key: 'updatedAt', title: t('fields.updatedAt'), render: (_, l) => <Time value={l.updatedAt} /> },
        ]}
      />
      {stock.discrepancies.length > 0 ? (
        <Card size="small" type="inner" title={t('book.discrepancies')} data-testid="stock-discrepancies">
          <Typography.Paragraph type="secondary">{t('book.discrepanciesHelp')}</Typography.Paragraph>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={stock.discrepancies}
            columns={[
              { key: 'at', title: t('fields.at'), render: (_, d) => <Time value={d.createdAt} /> },
              { key: 'sku', title: t('fields.sku'), dataIndex: 'sku' },
              { key: 'shortfall', title: t('fields.shortfall'), dataIndex: 'shortfall' },
              { key: 'session', title: t('fields.session'), render: (_, d) => <Typography.Text code>{d.sessionId}</Typography.Text> },
            ]}
          />
        </Card>
      ) : null}
    </Space>
  );
}

function PlanogramTab({ deviceId, stock, canWrite }: { deviceId: string; stock: Stock; canWrite: boolean }) {
  const { t } = useTranslation(STOCK_NS);
  const { message } = App.useApp();
  const problemMessage = useProblemMessage();
  const planogram = useQuery(planogramQuery(deviceId));
  const save = usePutPlanogram(deviceId);
  const [form] = Form.useForm<{ slots: PlanogramSlot[] }>();
  useEffect(() => {
    if (planogram.data) form.setFieldsValue({ slots: planogram.data.slots });
  }, [form, planogram.data]);
  const options = stock.catalog.map((c) => ({ value: c.sku, label: `${c.name} (${c.sku})` }));
  if (planogram.error) return <Problem error={planogram.error} onRetry={() => void planogram.refetch()} />;
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={!canWrite}
      data-testid="planogram-form"
      onFinish={(values) =>
        save.mutate(
          { slots: (values.slots ?? []).map((s) => ({ shelf: s.shelf, slot: s.slot, sku: s.sku, parLevel: s.parLevel })) },
          {
            onSuccess: () => void message.success(t('planogram.saved')),
            onError: (error) => {
              if (!putFieldErrors(form as never, error)) void message.error(problemMessage(toProblem(error)));
            },
          },
        )
      }
    >
      <Form.List name="slots">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.length === 0 ? <Empty description={t('planogram.empty')} /> : null}
            {fields.map((field) => (
              <Space key={field.key} wrap align="start">
                <Form.Item name={[field.name, 'shelf']} label={t('fields.shelf')} rules={[{ required: true, message: t('planogram.required') }]}>
                  <InputNumber min={1} max={50} precision={0} aria-label={`${t('fields.shelf')} ${field.name + 1}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'slot']} label={t('fields.slot')} rules={[{ required: true, message: t('planogram.required') }]}>
                  <InputNumber min={1} max={100} precision={0} aria-label={`${t('fields.slot')} ${field.name + 1}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'sku']} label={t('fields.sku')} rules={[{ required: true, message: t('planogram.required') }]}>
                  <Select options={options} style={{ minWidth: 200 }} aria-label={`${t('fields.sku')} ${field.name + 1}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'parLevel']} label={t('fields.parLevel')} rules={[{ required: true, message: t('planogram.required') }]}>
                  <InputNumber min={0} max={10000} precision={0} aria-label={`${t('fields.parLevel')} ${field.name + 1}`} />
                </Form.Item>
                {canWrite ? <Button aria-label={t('planogram.remove')} icon={<DeleteOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 30 }} /> : null}
              </Space>
            ))}
            {canWrite ? (
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ shelf: 1, slot: fields.length + 1, sku: stock.catalog[0]?.sku, parLevel: 1 })}>
                  {t('planogram.add')}
                </Button>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  {t('planogram.save')}
                </Button>
              </Space>
            ) : null}
          </Space>
        )}
      </Form.List>
    </Form>
  );
}

function RestockTab({ deviceId, stock }: { deviceId: string; stock: Stock }) {
  const { t } = useTranslation(STOCK_NS);
  const { message } = App.useApp();
  const problemMessage = useProblemMessage();
  const restock = useCreateRestock(deviceId);
  const [form] = Form.useForm<{ lines: { added?: number | null; removedExpired?: number | null }[]; note?: string }>();
  const book = useMemo(() => new Map(stock.lines.map((l) => [l.sku, l])), [stock.lines]);
  const initial = useMemo(() => ({ lines: stock.catalog.map((c) => ({ sku: c.sku, added: book.get(c.sku)?.toFill ?? 0, removedExpired: 0 })) }), [stock.catalog, book]);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      data-testid="restock-form"
      onFinish={(values) => {
        // the SKU is no field of the form (only the quantities are): each row is the catalog's at its index
        const lines = values.lines
          .map((l, i) => ({ sku: initial.lines[i]?.sku ?? '', added: l.added ?? 0, removedExpired: l.removedExpired ?? 0 }))
          .filter((l) => l.added > 0 || l.removedExpired > 0);
        restock.mutate(
          { lines, ...(values.note ? { note: values.note } : {}) },
          {
            onSuccess: () => {
              void message.success(t('restock.saved'));
              form.resetFields();
            },
            onError: (error) => void message.error(problemMessage(toProblem(error))),
          },
        );
      }}
    >
      <Typography.Paragraph type="secondary">{t('restock.help')}</Typography.Paragraph>
      <Form.List name="lines">
        {(fields) =>
          fields.map((field) => {
            const sku = initial.lines[field.name]?.sku ?? '';
            const name = stock.catalog.find((c) => c.sku === sku)?.name ?? sku;
            return (
              <Space key={field.key} wrap align="start">
                <Typography.Text style={{ display: 'inline-block', minWidth: 180, marginTop: 30 }}>{`${name} (${sku})`}</Typography.Text>
                <Form.Item name={[field.name, 'added']} label={t('fields.added')}>
                  <InputNumber min={0} max={10000} precision={0} aria-label={`${t('fields.added')} ${sku}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'removedExpired']} label={t('fields.removedExpired')}>
                  <InputNumber min={0} max={10000} precision={0} aria-label={`${t('fields.removedExpired')} ${sku}`} />
                </Form.Item>
                <Typography.Text type="secondary" style={{ display: 'inline-block', marginTop: 30 }}>
                  {t('restock.onHand', { count: book.get(sku)?.onHand ?? 0, par: book.get(sku)?.parLevel ?? 0 })}
                </Typography.Text>
              </Space>
            );
          })
        }
      </Form.List>
      <Form.Item name="note" label={t('fields.note')}>
        <Input maxLength={500} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={restock.isPending}>
        {t('restock.submit')}
      </Button>
    </Form>
  );
}

function CountTab({ deviceId, stock }: { deviceId: string; stock: Stock }) {
  const { t } = useTranslation(STOCK_NS);
  const { message } = App.useApp();
  const problemMessage = useProblemMessage();
  const count = useCreateCount(deviceId);
  const [form] = Form.useForm<{ lines: { counted?: number | null }[]; note?: string }>();
  const initial = useMemo(() => ({ lines: stock.lines.map(() => ({ counted: null })) }), [stock.lines]);
  if (stock.lines.length === 0) return <Empty description={t('book.empty')} />;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      data-testid="count-form"
      onFinish={(values) => {
        // the SKU is no field of the form (only the count is): each row is the book's at its index
        const lines = values.lines
          .map((l, i) => ({ sku: stock.lines[i]?.sku ?? '', counted: l.counted }))
          .filter((l): l is { sku: string; counted: number } => l.counted !== null && l.counted !== undefined);
        if (!lines.length) {
          void message.warning(t('count.nothing'));
          return;
        }
        count.mutate(
          { lines, ...(values.note ? { note: values.note } : {}) },
          {
            onSuccess: (result: Schemas['StockCountDto']) => {
              const changed = result.lines.filter((l) => l.difference !== 0).length;
              void message.success(t('count.saved', { count: changed }));
              form.resetFields();
            },
            onError: (error) => void message.error(problemMessage(toProblem(error))),
          },
        );
      }}
    >
      <Typography.Paragraph type="secondary">{t('count.help')}</Typography.Paragraph>
      <Form.List name="lines">
        {(fields) =>
          fields.map((field) => {
            const line = stock.lines[field.name];
            if (!line) return null;
            return (
              <Space key={field.key} wrap align="start">
                <Typography.Text style={{ display: 'inline-block', minWidth: 180, marginTop: 30 }}>{`${line.name || line.sku} (${line.sku})`}</Typography.Text>
                <Form.Item label={t('fields.onHand')}>
                  <Typography.Text>{line.onHand}</Typography.Text>
                </Form.Item>
                <Form.Item name={[field.name, 'counted']} label={t('fields.counted')}>
                  <InputNumber min={0} max={100000} precision={0} aria-label={`${t('fields.counted')} ${line.sku}`} />
                </Form.Item>
              </Space>
            );
          })
        }
      </Form.List>
      <Form.Item name="note" label={t('fields.note')}>
        <Input maxLength={500} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={count.isPending}>
        {t('count.submit')}
      </Button>
    </Form>
  );
}

function HistoryTab({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation(STOCK_NS);
  const movements = useQuery(movementsQuery(deviceId));
  const restocks = useQuery(restocksQuery(deviceId));
  const counts = useQuery(countsQuery(deviceId));
  const error = movements.error ?? restocks.error ?? counts.error;
  if (error) return <Problem error={error} onRetry={() => void Promise.all([movements.refetch(), restocks.refetch(), counts.refetch()])} />;
  return (
    <Tabs
      size="small"
      items={[
        {
          key: 'movements',
          label: t('history.movements'),
          children: (
            <Table
              size="small"
              rowKey="id"
              loading={movements.isLoading}
              dataSource={movements.data?.items}
              scroll={{ x: 'max-content' }}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              columns={[
                { key: 'at', title: t('fields.at'), render: (_, m) => <Time value={m.createdAt} /> },
                { key: 'kind', title: t('fields.kind'), render: (_, m) => t(`kind.${m.kind}`) },
                { key: 'sku', title: t('fields.sku'), dataIndex: 'sku' },
                { key: 'delta', title: t('fields.delta'), render: (_, m) => (m.delta > 0 ? `+${m.delta}` : String(m.delta)) },
                { key: 'after', title: t('fields.onHandAfter'), dataIndex: 'onHandAfter' },
                { key: 'shortfall', title: t('fields.shortfall'), render: (_, m) => (m.shortfall > 0 ? <Tag color="red">{m.shortfall}</Tag> : '—') },
              ]}
            />
          ),
        },
        {
          key: 'restocks',
          label: t('history.restocks'),
          children: (
            <Table
              size="small"
              rowKey="id"
              loading={restocks.isLoading}
              dataSource={restocks.data?.items}
              scroll={{ x: 'max-content' }}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              columns={[
                { key: 'at', title: t('fields.at'), render: (_, r) => <Time value={r.createdAt} /> },
                { key: 'who', title: t('fields.who'), render: (_, r) => r.createdByName ?? '—' },
                { key: 'lines', title: t('fields.lines'), render: (_, r) => r.lines.map((l) => t('history.restockLine', { sku: l.sku, added: l.added, removed: l.removedExpired })).join('；') },
                { key: 'note', title: t('fields.note'), render: (_, r) => r.note ?? '—' },
              ]}
            />
          ),
        },
        {
          key: 'counts',
          label: t('history.counts'),
          children: (
            <Table
              size="small"
              rowKey="id"
              loading={counts.isLoading}
              dataSource={counts.data?.items}
              scroll={{ x: 'max-content' }}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              columns={[
                { key: 'at', title: t('fields.at'), render: (_, c) => <Time value={c.createdAt} /> },
                { key: 'who', title: t('fields.who'), render: (_, c) => c.createdByName ?? '—' },
                {
                  key: 'lines',
                  title: t('fields.lines'),
                  render: (_, c) => c.lines.map((l) => t('history.countLine', { sku: l.sku, booked: l.booked, counted: l.counted, difference: l.difference > 0 ? `+${l.difference}` : String(l.difference) })).join('；'),
                },
                { key: 'note', title: t('fields.note'), render: (_, c) => c.note ?? '—' },
              ]}
            />
          ),
        },
      ]}
    />
  );
}
