import { useRef } from 'react';
import { Alert, Button, Card, Flex, Select, Space, Spin, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Problem } from '@/components/problem';
import { saveBlob } from '@/lib/save-blob';
import { complianceQuery, storyboardQuery } from '../api/onboarding';
import { NS } from '../i18n';

/** What the storyboard page's script prints on (PAGE_SCRIPT in the API's user pages). */
const PRINT_MESSAGE = { type: 'zizhu.storyboard.print' } as const;

export interface FlowPageProps {
  readonly accountId: string;
  readonly deviceId: string | undefined;
  readonly onDeviceChange: (deviceId: string | undefined) => void;
}

/**
 * `/onboarding/$accountId/flow`: the account's interaction flow image (交互流程图, the attachment of table 1.1) — the API's
 * storyboard page, drawn by the live user pages' own rendering with the operator's branding, one of its devices and
 * that device's plan. Shown in a frame (the page needs the bearer token, so it is fetched, not linked), sandboxed to an
 * opaque origin (its script runs under the page's own CSP, away from the console's origin, storage and token); printed
 * by the frame itself — its own button, or ours by message, since an opaque-origin frame's print() is out of our reach —
 * or saved as HTML (the policy travels in the page).
 */
export function FlowPage({ accountId, deviceId, onDeviceChange }: FlowPageProps) {
  const { t } = useTranslation(NS);
  const frame = useRef<HTMLIFrameElement>(null);
  const compliance = useQuery(complianceQuery(accountId));
  const storyboard = useQuery(storyboardQuery(accountId, deviceId));
  const html = typeof storyboard.data === 'string' ? storyboard.data : undefined;
  const devices = (compliance.data?.services ?? []).flatMap((s) => s.devices.map((d) => ({ value: d.id, label: `${d.code} · ${s.name}` })));
  const fileName = `flow-storyboard-${accountId.slice(0, 8)}${deviceId ? `-${deviceId.slice(0, 8)}` : ''}.html`;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="flow-page">
      <Alert type="info" showIcon title={t('flow.intro')} description={t('flow.how')} />
      <Card size="small">
        <Flex wrap gap="middle" justify="space-between" align="center">
          <Space wrap>
            <Typography.Text>{t('flow.device')}</Typography.Text>
            <Select
              style={{ minWidth: 280 }}
              allowClear
              placeholder={t('flow.firstDevice')}
              value={deviceId}
              options={devices}
              loading={compliance.isLoading}
              onChange={(value?: string) => onDeviceChange(value || undefined)}
              data-testid="flow-device"
            />
          </Space>
          <Space wrap>
            <Button icon={<PrinterOutlined />} disabled={!html} onClick={() => frame.current?.contentWindow?.postMessage(PRINT_MESSAGE, '*')} data-testid="flow-print">
              {t('flow.print')}
            </Button>
            <Button icon={<DownloadOutlined />} disabled={!html} onClick={() => html && saveBlob(new Blob([html], { type: 'text/html;charset=utf-8' }), fileName)} data-testid="flow-html">
              {t('flow.html')}
            </Button>
          </Space>
        </Flex>
      </Card>
      {storyboard.error ? <Problem error={storyboard.error} onRetry={() => void storyboard.refetch()} /> : null}
      {storyboard.isLoading ? <Spin /> : null}
      {html ? (
        <iframe
          ref={frame}
          title={t('flow.frameTitle')}
          srcDoc={html}
          sandbox="allow-scripts allow-modals"
          data-testid="flow-storyboard"
          style={{ width: '100%', height: 1000, border: '1px solid #f0f0f0', borderRadius: 8, background: '#fff' }}
        />
      ) : null}
    </Space>
  );
}
