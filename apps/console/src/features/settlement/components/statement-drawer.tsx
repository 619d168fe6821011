import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Grid, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { AuditOutlined, DownloadOutlined, LockOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { DetailDrawer } from '@/components/detail-drawer';
import { Problem } from '@/components/problem';
import { StateTag } from '@/components/state-tag';
import { Money, Time } from '@/components/time';
import { downloadStatement, type ExportFormat } from '../api/export-statement';
import { statementQuery, type StatementDetail, type StatementLine } from '../api/get-statement';
import { NS } from '../i18n';
import { todayInShanghai } from '../period';
import { CloseStatement } from './close-statement';
import { PayOutStatement } from './pay-out-statement';
import { canSettleWithoutPayout, SettleStatement } from './settle-statement';

function Rounding({ name }: { name: string | null }) {
  const { t, i18n } = useTranslation(NS);
  if (!name) return null;
  // the rounding as the API names it, with what it means
  return (
    <Tooltip title={i18n.exists(`${NS}:rounding.${name}`) ? t(`rounding.${name}`) : undefined}>
      <Tag data-rounding={name}>{name}</Tag>
    </Tooltip>
  );
}

function LineKind({ line }: { line: StatementLine }) {
  const { t } = useTranslation(NS);
  return <span>{t(`lineKind.${line.kind}`)}</span>;
}

/** The totals of a statement: revenue figures for a franchisee's, fees only for a reseller customer's (never revenue). */
function Totals({ statement }: { statement: StatementDetail }) {
  const { t } = useTranslation(NS);
  const rows: [string, number][] =
    statement.kind === 'FRANCHISE'
      ? [
          ['paidFen', statement.paidFen],
          ['refundedFen', statement.refundedFen],
          ['netFen', statement.netFen],
          ['commissionFen', statement.commissionFen],
          ['fixedFeeFen', statement.fixedFeeFen],
          ['minimumTopUpFen', statement.minimumTopUpFen],
          ['channelFeeFen', statement.channelFeeFen],
          ...(statement.ownChannelFeeFen !== 0 ? [['ownChannelFeeFen', statement.ownChannelFeeFen] as [string, number]] : []),
          ['adjustmentFen', statement.adjustmentFen],
        ]
      : [
          ['resellerFeeFen', statement.resellerFeeFen],
          ['adjustmentFen', statement.adjustmentFen],
        ];
  return (
    <Descriptions size="small" bordered column={1} data-testid="statement-totals">
      {rows.map(([key, fen]) => (
        <Descriptions.Item key={key} label={t(`totals.${key}`)}>
          <Money fen={fen} />
        </Descriptions.Item>
      ))}
      <Descriptions.Item label={<strong>{t(statement.kind === 'FRANCHISE' ? 'totals.payableFranchise' : 'totals.payableReseller')}</strong>}>
        <strong data-testid="statement-payable">
          <Money fen={statement.payableFen} />
        </strong>
      </Descriptions.Item>
    </Descriptions>
  );
}

function Lines({ lines }: { lines: StatementLine[] }) {
  const { t } = useTranslation(NS);
  const phone = Grid.useBreakpoint().md === false;
  if (phone)
    return (
      <Flex vertical gap={8} role="list" data-testid="statement-lines">
        {lines.map((line) => (
          <Card key={line.position} size="small" role="listitem">
            <Flex justify="space-between" gap="small" wrap>
              <LineKind line={line} />
              <Money fen={line.amountFen} />
            </Flex>
            <Typography.Text type="secondary">{line.description}</Typography.Text>
            <Flex justify="space-between" gap="small" wrap>
              <span>{line.quantity !== null ? t('lines.quantityOf', { count: line.quantity }) : null}</span>
              <Rounding name={line.rounding} />
            </Flex>
          </Card>
        ))}
      </Flex>
    );
  return (
    <Table<StatementLine>
      data-testid="statement-lines"
      size="small"
      rowKey="position"
      pagination={false}
      dataSource={lines}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('lines.empty') }}
      columns={[
        { title: t('lines.kind'), key: 'kind', render: (_v, line) => <LineKind line={line} /> },
        { title: t('lines.description'), dataIndex: 'description' },
        { title: t('lines.quantity'), dataIndex: 'quantity', align: 'right', render: (v: number | null) => v ?? '—' },
        { title: t('lines.unit'), dataIndex: 'unitFen', align: 'right', render: (v: number | null) => (v === null ? '—' : <Money fen={v} />) },
        { title: t('lines.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => <Money fen={v} /> },
        { title: t('lines.rounding'), dataIndex: 'rounding', render: (v: string | null) => <Rounding name={v} /> },
      ]}
    />
  );
}

/** How a statement no payout settled was settled (POST /v1/statements/{id}/settle). */
function Settlement({ settlement }: { settlement: NonNullable<StatementDetail['settlement']> }) {
  const { t } = useTranslation(NS);
  return (
    <Descriptions size="small" bordered column={1} title={t('settle.recorded')} data-testid="statement-settlement">
      <Descriptions.Item label={t('settle.method')}>{t(`settle.methods.${settlement.method}`)}</Descriptions.Item>
      {settlement.reference ? <Descriptions.Item label={t('settle.reference')}>{settlement.reference}</Descriptions.Item> : null}
      {settlement.note ? <Descriptions.Item label={t('settle.note')}>{settlement.note}</Descriptions.Item> : null}
      <Descriptions.Item label={t('settle.settledAt')}>
        <Time value={settlement.settledAt} />
      </Descriptions.Item>
      <Descriptions.Item label={t('settle.by')}>
        {settlement.settledByName ?? settlement.settledBy ?? '—'} · <Time value={settlement.recordedAt} />
      </Descriptions.Item>
    </Descriptions>
  );
}

/** Closable now: OPEN and its period has ended (Asia/Shanghai). */
export function isClosable(statement: Pick<StatementDetail, 'status' | 'periodEnd'>, today = todayInShanghai()): boolean {
  return statement.status === 'OPEN' && statement.periodEnd < today;
}

/** A statement beside the list: header, lines, totals, exports, and (for the brand or reseller) the close action. */
export function StatementDrawer({ id, organizationName, onClose }: { id: string | undefined; organizationName: (id: string) => string; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const query = useQuery({ ...statementQuery(id ?? ''), enabled: Boolean(id) });
  const [closing, setClosing] = useState(false);
  const [paying, setPaying] = useState(false);
  const [settling, setSettling] = useState(false);
  const exporting = useMutation({
    mutationFn: ({ statement, format }: { statement: StatementDetail; format: ExportFormat }) =>
      downloadStatement(statement.id, format, `statement-${statement.periodStart}-${statement.id.slice(0, 8)}.${format}`),
  });
  const statement = query.data;
  return (
    <DetailDrawer
      open={Boolean(id)}
      onClose={onClose}
      title={statement ? t('drawer.title', { organization: organizationName(statement.organizationId), from: statement.periodStart, to: statement.periodEnd }) : t('drawer.loading')}
      extra={statement ? <StateTag state={statement.status} /> : null}
    >
      {query.error ? <Problem error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!statement && query.isLoading ? <Card loading /> : null}
      {statement ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="statement-drawer">
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting.isPending && exporting.variables?.format === 'csv'}
              onClick={() => exporting.mutate({ statement, format: 'csv' })}
            >
              {t('drawer.exportCsv')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting.isPending && exporting.variables?.format === 'xlsx'}
              onClick={() => exporting.mutate({ statement, format: 'xlsx' })}
            >
              {t('drawer.exportXlsx')}
            </Button>
            {statement.status === 'OPEN' ? (
              <Can permission="settlement.write">
                <Tooltip title={isClosable(statement) ? undefined : t('close.notYet', { date: statement.periodEnd })}>
                  <Button danger icon={<LockOutlined />} disabled={!isClosable(statement)} onClick={() => setClosing(true)}>
                    {t('close.button')}
                  </Button>
                </Tooltip>
              </Can>
            ) : null}
            {statement.status === 'CLOSED' && statement.kind === 'FRANCHISE' && statement.payableFen > 0 ? (
              <Can permission="settlement.write">
                <Button type="primary" icon={<SendOutlined />} onClick={() => setPaying(true)} data-testid="pay-out">
                  {t('payout.button')}
                </Button>
              </Can>
            ) : null}
            {canSettleWithoutPayout(statement) ? (
              <Can permission="settlement.write">
                <Button icon={<AuditOutlined />} onClick={() => setSettling(true)} data-testid="settle">
                  {t('settle.button')}
                </Button>
              </Can>
            ) : null}
          </Space>
          {exporting.isError ? <Problem error={exporting.error} /> : null}
          {statement.status === 'OPEN' ? <Typography.Text type="secondary">{t('drawer.openNote')}</Typography.Text> : null}
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('fields.organization')}>{organizationName(statement.organizationId)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.period')}>
              {statement.periodStart} ~ {statement.periodEnd} · {t(`period.${statement.period}`)}
            </Descriptions.Item>
            {statement.kind === 'FRANCHISE' ? <Descriptions.Item label={t('fields.sessions')}>{statement.sessions}</Descriptions.Item> : null}
            <Descriptions.Item label={t('fields.closedAt')}>
              <Time value={statement.closedAt} />
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.settledAt')}>
              <Time value={statement.settledAt} />
            </Descriptions.Item>
            {statement.settlementReference ? <Descriptions.Item label={t('fields.settlementReference')}>{statement.settlementReference}</Descriptions.Item> : null}
            <Descriptions.Item label={t('fields.id')}>
              <Typography.Text copyable style={{ fontSize: 12 }}>
                {statement.id}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          {statement.settlement ? <Settlement settlement={statement.settlement} /> : null}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('drawer.lines')}
          </Typography.Title>
          <Lines lines={statement.lines} />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('drawer.totals')}
          </Typography.Title>
          <Totals statement={statement} />
          <CloseStatement statement={statement} organizationName={organizationName(statement.organizationId)} open={closing} onClose={() => setClosing(false)} />
          <PayOutStatement statement={statement} organizationName={organizationName(statement.organizationId)} open={paying} onClose={() => setPaying(false)} />
          <SettleStatement statement={statement} organizationName={organizationName(statement.organizationId)} open={settling} onClose={() => setSettling(false)} />
        </Space>
      ) : null}
    </DetailDrawer>
  );
}
