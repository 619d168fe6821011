import { useState } from 'react';
import { Button, Card, Form, Input, Radio, Table, Typography } from 'antd';
import { DiffOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { ConfirmAction } from '@/components/confirm-action';
import { Problem } from '@/components/problem';
import { StateTag } from '@/components/state-tag';
import { Money, Time } from '@/components/time';
import { parseYuan } from '@/lib/format';
import { type Adjustment, adjustmentsQuery, createAdjustment, type NewAdjustment, useAdjustmentBooked } from '../api/adjustments';
import { NS } from '../i18n';
import { todayInShanghai } from '../period';

type Direction = 'CREDIT' | 'DEBIT';

export interface AdjustmentValues {
  direction: Direction;
  /** yuan as typed, at most 2 decimals */
  amount: string;
  reason: string;
  /** `YYYY-MM-DD` (Asia/Shanghai); empty: today */
  effectiveDate?: string;
}

/** The adjustment the API takes, from the form: yuan to integer fen exactly (no floating point), signed by direction. */
export function adjustmentBody(values: AdjustmentValues): NewAdjustment {
  const fen = parseYuan(values.amount);
  if (fen === null || fen === 0) throw new RangeError(`not an amount: ${values.amount}`);
  return {
    amountFen: values.direction === 'DEBIT' ? -fen : fen,
    reason: values.reason.trim(),
    ...(values.effectiveDate ? { effectiveDate: values.effectiveDate } : {}),
  };
}

/** Booking an adjustment on a franchisee's (customer's) open statement: who gains, how much, why, on which day. */
export function AdjustmentDialog({ organizationId, organizationName, open, onClose }: { organizationId: string; organizationName: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const booked = useAdjustmentBooked();
  return (
    <ConfirmAction<AdjustmentValues, Adjustment>
      open={open}
      onClose={onClose}
      title={t('adjustments.dialogTitle', { organization: organizationName })}
      reason="none"
      okText={t('adjustments.ok')}
      initialValues={{ direction: 'CREDIT' }}
      consequences={
        <div data-testid="adjustment-consequences">
          <div>{t('adjustments.what', { organization: organizationName })}</div>
          <div>{t('adjustments.closedRule')}</div>
        </div>
      }
      onConfirm={(values, key) => createAdjustment(organizationId, adjustmentBody(values), key)}
      onDone={() => void booked(organizationId)}
    >
      <Form.Item name="direction" label={t('adjustments.direction')}>
        <Radio.Group options={(['CREDIT', 'DEBIT'] as const).map((d) => ({ value: d, label: t(`adjustments.directions.${d}`) }))} />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('adjustments.amount')}
        rules={[
          {
            validator: (_rule, value: string | undefined) => {
              const fen = parseYuan(value ?? '');
              return fen !== null && fen > 0 ? Promise.resolve() : Promise.reject(new Error(t('adjustments.amountInvalid')));
            },
          },
        ]}
      >
        <Input inputMode="decimal" autoComplete="off" />
      </Form.Item>
      <Form.Item name="reason" label={t('adjustments.reason')} extra={t('adjustments.reasonHint')} rules={[{ required: true, whitespace: true, message: t('adjustments.reasonRequired') }, { max: 200 }]}>
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
      <Form.Item name="effectiveDate" label={t('adjustments.effectiveDate')} extra={t('adjustments.effectiveDateHint', { today: todayInShanghai() })}>
        <Input type="date" />
      </Form.Item>
    </ConfirmAction>
  );
}

/** A franchisee's (customer's) adjustments, newest date first, with the statement each landed on; and "调整" for the brand. */
export function AdjustmentsPanel({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const { t } = useTranslation(NS);
  const adjustments = useQuery(adjustmentsQuery(organizationId));
  const [open, setOpen] = useState(false);
  const items = adjustments.data?.items ?? [];
  return (
    <Card
      size="small"
      title={t('adjustments.title')}
      data-testid="adjustments-panel"
      extra={
        <Can permission="settlement.write">
          <Button size="small" icon={<DiffOutlined />} onClick={() => setOpen(true)} data-testid="adjust">
            {t('adjustments.button')}
          </Button>
        </Can>
      }
    >
      {adjustments.isLoading ? <Typography.Text type="secondary">…</Typography.Text> : null}
      {adjustments.error ? <Problem error={adjustments.error} onRetry={() => void adjustments.refetch()} /> : null}
      {adjustments.data && items.length === 0 ? <Typography.Text type="secondary">{t('adjustments.none')}</Typography.Text> : null}
      {items.length > 0 ? (
        <div data-testid="adjustments-list">
          <Table<Adjustment>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={items}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('adjustments.effectiveDate'), dataIndex: 'effectiveDate' },
              { title: t('adjustments.amountFen'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => <Money fen={fen} /> },
              { title: t('adjustments.reason'), dataIndex: 'reason' },
              {
                title: t('adjustments.statement'),
                key: 'statement',
                render: (_v, a) => (
                  <span>
                    {a.periodStart} ~ {a.periodEnd} <StateTag state={a.statementStatus} />
                  </span>
                ),
              },
              {
                title: t('adjustments.by'),
                key: 'by',
                render: (_v, a) => (
                  <span>
                    {a.createdByName ?? '—'} · <Time value={a.createdAt} />
                  </span>
                ),
              },
            ]}
          />
        </div>
      ) : null}
      <AdjustmentDialog organizationId={organizationId} organizationName={organizationName} open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}
