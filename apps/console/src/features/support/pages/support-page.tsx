import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Flex, Input, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@zizhu/api-client';
import { Problem } from '@/components/problem';
import { StateTag } from '@/components/state-tag';
import { Money, Time } from '@/components/time';
import { usePreferences } from '@/lib/preferences';
import { fromZonedInput, toZonedInput } from '@/lib/zoned';
import { lookupQuery } from '../api/lookup';
import { NS } from '../i18n';
import { detectKind, KINDS, type LookupKind, type SupportSearch } from '../search';

type Session = Schemas['SupportSessionDto'];
type Report = Schemas['SupportDeviceReportDto'];
type KindChoice = LookupKind | 'auto';

/** The kinds whose search is audited (the user's own identifiers): the page says so before the search. */
const AUDITED: ReadonlySet<LookupKind> = new Set(['transactionId', 'refundNo', 'openid']);

/**
 * The kind the select shows for the search in the URL: 自动识别 when that is what detection makes of the identifier (so
 * the next identifier pasted after a search is detected afresh, not searched as the previous one's kind), else the kind.
 */
function choiceOf(search: SupportSearch): KindChoice {
  if (!search.kind) return 'auto';
  return search.kind !== 'deviceTime' && search.q && detectKind(search.q) === search.kind ? 'auto' : search.kind;
}

/**
 * 客服查询: one search box with a kind (or 自动识别 by the identifier's shape) and, for a device, the time the user
 * describes; each session found as a card with its charges, refunds, complaints and the device's reports.
 */
export function SupportPage({ search, onSearchChange }: { search: SupportSearch; onSearchChange: (search: SupportSearch) => void }) {
  const { t } = useTranslation(NS);
  const { timeZone } = usePreferences();
  const [kind, setKind] = useState<KindChoice>(choiceOf(search));
  const [q, setQ] = useState(search.q ?? '');
  const [at, setAt] = useState(search.at ? toZonedInput(new Date(search.at), timeZone) : '');
  const [atMissing, setAtMissing] = useState(false);
  useEffect(() => {
    setKind(choiceOf(search));
    setQ(search.q ?? '');
    setAt(search.at ? toZonedInput(new Date(search.at), timeZone) : '');
  }, [search.kind, search.q, search.at, timeZone]);

  const ready = Boolean(search.kind && search.q && (search.kind !== 'deviceTime' || search.at));
  const result = useQuery({ ...lookupQuery(search.kind ?? 'outOrderNo', search.q ?? '', search.kind === 'deviceTime' ? search.at : undefined), enabled: ready });

  const effectiveKind: LookupKind = kind === 'auto' ? detectKind(q) : kind;
  const submit = () => {
    const text = q.trim();
    if (!text) return;
    if (effectiveKind === 'deviceTime') {
      const instant = fromZonedInput(at, timeZone);
      setAtMissing(!instant);
      if (!instant) return;
      onSearchChange({ kind: 'deviceTime', q: text, at: instant.toISOString() });
      return;
    }
    setAtMissing(false);
    onSearchChange({ kind: effectiveKind, q: text });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Card>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Flex gap="small" wrap align="start">
            <Select<KindChoice>
              aria-label={t('kindLabel')}
              value={kind}
              onChange={setKind}
              style={{ minWidth: 170 }}
              options={[{ value: 'auto', label: t('kind.auto') }, ...KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))]}
            />
            <Input
              aria-label={t('qLabel')}
              placeholder={t(`placeholder.${kind === 'auto' ? 'auto' : kind}`)}
              value={q}
              onChange={(event) => setQ(event.target.value)}
              maxLength={128}
              allowClear
              style={{ flex: 1, minWidth: 220 }}
            />
            {effectiveKind === 'deviceTime' ? (
              <Input
                type="datetime-local"
                aria-label={t('atLabel')}
                value={at}
                onChange={(event) => setAt(event.target.value)}
                status={atMissing ? 'error' : undefined}
                style={{ width: 220 }}
              />
            ) : null}
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} disabled={!q.trim()}>
              {t('search')}
            </Button>
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            {kind === 'auto' && q.trim() ? `${t('detected', { kind: t(`kind.${effectiveKind}`) })} ` : ''}
            {effectiveKind === 'deviceTime' ? t('deviceTimeHint', { timeZone }) : AUDITED.has(effectiveKind) ? t('auditedHint') : t('notAuditedHint')}
          </Typography.Text>
          {atMissing ? <Typography.Text type="danger">{t('atRequired')}</Typography.Text> : null}
        </form>
      </Card>
      {!ready ? null : result.error ? (
        <Problem error={result.error} />
      ) : !result.data ? (
        <Card loading />
      ) : result.data.sessions.length === 0 ? (
        <Empty description={t('nothing')} />
      ) : (
        <>
          <Typography.Text data-testid="found-count">{t('found', { count: result.data.sessions.length })}</Typography.Text>
          {result.data.truncated ? <Alert type="warning" showIcon title={t('truncated')} /> : null}
          {result.data.sessions.map((session) => (
            <SessionResult key={session.id} session={session} />
          ))}
        </>
      )}
    </Space>
  );
}

function SessionResult({ session }: { session: Session }) {
  const { t } = useTranslation(NS);
  const dash = '—';
  return (
    <Card
      data-testid="support-session"
      title={
        <Flex gap="small" align="center" wrap>
          <Link to="/sessions/$sessionId" params={{ sessionId: session.id }}>
            {session.outOrderNo}
          </Link>
          <StateTag state={session.state} />
          {session.anomaly ? <Tag color="error">{session.anomaly}</Tag> : null}
        </Flex>
      }
      extra={
        <Link to="/sessions/$sessionId" params={{ sessionId: session.id }}>
          {t('openSession')}
        </Link>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'id', label: t('field.sessionId'), children: <Typography.Text copyable>{session.id}</Typography.Text> },
          { key: 'orders', label: t('field.outOrderNos'), children: session.outOrderNos.join(', ') },
          { key: 'tx', label: t('field.transactionId'), children: session.transactionId ?? dash },
          { key: 'openid', label: t('field.openid'), children: session.openid ?? t('openidHidden') },
          { key: 'device', label: t('field.device'), children: `${session.deviceCode}${session.slot ? ` #${session.slot}` : ''}${session.connector ? ` #${session.connector}` : ''}` },
          { key: 'org', label: t('field.organization'), children: session.organizationName },
          { key: 'created', label: t('field.createdAt'), children: <Time value={session.createdAt} /> },
          { key: 'inUse', label: t('field.inUseAt'), children: <Time value={session.inUseAt} /> },
          { key: 'ended', label: t('field.endedAt'), children: <Time value={session.endedAt ?? session.cancelledAt} /> },
          { key: 'total', label: t('field.totalFen'), children: <Money fen={session.totalFen} /> },
          { key: 'paid', label: t('field.paidFen'), children: <Money fen={session.paidFen} /> },
          { key: 'refunded', label: t('field.refundedFen'), children: <Money fen={session.refundedFen} /> },
          ...(session.cancelReason ? [{ key: 'cancel', label: t('field.cancelReason'), children: session.cancelReason }] : []),
        ]}
      />
      <Typography.Title level={5}>{t('section.charges')}</Typography.Title>
      {session.charges.length === 0 ? (
        <Typography.Text type="secondary">{t('none')}</Typography.Text>
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={session.charges.map((charge, index) => ({ ...charge, key: String(index) }))}
          columns={[
            { key: 'label', title: t('col.item'), dataIndex: 'label' },
            { key: 'detail', title: t('col.detail'), dataIndex: 'detail', render: (value: string | null) => value ?? dash },
            { key: 'amount', title: t('col.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => <Money fen={fen} /> },
          ]}
        />
      )}
      <Typography.Title level={5}>{t('section.refunds')}</Typography.Title>
      {session.refunds.length === 0 ? (
        <Typography.Text type="secondary">{t('none')}</Typography.Text>
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={session.refunds}
          scroll={{ x: true }}
          columns={[
            { key: 'no', title: t('col.outRefundNo'), dataIndex: 'outRefundNo', render: (value: string | null) => value ?? dash },
            { key: 'wx', title: t('col.refundId'), dataIndex: 'refundId', render: (value: string | null) => value ?? dash },
            { key: 'amount', title: t('col.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number | null) => <Money fen={fen} /> },
            { key: 'state', title: t('col.state'), dataIndex: 'state', render: (state: string) => <StateTag state={state} /> },
            { key: 'reason', title: t('col.reason'), dataIndex: 'reason', render: (value: string | null) => value ?? dash },
            { key: 'at', title: t('col.createdAt'), dataIndex: 'createdAt', render: (value: string) => <Time value={value} /> },
          ]}
        />
      )}
      <Typography.Title level={5}>{t('section.complaints')}</Typography.Title>
      {session.complaints.length === 0 ? (
        <Typography.Text type="secondary">{t('none')}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {session.complaints.map((complaint) => (
            <Flex key={complaint.id} gap="small" wrap align="center">
              <Link to="/complaints/$complaintId" params={{ complaintId: complaint.id }}>
                {complaint.complaintId}
              </Link>
              <StateTag state={complaint.state} />
              <Time value={complaint.complaintTime} />
              <Typography.Text>{complaint.detail}</Typography.Text>
            </Flex>
          ))}
        </Space>
      )}
      <Typography.Title level={5}>{t('section.device')}</Typography.Title>
      {session.deviceReports.length === 0 ? (
        <Typography.Text type="secondary">{t('noReports')}</Typography.Text>
      ) : (
        <Timeline
          data-testid="device-timeline"
          items={session.deviceReports.map((report, index) => ({
            key: String(index),
            color: report.ofSession ? 'blue' : 'gray',
            content: <ReportLine report={report} />,
          }))}
        />
      )}
    </Card>
  );
}

function ReportLine({ report }: { report: Report }) {
  const { t } = useTranslation(NS);
  const detail = report.source === 'EVENT' ? (report.detail['payload'] ?? {}) : report.source === 'COMMAND' ? { state: report.detail['state'], ack: report.detail['ackResult'], detail: report.detail['ackDetail'] } : report.detail['telemetry'];
  return (
    <Flex gap="small" wrap align="baseline">
      <Time value={report.at} />
      <Tag>{t(`source.${report.source}`)}</Tag>
      <Typography.Text strong>{report.type}</Typography.Text>
      {report.ofSession ? <Tag color="blue">{t('ofSession')}</Tag> : null}
      <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>
        {JSON.stringify(detail ?? {})}
      </Typography.Text>
    </Flex>
  );
}
