import type { ReactNode } from 'react';
import { Card, Descriptions, Empty, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { StateTag } from '@/components/state-tag';
import { Money, Time } from '@/components/time';
import type { Schemas } from '@zizhu/api-client';
import type { SessionDetail } from '../api/get-session';
import { NS } from '../i18n';

// The parts of a session's page. Quote, usage and the WeChat lines are JSON the API passes through
// (contracts.md §3, the Pay Score post_payments): read defensively, never trusted to have every field.

interface QuoteLine {
  kind?: string;
  label?: string;
  amountFen?: number;
  detail?: string;
}
interface Quote {
  totalFen?: number;
  lines?: QuoteLine[];
  capped?: string | null;
  explanation?: string;
}
interface PayLine {
  name?: string;
  amount?: number;
  description?: string;
  count?: number;
}
interface WechatLines {
  post_payments?: PayLine[];
  post_discounts?: PayLine[];
  total_amount?: number;
}
interface Usage {
  startedAt?: string;
  endedAt?: string;
  energy?: { from?: string; to?: string; wattHours?: number }[];
  volumeMillilitres?: number;
  items?: { sku?: string; count?: number }[];
}

const asArray = <T,>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** Every `<state>_at` the session has, in the order they happened. */
export function SessionTimeline({ times }: { times: SessionDetail['times'] }) {
  const { t, i18n } = useTranslation(NS);
  const entries = Object.entries(times)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .sort((a, b) => new Date(a[1]).getTime() - new Date(b[1]).getTime());
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="session-timeline"
      items={entries.map(([key, at]) => ({
        key,
        content: (
          <>
            <Typography.Text strong>{i18n.exists(`${NS}:times.${key}`) ? t(`times.${key}`) : key}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              <Time value={at} />
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}

/** A quote's lines and total (the final one, or the running one while in use). */
export function QuoteTable({ quote }: { quote: unknown }) {
  const { t } = useTranslation(NS);
  if (!quote || typeof quote !== 'object') return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const q = quote as Quote;
  const lines = asArray<QuoteLine>(q.lines).map((line, index) => ({ ...line, index }));
  return (
    <>
      <Table<QuoteLine & { index: number }>
        size="small"
        rowKey="index"
        pagination={false}
        dataSource={lines}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('quote.item'), dataIndex: 'label', render: (_v, line) => line.label ?? line.kind ?? '—' },
          { title: t('quote.detail'), dataIndex: 'detail', render: (v: string | undefined) => v ?? '—' },
          { title: t('quote.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number | undefined) => <Money fen={v} /> },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <Typography.Text strong>{t('quote.total')}</Typography.Text>
              {q.capped ? <Tag style={{ marginLeft: 8 }}>{t('quote.capped', { cap: q.capped })}</Tag> : null}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong>
                <Money fen={q.totalFen} />
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {q.explanation ? <Typography.Paragraph type="secondary">{t('quote.explanation', { text: q.explanation })}</Typography.Paragraph> : null}
    </>
  );
}

/** What was sent to WeChat with the order's completion (or its last modify). */
export function WechatLinesTable({ lines }: { lines: unknown }) {
  const { t } = useTranslation(NS);
  if (!lines || typeof lines !== 'object') return <Typography.Text type="secondary">{t('wechat.none')}</Typography.Text>;
  const l = lines as WechatLines;
  const rows = [
    ...asArray<PayLine>(l.post_payments).map((p, i) => ({ ...p, key: `p${i}`, kind: t('wechat.payment') })),
    ...asArray<PayLine>(l.post_discounts).map((d, i) => ({ ...d, key: `d${i}`, kind: t('wechat.discount') })),
  ];
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('wechat.kind'), dataIndex: 'kind' },
        { title: t('wechat.name'), dataIndex: 'name' },
        { title: t('wechat.description'), dataIndex: 'description', render: (v: string | undefined) => v ?? '—' },
        { title: t('wechat.count'), dataIndex: 'count', render: (v: number | undefined) => v ?? '—' },
        { title: t('wechat.amount'), dataIndex: 'amount', align: 'right', render: (v: number | undefined) => <Money fen={v} /> },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={4}>
            <Typography.Text strong>{t('wechat.total')}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <Typography.Text strong>
              <Money fen={l.total_amount} />
            </Typography.Text>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

/** The usage the session was priced on. */
export function UsageDescriptions({ usage, meterReading }: { usage: unknown; meterReading: SessionDetail['meterReading'] }) {
  const { t } = useTranslation(NS);
  const u = (usage && typeof usage === 'object' ? usage : {}) as Usage;
  const energy = asArray<{ wattHours?: number }>(u.energy).reduce((sum, e) => sum + (e.wattHours ?? 0), 0);
  const items = asArray<{ sku?: string; count?: number }>(u.items);
  if (!usage && !meterReading) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Descriptions size="small" column={1} bordered>
      {u.startedAt ? (
        <Descriptions.Item label={t('usage.startedAt')}>
          <Time value={u.startedAt} />
        </Descriptions.Item>
      ) : null}
      {u.endedAt ? (
        <Descriptions.Item label={t('usage.endedAt')}>
          <Time value={u.endedAt} />
        </Descriptions.Item>
      ) : null}
      {u.energy ? <Descriptions.Item label={t('usage.energy')}>{t('usage.wattHours', { value: energy })}</Descriptions.Item> : null}
      {u.volumeMillilitres !== undefined ? <Descriptions.Item label={t('usage.volume')}>{t('usage.millilitres', { value: u.volumeMillilitres })}</Descriptions.Item> : null}
      {items.length > 0 ? (
        <Descriptions.Item label={t('usage.items')}>
          {items.map((item) => (
            <div key={item.sku}>{t('usage.item', { sku: item.sku, count: item.count })}</div>
          ))}
        </Descriptions.Item>
      ) : null}
      {meterReading ? (
        <Descriptions.Item label={t('usage.meter')}>
          {meterReading.wattHours !== undefined ? t('usage.wattHours', { value: meterReading.wattHours }) : null}
          {meterReading.volumeMillilitres !== undefined ? t('usage.millilitres', { value: meterReading.volumeMillilitres }) : null}{' '}
          <Typography.Text type="secondary">
            <Time value={meterReading.readAt} />
          </Typography.Text>
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** Operator actions (refunds among them): amount, state, reason, WeChat's refund number, the error if any. */
export function ActionsTable({ actions, testId }: { actions: readonly Schemas['SessionActionDto'][]; testId?: string }) {
  const { t } = useTranslation(NS);
  return (
    <Table<Schemas['SessionActionDto']>
      data-testid={testId}
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={actions as Schemas['SessionActionDto'][]}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('actions.none') }}
      columns={[
        { title: t('actions.at'), dataIndex: 'createdAt', render: (v: string) => <Time value={v} /> },
        { title: t('actions.kind'), dataIndex: 'kind', render: (v: string) => t(`actions.kinds.${v}`) },
        { title: t('actions.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number | null) => <Money fen={v} /> },
        { title: t('actions.state'), dataIndex: 'state', render: (v: string) => <StateTag state={v} /> },
        { title: t('actions.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
        { title: t('actions.outRefundNo'), dataIndex: 'outRefundNo', render: (v: string | null) => (v ? <Typography.Text copyable>{v}</Typography.Text> : '—') },
        { title: t('actions.finishedAt'), dataIndex: 'finishedAt', render: (v: string | null) => <Time value={v} /> },
        { title: t('actions.error'), dataIndex: 'error', render: (v: string | null) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : '—') },
      ]}
    />
  );
}

/** The session's Pay Score orders (a rescan before confirming replaces the order). */
export function AttemptsTable({ attempts }: { attempts: readonly Schemas['OrderAttemptDto'][] }) {
  const { t } = useTranslation(NS);
  return (
    <Table<Schemas['OrderAttemptDto']>
      size="small"
      rowKey="attempt"
      pagination={false}
      dataSource={attempts as Schemas['OrderAttemptDto'][]}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('attempts.attempt'), dataIndex: 'attempt' },
        { title: t('attempts.outOrderNo'), dataIndex: 'outOrderNo', render: (v: string) => <Typography.Text copyable>{v}</Typography.Text> },
        { title: t('attempts.state'), dataIndex: 'state', render: (v: string) => <StateTag state={v} /> },
        { title: t('attempts.createdAt'), dataIndex: 'createdAt', render: (v: string) => <Time value={v} /> },
        { title: t('attempts.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

/** One titled part of the session page. */
export function Section({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra}>
      {children}
    </Card>
  );
}
