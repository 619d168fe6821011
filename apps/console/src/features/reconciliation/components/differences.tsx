import { useMemo, useState } from 'react';
import { Button, Card, Descriptions, Empty, Flex, Form, Input, Segmented, Space, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { reconciliationDifferenceDtoKindValues } from '@zizhu/api-client';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { ChoiceFilter } from '@/components/choice-filter';
import { ConfirmAction } from '@/components/confirm-action';
import { Money, Time } from '@/components/time';
import { formatFen } from '@/lib/format';
import { useCan } from '@/lib/me';
import type { Difference, DifferenceKind } from '../api/reconciliations';
import { resolveDifference, useReconciliationChanged } from '../api/mutations';
import { NS } from '../i18n';
import type { ReconciliationDetailSearch } from '../search';

/** The kinds of difference, as the generated schema lists them (the API's order). */
export const DIFFERENCE_KINDS: readonly DifferenceKind[] = reconciliationDifferenceDtoKindValues;

/** A bill's name in words when the console knows it, else the API's own string (a bill kind added later still shows). */
export function useBillName(): (bill: string) => string {
  const { t, i18n } = useTranslation(NS);
  return (bill) => (i18n.exists(`${NS}:bills.${bill}`) ? t(`bills.${bill}`) : bill);
}

/** What the re-check by query answered, in words: which query, then each field (amounts in yuan). */
export function Recheck({ recheck }: { recheck: Record<string, unknown> }) {
  const { t, i18n } = useTranslation(NS);
  const { query, ...rest } = recheck;
  const label = (key: string) => (i18n.exists(`${NS}:recheck.fields.${key}`) ? t(`recheck.fields.${key}`) : key);
  const value = (key: string, v: unknown) => (key.endsWith('Fen') && typeof v === 'number' ? formatFen(v) : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return (
    <span data-testid="recheck">
      {typeof query === 'string' ? <Tag>{i18n.exists(`${NS}:recheck.query.${query}`) ? t(`recheck.query.${query}`) : query}</Tag> : null}
      {Object.entries(rest)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => `${label(k)}: ${value(k, v)}`)
        .join(' · ')}
    </span>
  );
}

function ResolveDialog({ runId, difference, onClose }: { runId: string; difference: Difference | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const changed = useReconciliationChanged();
  return (
    <ConfirmAction<{ note: string }, Difference>
      open={difference !== null}
      onClose={onClose}
      title={t('resolve.title')}
      reason="none"
      okText={t('resolve.ok')}
      consequences={
        difference ? (
          <div data-testid="resolve-consequences">
            <div>{t('resolve.what', { kind: t(`kinds.${difference.kind}`), order: difference.outRefundNo ?? difference.outOrderNo ?? difference.transactionId ?? '—' })}</div>
            <div>{t('resolve.effect')}</div>
          </div>
        ) : null
      }
      onConfirm={(values) => resolveDifference(runId, difference!.id, values.note.trim())}
      onDone={() => void changed(runId)}
    >
      <Form.Item name="note" label={t('resolve.note')} rules={[{ required: true, whitespace: true, message: t('resolve.noteRequired') }]}>
        <Input.TextArea rows={3} maxLength={500} placeholder={t('resolve.notePlaceholder')} />
      </Form.Item>
    </ConfirmAction>
  );
}

/** One difference: the order (and refund), ours vs WeChat's, what the re-check said, and its resolution or the button. */
function DifferenceCard({ difference: d, onResolve }: { difference: Difference; onResolve: (d: Difference) => void }) {
  const { t } = useTranslation(NS);
  const billName = useBillName();
  const canSeeSessions = useCan('sessions.read');
  const resolved = d.resolvedAt !== null;
  return (
    <Card size="small" data-testid={`difference-${d.id}`} data-kind={d.kind} data-resolved={resolved}>
      <Flex justify="space-between" align="center" gap="small" wrap style={{ marginBottom: 8 }}>
        <Space size={4} wrap>
          <Tag color={resolved ? 'default' : 'error'}>{t(`kinds.${d.kind}`)}</Tag>
          <Tag>{billName(d.bill)}</Tag>
          {resolved ? <Tag color="success">{t('differences.resolved')}</Tag> : null}
        </Space>
        {!resolved ? (
          <Can permission="reconciliations.write">
            <Button size="small" onClick={() => onResolve(d)} data-testid={`resolve-${d.id}`}>
              {t('resolve.button')}
            </Button>
          </Can>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t(`kindHelp.${d.kind}`)}
      </Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        {d.outOrderNo ? (
          <Descriptions.Item label={t('fields.outOrderNo')}>
            <Typography.Text copyable>{d.outOrderNo}</Typography.Text>
          </Descriptions.Item>
        ) : null}
        {d.transactionId ? (
          <Descriptions.Item label={t('fields.transactionId')}>
            <Typography.Text copyable>{d.transactionId}</Typography.Text>
          </Descriptions.Item>
        ) : null}
        {d.outRefundNo ? <Descriptions.Item label={t('fields.outRefundNo')}>{d.outRefundNo}</Descriptions.Item> : null}
        {d.refundId ? <Descriptions.Item label={t('fields.refundId')}>{d.refundId}</Descriptions.Item> : null}
        <Descriptions.Item label={t('fields.session')}>
          {d.sessionId ? (
            canSeeSessions ? (
              <Link to="/sessions/$sessionId" params={{ sessionId: d.sessionId }} data-testid={`session-link-${d.id}`}>
                {t('differences.openSession')}
              </Link>
            ) : (
              d.sessionId.slice(0, 8)
            )
          ) : (
            <Typography.Text type="secondary">{t('differences.noSession')}</Typography.Text>
          )}
        </Descriptions.Item>
        {d.localFen !== null || d.billFen !== null ? (
          <>
            <Descriptions.Item label={t('fields.localFen')}>
              <Money fen={d.localFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.billFen')}>
              <Money fen={d.billFen} />
            </Descriptions.Item>
          </>
        ) : null}
        {d.localState !== null || d.billState !== null ? (
          <>
            <Descriptions.Item label={t('fields.localState')}>{d.localState ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.billState')}>{d.billState ?? '—'}</Descriptions.Item>
          </>
        ) : null}
      </Descriptions>
      <Typography.Paragraph style={{ marginBottom: resolved ? 4 : 0 }}>
        <Typography.Text type="secondary">{t('fields.recheck')}: </Typography.Text>
        <Recheck recheck={d.recheck} /> (<Time value={d.recheckedAt} />)
      </Typography.Paragraph>
      {resolved ? (
        <Typography.Paragraph style={{ marginBottom: 0 }} data-testid={`resolution-${d.id}`}>
          <Typography.Text type="secondary">{t('fields.resolution')}: </Typography.Text>
          <Time value={d.resolvedAt} /> · {d.resolutionNote}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

/** A run's differences grouped by kind, filterable by kind, bill and open/resolved (the filters live in the URL). */
export function Differences({
  runId,
  differences,
  search,
  onSearchChange,
}: {
  runId: string;
  differences: readonly Difference[];
  search: ReconciliationDetailSearch;
  onSearchChange: (search: ReconciliationDetailSearch) => void;
}) {
  const { t } = useTranslation(NS);
  const billName = useBillName();
  const [resolving, setResolving] = useState<Difference | null>(null);
  // bills as the differences carry them: a bill kind the console has no text for still filters
  const bills = useMemo(() => [...new Set(differences.map((d) => d.bill as string))].sort(), [differences]);
  const shown = differences.filter((d) => (!search.kind || d.kind === search.kind) && (!search.bill || d.bill === search.bill) && (search.open === undefined || (d.resolvedAt === null) === search.open));
  const openCount = differences.filter((d) => d.resolvedAt === null).length;
  const set = (next: Partial<ReconciliationDetailSearch>) => {
    const merged = { ...search, ...next };
    onSearchChange(Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as ReconciliationDetailSearch);
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="differences">
      <Flex gap="small" wrap align="center">
        <Typography.Text strong>{t('differences.count', { open: openCount, total: differences.length })}</Typography.Text>
        <ChoiceFilter
          label={t('fields.kind')}
          allText={t('filters.all')}
          minWidth={180}
          value={search.kind}
          onChange={(kind) => set({ kind })}
          options={DIFFERENCE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          testId="filter-kind"
        />
        <ChoiceFilter
          label={t('fields.bill')}
          allText={t('filters.all')}
          minWidth={160}
          value={search.bill}
          onChange={(bill) => set({ bill })}
          options={bills.map((b) => ({ value: b, label: billName(b) }))}
          testId="filter-bill"
        />
        <Segmented
          value={search.open === undefined ? 'all' : search.open ? 'open' : 'resolved'}
          onChange={(v) => set({ open: v === 'all' ? undefined : v === 'open' })}
          options={[
            { value: 'all', label: t('filters.all') },
            { value: 'open', label: t('differences.open') },
            { value: 'resolved', label: t('differences.resolved') },
          ]}
        />
      </Flex>
      {shown.length === 0 ? <Empty description={differences.length === 0 ? t('differences.none') : t('differences.noneFiltered')} /> : null}
      {DIFFERENCE_KINDS.map((kind) => {
        const group = shown.filter((d) => d.kind === kind);
        if (group.length === 0) return null;
        return (
          <section key={kind} data-testid={`group-${kind}`}>
            <Typography.Title level={5}>
              {t(`kinds.${kind}`)} ({group.length})
            </Typography.Title>
            <Space orientation="vertical" size="small" style={{ width: '100%' }}>
              {group.map((d) => (
                <DifferenceCard key={d.id} difference={d} onResolve={setResolving} />
              ))}
            </Space>
          </section>
        );
      })}
      <ResolveDialog runId={runId} difference={resolving} onClose={() => setResolving(null)} />
    </Space>
  );
}
