import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Grid, Input, InputNumber, Space, Spin, Table, Typography } from 'antd';
import { CopyOutlined, DownloadOutlined, PictureOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { Problem } from '@/components/problem';
import { useCan } from '@/lib/me';
import { toProblem } from '@/lib/problem';
import { saveBlob } from '@/lib/save-blob';
import { downloadPackXlsx, packQuery, packSettingsQuery, putPackSettings, usePackSettingsChanged, type Pack, type PackSettings } from '../api/onboarding';
import { NS } from '../i18n';
import { packText, yuan } from '../pack-text';
import { packWindow, type PackSearch } from '../search';

/** Browser print: only the table (no menu, header, tabs, toolbar or settings), black on white, rows kept whole. */
const PRINT_CSS = `
@media print {
  .ant-layout-sider, .ant-layout-header, .ant-drawer, .zz-no-print { display: none !important; }
  .ant-layout, .ant-layout-content { background: #fff !important; padding: 0 !important; margin: 0 !important; }
  .zz-pack { font-size: 12px; }
  .zz-pack .ant-card { border: none !important; box-shadow: none !important; }
  .zz-pack tr, .zz-pack .ant-descriptions-row { break-inside: avoid; }
  a[href]::after { content: none !important; }
}`;

async function copyText(text: string): Promise<void> {
  if (globalThis.navigator?.clipboard?.writeText) return globalThis.navigator.clipboard.writeText(text);
  // without the async clipboard (plain http on a LAN address): a selected textarea and the copy command
  const area = document.createElement('textarea');
  area.value = text;
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}

export interface PackPageProps {
  readonly accountId: string;
  readonly search: PackSearch;
  readonly onSearchChange: (search: PackSearch) => void;
}

/** `/onboarding/$accountId/pack`: table 1.1 of WeChat's guide from the account's own data, paste-ready and printable. */
export function PackPage({ accountId, search, onSearchChange }: PackPageProps) {
  const { t, i18n } = useTranslation(NS);
  const { message } = App.useApp();
  const window = packWindow(search);
  const pack = useQuery(packQuery(accountId, window));
  // the operation also answers the spreadsheet (a string in the generated types); this query asks for JSON
  const data = typeof pack.data === 'object' ? pack.data : undefined;
  const problem = pack.error ? toProblem(pack.error) : null;
  const tooFew = problem?.code === 'APPLICATION_PACK_TOO_FEW_SESSIONS';
  const download = useMutation({
    mutationFn: () => downloadPackXlsx(accountId, window),
    onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName),
  });
  const copy = useMutation({
    // the email goes to WeChat: its row names in Chinese, whatever the console's language
    mutationFn: (data: Pack) => copyText(packText(data, i18n.getFixedT('zh-CN', NS))),
    onSuccess: () => void message.success(t('pack.copied')),
  });
  // the style element outside the Space (every child of a Space gets a gap); the settings after the table
  return (
    <>
      <style>{PRINT_CSS}</style>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="pack-page">
        <Card size="small" className="zz-no-print">
          <Flex wrap gap="middle" justify="space-between" align="end">
            <WindowForm days={window.days} minSessions={window.minSessions} onApply={(next) => onSearchChange(next)} />
            <Space wrap>
              <Button icon={<CopyOutlined />} disabled={!data} loading={copy.isPending} onClick={() => data && copy.mutate(data)} data-testid="pack-copy">
                {t('pack.copy')}
              </Button>
              <Button icon={<DownloadOutlined />} disabled={!data} loading={download.isPending} onClick={() => download.mutate()} data-testid="pack-xlsx">
                {t('pack.xlsx')}
              </Button>
              <Button icon={<PrinterOutlined />} disabled={!data} onClick={() => globalThis.print?.()} data-testid="pack-print">
                {t('pack.print')}
              </Button>
              <Link to={`/onboarding/${accountId}/flow` as never} data-testid="pack-flow">
                <Button icon={<PictureOutlined />}>{t('pack.flowLink')}</Button>
              </Link>
            </Space>
          </Flex>
          {copy.isError ? <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('pack.copyFailed')} /> : null}
          {download.isError ? <Problem error={download.error} /> : null}
        </Card>
        {tooFew ? (
          <Alert
            type="warning"
            showIcon
            data-testid="pack-refused"
            title={t('pack.tooFew.title')}
            description={
              <>
                <div>{t('pack.tooFew.body', { days: window.days, minSessions: window.minSessions })}</div>
                {problem.detail ? <Typography.Text type="secondary">{problem.detail}</Typography.Text> : null}
              </>
            }
          />
        ) : pack.error ? (
          <Problem error={pack.error} onRetry={() => void pack.refetch()} />
        ) : null}
        {pack.isLoading ? <Spin /> : null}
        {data ? <PackTable pack={data} /> : null}
        <SettingsCard accountId={accountId} />
      </Space>
    </>
  );
}

function WindowForm({ days, minSessions, onApply }: { days: number; minSessions: number; onApply: (next: { days: number; minSessions: number }) => void }) {
  const { t } = useTranslation(NS);
  const [form] = Form.useForm<{ days: number; minSessions: number }>();
  useEffect(() => form.setFieldsValue({ days, minSessions }), [form, days, minSessions]);
  return (
    <Form form={form} layout="inline" initialValues={{ days, minSessions }} onFinish={(values) => onApply(values)} style={{ rowGap: 8 }}>
      <Form.Item name="days" label={t('pack.days')} rules={[{ required: true }]}>
        <InputNumber min={1} max={366} precision={0} data-testid="pack-days" style={{ width: 90 }} />
      </Form.Item>
      <Form.Item name="minSessions" label={t('pack.minSessions')} rules={[{ required: true }]}>
        <InputNumber min={1} max={1_000_000} precision={0} data-testid="pack-min-sessions" style={{ width: 90 }} />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" data-testid="pack-apply">
          {t('pack.apply')}
        </Button>
      </Form.Item>
    </Form>
  );
}

function SettingsCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const [form] = Form.useForm<PackSettings>();
  const settings = useQuery(packSettingsQuery(accountId));
  const changed = usePackSettingsChanged();
  const mayWrite = useCan('onboarding.write');
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [form, settings.data]);
  const save = useMutation({
    mutationFn: (values: PackSettings) =>
      putPackSettings(accountId, {
        systemSoftware: values.systemSoftware?.trim() || null,
        expectedDailyOrders: values.expectedDailyOrders ?? null,
        expectedChannel: values.expectedChannel?.trim() || null,
      }),
    onSuccess: () => {
      void changed(accountId);
      setEditing(false);
      void message.success(t('settings.saved'));
    },
    onError: (error) => {
      const fields = toProblem(error).errors.filter((e) => ['systemSoftware', 'expectedDailyOrders', 'expectedChannel'].includes(e.field));
      form.setFields(fields.map((e) => ({ name: e.field as keyof PackSettings, errors: [...e.messages] })));
    },
  });
  return (
    <Card
      size="small"
      className="zz-no-print"
      title={t('settings.title')}
      data-testid="pack-settings"
      extra={
        <Can permission="onboarding.write">
          {editing ? null : (
            <Button size="small" onClick={() => setEditing(true)} data-testid="settings-edit">
              {t('settings.edit')}
            </Button>
          )}
        </Can>
      }
    >
      {settings.error ? <Problem error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      <Form form={form} layout="vertical" disabled={!editing || !mayWrite || save.isPending} onFinish={(values) => save.mutate(values)}>
        <Flex wrap gap="middle">
          <Form.Item name="systemSoftware" label={t('rows.systemSoftware')} extra={t('settings.systemSoftwareHelp')} style={{ minWidth: 220, flex: 1 }}>
            <Input maxLength={100} data-testid="settings-system-software" />
          </Form.Item>
          <Form.Item name="expectedDailyOrders" label={t('rows.expectedDailyOrders')} style={{ minWidth: 160 }}>
            <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} data-testid="settings-expected-daily" />
          </Form.Item>
          <Form.Item name="expectedChannel" label={t('rows.expectedChannel')} extra={t('settings.expectedChannelHelp')} style={{ minWidth: 220, flex: 1 }}>
            <Input maxLength={100} data-testid="settings-channel" />
          </Form.Item>
        </Flex>
        {editing ? (
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
              {t('settings.save')}
            </Button>
            <Button
              htmlType="button"
              disabled={save.isPending}
              onClick={() => {
                setEditing(false);
                if (settings.data) form.setFieldsValue(settings.data);
              }}
            >
              {t('settings.cancel')}
            </Button>
          </Space>
        ) : null}
      </Form>
      {save.isError && toProblem(save.error).errors.length === 0 ? <Problem error={save.error} /> : null}
    </Card>
  );
}

function PackTable({ pack }: { pack: Pack }) {
  const { t } = useTranslation(NS);
  // a phone: each row's name above its value
  const phone = Grid.useBreakpoint().md === false;
  const row = (key: string, children: ReactNode) => ({ key, label: t(`rows.${key}`), children: <div data-testid={`row-${key}`}>{children}</div> });
  const items = [
    row(
      'subjectName',
      pack.subjectNameSource === 'DISPLAY_NAME' ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {pack.subjectName}
          <Alert
            type="warning"
            showIcon
            className="zz-no-print"
            data-testid="subject-name-fallback"
            title={t('pack.subjectNameFallback')}
            action={
              <Link to="/organizations" search={{ organizationId: pack.organizationId }}>
                {t('pack.editSubjectName')}
              </Link>
            }
          />
        </Space>
      ) : (
        pack.subjectName
      ),
    ),
    row('businessSummary', pack.businessSummary),
    row('mchid', pack.mchid),
    row('systemSoftware', pack.systemSoftware),
    row('operatingModel', pack.operatingModel),
    row(
      'dailyOrders',
      <>
        {pack.dailyOrders}
        <Typography.Text type="secondary">（{t('pack.window', { from: pack.from, to: pack.to, days: pack.days, sessions: pack.sessions })}）</Typography.Text>
      </>,
    ),
    row('averageTicket', yuan(pack.averageTicketFen)),
    row('expectedDailyOrders', pack.expectedDailyOrders ?? <Typography.Text type="secondary">{t('pack.notEntered')}</Typography.Text>),
    row(
      'amountDistribution',
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Table
          size="small"
          pagination={false}
          rowKey="range"
          dataSource={pack.amountDistribution}
          columns={[
            { title: t('pack.range'), dataIndex: 'range', render: (r: string) => t(`ranges.${r}`) },
            { title: t('pack.percent'), dataIndex: 'percent', align: 'right', render: (p: number) => `${p}%` },
            { title: t('pack.count'), dataIndex: 'count', align: 'right' },
          ]}
        />
        {pack.warnings.map((w) => (
          <Alert key={w} type="warning" showIcon data-testid="pack-warning" title={w} />
        ))}
      </Space>,
    ),
    row(
      'billingRules',
      pack.billingRules.length === 0 ? (
        <Typography.Text type="secondary">{t('pack.none')}</Typography.Text>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {pack.billingRules.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ),
    ),
    row('expectedChannel', pack.expectedChannel),
    row(
      'offlineScenes',
      <Space orientation="vertical" style={{ width: '100%' }}>
        <div>{pack.cities.map((c) => t('pack.city', { city: c.city, sites: c.sites, devices: c.devices })).join('；') || t('pack.none')}</div>
        {pack.sites.length > 0 ? (
          <Table
            size="small"
            pagination={false}
            rowKey={(s) => `${s.city}|${s.place}|${s.address}`}
            dataSource={pack.sites}
            scroll={{ x: true }}
            columns={[
              { title: t('pack.cityCol'), dataIndex: 'city' },
              { title: t('pack.district'), dataIndex: 'district', render: (d: string | null) => d ?? '—' },
              { title: t('pack.place'), dataIndex: 'place' },
              { title: t('pack.address'), dataIndex: 'address' },
              { title: t('pack.deviceCount'), dataIndex: 'devices', align: 'right' },
            ]}
          />
        ) : null}
      </Space>,
    ),
    row(
      'attachments',
      <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
        {pack.attachments.map((a) => (
          <li key={a.key} data-testid={`attachment-${a.key}`} style={{ marginBottom: 6 }}>
            <Typography.Text strong>☐ {a.title}</Typography.Text>
            <div>
              <Typography.Text type="secondary">{a.rule}</Typography.Text>
            </div>
            {a.warning ? <Typography.Text type="warning">{a.warning} </Typography.Text> : null}
            {a.link ? (
              <Link to={a.link as never} className="zz-no-print">
                {t('pack.openLink')}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>,
    ),
  ];
  return (
    <Card size="small" className="zz-pack" title={t('pack.tableTitle', { mchid: pack.mchid })} data-testid="pack-table">
      <Descriptions bordered column={1} size="small" layout={phone ? 'vertical' : 'horizontal'} items={items} styles={phone ? {} : { label: { width: 150, whiteSpace: 'nowrap' } }} />
    </Card>
  );
}
